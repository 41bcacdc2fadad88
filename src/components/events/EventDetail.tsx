/**
 * The page of one clean day (/events/view/?id=…). Events are created at run time, so the page is one static
 * shell that reads the event in the browser: what, where (place and map), when, what to bring, organiser, places
 * left (refreshed every 30 seconds), results, the reports it deals with, this device's sign-ups, the sign-up form,
 * "add to calendar" (the database's .ics) and a share link. JSON-LD `Event` data is added once the event is known.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { Locale } from '../../i18n/index.ts';
import { formatTimeRange } from '../../lib/dates/index.ts';
import { eventJsonLd, serializeJsonLd } from '../../lib/events/json-ld.ts';
import { signupsFor } from '../../lib/events/my-signups.ts';
import {
  eventIcsUrl,
  eventPhotos,
  eventPhotoUrl,
  getEvent,
  isUuid,
  linkedReports,
  listDistricts,
  signupByToken,
} from '../../lib/events/queries.ts';
import { availability, localized, type LinkedReport, type PublicEvent } from '../../lib/events/types.ts';
import EventsMap from './EventsMap.tsx';
import MySignups, { type MySignup } from './MySignups.tsx';
import PlacesLeft from './PlacesLeft.tsx';
import Results from './Results.tsx';
import ShareLink from './ShareLink.tsx';
import SignupConfirmation from './SignupConfirmation.tsx';
import SignupForm, { type SignupDone } from './SignupForm.tsx';
import { translator, type Messages } from './text.ts';

interface Props {
  locale: Locale;
  lang: string;
  messages: Messages;
  siteName: string;
  listPath: string;
  cancelPath: string;
  /** The public page of a report (the code is added as ?code=). */
  reportPath: string;
}

/** Places left are refreshed this often while the page is visible. */
const REFRESH_MS = 30_000;

type Load =
  { state: 'loading' } | { state: 'missing' } | { state: 'error' } | { state: 'ready'; event: PublicEvent };

function paragraphs(text: string) {
  return text
    .split(/\n{2,}|\n/)
    .filter((p) => p.trim())
    .map((p, i) => <p key={i}>{p}</p>);
}

export default function EventDetail({
  locale,
  lang,
  messages,
  siteName,
  listPath,
  cancelPath,
  reportPath,
}: Props) {
  const t = useMemo(() => translator(lang, messages), [lang, messages]);
  const [id, setId] = useState<string | null | undefined>(undefined);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [districtName, setDistrictName] = useState('');
  const [reports, setReports] = useState<LinkedReport[]>([]);
  const [photos, setPhotos] = useState<string[]>([]);
  const [mine, setMine] = useState<MySignup[]>([]);
  const [done, setDone] = useState<SignupDone | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const value = new URLSearchParams(window.location.search).get('id');
    setId(isUuid(value) ? value.toLowerCase() : null);
  }, []);

  const refreshMine = useCallback(async (eventId: string) => {
    const records = signupsFor(eventId);
    const states = await Promise.all(records.map((record) => signupByToken(record.token).catch(() => null)));
    setMine(records.map((record, i) => ({ record, state: states[i] ?? null })));
  }, []);

  // The event, then a refresh of places left and of this device's sign-ups while the page is visible.
  useEffect(() => {
    if (id === undefined) return;
    if (id === null) return setLoad({ state: 'missing' });
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async (quiet: boolean) => {
      try {
        const event = await getEvent(id, controller.signal);
        setLoad(event ? { state: 'ready', event } : { state: 'missing' });
        if (event) await refreshMine(event.id);
      } catch {
        if (!quiet && !controller.signal.aborted) setLoad({ state: 'error' });
      }
      if (!controller.signal.aborted) timer = setTimeout(tick, REFRESH_MS);
    };
    const tick = () => {
      if (document.visibilityState === 'visible') void run(true);
      else timer = setTimeout(tick, REFRESH_MS);
    };
    void run(false);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [id, attempt, refreshMine]);

  const event = load.state === 'ready' ? load.event : null;
  const eventId = event?.id;
  const districtCode = event?.district_code;

  // Things that do not change while the page is open: the district's name and the linked reports.
  useEffect(() => {
    if (!eventId || !districtCode) return;
    listDistricts()
      .then((all) => {
        const d = all.find((x) => x.code === districtCode);
        setDistrictName(d ? (locale === 'en' ? d.name_en : d.name_zh) : '');
      })
      .catch(() => setDistrictName(''));
    linkedReports(eventId)
      .then(setReports)
      .catch(() => setReports([]));
  }, [eventId, districtCode, locale]);

  // Photos of the results, once there are results.
  const completed = event?.status === 'completed';
  useEffect(() => {
    if (!eventId || !completed) return;
    eventPhotos(eventId)
      .then((found) => setPhotos(found.map((p) => eventPhotoUrl(p.storage_path))))
      .catch(() => setPhotos([]));
  }, [eventId, completed]);

  // The page's heading and title (the heading is static HTML, so the page has one before this script runs),
  // and structured data for search engines.
  const heading =
    load.state === 'missing'
      ? t('events.view.notFound.heading')
      : event
        ? localized(event, 'title', locale)
        : null;
  useEffect(() => {
    if (!heading) return;
    const h1 = document.getElementById('events-title');
    if (h1) h1.textContent = heading;
    document.title = `${heading} | ${siteName}`;
  }, [heading, siteName]);
  useEffect(() => {
    if (!event) return;
    // The page's canonical, language and share links are built for the bare shell: point them at this event.
    const withId = (href: string) => {
      const url = new URL(href, window.location.href);
      url.searchParams.set('id', event.id);
      return url.href;
    };
    for (const link of document.querySelectorAll<HTMLLinkElement>(
      'link[rel="canonical"], link[rel="alternate"][hreflang]',
    )) {
      link.href = withId(link.href);
    }
    const ogUrl = document.querySelector<HTMLMetaElement>('meta[property="og:url"]');
    if (ogUrl) ogUrl.content = withId(ogUrl.content);
    let script = document.getElementById('events-json-ld');
    if (!script) {
      script = document.createElement('script');
      script.id = 'events-json-ld';
      script.setAttribute('type', 'application/ld+json');
      document.head.append(script);
    }
    script.textContent = serializeJsonLd(eventJsonLd(event, locale, window.location.href));
  }, [event, locale]);

  if (load.state === 'missing') {
    return (
      <div>
        <p>{t('events.view.notFound.text')}</p>
        <p>
          <a href={listPath}>{t('events.view.back')}</a>
        </p>
      </div>
    );
  }
  if (!event) {
    return (
      <div>
        {id !== undefined && load.state === 'loading' && <p role="status">{t('events.view.loading')}</p>}
        {load.state === 'error' && (
          <div class="events-error" role="alert">
            <p>{t('events.view.error')}</p>
            <button type="button" class="button button--secondary" onClick={() => setAttempt((n) => n + 1)}>
              {t('events.retry')}
            </button>
          </div>
        )}
      </div>
    );
  }

  const state = availability(event);
  const bring = localized(event, 'bring', locale);
  const cancelNote = localized(event, 'cancel_note', locale);
  const cancelUrl = (token: string) => new URL(`${cancelPath}?token=${token}`, window.location.href).href;
  const doneState = done ? (mine.find((m) => m.record.token === done.token)?.state ?? null) : null;

  return (
    <article class="events-detail">
      <p class="events-back">
        <a href={listPath}>{t('events.view.back')}</a>
      </p>

      {state === 'cancelled' && (
        <div class="events-notice events-notice--warning">
          <p>
            <strong>{t('events.view.cancelled')}</strong>
          </p>
          {cancelNote && <p>{t('events.view.cancelNote', { note: cancelNote })}</p>}
        </div>
      )}
      {state === 'completed' && <p class="events-notice">{t('events.view.completed')}</p>}
      {state === 'ended' && <p class="events-notice">{t('events.view.ended')}</p>}
      {state === 'started' && <p class="events-notice">{t('events.view.started')}</p>}

      <dl class="events-facts events-facts--detail">
        <div>
          <dt>{t('events.view.when')}</dt>
          <dd>{formatTimeRange(locale, event.starts_at, event.ends_at)}</dd>
        </div>
        <div>
          <dt>{t('events.view.where')}</dt>
          <dd>{localized(event, 'place', locale)}</dd>
        </div>
        {districtName && (
          <div>
            <dt>{t('events.view.district')}</dt>
            <dd>{districtName}</dd>
          </div>
        )}
        <div>
          <dt>{t('events.view.organiser')}</dt>
          <dd>{localized(event, 'organiser', locale)}</dd>
        </div>
        {(state === 'open' || state === 'full') && (
          <div>
            <dt>{t('events.view.places')}</dt>
            <dd>
              <PlacesLeft event={event} t={t} />
              <span class="meta">{t('events.view.liveNote')}</span>
            </dd>
          </div>
        )}
      </dl>

      <p class="events-actions">
        <a class="button button--secondary" href={eventIcsUrl(event.id, locale)} download>
          {t('events.view.addToCalendar')}
        </a>
      </p>

      {state === 'completed' && <Results event={event} locale={locale} t={t} photos={photos} />}

      <MySignups signups={mine} t={t} cancelPath={cancelPath} />

      {done && (
        <SignupConfirmation
          done={done}
          state={doneState}
          cancelUrl={cancelUrl(done.token)}
          t={t}
          onAnother={() => setDone(null)}
        />
      )}
      {!done && (state === 'open' || state === 'full') && (
        <SignupForm
          event={event}
          t={t}
          onDone={(result) => {
            setDone(result);
            void refreshMine(event.id);
            void getEvent(event.id).then((fresh) => fresh && setLoad({ state: 'ready', event: fresh }));
          }}
        />
      )}

      <section aria-labelledby="events-about-heading">
        <h2 id="events-about-heading">{t('events.view.about')}</h2>
        {paragraphs(localized(event, 'description', locale))}
        {bring && (
          <>
            <h3>{t('events.view.bring')}</h3>
            {paragraphs(bring)}
          </>
        )}
      </section>

      <section aria-labelledby="events-place-heading">
        <h2 id="events-place-heading">{t('events.view.where')}</h2>
        <p>{localized(event, 'place', locale)}</p>
        <EventsMap
          pins={[{ id: event.id, lng: event.lng, lat: event.lat, label: localized(event, 'place', locale) }]}
          label={t('events.map.placeLabel')}
          noTilesNote={t('events.map.noTiles')}
          size="small"
        />
      </section>

      {reports.length > 0 && (
        <section aria-labelledby="events-reports-heading">
          <h2 id="events-reports-heading">{t('events.view.reports.heading')}</h2>
          <p>{t('events.view.reports.text')}</p>
          <ul class="events-reports">
            {reports.map((r) => (
              <li key={r.tracking_code} data-code={r.tracking_code}>
                <a href={`${reportPath}?code=${encodeURIComponent(r.tracking_code)}`}>{r.tracking_code}</a>
                {r.address && <> · {r.address}</>} ·{' '}
                <span class="events-report-status">
                  {t('events.view.reports.status', { status: t(`reports.status.${r.status}`) })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <ShareLink t={t} />
    </article>
  );
}
