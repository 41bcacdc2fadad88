/**
 * Typed queries of the public clean-day pages, through the one supabase-js client. Errors come back as the
 * database's message key ('event_full', 'invalid_contact', …; see the events migrations), or 'network'.
 */
import { getPublicSupabase } from '../supabase/public-client.ts';
import { supabaseSettings } from '../supabase/settings.ts';
import type { Locale } from '../../i18n/index.ts';
import type { District, LinkedReport, PublicEvent, SignupState, SignupStatus } from './types.ts';

/** A failed request, with the database's machine-readable key. */
export class EventsError extends Error {
  readonly key: string;
  constructor(key: string, message = key) {
    super(message);
    this.name = 'EventsError';
    this.key = key;
  }
}

interface Failure {
  message?: string;
  code?: string;
}

/** 'event_full' → 'event_full'; a fetch that never reached the server → 'network'; anything else 'unknown'. */
export function errorKey(error: Failure | null | undefined): string {
  const message = String(error?.message ?? '');
  if (/^[a-z_]+$/.test(message)) return message;
  if (/fetch|network|load failed/i.test(message)) return 'network';
  return 'unknown';
}

function check<T>(result: { data: T | null; error: Failure | null }): T {
  if (result.error) throw new EventsError(errorKey(result.error), result.error.message);
  if (result.data === null) throw new EventsError('unknown', 'No data');
  return result.data;
}

export interface EventQuery {
  from?: Date;
  to?: Date;
  district?: string | null;
  /** true: ended events (newest first); false: not ended yet (soonest first). */
  past?: boolean;
  limit?: number;
}

export async function listEvents(query: EventQuery, signal?: AbortSignal): Promise<PublicEvent[]> {
  let request = getPublicSupabase().rpc('events_in_range', {
    p_from: query.from?.toISOString(),
    p_to: query.to?.toISOString(),
    p_district: query.district ?? undefined,
    p_past: query.past,
    p_limit: query.limit,
  });
  if (signal) request = request.abortSignal(signal);
  return check(await request) as unknown as PublicEvent[];
}

/** One event, or null when there is none to show (unknown id, a draft). */
export async function getEvent(id: string, signal?: AbortSignal): Promise<PublicEvent | null> {
  if (!isUuid(id)) return null;
  let request = getPublicSupabase().from('events_public').select('*').eq('id', id);
  if (signal) request = request.abortSignal(signal);
  const rows = check(await request) as unknown as PublicEvent[];
  return rows[0] ?? null;
}

export async function listDistricts(): Promise<District[]> {
  const result = await getPublicSupabase()
    .from('districts')
    .select('code, name_zh, name_en')
    .order('sort_order');
  return check(result);
}

export async function linkedReports(eventId: string): Promise<LinkedReport[]> {
  return check(await getPublicSupabase().rpc('event_linked_reports', { p_event_id: eventId }));
}

export interface EventPhoto {
  id: string;
  storage_path: string;
}

/** The photos of a clean day's results, in order. */
export async function eventPhotos(eventId: string): Promise<EventPhoto[]> {
  const result = await getPublicSupabase()
    .from('event_photos')
    .select('id, storage_path')
    .eq('event_id', eventId)
    .order('sort_order');
  return check(result);
}

/** The address of a photo in the public event-photos bucket. */
export function eventPhotoUrl(path: string): string {
  return getPublicSupabase().storage.from('event-photos').getPublicUrl(path).data.publicUrl;
}

export interface SignupInput {
  eventId: string;
  name: string;
  contact: string;
  partySize: number;
}

export async function signUp(input: SignupInput): Promise<{ status: SignupStatus; token: string }> {
  const rows = check(
    await getPublicSupabase().rpc('signup_for_event', {
      p_event_id: input.eventId,
      p_name: input.name,
      p_contact: input.contact,
      p_party_size: input.partySize,
    }),
  );
  const row = rows[0];
  if (!row) throw new EventsError('unknown');
  return { status: row.status as SignupStatus, token: row.cancel_token };
}

export async function signupByToken(token: string): Promise<SignupState> {
  const rows = check(await getPublicSupabase().rpc('event_signup_by_token', { p_cancel_token: token }));
  const row = rows[0];
  if (!row) throw new EventsError('signup_not_found');
  return {
    eventId: row.event_id,
    name: row.name,
    partySize: row.party_size,
    status: row.status as SignupStatus,
    waitlistPosition: row.waitlist_position ?? null,
  };
}

export async function cancelSignup(token: string): Promise<void> {
  const { error } = await getPublicSupabase().rpc('cancel_event_signup', { p_cancel_token: token });
  if (error) throw new EventsError(errorKey(error), error.message);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string | null | undefined): value is string {
  return !!value && UUID.test(value);
}

/**
 * The iCalendar file of one event, served by the database (event_ics). Calendar apps and plain links cannot send
 * headers, so the public anon key goes in the query, as Supabase's gateway accepts.
 */
export function eventIcsUrl(eventId: string, locale: Locale): string {
  const { url, anonKey } = supabaseSettings();
  const query = new URLSearchParams({ p_event_id: eventId, p_locale: locale, apikey: anonKey });
  return `${url}/rest/v1/rpc/event_ics?${query}`;
}

/** The feed of upcoming clean days (events_ics), to subscribe to; optionally one district. */
export function eventsFeedUrl(
  locale: Locale,
  district?: string | null,
  settings = supabaseSettings(),
): string {
  const query = new URLSearchParams({ p_locale: locale });
  if (district) query.set('p_district', district);
  query.set('apikey', settings.anonKey);
  return `${settings.url}/rest/v1/rpc/events_ics?${query}`;
}

/** The same feed as a webcal:// address, which phones open in their calendar app to subscribe. */
export function webcalUrl(httpUrl: string): string {
  return httpUrl.replace(/^https?:\/\//, 'webcal://');
}
