/** @jsxImportSource react */
/** The clean days for organisers (/console/events/): coming up and drafts first, then the past ones. */
import { useEffect, useState } from 'react';
import { formatTimeRange } from '../../../lib/dates/index.ts';
import { fetchConsoleEvents, type ConsoleEventRow } from '../../../lib/events/console.ts';
import { nameIn, useConsole } from '../context.ts';
import { eventStatusLabel, organiserErrorText, titleIn } from './format.ts';
import { useEventsLinks } from './events-context.ts';

function EventRows({ rows }: { rows: ConsoleEventRow[] }) {
  const { t, locale, reference } = useConsole();
  const { eventsPath } = useEventsLinks();
  if (rows.length === 0) return <p>{t('console.events.list.empty')}</p>;
  return (
    <ul className="c-list c-events-list">
      {rows.map((row) => (
        <li key={row.id} className="c-events-item">
          <h3 className="c-events-item__title">
            <a href={`${eventsPath}event/?id=${row.id}`}>{titleIn(locale, row)}</a>
          </h3>
          <p className="c-badges">
            <span className={`c-tag c-events-tag--${row.status}`}>{eventStatusLabel(t, row.status)}</span>
            {!row.can_edit && <span className="c-tag">{t('console.events.list.readOnly')}</span>}
          </p>
          <p>
            {formatTimeRange(locale, row.starts_at, row.ends_at)} ·{' '}
            {locale === 'en' ? row.place_en : row.place_zh} ·{' '}
            {nameIn(locale, reference.districts, row.district_code)}
          </p>
          <p className="meta">
            {t('console.events.list.places', { taken: row.spots_taken, capacity: row.capacity })}
            {row.waitlist_count > 0 && (
              <> · {t('console.events.list.waiting', { count: row.waitlist_count })}</>
            )}
            {row.linked_reports > 0 && (
              <> · {t('console.events.list.reports', { count: row.linked_reports })}</>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}

export default function EventsList() {
  const { t, messages } = useConsole();
  const [upcoming, setUpcoming] = useState<ConsoleEventRow[] | null>(null);
  const [past, setPast] = useState<ConsoleEventRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([fetchConsoleEvents(false), fetchConsoleEvents(true)])
      .then(([coming, done]) => {
        setUpcoming(coming);
        setPast(done);
      })
      .catch((failure: { key?: string }) => setError(organiserErrorText(t, messages, failure)));
  }, [t, messages]);

  return (
    <section>
      <h1 tabIndex={-1}>{t('console.events.list.heading')}</h1>
      {error && <p role="alert">{error}</p>}
      {!error && !upcoming && <p role="status">{t('console.loading')}</p>}
      {upcoming && (
        <section aria-labelledby="c-events-upcoming">
          <h2 id="c-events-upcoming">{t('console.events.list.upcoming')}</h2>
          <EventRows rows={upcoming} />
        </section>
      )}
      {past && (
        <section aria-labelledby="c-events-past">
          <h2 id="c-events-past">{t('console.events.list.past')}</h2>
          <EventRows rows={past} />
        </section>
      )}
    </section>
  );
}
