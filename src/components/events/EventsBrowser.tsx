/**
 * The clean-day list page (/events/): filters by district and month (kept in the URL), the upcoming clean days
 * with places left (refreshed every minute), a small map of them, the past ones with their results, and the
 * sign-ups kept on this device. Everything is read in the browser: events are created at run time.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { Locale } from '../../i18n/index.ts';
import { formatDateTime, formatMonth, formatTimeRange, monthRange } from '../../lib/dates/index.ts';
import { readSignups } from '../../lib/events/my-signups.ts';
import { listDistricts, listEvents } from '../../lib/events/queries.ts';
import { localized, type District, type PublicEvent, type SignupRecord } from '../../lib/events/types.ts';
import EventCard from './EventCard.tsx';
import EventsMap from './EventsMap.tsx';
import { filtersToQuery, monthOptions, parseFilters, type EventFilters } from './filters.ts';
import { translator, type Messages } from './text.ts';

interface Props {
  locale: Locale;
  lang: string;
  messages: Messages;
  /** The event page (the id is added as ?id=). */
  eventPath: string;
  /** The cancel page (the token is added as ?token=). */
  cancelPath: string;
}

/** Places left are refreshed this often while the page is visible (the brief: at most a minute). */
const REFRESH_MS = 60_000;
const PAST_LIMIT = 6;

type Load =
  | { state: 'loading' }
  | { state: 'error' }
  | { state: 'ready'; upcoming: PublicEvent[]; past: PublicEvent[] };

export default function EventsBrowser({ locale, lang, messages, eventPath, cancelPath }: Props) {
  const t = useMemo(() => translator(lang, messages), [lang, messages]);
  const [mounted, setMounted] = useState(false);
  const [filters, setFilters] = useState<EventFilters>({ district: null, month: null });
  const [districts, setDistricts] = useState<District[]>([]);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [mine, setMine] = useState<SignupRecord[]>([]);
  const [attempt, setAttempt] = useState(0);
  const months = useMemo(() => monthOptions(new Date()), []);

  useEffect(() => {
    setMounted(true);
    setFilters(parseFilters(new URLSearchParams(window.location.search)));
    setMine(readSignups().filter((r) => Date.parse(r.startsAt) > Date.now() - 86_400_000));
    listDistricts()
      .then(setDistricts)
      .catch(() => setDistricts([]));
    const onPop = () => setFilters(parseFilters(new URLSearchParams(window.location.search)));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const fetchLists = useCallback(
    async (signal: AbortSignal) => {
      const range = filters.month ? monthRange(filters.month) : null;
      const query = { district: filters.district, from: range?.from, to: range?.to };
      const [upcoming, past] = await Promise.all([
        listEvents({ ...query, past: false, limit: 100 }, signal),
        listEvents({ ...query, past: true, limit: PAST_LIMIT }, signal),
      ]);
      return { upcoming, past };
    },
    [filters],
  );

  useEffect(() => {
    if (!mounted) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = (quiet: boolean) => {
      if (!quiet) setLoad({ state: 'loading' });
      fetchLists(controller.signal)
        .then((lists) => setLoad({ state: 'ready', ...lists }))
        .catch(() => {
          // A failed refresh keeps the list on screen; only a failed first load shows the error.
          if (!controller.signal.aborted && !quiet) setLoad({ state: 'error' });
        })
        .finally(() => {
          if (!controller.signal.aborted) timer = setTimeout(refresh, REFRESH_MS);
        });
    };
    const refresh = () => {
      if (document.visibilityState === 'visible') run(true);
      else timer = setTimeout(refresh, REFRESH_MS);
    };
    run(false);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [mounted, fetchLists, attempt]);

  const districtName = (code: string) => {
    const d = districts.find((x) => x.code === code);
    return d ? (locale === 'en' ? d.name_en : d.name_zh) : '';
  };
  const eventHref = (id: string) => `${eventPath}?id=${encodeURIComponent(id)}`;

  const onSubmit = (e: Event) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const next = parseFilters(
      new URLSearchParams({
        district: String(data.get('district') ?? ''),
        month: String(data.get('month') ?? ''),
      }),
    );
    history.pushState(null, '', `${window.location.pathname}${filtersToQuery(next)}`);
    setFilters(next);
  };
  const onClear = (e: Event) => {
    e.preventDefault();
    history.pushState(null, '', window.location.pathname);
    setFilters({ district: null, month: null });
  };

  if (!mounted) return null;
  const ready = load.state === 'ready' ? load : null;
  const pins = (ready?.upcoming ?? [])
    .filter((e) => e.status === 'published')
    .map((e) => ({
      id: e.id,
      lng: e.lng,
      lat: e.lat,
      label: `${localized(e, 'title', locale)} · ${formatTimeRange(locale, e.starts_at, e.ends_at)}`,
    }));
  const filtered = !!(filters.district || filters.month);

  return (
    <div class="events-browser">
      {mine.length > 0 && (
        <section class="events-panel" aria-labelledby="events-mine-heading">
          <h2 id="events-mine-heading">{t('events.mine.heading')}</h2>
          <ul class="events-mine">
            {mine.map((r) => (
              <li key={r.token}>
                <a href={eventHref(r.eventId)}>{locale === 'en' ? r.title.en : r.title.zh}</a>{' '}
                <span class="meta">{formatDateTime(locale, r.startsAt)}</span>{' '}
                <a href={`${cancelPath}?token=${r.token}`}>{t('events.mine.manage')}</a>
              </li>
            ))}
          </ul>
        </section>
      )}

      <form class="events-filters" method="get" onSubmit={onSubmit} aria-labelledby="events-filter-heading">
        <h2 id="events-filter-heading" class="events-filters__heading">
          {t('events.filter.heading')}
        </h2>
        <div class="events-field">
          <label for="events-district">{t('events.filter.district')}</label>
          <select id="events-district" name="district" key={`d-${filters.district}-${districts.length}`}>
            <option value="">{t('events.filter.districtAll')}</option>
            {districts.map((d) => (
              <option value={d.code} selected={filters.district === d.code}>
                {locale === 'en' ? d.name_en : d.name_zh}
              </option>
            ))}
          </select>
        </div>
        <div class="events-field">
          <label for="events-month">{t('events.filter.month')}</label>
          <select id="events-month" name="month" key={`m-${filters.month}`}>
            <option value="">{t('events.filter.monthAll')}</option>
            {months.map((m) => (
              <option value={m} selected={filters.month === m}>
                {formatMonth(locale, m)}
              </option>
            ))}
          </select>
        </div>
        <div class="events-filters__actions">
          <button type="submit" class="button">
            {t('events.filter.apply')}
          </button>
          {filtered && (
            <a href={window.location.pathname} onClick={onClear}>
              {t('events.filter.clear')}
            </a>
          )}
        </div>
      </form>

      <p role="status" class="events-count">
        {ready ? t('events.list.count', { count: ready.upcoming.length }) : ''}
      </p>

      <section aria-labelledby="events-upcoming-heading">
        <h2 id="events-upcoming-heading">{t('events.upcoming.heading')}</h2>
        {load.state === 'loading' && <p>{t('events.list.loading')}</p>}
        {load.state === 'error' && (
          <div class="events-error" role="alert">
            <p>{t('events.list.error')}</p>
            <button type="button" class="button button--secondary" onClick={() => setAttempt((n) => n + 1)}>
              {t('events.retry')}
            </button>
          </div>
        )}
        {ready && ready.upcoming.length === 0 && <p>{t('events.list.empty')}</p>}
        {ready && ready.upcoming.length > 0 && (
          <ul class="events-list">
            {ready.upcoming.map((event) => (
              <EventCard
                key={event.id}
                event={event}
                locale={locale}
                t={t}
                href={eventHref(event.id)}
                districtName={districtName(event.district_code)}
              />
            ))}
          </ul>
        )}
      </section>

      {pins.length > 0 && (
        <section aria-labelledby="events-map-heading">
          <h2 id="events-map-heading">{t('events.map.heading')}</h2>
          <EventsMap pins={pins} label={t('events.map.label')} noTilesNote={t('events.map.noTiles')} />
        </section>
      )}

      <section aria-labelledby="events-past-heading">
        <h2 id="events-past-heading">{t('events.past.heading')}</h2>
        {ready && ready.past.length === 0 && <p>{t('events.list.emptyPast')}</p>}
        {ready && ready.past.length > 0 && (
          <ul class="events-list">
            {ready.past.map((event) => (
              <EventCard
                key={event.id}
                event={event}
                locale={locale}
                t={t}
                href={eventHref(event.id)}
                districtName={districtName(event.district_code)}
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
