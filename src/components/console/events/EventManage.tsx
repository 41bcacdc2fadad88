/** @jsxImportSource react */
/**
 * One clean day for its organisers (/console/events/event/?id=…): the facts, sign-ups and the waiting list
 * (contacts only on request, and the database logs it) with attendance and CSV export, the linked reports, and
 * the actions: record results and close (resolving the linked reports), duplicate, cancel.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatTimeRange } from '../../../lib/dates/index.ts';
import {
  fetchConsoleEvent,
  fetchLinkedReports,
  type ConsoleEvent,
  type LinkedReportRow,
} from '../../../lib/events/console.ts';
import { consoleHref, nameIn, statusLabel, useConsole } from '../context.ts';
import { Notice } from '../Form.tsx';
import type { ReportStatus } from '../../../lib/supabase/reports.ts';
import CancelEvent from './CancelEvent.tsx';
import CloseWithResults from './CloseWithResults.tsx';
import DuplicateEvent from './DuplicateEvent.tsx';
import EventPhotos from './EventPhotos.tsx';
import Signups from './Signups.tsx';
import { useEventsLinks } from './events-context.ts';
import { eventStatusLabel, organiserErrorText, titleIn } from './format.ts';

export default function EventManage() {
  const { t, messages, locale, reference, basePath } = useConsole();
  const { eventsPath, publicEventPath } = useEventsLinks();
  const [params] = useState(() => new URLSearchParams(window.location.search));
  const id = params.get('id') ?? '';
  const [event, setEvent] = useState<ConsoleEvent | null>(null);
  const [reports, setReports] = useState<LinkedReportRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(
    params.has('saved') ? t('console.events.form.saved') : null,
  );
  const noticeRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    try {
      const [found, linked] = await Promise.all([fetchConsoleEvent(id), fetchLinkedReports(id)]);
      setEvent(found);
      setReports(linked);
    } catch (failure) {
      setError(organiserErrorText(t, messages, failure as { key?: string }));
    }
  }, [id, t, messages]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (event) document.title = `${titleIn(locale, event)} | ${document.title.split(' | ').slice(-1)[0]}`;
  }, [event, locale]);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const changed = (message: string) => void load().then(() => setNotice(message));

  if (error) {
    return (
      <section>
        <h1 tabIndex={-1}>{t('console.events.title.event')}</h1>
        <p role="alert">{error}</p>
      </section>
    );
  }
  if (!event) return <p role="status">{t('console.loading')}</p>;

  const open = event.status === 'draft' || event.status === 'published';
  const started = Date.parse(event.starts_at) <= Date.now();
  return (
    <article>
      <h1 tabIndex={-1}>{titleIn(locale, event)}</h1>
      {notice && (
        <div ref={noticeRef} tabIndex={-1}>
          <Notice message={notice} />
        </div>
      )}
      <dl className="c-facts">
        <dt>{t('console.events.event.status')}</dt>
        <dd>
          <span className={`c-tag c-events-tag--${event.status}`}>{eventStatusLabel(t, event.status)}</span>
        </dd>
        <dt>{t('console.events.event.when')}</dt>
        <dd>{formatTimeRange(locale, event.starts_at, event.ends_at)}</dd>
        <dt>{t('console.events.event.where')}</dt>
        <dd>{locale === 'en' ? event.place_en : event.place_zh}</dd>
        <dt>{t('console.events.event.district')}</dt>
        <dd>{nameIn(locale, reference.districts, event.district_code)}</dd>
        <dt>{t('console.events.event.places')}</dt>
        <dd>
          {t('console.events.list.places', { taken: event.spots_taken, capacity: event.capacity })}
          {event.waitlist_count > 0 && (
            <> · {t('console.events.list.waiting', { count: event.waitlist_count })}</>
          )}
        </dd>
      </dl>
      <p className="c-actions">
        {event.status !== 'draft' && (
          <a href={`${publicEventPath}?id=${event.id}`}>{t('console.events.event.public')}</a>
        )}
        {event.can_edit && open && (
          <a className="button c-button--secondary" href={`${eventsPath}edit/?id=${event.id}`}>
            {t('console.events.event.edit')}
          </a>
        )}
      </p>

      <Signups event={event} />

      <section aria-labelledby="c-events-reports">
        <h2 id="c-events-reports">{t('console.events.reports.heading')}</h2>
        {reports.length === 0 ? (
          <p>{t('console.events.reports.empty')}</p>
        ) : (
          <ul className="c-list">
            {reports.map((r) => (
              <li key={r.tracking_code} className="c-events-report" data-code={r.tracking_code}>
                <a href={consoleHref(basePath, 'report/', { code: r.tracking_code })}>{r.tracking_code}</a> ·{' '}
                {nameIn(locale, reference.categories, r.category_code)}
                {r.address && <> · {r.address}</>} ·{' '}
                <span className={`c-tag c-tag--${r.status}`}>
                  {statusLabel(t, messages, r.status as ReportStatus)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {event.can_edit && (event.status === 'published' || event.status === 'completed') && (
        <CloseWithResults event={event} started={started} onDone={changed} />
      )}
      {event.can_edit && (event.status === 'completed' || (event.status === 'published' && started)) && (
        <EventPhotos eventId={event.id} />
      )}
      {event.can_edit && <DuplicateEvent event={event} />}
      {event.can_edit && open && <CancelEvent event={event} onDone={changed} />}
    </article>
  );
}
