/**
 * Typed queries of the staff console. Everything goes through the one client (client.ts) as the signed-in staff
 * member; the database decides what each role may see and do (row-level security, the state machine, the
 * console functions in supabase/migrations/2026113017*). Errors carry the database's message key
 * ('illegal_transition', 'forbidden', …), which the console maps to text in both languages.
 */
import type { User } from '@supabase/supabase-js';
import { getSupabase, supabaseSettings } from './client.ts';
import type { ReportStatus } from './reports.ts';

export type ConsoleRole = 'worker' | 'staff' | 'admin';
export const CONSOLE_ROLES: readonly ConsoleRole[] = ['worker', 'staff', 'admin'];
export const PHOTO_BUCKET = 'report-photos';

/** Who is signed in, with the role and district from the token's app_metadata (set only by admins). */
export interface StaffIdentity {
  id: string;
  email: string;
  role: ConsoleRole | null;
  district: string | null;
}

export function identityOf(user: User): StaffIdentity {
  const meta = user.app_metadata as Record<string, unknown>;
  const role = CONSOLE_ROLES.find((r) => r === meta.role) ?? null;
  return {
    id: user.id,
    email: user.email ?? '',
    role,
    district: role === 'worker' && typeof meta.district === 'string' ? meta.district : null,
  };
}

/** A failed request; `key` is the database's (or Auth's) machine-readable error key. */
export class ConsoleError extends Error {
  readonly key: string;
  constructor(key: string, message: string) {
    super(message);
    this.name = 'ConsoleError';
    this.key = key;
  }
}

interface Failure {
  message?: string;
  code?: string;
}

/** 'illegal_transition: submitted → resolved' → 'illegal_transition'; a failed fetch → 'network'. */
export function errorKeyOf(error: Failure | Error | unknown): string {
  if (error instanceof ConsoleError) return error.key;
  const message = String((error as Failure)?.message ?? '');
  if (/fetch|network/i.test(message) && !/^[a-z_]+(:|$)/.test(message)) return 'network';
  if ((error as Failure)?.code === '42501') {
    return /^[a-z_]+$/.test(message) ? message : 'forbidden';
  }
  return /^[a-z_]+(?=:|$)/.exec(message)?.[0] ?? 'unknown';
}

function fail(error: Failure): never {
  throw new ConsoleError(errorKeyOf(error), error.message ?? 'unknown');
}

const db = () => getSupabase();

// Auth ------------------------------------------------------------------------------------------------------------

/** Auth error codes the sign-in form explains; anything else is 'unknown' (or 'network'). */
export const SIGN_IN_ERRORS = [
  'invalid_credentials',
  'user_banned',
  'email_not_confirmed',
  'over_request_rate_limit',
  'network',
] as const;
export type SignInErrorKey = (typeof SIGN_IN_ERRORS)[number] | 'unknown';

function authErrorKey(error: { code?: string; name?: string; message?: string }): SignInErrorKey {
  if (error.name === 'AuthRetryableFetchError') return 'network';
  const code = error.code ?? '';
  return (SIGN_IN_ERRORS as readonly string[]).includes(code) ? (code as SignInErrorKey) : 'unknown';
}

export async function signIn(email: string, password: string): Promise<StaffIdentity> {
  const { data, error } = await db().auth.signInWithPassword({ email: email.trim(), password });
  if (error || !data.user)
    throw new ConsoleError(error ? authErrorKey(error) : 'unknown', error?.message ?? '');
  return identityOf(data.user);
}

export async function signOut(): Promise<void> {
  // 'local' ends this browser's session even when the server cannot be reached.
  await db().auth.signOut({ scope: 'local' });
}

/** The identity of the stored session, refreshed first when asked (after a role change). */
export async function currentIdentity(refresh = false): Promise<StaffIdentity | null> {
  if (refresh) {
    const { data } = await db().auth.refreshSession();
    return data.user ? identityOf(data.user) : null;
  }
  const { data } = await db().auth.getSession();
  return data.session ? identityOf(data.session.user) : null;
}

export function onIdentityChange(listener: (identity: StaffIdentity | null) => void): () => void {
  const { data } = db().auth.onAuthStateChange((_event, session) => {
    listener(session ? identityOf(session.user) : null);
  });
  return () => data.subscription.unsubscribe();
}

/**
 * Sends the password-reset mail. The link in it opens `redirectTo` with ?token_hash=…&type=recovery (the mail
 * template of the project must use {{ .TokenHash }}, see src/components/console/README.md). Unknown addresses get the same
 * answer, so the form never tells who has an account.
 */
export async function requestPasswordReset(email: string, redirectTo: string): Promise<void> {
  const { error } = await db().auth.resetPasswordForEmail(email.trim(), { redirectTo });
  if (error) {
    const key =
      error.code === 'over_email_send_rate_limit' ? 'over_email_send_rate_limit' : authErrorKey(error);
    throw new ConsoleError(key, error.message);
  }
}

/** Opens the recovery session of a reset link. */
export async function verifyRecovery(tokenHash: string): Promise<void> {
  const { error } = await db().auth.verifyOtp({ token_hash: tokenHash, type: 'recovery' });
  if (error) throw new ConsoleError(error.code ?? 'otp_expired', error.message);
}

export async function updatePassword(password: string): Promise<void> {
  const { error } = await db().auth.updateUser({ password });
  if (error) throw new ConsoleError(error.code ?? 'unknown', error.message);
}

// Reference data ----------------------------------------------------------------------------------------------------

export interface NamedCode {
  code: string;
  name_zh: string;
  name_en: string;
}

export interface Category extends NamedCode {
  deadline_working_days: number;
  department_code: string;
  active: boolean;
  sort_order: number;
}

export interface ReferenceData {
  categories: Category[];
  districts: NamedCode[];
  departments: NamedCode[];
  /** ISO day → is it a working day (holidays and adjusted working days). */
  holidays: Map<string, boolean>;
}

export async function fetchReferenceData(): Promise<ReferenceData> {
  const [categories, districts, departments, holidays] = await Promise.all([
    db()
      .from('categories')
      .select('code, name_zh, name_en, deadline_working_days, department_code, active, sort_order')
      .order('sort_order'),
    db().from('districts').select('code, name_zh, name_en').order('sort_order'),
    db().from('departments').select('code, name_zh, name_en').order('code'),
    db().from('holidays').select('day, is_workday'),
  ]);
  for (const result of [categories, districts, departments, holidays]) if (result.error) fail(result.error);
  return {
    categories: (categories.data ?? []) as Category[],
    districts: (districts.data ?? []) as NamedCode[],
    departments: (departments.data ?? []) as NamedCode[],
    holidays: new Map(
      ((holidays.data ?? []) as { day: string; is_workday: boolean }[]).map((h) => [h.day, h.is_workday]),
    ),
  };
}

/** Admins edit a category's deadline, default department and whether it can be chosen (audited). */
export async function updateCategory(
  code: string,
  changes: Pick<Category, 'deadline_working_days' | 'department_code' | 'active'>,
): Promise<void> {
  const { data, error } = await db().from('categories').update(changes).eq('code', code).select('code');
  if (error) fail(error);
  if (!data || data.length === 0) throw new ConsoleError('forbidden', 'No category was changed.');
}

// The queue ---------------------------------------------------------------------------------------------------------

/** The queue's filters as the URL keeps them. status 'open' means every status still to be handled. */
export interface QueueFilters {
  status: ReportStatus | 'open' | 'all';
  category: string;
  district: string;
  mine: boolean;
  q: string;
}

export const OPEN_STATUSES: readonly ReportStatus[] = [
  'submitted',
  'accepted',
  'assigned',
  'in_progress',
  'reopened',
];

function filterArgs(filters: QueueFilters) {
  return {
    p_status:
      filters.status === 'all'
        ? undefined
        : filters.status === 'open'
          ? [...OPEN_STATUSES]
          : [filters.status],
    p_category: filters.category ? [filters.category] : undefined,
    p_district: filters.district ? [filters.district] : undefined,
    p_assigned_to_me: filters.mine,
    p_search: filters.q.trim() || undefined,
  };
}

export interface QueueRow {
  id: string;
  tracking_code: string;
  category_code: string;
  status: ReportStatus;
  description: string;
  address: string | null;
  district_code: string;
  created_at: string;
  updated_at: string;
  due_at: string;
  resolved_at: string | null;
  is_open: boolean;
  overdue: boolean;
  assigned_department: string | null;
  assigned_to: string | null;
  confirmations_count: number;
  hidden: boolean;
  total_count: number;
}

export const QUEUE_PAGE = 50;

export async function fetchQueue(filters: QueueFilters, offset = 0): Promise<QueueRow[]> {
  const { data, error } = await db().rpc('console_reports', {
    ...filterArgs(filters),
    p_limit: QUEUE_PAGE,
    p_offset: offset,
  });
  if (error) fail(error);
  return (data ?? []) as QueueRow[];
}

export interface StatusCount {
  status: ReportStatus;
  total: number;
  overdue: number;
}

/** Counts per status under every filter but the status. */
export async function fetchStatusCounts(filters: QueueFilters): Promise<StatusCount[]> {
  const { p_status: _status, ...args } = filterArgs(filters);
  const { data, error } = await db().rpc('console_status_counts', args);
  if (error) fail(error);
  return ((data ?? []) as StatusCount[]).map((c) => ({
    ...c,
    total: Number(c.total),
    overdue: Number(c.overdue),
  }));
}

export interface ExportRow {
  tracking_code: string;
  status: ReportStatus;
  category_code: string;
  district_code: string;
  address: string | null;
  description: string;
  lng: number;
  lat: number;
  created_at: string;
  due_at: string;
  resolved_at: string | null;
  overdue: boolean;
  assigned_department: string | null;
  assigned_to_email: string | null;
  confirmations_count: number;
  hidden: boolean;
  contact_phone: string | null;
  contact_email: string | null;
}

/** Every report of the filtered list for a CSV file (audited; contact details for admins who ask). */
export async function exportReports(filters: QueueFilters, withContact: boolean): Promise<ExportRow[]> {
  const { data, error } = await db().rpc('export_reports', {
    ...filterArgs(filters),
    p_with_contact: withContact,
  });
  if (error) fail(error);
  return (data ?? []) as ExportRow[];
}

export interface BulkResult {
  report_id: string;
  tracking_code: string | null;
  ok: boolean;
  error: string | null;
}

export async function bulkChangeStatus(
  ids: string[],
  to: 'accepted' | 'assigned',
  options: { publicNote?: string; internalNote?: string; department?: string; assignee?: string },
): Promise<BulkResult[]> {
  const { data, error } = await db().rpc('bulk_change_report_status', {
    p_report_ids: ids,
    p_to: to,
    p_public_note: options.publicNote || undefined,
    p_internal_note: options.internalNote || undefined,
    p_assigned_department: options.department || undefined,
    p_assigned_to: options.assignee || undefined,
  });
  if (error) fail(error);
  return (data ?? []) as BulkResult[];
}

// One report --------------------------------------------------------------------------------------------------------

export interface ConsolePhoto {
  id: string;
  path: string;
  kind: 'before' | 'after';
  hidden: boolean;
  hidden_reason: string | null;
  created_at: string;
}

export interface ConsoleUpdate {
  id: number;
  from_status: ReportStatus | null;
  to_status: ReportStatus;
  public_note: string | null;
  internal_note: string | null;
  actor_email: string | null;
  actor_role: string;
  created_at: string;
}

export interface ConsoleNote {
  id: number;
  body: string;
  author_email: string | null;
  author_role: string;
  created_at: string;
}

export interface ConsoleReport {
  id: string;
  tracking_code: string;
  category_code: string;
  description: string;
  address: string | null;
  district_code: string;
  lng: number;
  lat: number;
  status: ReportStatus;
  is_open: boolean;
  overdue: boolean;
  created_at: string;
  updated_at: string;
  due_at: string;
  resolved_at: string | null;
  has_contact: boolean;
  duplicate_of_code: string | null;
  reject_reason: string | null;
  referred_to: string | null;
  assigned_department: string | null;
  assigned_to: string | null;
  assigned_to_email: string | null;
  hidden: boolean;
  hidden_reason: string | null;
  confirmations_count: number;
  last_confirmed_at: string | null;
  photos: ConsolePhoto[];
  updates: ConsoleUpdate[];
  notes: ConsoleNote[];
  rating: { score: number; comment: string | null; created_at: string } | null;
  /** What the state machine allows this caller now (report_next_statuses). */
  next_statuses: ReportStatus[];
}

export async function fetchConsoleReport(code: string): Promise<ConsoleReport> {
  const { data, error } = await db().rpc('console_report', { p_code: code });
  if (error) fail(error);
  return data as unknown as ConsoleReport;
}

export async function viewContact(
  reportId: string,
  reason: string,
): Promise<{ contact_phone: string | null; contact_email: string | null }> {
  const { data, error } = await db().rpc('view_report_contact', { p_report_id: reportId, p_reason: reason });
  if (error) fail(error);
  const row = ((data ?? []) as { contact_phone: string | null; contact_email: string | null }[])[0];
  return row ?? { contact_phone: null, contact_email: null };
}

export interface StatusChange {
  to: ReportStatus;
  publicNote?: string;
  internalNote?: string;
  rejectReason?: string;
  duplicateOfCode?: string;
  referredTo?: string;
  department?: string;
  assignee?: string;
}

export async function changeStatus(reportId: string, change: StatusChange): Promise<void> {
  const { error } = await db().rpc('change_report_status', {
    p_report_id: reportId,
    p_to: change.to,
    p_public_note: change.publicNote || undefined,
    p_internal_note: change.internalNote || undefined,
    p_reject_reason: change.rejectReason || undefined,
    p_duplicate_of_code: change.duplicateOfCode || undefined,
    p_referred_to: change.referredTo || undefined,
    p_assigned_department: change.department || undefined,
    p_assigned_to: change.assignee || undefined,
  });
  if (error) fail(error);
}

export async function resolveReport(
  reportId: string,
  photoPaths: string[],
  notes: { publicNote?: string; internalNote?: string },
): Promise<void> {
  const { error } = await db().rpc('resolve_report', {
    p_report_id: reportId,
    p_photo_paths: photoPaths,
    p_public_note: notes.publicNote || undefined,
    p_internal_note: notes.internalNote || undefined,
  });
  if (error) fail(error);
}

export async function addNote(reportId: string, body: string): Promise<void> {
  const { error } = await db().rpc('add_report_note', { p_report_id: reportId, p_body: body });
  if (error) fail(error);
}

export interface NearbyReport {
  tracking_code: string;
  category_code: string;
  status: ReportStatus;
  description: string;
  address: string | null;
  distance_m: number;
  created_at: string;
}

/** Open reports near a point: the likely originals when marking a duplicate. */
export async function fetchNearbyOpenReports(
  lng: number,
  lat: number,
  category: string,
  radius = 500,
): Promise<NearbyReport[]> {
  const { data, error } = await db().rpc('nearby_open_reports', {
    p_lng: lng,
    p_lat: lat,
    p_category: category,
    p_radius_m: radius,
  });
  if (error) fail(error);
  return (data ?? []) as NearbyReport[];
}

/** Links to the photos for an hour (staff may read every photo, hidden ones too). */
export async function signedPhotoUrls(paths: string[]): Promise<Map<string, string>> {
  if (paths.length === 0) return new Map();
  const { data, error } = await db().storage.from(PHOTO_BUCKET).createSignedUrls(paths, 3600);
  if (error) fail(error);
  return new Map(
    (data ?? []).flatMap((s) => (s.signedUrl && s.path ? [[s.path, s.signedUrl] as [string, string]] : [])),
  );
}

/**
 * Uploads a prepared after-photo to after/<report id>/<uuid>.jpg with progress (storage-js has no progress
 * events, so this is the Storage API's plain upload through XMLHttpRequest). Resolves to the storage path.
 */
export async function uploadAfterPhoto(
  reportId: string,
  photo: Blob,
  onProgress: (fraction: number) => void,
): Promise<string> {
  const { url, anonKey } = supabaseSettings();
  const { data } = await db().auth.getSession();
  const token = data.session?.access_token;
  if (!token) throw new ConsoleError('session_expired', 'Not signed in.');
  const path = `after/${reportId}/${crypto.randomUUID()}.jpg`;
  const endpoint = `${url}/storage/v1/object/${PHOTO_BUCKET}/${path}`;
  await new Promise<void>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', endpoint);
    xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.setRequestHeader('apikey', anonKey);
    xhr.setRequestHeader('content-type', 'image/jpeg');
    xhr.setRequestHeader('x-upsert', 'false');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve();
      } else reject(new ConsoleError('upload_failed', xhr.responseText));
    };
    xhr.onerror = () => reject(new ConsoleError('network', 'Upload failed.'));
    xhr.send(photo);
  });
  return path;
}

// Moderation --------------------------------------------------------------------------------------------------------

export async function hideReport(reportId: string, reason: string): Promise<void> {
  const { error } = await db().rpc('hide_report', { p_report_id: reportId, p_reason: reason });
  if (error) fail(error);
}

export async function unhideReport(reportId: string): Promise<void> {
  const { error } = await db().rpc('unhide_report', { p_report_id: reportId });
  if (error) fail(error);
}

export async function hidePhoto(photoId: string, reason: string): Promise<void> {
  const { error } = await db().rpc('hide_photo', { p_photo_id: photoId, p_reason: reason });
  if (error) fail(error);
}

export async function unhidePhoto(photoId: string): Promise<void> {
  const { error } = await db().rpc('unhide_photo', { p_photo_id: photoId });
  if (error) fail(error);
}

/** Replaces every occurrence of each phrase in the description by ***; returns the new description. */
export async function redactDescription(
  reportId: string,
  phrases: string[],
  reason: string,
): Promise<string> {
  const { data, error } = await db().rpc('redact_description', {
    p_report_id: reportId,
    p_phrases: phrases,
    p_reason: reason,
  });
  if (error) fail(error);
  return data as string;
}

// Templates, people and roles -----------------------------------------------------------------------------------------

export interface ResponseTemplate {
  id: string;
  code: string;
  to_status: ReportStatus;
  category_code: string | null;
  title_zh: string;
  title_en: string;
  body_zh: string;
  body_en: string;
}

export async function fetchTemplates(): Promise<ResponseTemplate[]> {
  const { data, error } = await db()
    .from('response_templates')
    .select('id, code, to_status, category_code, title_zh, title_en, body_zh, body_en')
    .eq('active', true)
    .order('sort_order')
    .order('code');
  if (error) fail(error);
  return (data ?? []) as ResponseTemplate[];
}

export interface Person {
  id: string;
  email: string;
  role: ConsoleRole | null;
  district: string | null;
  last_sign_in_at: string | null;
  created_at: string;
}

/** People with a role; admins may search every account (everyone). */
export async function fetchDirectory(search = '', everyone = false): Promise<Person[]> {
  const { data, error } = await db().rpc('staff_directory', {
    p_search: search.trim() || undefined,
    p_everyone: everyone,
  });
  if (error) fail(error);
  return (data ?? []) as Person[];
}

/** Admins grant (role), change or revoke (null) another person's role. */
export async function setUserRole(
  userId: string,
  role: ConsoleRole | null,
  district: string | null,
): Promise<void> {
  const { error } = await db().rpc('set_user_role', {
    p_user_id: userId,
    p_role: role ?? '', // an empty role revokes
    p_district: district ?? undefined,
  });
  if (error) fail(error);
}
