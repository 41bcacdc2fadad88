/**
 * The report form island. It owns the form's state and its life cycle:
 * - restores what was typed before (the autosaved draft),
 * - validates with the shared rules (src/lib/report/validation.ts) and shows problems inline and in a summary,
 * - looks for the same problem already reported nearby ("add me too"),
 * - queues the report in the outbox (IndexedDB) and follows it: waiting to send, sending, sent — or back into
 *   the form with the server's message when the server refused it.
 * Everything that talks to Supabase is in api.ts and loaded only when needed, with the panels that only
 * follow a server answer (nearby reports, the tracking code); the map likewise.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Locale } from '../../i18n/index.ts';
import { keepStorage, type OutboxItem } from '../../lib/outbox/index.ts';
import { newReporterToken } from '../../lib/report/reporter-token.ts';
import {
  REPORT_FIELDS,
  validateReport,
  type ReportErrors,
  type ReportField,
} from '../../lib/report/validation.ts';
import type { NearbyReport } from './api.ts';
import { CategoryField } from './CategoryField.tsx';
import { ContactField } from './ContactField.tsx';
import type { FormCategory, FormDistrict } from './data.ts';
import { DescriptionField } from './DescriptionField.tsx';
import { clearDraft, loadDraft, saveDraft, savePhoto } from './draft.ts';
import { ErrorSummary, type SummaryItem } from './ErrorSummary.tsx';
import {
  draftOf,
  emptyFields,
  fieldsOfDraft,
  formValues,
  hasContent,
  type FieldProblem,
  type FormFields,
  type FormLocation,
  type FormPhoto,
} from './form-state.ts';
import { AddressField, LocationField } from './LocationField.tsx';
import { keepPageOffline } from './offline.ts';
import { PhotosField } from './PhotosField.tsx';
import { OtherItems, WaitingPanel } from './SendPanels.tsx';
import { translator, type Messages } from './text.ts';
import { useOutbox } from './use-outbox.ts';
import { usePhotos } from './use-photos.ts';

interface Props {
  locale: Locale;
  lang: string;
  messages: Messages;
  categories: FormCategory[];
  districts: FormDistrict[];
  /** The report page, to which `?code=…` is added. */
  reportPath: string;
  /** This page's offline copy worker. */
  swUrl: string;
}

/** The outbox item this page follows (kept across reloads until the person starts another report). */
const CURRENT_KEY = 'qingshan.reportForm.current';
const storeCurrent = (id: string | null) => {
  try {
    if (id) localStorage.setItem(CURRENT_KEY, id);
    else localStorage.removeItem(CURRENT_KEY);
  } catch {
    // blocked: followed for this page only
  }
};

/** The field a server message key belongs to: 'report.error.contact.invalid' → 'contact'. */
function fieldOfKey(key: string): ReportField | null {
  const name = key.split('.')[2];
  return (REPORT_FIELDS as readonly string[]).includes(name ?? '') ? (name as ReportField) : null;
}

export default function ReportForm({
  locale,
  lang,
  messages,
  categories,
  districts,
  reportPath,
  swUrl,
}: Props) {
  const t = useMemo(() => translator(lang, messages), [lang, messages]);
  const [fields, setFields] = useState<FormFields>(emptyFields);
  const [errors, setErrors] = useState<ReportErrors>({});
  const [problem, setProblem] = useState<FieldProblem | null>(null);
  const [restored, setRestored] = useState(false);
  const [camera, setCamera] = useState(false);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [online, setOnline] = useState(true);
  const [nearby, setNearby] = useState<NearbyReport[]>([]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [confirmFailed, setConfirmFailed] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState<{ code: string; count: number } | null>(null);
  const [refused, setRefused] = useState<string[]>([]);
  const [summaryFocus, setSummaryFocus] = useState(0);
  const [live, setLive] = useState('');
  const [codeModule, setCodeModule] = useState<typeof import('./CodePanel.tsx') | null>(null);
  const [nearbyModule, setNearbyModule] = useState<typeof import('./NearbyReports.tsx') | null>(null);

  const summaryRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const busy = useRef(false);
  const baseTitle = useRef('');

  const announce = (text: string) => setLive((prev) => (prev === text ? `${text}\u00a0` : text));
  const photo = usePhotos(t, announce);
  const { photos, urls, error: photoError, setError: setPhotoError, show: showPhotos } = photo;
  const { items, ready: outboxReady, progress, outbox } = useOutbox();

  // Waking up: bring back the saved draft, keep an offline copy of the page.
  useEffect(() => {
    setCamera(matchMedia('(pointer: coarse)').matches);
    setOnline(navigator.onLine);
    baseTitle.current = document.title;
    try {
      setCurrentId(localStorage.getItem(CURRENT_KEY));
    } catch {
      // blocked
    }
    const onLine = () => setOnline(navigator.onLine);
    addEventListener('online', onLine);
    addEventListener('offline', onLine);

    void loadDraft().then((saved) => {
      const wanted = new URLSearchParams(location.search).get('category') ?? '';
      const fromUrl = categories.some((c) => c.code === wanted) ? wanted : '';
      const base: FormFields = { ...(saved?.fields ?? emptyFields) };
      base.category ||= fromUrl;
      setFields(base);
      if (saved) {
        showPhotos(saved.photos);
        setProblem(saved.problem);
      }
      setRestored(true);
    });

    if (import.meta.env.PROD) void keepPageOffline(swUrl);
    return () => {
      removeEventListener('online', onLine);
      removeEventListener('offline', onLine);
    };
  }, []);

  // Autosave everything typed (after the saved draft was read, so it is not overwritten by an empty form).
  useEffect(() => {
    if (restored) saveDraft({ fields, photos: photos.filter((p) => p.blob), problem });
  }, [fields, photos, problem, restored]);

  const current = items.find((i) => i.id === currentId) ?? null;
  const view = confirmed
    ? 'confirmed'
    : current && current.state !== 'failed'
      ? current.state === 'sent'
        ? 'sent'
        : 'waiting'
      : 'form';
  const pristine = !hasContent(fields, photos);

  // A refused report comes back into the form (only an empty one: nothing typed may be replaced).
  const correct = async (item: OutboxItem) => {
    const f = fieldsOfDraft(item.draft);
    const list: FormPhoto[] = item.photos.map((p) => ({ id: p.id, name: '', blob: p.blob, gps: null }));
    for (const p of item.photos) await savePhoto(p.id, p.blob);
    const key = item.error ?? 'report.error.form.server';
    const found: FieldProblem = { field: fieldOfKey(key), key };
    saveDraft({ fields: f, photos: list, problem: found });
    await outbox.current?.remove(item.id);
    if (key === 'report.error.category.invalid') setRefused((r) => [...r, item.draft.category]);
    setFields(f);
    showPhotos(list);
    setErrors({});
    setProblem(found);
    setCurrentId(null);
    storeCurrent(null);
    setSummaryFocus((n) => n + 1);
  };
  useEffect(() => {
    if (current?.state === 'failed' && restored && pristine) void correct(current);
  }, [current?.state, restored]);

  // Same problem nearby? Asked once the category and the place are known and have stopped changing.
  const loc = fields.location;
  useEffect(() => {
    setNearby([]);
    setConfirmFailed(null);
    if (!fields.category || !loc || !online) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      try {
        const [api, view] = await Promise.all([import('./api.ts'), import('./NearbyReports.tsx')]);
        const found = await api.nearbyOpenReports(loc.lng, loc.lat, fields.category);
        if (cancelled) return;
        setNearbyModule(view);
        setNearby(found);
        if (found.length) announce(t('report.nearby.found', { count: Math.min(found.length, 5) }));
      } catch {
        // Outside the city, offline, server trouble: no hint, the report can still be sent.
      }
    }, 600);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [fields.category, loc?.lng, loc?.lat, online]);

  // Focus follows the page's state: the summary after a send with problems, the heading of a new panel.
  useEffect(() => {
    if (summaryFocus) summaryRef.current?.focus();
  }, [summaryFocus]);
  // The tracking-code panel is fetched while a report is being sent (the connection is up then).
  const wantCode = view === 'sent' || view === 'confirmed' || items.some((i) => i.state === 'sending');
  useEffect(() => {
    if (wantCode && !codeModule) import('./CodePanel.tsx').then(setCodeModule, () => undefined);
  }, [wantCode]);
  const viewKey = `${view}:${currentId ?? ''}:${confirmed?.code ?? ''}:${!!codeModule}`;
  const lastView = useRef<string | null>(null);
  useEffect(() => {
    if (!outboxReady) return;
    if (lastView.current !== null && lastView.current !== viewKey) {
      // Back to the form: to the error summary when there are problems to fix, else to its start.
      if (view === 'form') (summaryRef.current ?? document.getElementById('rf-category-heading'))?.focus();
      else headingRef.current?.focus();
    }
    lastView.current = viewKey;
  }, [viewKey, outboxReady]);

  const shown: ReportErrors = { ...errors };
  if (problem?.field) shown[problem.field] = problem.key;
  const summary: SummaryItem[] = REPORT_FIELDS.flatMap((f) => {
    const key = shown[f];
    if (!key) return [];
    const target =
      f === 'category'
        ? `rf-category-${fields.category && categories.some((c) => c.code === fields.category) ? fields.category : categories[0]?.code}`
        : {
            description: 'rf-description',
            photos: 'rf-photos',
            location: 'rf-district',
            address: 'rf-address',
            contact: 'rf-contact',
          }[f];
    return [{ target, text: t(key) }];
  });
  if (problem && !problem.field) summary.push({ target: null, text: t(problem.key) });

  useEffect(() => {
    if (baseTitle.current)
      document.title = summary.length
        ? `${t('report.errorSummary.titlePrefix')} ${baseTitle.current}`
        : baseTitle.current;
  }, [summary.length]);

  const set = <K extends keyof FormFields>(key: K, value: FormFields[K]) =>
    setFields((f) => ({ ...f, [key]: value }));

  const setLocation = (location: FormLocation | null) =>
    setFields((f) => ({
      ...f,
      location,
      district: location && (location.source === 'device' || location.source === 'photo') ? '' : f.district,
    }));

  const setDistrict = (code: string) => {
    const d = districts.find((x) => x.code === code);
    setFields((f) => ({
      ...f,
      district: code,
      location: d
        ? { lng: d.lng, lat: d.lat, source: 'district' }
        : f.location?.source === 'district'
          ? null
          : f.location,
    }));
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy.current) return;
    busy.current = true;
    try {
      const settled = await photo.settled(); // photos still being prepared
      const values = formValues(fields, settled);
      const found = validateReport(values, {
        categories: categories.map((c) => c.code).filter((c) => !refused.includes(c)),
        centres: districts,
      });
      setErrors(found);
      setProblem(null);
      setPhotoError(null);
      if (Object.keys(found).length) {
        setSummaryFocus((n) => n + 1);
        return;
      }
      const o = outbox.current;
      if (!o) return;
      const id = crypto.randomUUID();
      const ready = settled.filter((p): p is FormPhoto & { blob: Blob } => !!p.blob);
      await o.add(
        draftOf(fields, ready, newReporterToken()),
        ready.map((p) => p.blob),
        id,
      );
      void keepStorage();
      setCurrentId(id);
      storeCurrent(id);
      // The outbox holds the report now; the form starts afresh.
      await clearDraft();
      setFields(emptyFields);
      showPhotos([]);
      setNearby([]);
    } catch {
      setProblem({ field: null, key: 'report.error.form.server' });
      setSummaryFocus((n) => n + 1);
    } finally {
      busy.current = false;
    }
  };

  const confirm = async (code: string) => {
    if (confirming) return;
    setConfirming(code);
    setConfirmFailed(null);
    try {
      const [api, panel, mine] = await Promise.all([
        import('./api.ts'),
        import('./CodePanel.tsx'),
        import('../../lib/report/my-reports.ts'),
      ]);
      const count = await api.confirmReport(code, mine.deviceId());
      setCodeModule(panel);
      await clearDraft();
      setFields(emptyFields);
      showPhotos([]);
      setErrors({});
      setProblem(null);
      setConfirmed({ code, count });
    } catch {
      setConfirmFailed(code);
    } finally {
      setConfirming(null);
    }
  };

  const another = () => {
    setConfirmed(null);
    setCurrentId(null);
    storeCurrent(null);
    setErrors({});
  };

  const reportHref = (code: string) => `${reportPath}?code=${encodeURIComponent(code)}`;
  // Every other unsent report; the followed one too once refused, if it could not come back into the form.
  const others = items.filter((i) => i.state !== 'sent' && (i.id !== currentId || i.state === 'failed'));
  const photoGps = photos.findIndex((p) => p.gps);
  const CodePanel = codeModule?.CodePanel;
  const NearbyReports = nearbyModule?.NearbyReports;

  return (
    <div class="rf">
      <p class="visually-hidden" aria-live="polite">
        {live}
      </p>
      {view === 'confirmed' && confirmed && CodePanel && (
        <CodePanel
          t={t}
          title={t('report.confirmed.title')}
          lead={t('report.confirmed.lead', { count: confirmed.count })}
          code={confirmed.code}
          href={reportHref(confirmed.code)}
          note={t('report.confirmed.note')}
          headingRef={headingRef}
          onAnother={another}
        />
      )}
      {view === 'sent' &&
        current?.result &&
        (CodePanel ? (
          <CodePanel
            t={t}
            title={t('report.sent.title')}
            lead={t('report.sent.lead')}
            code={current.result.trackingCode}
            href={reportHref(current.result.trackingCode)}
            note={t('report.sent.note')}
            headingRef={headingRef}
            onAnother={another}
          />
        ) : (
          <p class="rf-panel">
            {t('report.sent.codeLabel')} <strong class="rf-code">{current.result.trackingCode}</strong>
          </p>
        ))}
      {view === 'waiting' && current && (
        <WaitingPanel
          t={t}
          item={current}
          online={online}
          progress={progress}
          headingRef={headingRef}
          onRetry={() => void outbox.current?.flush(true)}
          onAnother={another}
        />
      )}
      {view === 'form' && (
        <>
          <OtherItems t={t} items={others} canCorrect={pristine} onCorrect={(item) => void correct(item)} />
          <ErrorSummary t={t} items={summary} summaryRef={summaryRef} />
          <form class="rf-form" noValidate onSubmit={submit}>
            <h2 id="rf-category-heading" class="visually-hidden" tabIndex={-1}>
              {t('report.form.title')}
            </h2>
            <CategoryField
              t={t}
              categories={categories}
              value={fields.category}
              error={shown.category}
              onChange={(v) => set('category', v)}
            />
            <DescriptionField
              t={t}
              lang={lang}
              value={fields.description}
              error={shown.description}
              onChange={(v) => set('description', v)}
            />
            <PhotosField
              t={t}
              photos={photos}
              urls={urls}
              error={photoError ?? shown.photos}
              camera={camera}
              onFiles={photo.add}
              onRemove={photo.remove}
              onMove={photo.move}
            />
            <LocationField
              t={t}
              lang={lang}
              districts={districts}
              location={fields.location}
              district={fields.district}
              photoGps={
                photoGps >= 0 && photos[photoGps]?.gps ? { n: photoGps + 1, gps: photos[photoGps].gps } : null
              }
              error={shown.location}
              onLocation={setLocation}
              onDistrict={setDistrict}
              announce={announce}
            />
            <AddressField
              t={t}
              value={fields.address}
              required={fields.location?.source === 'district'}
              error={shown.address}
              onChange={(v) => set('address', v)}
            />
            {NearbyReports && (
              <NearbyReports
                t={t}
                locale={locale}
                lang={lang}
                reports={nearby}
                busy={confirming}
                failed={confirmFailed}
                onConfirm={(code) => void confirm(code)}
              />
            )}
            <ContactField
              t={t}
              value={fields.contact}
              error={shown.contact}
              onChange={(v) => set('contact', v)}
            />
            <p class="rf-hint">{t('report.submitNote')}</p>
            <button type="submit" class="button rf-submit">
              {t('report.submit')}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
