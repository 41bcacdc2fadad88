/**
 * Typed queries for following reports in public: the map and list (reports_in_bbox), one report by its code
 * (report_by_code), the status of this device's reports (report_summaries), "me too", the reporter's rating
 * and reopening, public statistics (report_stats), reference data and photo links. Everything goes through
 * the one client (client.ts) as the anonymous visitor; the database decides what is public.
 */
import { getPublicSupabase } from './public-client.ts';

export const REPORT_STATUSES = [
  'submitted',
  'accepted',
  'assigned',
  'in_progress',
  'resolved',
  'closed',
  'rejected',
  'duplicate',
  'referred',
  'reopened',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export function isReportStatus(value: unknown): value is ReportStatus {
  return typeof value === 'string' && (REPORT_STATUSES as readonly string[]).includes(value);
}

/** A report as the map and list show it (one row of reports_in_bbox). */
export interface ReportPin {
  tracking_code: string;
  category_code: string;
  status: ReportStatus;
  district_code: string;
  lng: number;
  lat: number;
  address: string | null;
  created_at: string;
  due_at: string;
  confirmations_count: number;
}

/** WGS-84 bounding box in degrees. */
export interface Bbox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Filters as reports_in_bbox takes them: null means "any". p_to is exclusive. */
export interface BboxFilters {
  p_status: ReportStatus[] | null;
  p_category: string[] | null;
  p_district: string[] | null;
  p_from: string | null;
  p_to: string | null;
}

/**
 * The most rows one map request returns: the newest in the area. reports_in_bbox allows up to 5000, but the
 * Data API answers at most max_rows (1000, supabase/config.toml and Supabase's default) rows per request;
 * asking for exactly that much lets the page say when an area holds more.
 */
export const BBOX_LIMIT = 1000;

/** A request that failed; `key` is the database's message key (e.g. 'rate_limited') when there is one. */
export class ReportsQueryError extends Error {
  readonly key: string;
  constructor(key: string, message: string) {
    super(message);
    this.key = key;
    this.name = 'ReportsQueryError';
  }
}

interface PostgrestFailure {
  message?: string;
  code?: string;
}

function fail(error: PostgrestFailure | Error): never {
  const message = error.message ?? 'unknown';
  // The database's message is a machine-readable key, possibly followed by details ('illegal_transition: …').
  const key = /^[a-z_]+/.exec(message)?.[0] ?? 'unknown';
  throw new ReportsQueryError(key, message);
}

function isAbort(error: unknown): boolean {
  return (
    (error instanceof DOMException && error.name === 'AbortError') ||
    (typeof error === 'object' &&
      error !== null &&
      'message' in error &&
      /abort/i.test(String((error as { message: unknown }).message)))
  );
}

/**
 * Visible reports inside the box with the filters, newest first, at most BBOX_LIMIT. Resolves to null when
 * the request was aborted (a newer one replaced it).
 */
export async function fetchReportsInBbox(
  bbox: Bbox,
  filters: BboxFilters,
  signal?: AbortSignal,
): Promise<ReportPin[] | null> {
  // Filters left out (not null) mean "any": the function's defaults.
  const given = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== null));
  let query = getPublicSupabase().rpc('reports_in_bbox', {
    p_west: bbox.west,
    p_south: bbox.south,
    p_east: bbox.east,
    p_north: bbox.north,
    ...given,
    p_limit: BBOX_LIMIT,
  });
  if (signal) query = query.abortSignal(signal);
  try {
    const { data, error } = await query;
    if (error) {
      if (signal?.aborted || isAbort(error)) return null;
      fail(error);
    }
    return (data ?? []) as ReportPin[];
  } catch (error) {
    if (signal?.aborted || isAbort(error)) return null;
    throw error;
  }
}

export interface PublicReportUpdate {
  from_status: ReportStatus | null;
  to_status: ReportStatus;
  public_note: string | null;
  created_at: string;
}

export interface PublicReportPhoto {
  path: string;
  kind: 'before' | 'after';
}

/** The public view of one report (report_by_code). */
export interface PublicReport {
  tracking_code: string;
  category_code: string;
  description: string;
  lng: number;
  lat: number;
  address: string | null;
  district_code: string;
  status: ReportStatus;
  created_at: string;
  updated_at: string;
  due_at: string;
  resolved_at: string | null;
  confirmations_count: number;
  duplicate_of_code: string | null;
  reject_reason: string | null;
  referred_to: string | null;
  photos: PublicReportPhoto[];
  updates: PublicReportUpdate[];
  rating: { score: number; comment: string | null } | null;
}

/** One report by tracking code (typed forms accepted), or null when there is none or it is hidden. */
export async function fetchReport(code: string): Promise<PublicReport | null> {
  const { data, error } = await getPublicSupabase().rpc('report_by_code', { p_code: code });
  if (error) fail(error);
  return (data as PublicReport | null) ?? null;
}

export interface ReportSummary {
  tracking_code: string;
  category_code: string;
  status: ReportStatus;
  district_code: string;
  address: string | null;
  created_at: string;
  updated_at: string;
  due_at: string;
  resolved_at: string | null;
}

/** Current status of up to 100 reports by code (unknown and hidden ones are left out). */
export async function fetchReportSummaries(codes: string[]): Promise<ReportSummary[]> {
  if (codes.length === 0) return [];
  const { data, error } = await getPublicSupabase().rpc('report_summaries', { p_codes: codes.slice(0, 100) });
  if (error) fail(error);
  return (data ?? []) as ReportSummary[];
}

/** "Me too" from this device; returns the new count (unchanged when this device already confirmed). */
export async function confirmReport(code: string, deviceId: string): Promise<number> {
  const { data, error } = await getPublicSupabase().rpc('confirm_report', {
    p_code: code,
    p_device_id: deviceId,
  });
  if (error) fail(error);
  return data as number;
}

/** The reporter rates a resolved report (needs the reporter token kept on the device that sent it). */
export async function rateReport(code: string, reporterToken: string, score: number, comment: string) {
  const { error } = await getPublicSupabase().rpc('rate_report', {
    p_code: code,
    p_reporter_token: reporterToken,
    p_score: score,
    p_comment: comment,
  });
  if (error) fail(error);
}

/** The reporter says a resolved report is not fixed, which reopens it. */
export async function reopenReport(code: string, reporterToken: string, note: string) {
  const { error } = await getPublicSupabase().rpc('reopen_report', {
    p_code: code,
    p_reporter_token: reporterToken,
    p_note: note,
  });
  if (error) fail(error);
}

/** A category or district with its names, for labels and filters. */
export interface NamedCode {
  code: string;
  name_zh: string;
  name_en: string;
}

export interface ReferenceData {
  categories: NamedCode[];
  districts: NamedCode[];
}

let referencePromise: Promise<ReferenceData> | null = null;

/** Categories and districts in display order; loaded once per page. */
export function fetchReferenceData(): Promise<ReferenceData> {
  referencePromise ??= (async () => {
    const client = getPublicSupabase();
    const [categories, districts] = await Promise.all([
      client.from('categories').select('code, name_zh, name_en').order('sort_order').order('code'),
      client.from('districts').select('code, name_zh, name_en').order('sort_order').order('code'),
    ]);
    if (categories.error) fail(categories.error);
    if (districts.error) fail(districts.error);
    return { categories: categories.data ?? [], districts: districts.data ?? [] };
  })().catch((error: unknown) => {
    referencePromise = null;
    throw error;
  });
  return referencePromise;
}

/** Days off and adjusted working days between two ISO dates, for counting working days like the database. */
export async function fetchHolidays(fromDay: string, toDay: string): Promise<Map<string, boolean>> {
  const { data, error } = await getPublicSupabase()
    .from('holidays')
    .select('day, is_workday')
    .gte('day', fromDay)
    .lte('day', toDay);
  if (error) fail(error);
  return new Map((data ?? []).map((row) => [row.day, row.is_workday]));
}

/** Time-limited links to a report's photos (the bucket is private; the database decides who may read). */
export async function signedPhotoUrls(paths: string[]): Promise<Map<string, string>> {
  if (paths.length === 0) return new Map();
  const { data, error } = await getPublicSupabase()
    .storage.from('report-photos')
    .createSignedUrls(paths, 3600);
  if (error) fail(error);
  const urls = new Map<string, string>();
  for (const item of data ?? []) if (item.path && item.signedUrl) urls.set(item.path, item.signedUrl);
  return urls;
}

export interface CountRow {
  count: number;
}

/** Public statistics (report_stats); definitions in the migration that creates it. */
export interface ReportStats {
  generated_at: string;
  total: number;
  by_status: ({ status: ReportStatus } & CountRow)[];
  by_category: (NamedCode & CountRow)[];
  by_district: (NamedCode & CountRow)[];
  on_time: {
    resolved_on_time: number;
    resolved_late: number;
    open_overdue: number;
    /** 0–1, or null when there is nothing to judge yet. */
    rate: number | null;
  };
  resolution: { resolved_count: number; median_seconds: number | null };
  weekly: { week_start: string; submitted: number; resolved: number }[];
}

export async function fetchReportStats(): Promise<ReportStats> {
  const { data, error } = await getPublicSupabase().rpc('report_stats');
  if (error) fail(error);
  return data as unknown as ReportStats;
}
