/**
 * The public map and list of reports (/reports/). Filters and the map view live in the URL. Data comes for the
 * visible area only (reports_in_bbox), refreshed after pan or zoom with a debounce, and a newer request aborts
 * the one still running. The list loads before the map: the first area is estimated from the view and the
 * map's box, then Leaflet (loaded on demand) reports the area it really shows.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  BBOX_LIMIT,
  fetchReferenceData,
  fetchReportsInBbox,
  type Bbox,
  type ReferenceData,
  type ReportPin,
} from '../../lib/supabase/reports.ts';
import {
  filtersToParams,
  filtersToRpc,
  NO_FILTERS,
  parseFilters,
  parseMapView,
  type ReportFilters,
} from './filters.ts';
import FilterForm from './FilterForm.tsx';
import { formatNumber, translator, type Messages } from './format.ts';
import type { ReportsMap } from './map/reports-map.ts';
import ReportList from './ReportList.tsx';
import { bboxForView, CITY_VIEW, type MapView } from './viewport.ts';

interface Props {
  locale: 'zh-cn' | 'en';
  lang: string;
  messages: Messages;
  /** The report page, e.g. /reports/view/ (the code is added as ?code=). */
  reportPath: string;
  /** This page without a query: "clear filters". */
  pagePath: string;
}

const PAGE = 20;
const MOVE_DEBOUNCE_MS = 300;

/**
 * Draws rows on the map and records how long it took, from `since` (the data's arrival, or the map's creation
 * when the data came first) to the frame after the clusters were drawn, as the performance measure
 * 'reports:draw' (read by scripts/bench/reports-bbox.ts).
 */
function drawAndMeasure(map: ReportsMap, rows: ReportPin[], since: number) {
  void map.setPins(rows).then(() =>
    requestAnimationFrame(() => {
      try {
        performance.measure('reports:draw', {
          start: since,
          end: performance.now(),
          detail: { rows: rows.length },
        });
      } catch {
        // Older browsers without measure options: nothing to record, the map is drawn all the same.
      }
    }),
  );
}

function readUrl(): { filters: ReportFilters; view: MapView } {
  const params = new URLSearchParams(window.location.search);
  return { filters: parseFilters(params), view: parseMapView(params) ?? CITY_VIEW };
}

const sameBox = (a: Bbox | null, b: Bbox | null) =>
  !!a && !!b && a.west === b.west && a.south === b.south && a.east === b.east && a.north === b.north;

export default function ReportsExplorer({ locale, lang, messages, reportPath, pagePath }: Props) {
  const t = useMemo(() => translator(lang, messages), [lang, messages]);
  const [filters, setFilters] = useState<ReportFilters>(NO_FILTERS);
  const [dateError, setDateError] = useState<string | null>(null);
  const [reference, setReference] = useState<ReferenceData | null>(null);
  const [bbox, setBbox] = useState<Bbox | null>(null);
  const [pins, setPins] = useState<ReportPin[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [shown, setShown] = useState(PAGE);
  const [selected, setSelected] = useState<string | null>(null);
  const [focusCode, setFocusCode] = useState<string | null>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const [mapFailed, setMapFailed] = useState(false);

  const mapBox = useRef<HTMLDivElement>(null);
  const map = useRef<ReportsMap | null>(null);
  const view = useRef<MapView>(CITY_VIEW);
  const moveTimer = useRef<number | undefined>(undefined);
  const request = useRef<AbortController | null>(null);
  const pinsRef = useRef<ReportPin[]>([]);
  // The selection as the map module must see it once it has loaded ("show on map" may come first).
  const selectedRef = useRef<string | null>(null);
  selectedRef.current = selected;
  // The map is created once; its callbacks read the latest values through these.
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  const reportHref = useCallback(
    (code: string) => `${reportPath}?code=${encodeURIComponent(code)}`,
    [reportPath],
  );
  // Read by the map's marker labels too, which are made outside a render.
  const referenceRef = useRef<ReferenceData | null>(null);
  const categoryName = useCallback(
    (code: string) => {
      const found = referenceRef.current?.categories.find((c) => c.code === code);
      return found ? (lang === 'en' ? found.name_en : found.name_zh) : code;
    },
    // reference: a new function once names arrive, so the list re-renders with them.
    [reference, lang],
  );

  const writeUrl = (next: ReportFilters, push: boolean) => {
    const query = filtersToParams(next, view.current).toString();
    const url = `${window.location.pathname}${query ? `?${query}` : ''}`;
    if (push) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  };

  // Start: filters and view from the URL, the first area estimated from the map's box.
  useEffect(() => {
    const start = readUrl();
    view.current = start.view;
    setFilters(start.filters);
    const box = mapBox.current;
    setBbox(bboxForView(start.view, box?.clientWidth || 640, box?.clientHeight || 480));
    const noNames: ReferenceData = { categories: [], districts: [] };
    fetchReferenceData().then(
      (data) => {
        referenceRef.current = data;
        setReference(data);
      },
      () => setReference(noNames),
    );

    const onPopState = () => setFilters(readUrl().filters);
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  // The map, once the browser has time for it.
  useEffect(() => {
    let cancelled = false;
    const box = mapBox.current;
    if (!box) return;
    import('./map/reports-map.ts')
      .then(({ createReportsMap }) =>
        createReportsMap(box, {
          view: view.current,
          label: t('reports.map.label'),
          zoomIn: t('reports.map.zoomIn'),
          zoomOut: t('reports.map.zoomOut'),
          markerLabel: (pin) =>
            `${categoryName(pin.category_code)}, ${t(`reports.status.${pin.status}`)}, ${pin.tracking_code}`,
          clusterLabel: (count) => t('reports.map.cluster_other', { count, n: formatNumber(lang, count) }),
          onMove: (nextBox, nextView) => {
            window.clearTimeout(moveTimer.current);
            moveTimer.current = window.setTimeout(() => {
              view.current = nextView;
              setBbox((old) => (sameBox(old, nextBox) ? old : nextBox));
              writeUrl(filtersRef.current, false);
            }, MOVE_DEBOUNCE_MS);
          },
          onSelect: (code) => {
            const index = pinsRef.current.findIndex((p) => p.tracking_code === code);
            if (index < 0) return;
            setShown((n) => Math.max(n, Math.ceil((index + 1) / PAGE) * PAGE));
            setSelected(code);
            setFocusCode(code);
            map.current?.select(code, false);
          },
        }),
      )
      .then(
        (created) => {
          if (cancelled) created.destroy();
          else {
            map.current = created;
            if (selectedRef.current) created.select(selectedRef.current, true);
            drawAndMeasure(created, pinsRef.current, performance.now());
          }
        },
        () => setMapFailed(true),
      );
    return () => {
      cancelled = true;
      window.clearTimeout(moveTimer.current);
      map.current?.destroy();
      map.current = null;
    };
  }, []);

  // Data for the area and filters; a newer request aborts the older one.
  useEffect(() => {
    if (!bbox) return;
    request.current?.abort();
    const controller = new AbortController();
    request.current = controller;
    // Rows are shown with category names, so they wait for those (loaded once, usually already there).
    const names = fetchReferenceData().then(
      (data) => (referenceRef.current = data),
      () => null,
    );
    Promise.all([fetchReportsInBbox(bbox, filtersToRpc(filters), controller.signal), names]).then(
      ([rows]) => {
        if (rows === null || controller.signal.aborted) return;
        const arrived = performance.now();
        pinsRef.current = rows;
        setFailed(false);
        setPins(rows);
        if (map.current) drawAndMeasure(map.current, rows, arrived);
      },
      () => {
        if (!controller.signal.aborted) setFailed(true);
      },
    );
    return () => controller.abort();
  }, [bbox, filters]);

  // New rows keep how far the list was opened (a pan should not take a keyboard user back to the top), and
  // keep a selected report in view; new filters start again at the first page.
  useEffect(() => {
    const index = selected && pins ? pins.findIndex((p) => p.tracking_code === selected) : -1;
    if (selected && index < 0) setSelected(null);
    if (index >= 0) setShown((n) => Math.max(n, Math.ceil((index + 1) / PAGE) * PAGE));
  }, [pins]);
  useEffect(() => setShown(PAGE), [filters]);

  const applyForm = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const params = new URLSearchParams();
    for (const [key, value] of data) if (typeof value === 'string' && value) params.append(key, value);
    const next = parseFilters(params);
    if (next.from && next.to && next.to < next.from) {
      setDateError(t('reports.filters.errorDates'));
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.rf-error-summary')?.focus());
      return;
    }
    setDateError(null);
    setFilters(next);
    writeUrl(next, true);
  };

  const showOnMap = (code: string) => {
    setSelected(code);
    map.current?.select(code, true);
    mapBox.current?.scrollIntoView({ block: 'nearest' });
  };

  const count = pins?.length ?? 0;
  const status = failed
    ? t('reports.list.error')
    : pins === null
      ? t('reports.loading')
      : count === 0
        ? t('reports.list.none')
        : t('reports.list.count_other', {
            count,
            n: formatNumber(lang, count),
            shown: formatNumber(lang, Math.min(shown, count)),
          });

  return (
    <div class="rf-explorer">
      <div class="rf-explorer__filters">
        <FilterForm
          key={filtersToParams(filters).toString()}
          t={t}
          lang={lang}
          filters={filters}
          categories={reference?.categories ?? null}
          districts={reference?.districts ?? null}
          dateError={dateError}
          clearHref={pagePath}
          onSubmit={applyForm}
        />
      </div>
      <div class="rf-explorer__map">
        <p class="visually-hidden">{t('reports.map.hint')}</p>
        <div class="rf-map" ref={mapBox} />
        {mapFailed && <p class="rf-notice">{t('reports.map.failed')}</p>}
      </div>
      <section class="rf-explorer__results" aria-labelledby="rf-results-heading">
        <h2 id="rf-results-heading">{t('reports.list.heading')}</h2>
        <p class="rf-count" role="status">
          {status}
        </p>
        {count >= BBOX_LIMIT && (
          <p class="rf-notice">{t('reports.list.limit', { n: formatNumber(lang, BBOX_LIMIT) })}</p>
        )}
        {pins && pins.length > 0 && (
          <ReportList
            t={t}
            lang={lang}
            locale={locale}
            pins={pins}
            shown={shown}
            selected={selected}
            focusCode={focusCode}
            focusIndex={focusIndex}
            categoryName={categoryName}
            reportHref={reportHref}
            onShowOnMap={showOnMap}
            onShowMore={() => {
              setFocusIndex(shown);
              setShown(shown + PAGE);
            }}
            onFocused={() => {
              setFocusCode(null);
              setFocusIndex(null);
            }}
          />
        )}
      </section>
    </div>
  );
}
