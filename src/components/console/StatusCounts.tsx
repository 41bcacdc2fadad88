/** @jsxImportSource react */
/** How many reports are in each status (and how many of them are overdue), each a link to that list. */
import type { QueueFilters, StatusCount } from '../../lib/supabase/console.ts';
import { statusLabel, useConsole } from './context.ts';
import { searchFromFilters } from './url.ts';

interface Props {
  counts: StatusCount[];
  filters: QueueFilters;
  onChoose: (filters: QueueFilters) => void;
}

export default function StatusCounts({ counts, filters, onChoose }: Props) {
  const { t, messages } = useConsole();
  return (
    <nav className="c-counts" aria-label={t('console.counts.label')}>
      <ul>
        {counts.map((c) => {
          const next = { ...filters, status: c.status };
          return (
            <li key={c.status}>
              <a
                href={searchFromFilters(next) || '?'}
                aria-current={filters.status === c.status ? 'true' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  onChoose(next);
                }}
              >
                <span className="c-counts__label">{statusLabel(t, messages, c.status)}</span>{' '}
                <span className="c-counts__number">{c.total}</span>
                {c.overdue > 0 && (
                  <span className="c-counts__overdue">
                    {' '}
                    {t('console.counts.overdue', { count: c.overdue })}
                  </span>
                )}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
