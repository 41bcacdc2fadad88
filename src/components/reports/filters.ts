/**
 * The map and list filters and their place in the URL, so that a view can be shared:
 * ?status=submitted&status=accepted&category=pests&district=nanhu&from=2026-11-01&to=2026-11-30&map=13/22.59/114.11
 * (repeated keys, as the filter form submits them without JavaScript; comma lists are read too).
 */
import { addDays } from '../../lib/dates/index.ts';
import { isReportStatus, type BboxFilters, type ReportStatus } from '../../lib/supabase/reports.ts';
import { formatView, parseView, type MapView } from './viewport.ts';

export interface ReportFilters {
  status: ReportStatus[];
  category: string[];
  district: string[];
  /** ISO dates, inclusive, in the city's time zone. */
  from: string | null;
  to: string | null;
}

export const NO_FILTERS: ReportFilters = { status: [], category: [], district: [], from: null, to: null };

const CODE = /^[a-z][a-z_]{1,40}$/;

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const valuesOf = (params: URLSearchParams, name: string) => [
  ...new Set(
    params
      .getAll(name)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean),
  ),
];

/** Reads filters from a query string, dropping anything that is not a possible value. */
export function parseFilters(params: URLSearchParams): ReportFilters {
  const from = params.get('from')?.trim() ?? '';
  const to = params.get('to')?.trim() ?? '';
  return {
    status: valuesOf(params, 'status').filter(isReportStatus),
    category: valuesOf(params, 'category').filter((c) => CODE.test(c)),
    district: valuesOf(params, 'district').filter((d) => CODE.test(d)),
    from: isIsoDate(from) ? from : null,
    to: isIsoDate(to) ? to : null,
  };
}

export function parseMapView(params: URLSearchParams): MapView | null {
  return parseView(params.get('map'));
}

/** The query string for filters and an optional map view, in a stable order. */
export function filtersToParams(filters: ReportFilters, view?: MapView | null): URLSearchParams {
  const params = new URLSearchParams();
  for (const s of filters.status) params.append('status', s);
  for (const c of filters.category) params.append('category', c);
  for (const d of filters.district) params.append('district', d);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (view) params.set('map', formatView(view));
  return params;
}

export function activeFilterCount(filters: ReportFilters): number {
  return (
    filters.status.length +
    filters.category.length +
    filters.district.length +
    (filters.from ? 1 : 0) +
    (filters.to ? 1 : 0)
  );
}

/** reports_in_bbox arguments: dates are whole days in Asia/Shanghai (UTC+8, no daylight saving). */
export function filtersToRpc(filters: ReportFilters): BboxFilters {
  const list = <T>(values: T[]) => (values.length > 0 ? values : null);
  return {
    p_status: list(filters.status),
    p_category: list(filters.category),
    p_district: list(filters.district),
    p_from: filters.from ? `${filters.from}T00:00:00+08:00` : null,
    p_to: filters.to ? `${addDays(filters.to, 1)}T00:00:00+08:00` : null,
  };
}
