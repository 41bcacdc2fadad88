/**
 * The report page (/reports/view/?code=QS-XXXX-XXXX): one static page, the report loaded in the browser.
 * Status stepper, deadline, what was reported with photos and place, the public history, "me too", sharing,
 * and for the device that sent it, rating or reopening. It keeps itself current (live-updates.ts) and says
 * so politely when the status changes.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { addDays, formatDateTime, isoDate, type HolidayCalendar } from '../../lib/dates/index.ts';
import { findMyReport } from '../../lib/report/my-reports.ts';
import {
  fetchHolidays,
  fetchReferenceData,
  fetchReport,
  signedPhotoUrls,
  type PublicReport,
  type ReferenceData,
} from '../../lib/supabase/reports.ts';
import DueDate from './DueDate.tsx';
import { translator, type Messages } from './format.ts';
import { watchReport } from './live-updates.ts';
import LocationMap from './LocationMap.tsx';
import MeToo from './MeToo.tsx';
import ReporterActions from './ReporterActions.tsx';
import ReportPhotos from './ReportPhotos.tsx';
import ReportTimeline from './ReportTimeline.tsx';
import ShareLink from './ShareLink.tsx';
import StatusBadge from './StatusBadge.tsx';
import StatusStepper from './StatusStepper.tsx';
import { isOpen } from './status.ts';
import { normalizeTrackingCode } from './tracking-code.ts';

interface Props {
  locale: 'zh-cn' | 'en';
  lang: string;
  messages: Messages;
  /** This page's path, for links to other reports (?code=…). */
  pagePath: string;
  trackPath: string;
  mapPath: string;
}

type Loaded =
  | { state: 'loading' }
  | { state: 'missing'; typed: string | null }
  | { state: 'error' }
  | { state: 'ready'; report: PublicReport };

/** Only the parts that change what the page shows (updated_at moves with every status change). */
const signature = (r: PublicReport) =>
  `${r.updated_at}|${r.status}|${r.confirmations_count}|${r.rating ? 1 : 0}|${r.photos.length}|${r.updates.length}`;

export default function ReportPage({ locale, lang, messages, pagePath, trackPath, mapPath }: Props) {
  const t = useMemo(() => translator(lang, messages), [lang, messages]);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [reference, setReference] = useState<ReferenceData | null>(null);
  const [calendar, setCalendar] = useState<HolidayCalendar>(new Map());
  const [photoUrls, setPhotoUrls] = useState<ReadonlyMap<string, string>>(new Map());
  const [token, setToken] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [notice, setNotice] = useState('');
  const [now, setNow] = useState(() => new Date());
  const current = useRef<PublicReport | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);

  const reportHref = useCallback(
    (code: string) => `${pagePath}?code=${encodeURIComponent(code)}`,
    [pagePath],
  );

  const load = useCallback(
    async (code: string) => {
      try {
        const report = await fetchReport(code);
        setNow(new Date());
        if (!report) {
          setLoaded({ state: 'missing', typed: code });
          return;
        }
        const previous = current.current;
        if (previous && signature(previous) === signature(report)) return;
        if (previous && previous.status !== report.status) {
          setAnnouncement(
            t('reportPage.live.statusChanged', { status: t(`reports.status.${report.status}`) }),
          );
        }
        current.current = report;
        setLoaded({ state: 'ready', report });
        if (report.photos.length > 0 && (!previous || previous.photos.length !== report.photos.length)) {
          signedPhotoUrls(report.photos.map((p) => p.path)).then(setPhotoUrls, () => undefined);
        }
      } catch {
        // A failed refresh keeps what is shown; only a failed first load is an error.
        if (!current.current) setLoaded({ state: 'error' });
      }
    },
    [t],
  );

  useEffect(() => {
    const typed = new URLSearchParams(window.location.search).get('code');
    const code = typed ? normalizeTrackingCode(typed) : null;
    if (!code) {
      setLoaded({ state: 'missing', typed });
      return;
    }
    setToken(findMyReport(code)?.reporterToken ?? null);
    fetchReferenceData().then(setReference, () => undefined);
    void load(code);
    return watchReport(code, () => void load(code));
  }, [load]);

  // Working days between today and the due day, for the countdown.
  const report = loaded.state === 'ready' ? loaded.report : null;
  const dueAt = report?.due_at;
  useEffect(() => {
    if (!dueAt) return;
    const today = isoDate(new Date());
    const dueDay = isoDate(dueAt);
    const [from, to] = today < dueDay ? [today, dueDay] : [dueDay, today];
    fetchHolidays(from, addDays(to, 1)).then(setCalendar, () => undefined);
  }, [dueAt]);

  const onChanged = async (message: string) => {
    if (!report) return;
    await load(report.tracking_code);
    setNotice(message);
    requestAnimationFrame(() => noticeRef.current?.focus());
  };

  const nameOf = (list: ReferenceData['categories'] | undefined, code: string) => {
    const found = list?.find((c) => c.code === code);
    return found ? (lang === 'en' ? found.name_en : found.name_zh) : '';
  };

  if (loaded.state === 'loading') {
    return (
      <div class="rp-page">
        <h1>{t('reportPage.title')}</h1>
        <p role="status">{t('reports.loading')}</p>
      </div>
    );
  }
  if (loaded.state === 'missing' || loaded.state === 'error') {
    return (
      <div class="rp-page">
        <h1>{t(loaded.state === 'missing' ? 'reportPage.missing.title' : 'reportPage.error.title')}</h1>
        <p>
          {loaded.state === 'missing'
            ? loaded.typed
              ? t('reportPage.missing.body', { code: loaded.typed })
              : t('reportPage.missing.noCode')
            : t('reportPage.error.body')}
        </p>
        <p>
          <a href={trackPath}>{t('reportPage.missing.track')}</a>
        </p>
      </div>
    );
  }

  const r = loaded.report;
  const category = nameOf(reference?.categories, r.category_code) || t('reportPage.title');
  const district = nameOf(reference?.districts, r.district_code);
  const url = typeof window === 'undefined' ? reportHref(r.tracking_code) : window.location.href;

  return (
    <div class="rp-page">
      <p class="rp-code">
        {t('reportPage.code')} <strong>{r.tracking_code}</strong>
      </p>
      <h1>{category}</h1>
      <p class="rp-live" role="status">
        {announcement}
      </p>
      {notice && (
        <p class="rp-notice" tabIndex={-1} ref={noticeRef}>
          {notice}
        </p>
      )}

      <section class="rp-section" aria-labelledby="rp-status-heading">
        <h2 id="rp-status-heading">
          {t('reportPage.status.heading')}{' '}
          <StatusBadge status={r.status} label={t(`reports.status.${r.status}`)} />
        </h2>
        <StatusStepper t={t} report={r} reportHref={reportHref} />
        <DueDate t={t} lang={lang} locale={locale} report={r} now={now} calendar={calendar} />
        {r.rating && (
          <p>
            {t('reportPage.rating.public', { score: r.rating.score })}
            {r.rating.comment && <> “{r.rating.comment}”</>}
          </p>
        )}
        <p class="meta">
          {t('reportPage.live.note')} {t('reportPage.live.checked', { time: formatDateTime(locale, now) })}
        </p>
      </section>

      <section class="rp-section" aria-labelledby="rp-what-heading">
        <h2 id="rp-what-heading">{t('reportPage.what.heading')}</h2>
        <p class="rp-description">{r.description}</p>
        <dl class="rp-facts">
          <dt>{t('reportPage.what.submitted')}</dt>
          <dd>
            <time dateTime={r.created_at}>{formatDateTime(locale, r.created_at)}</time>
          </dd>
          {district && (
            <>
              <dt>{t('reportPage.what.district')}</dt>
              <dd>{district}</dd>
            </>
          )}
          <dt>{t('reportPage.what.address')}</dt>
          <dd>{r.address || t('reportPage.what.noAddress')}</dd>
        </dl>
        {r.photos.some((p) => p.kind === 'before') && (
          <>
            <h3>{t('reportPage.photos.before')}</h3>
            <ReportPhotos t={t} photos={r.photos} urls={photoUrls} kind="before" />
          </>
        )}
        <h3>{t('reportPage.what.location')}</h3>
        <LocationMap
          lng={r.lng}
          lat={r.lat}
          label={t('reportPage.what.mapLabel')}
          zoomIn={t('reports.map.zoomIn')}
          zoomOut={t('reports.map.zoomOut')}
        />
        <p>
          <a href={`${mapPath}?map=17/${r.lat.toFixed(5)}/${r.lng.toFixed(5)}`}>
            {t('reportPage.what.onBigMap')}
          </a>
        </p>
      </section>

      <section class="rp-section" aria-labelledby="rp-history-heading">
        <h2 id="rp-history-heading">{t('reportPage.timeline.heading')}</h2>
        <ReportTimeline t={t} locale={locale} report={r} photoUrls={photoUrls} />
      </section>

      <section class="rp-section rp-actions" aria-labelledby="rp-actions-heading">
        <h2 id="rp-actions-heading">{t('reportPage.actions.heading')}</h2>
        <MeToo
          t={t}
          lang={lang}
          code={r.tracking_code}
          count={r.confirmations_count}
          open={isOpen(r.status)}
          onCount={(count) => {
            const updated = { ...r, confirmations_count: count };
            current.current = updated;
            setLoaded({ state: 'ready', report: updated });
          }}
        />
        <ShareLink t={t} title={`${category} ${r.tracking_code}`} url={url} />
      </section>

      {token && <ReporterActions t={t} report={r} reporterToken={token} onChanged={onChanged} />}
    </div>
  );
}
