/** @jsxImportSource react */
/** One report in the queue: code (link to the report), status, deadline, place, start of the description. */
import type { Person, QueueRow } from '../../lib/supabase/console.ts';
import { consoleHref, nameIn, useConsole } from './context.ts';
import { dueText, when } from './format.ts';
import StatusBadge from './StatusBadge.tsx';

interface Props {
  row: QueueRow;
  selected: boolean;
  onSelect: (id: string, selected: boolean) => void;
  people: Person[];
}

export default function QueueItem({ row, selected, onSelect, people }: Props) {
  const { t, locale, reference, basePath } = useConsole();
  const assignee = row.assigned_to ? (people.find((p) => p.id === row.assigned_to)?.email ?? '') : '';
  return (
    <li className={`c-item${row.overdue ? ' c-item--overdue' : ''}`}>
      <div className="c-item__select">
        <input
          type="checkbox"
          id={`select-${row.id}`}
          checked={selected}
          onChange={(e) => onSelect(row.id, e.target.checked)}
        />
        <label htmlFor={`select-${row.id}`}>
          <span className="visually-hidden">{t('console.queue.select', { code: row.tracking_code })}</span>
        </label>
      </div>
      <div className="c-item__body">
        <h3 className="c-item__title">
          <a href={consoleHref(basePath, 'report/', { code: row.tracking_code })}>{row.tracking_code}</a>{' '}
          <span className="c-item__category">{nameIn(locale, reference.categories, row.category_code)}</span>
        </h3>
        <StatusBadge status={row.status} overdue={row.overdue} hidden={row.hidden} />
        <p className="c-item__place">
          {nameIn(locale, reference.districts, row.district_code)}
          {row.address ? ` · ${row.address}` : ''}
        </p>
        <p className="c-item__text">{row.description}</p>
        <p className="meta">
          {row.is_open
            ? `${t('console.queue.due', { when: when(locale, row.due_at) })} — ${dueText(t, row.due_at, reference.holidays)}`
            : t('console.queue.updated', { when: when(locale, row.updated_at) })}
        </p>
        {(row.assigned_department || assignee) && (
          <p className="meta">
            {t('console.queue.assigned', {
              to: [nameIn(locale, reference.departments, row.assigned_department), assignee]
                .filter(Boolean)
                .join(' · '),
            })}
          </p>
        )}
        {row.confirmations_count > 0 && (
          <p className="meta">{t('console.queue.confirmations', { count: row.confirmations_count })}</p>
        )}
      </div>
    </li>
  );
}
