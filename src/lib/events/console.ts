/**
 * Typed queries of the console's clean-day screens (community workers, staff, admins), through the one client as
 * the signed-in person. The database checks everything (roles, districts, fields, the report state machine);
 * errors carry its key ('invalid_title_zh', 'event_not_found', …) and, where it gives one, a detail (a tracking
 * code), which the screens turn into words.
 */
import { getSupabase } from '../supabase/client.ts';
import type { Json } from '../supabase/database.types.ts';
import { errorKeyOf } from '../supabase/console.ts';
import type { SignupStatus } from './types.ts';

export type OrganiserEventStatus = 'draft' | 'published' | 'cancelled' | 'completed';

/** A failed organiser action: the database's key and its detail (e.g. the tracking code concerned). */
export class OrganiserError extends Error {
  readonly key: string;
  readonly detail: string;
  constructor(key: string, detail = '', message = key) {
    super(message);
    this.name = 'OrganiserError';
    this.key = key;
    this.detail = detail;
  }
}

interface Failure {
  message?: string;
  code?: string;
  details?: string | null;
}

function fail(error: Failure): never {
  throw new OrganiserError(errorKeyOf(error), error.details ?? '', error.message);
}

const db = () => getSupabase();

export interface ConsoleEventRow {
  id: string;
  title_zh: string;
  title_en: string;
  starts_at: string;
  ends_at: string;
  place_zh: string;
  place_en: string;
  lng: number;
  lat: number;
  district_code: string;
  capacity: number;
  spots_taken: number;
  waitlist_count: number;
  status: OrganiserEventStatus;
  linked_reports: number;
  can_edit: boolean;
}

export async function fetchConsoleEvents(past: boolean): Promise<ConsoleEventRow[]> {
  const { data, error } = await db().rpc('console_events', { p_past: past, p_limit: past ? 50 : 200 });
  if (error) fail(error);
  return (data ?? []) as ConsoleEventRow[];
}

/** Every field of the event form, as the database names them (lng/lat for the point). */
export interface EventFields {
  title_zh: string;
  title_en: string;
  description_zh: string;
  description_en: string;
  bring_zh: string;
  bring_en: string;
  place_zh: string;
  place_en: string;
  organiser_zh: string;
  organiser_en: string;
  /** ISO 8601 instants. */
  starts_at: string;
  ends_at: string;
  lng: number | null;
  lat: number | null;
  district_code: string;
  capacity: number | null;
  status: 'draft' | 'published';
}

export interface ConsoleEvent extends Omit<EventFields, 'status' | 'lng' | 'lat' | 'capacity'> {
  id: string;
  lng: number;
  lat: number;
  capacity: number;
  status: OrganiserEventStatus;
  spots_taken: number;
  waitlist_count: number;
  result_volunteers: number | null;
  result_bags_collected: number | null;
  result_summary_zh: string | null;
  result_summary_en: string | null;
  cancel_note_zh: string | null;
  cancel_note_en: string | null;
  can_edit: boolean;
}

export async function fetchConsoleEvent(id: string): Promise<ConsoleEvent> {
  const { data, error } = await db().rpc('console_event', { p_event_id: id });
  if (error) fail(error);
  const row = (data ?? [])[0];
  if (!row) throw new OrganiserError('event_not_found');
  return { ...row, bring_zh: row.bring_zh ?? '', bring_en: row.bring_en ?? '' } as ConsoleEvent;
}

/** The form as the database function takes it: empty optional texts and unset points left out. */
function payload(fields: EventFields): { [key: string]: Json } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== ''));
}

export async function createEvent(fields: EventFields): Promise<string> {
  const { data, error } = await db().rpc('create_event', { p_event: payload(fields) });
  if (error) fail(error);
  return data as string;
}

export async function createEventFromReports(fields: EventFields, reportIds: string[]): Promise<string> {
  const { data, error } = await db().rpc('create_event_from_reports', {
    p_event: payload(fields),
    p_report_ids: reportIds,
  });
  if (error) fail(error);
  return data as string;
}

export async function updateEvent(id: string, fields: EventFields): Promise<void> {
  const { error } = await db().rpc('update_event', { p_event_id: id, p_event: payload(fields) });
  if (error) fail(error);
}

export async function cancelEvent(id: string, noteZh: string, noteEn: string): Promise<void> {
  const { error } = await db().rpc('cancel_event', { p_event_id: id, p_note_zh: noteZh, p_note_en: noteEn });
  if (error) fail(error);
}

export async function duplicateEvent(id: string, startsAt: string): Promise<string> {
  const { data, error } = await db().rpc('duplicate_event', { p_event_id: id, p_starts_at: startsAt });
  if (error) fail(error);
  return data as string;
}

export interface StaffSignup {
  id: string;
  name: string;
  contact: string;
  party_size: number;
  status: SignupStatus;
  attended: boolean | null;
  waitlist_position: number | null;
  created_at: string;
}

/** The sign-ups with contact details; the database writes the read to the audit log. */
export async function fetchSignups(eventId: string): Promise<StaffSignup[]> {
  const { data, error } = await db().rpc('event_signups_for_staff', { p_event_id: eventId });
  if (error) fail(error);
  return (data ?? []) as StaffSignup[];
}

export async function markAttendance(signupId: string, attended: boolean | null): Promise<void> {
  const { error } = await db().rpc('mark_attendance', {
    p_signup_id: signupId,
    p_attended: attended as boolean,
  });
  if (error) fail(error);
}

export interface CandidateReport {
  id: string;
  tracking_code: string;
  category_code: string;
  status: string;
  address: string | null;
  district_code: string;
  lng: number;
  lat: number;
  created_at: string;
  confirmations_count: number;
}

export async function fetchCandidateReports(district: string | null): Promise<CandidateReport[]> {
  const { data, error } = await db().rpc('event_candidate_reports', { p_district: district ?? undefined });
  if (error) fail(error);
  return (data ?? []) as CandidateReport[];
}

export interface LinkedReportRow {
  tracking_code: string;
  category_code: string;
  status: string;
  address: string | null;
}

export async function fetchLinkedReports(eventId: string): Promise<LinkedReportRow[]> {
  const { data, error } = await db().rpc('event_linked_reports', { p_event_id: eventId });
  if (error) fail(error);
  return (data ?? []) as LinkedReportRow[];
}

export interface EventResults {
  volunteers: number;
  bagsCollected: number;
  summaryZh: string;
  summaryEn: string;
  publicNote: string;
}

/** Records the results, completes the event and resolves its open linked reports; returns what changed. */
export async function closeWithResults(
  eventId: string,
  results: EventResults,
): Promise<{ tracking_code: string; previous_status: string; status: string }[]> {
  const { data, error } = await db().rpc('close_event_with_results', {
    p_event_id: eventId,
    p_volunteers: results.volunteers,
    p_bags_collected: results.bagsCollected,
    p_summary_zh: results.summaryZh,
    p_summary_en: results.summaryEn,
    p_public_note: results.publicNote,
  });
  if (error) fail(error);
  return data ?? [];
}

/** Uploads one prepared photo (JPEG, metadata already stripped) to event-photos/<event id>/; returns its path. */
export async function uploadEventPhoto(eventId: string, photo: Blob): Promise<string> {
  const path = `${eventId}/${crypto.randomUUID()}.jpg`;
  const { error } = await db().storage.from('event-photos').upload(path, photo, {
    contentType: 'image/jpeg',
    upsert: false,
  });
  if (error) throw new OrganiserError('upload_failed', '', error.message);
  return path;
}

export async function addEventPhotos(eventId: string, paths: string[]): Promise<void> {
  const { error } = await db().rpc('add_event_photos', { p_event_id: eventId, p_paths: paths });
  if (error) fail(error);
}

export async function removeEventPhoto(photoId: string): Promise<void> {
  const { error } = await db().rpc('remove_event_photo', { p_photo_id: photoId });
  if (error) fail(error);
}
