/**
 * The shapes of clean-day data on the site. The generated schema types mark every view column nullable (views
 * carry no NOT NULL); these say what the database really guarantees (see the events table's constraints).
 */
import type { Locale } from '../../i18n/index.ts';

export type EventStatus = 'published' | 'cancelled' | 'completed';
export type SignupStatus = 'confirmed' | 'waitlisted' | 'cancelled';

/** One clean day as the public sees it (events_public / events_in_range). */
export interface PublicEvent {
  id: string;
  title_zh: string;
  title_en: string;
  description_zh: string;
  description_en: string;
  bring_zh: string | null;
  bring_en: string | null;
  starts_at: string;
  ends_at: string;
  place_zh: string;
  place_en: string;
  lng: number;
  lat: number;
  district_code: string;
  capacity: number;
  spots_taken: number;
  spots_left: number;
  waitlist_count: number;
  organiser_zh: string;
  organiser_en: string;
  status: EventStatus;
  result_volunteers: number | null;
  result_bags_collected: number | null;
  result_summary_zh: string | null;
  result_summary_en: string | null;
  cancel_note_zh: string | null;
  cancel_note_en: string | null;
  updated_at: string;
}

export interface District {
  code: string;
  name_zh: string;
  name_en: string;
}

/** What this device knows of a sign-up: the secret cancel token and enough to list it offline. */
export interface SignupRecord {
  token: string;
  eventId: string;
  /** The event's title in both languages when signing up, for the list on this device. */
  title: { zh: string; en: string };
  startsAt: string;
  /** ISO 8601. */
  signedUpAt: string;
}

/** A sign-up as read back with its token (event_signup_by_token). */
export interface SignupState {
  eventId: string;
  name: string;
  partySize: number;
  status: SignupStatus;
  /** 1-based place in the waiting list, null unless waitlisted. */
  waitlistPosition: number | null;
}

export interface LinkedReport {
  tracking_code: string;
  category_code: string;
  status: string;
  address: string | null;
}

type LocalizedField =
  'title' | 'description' | 'bring' | 'place' | 'organiser' | 'result_summary' | 'cancel_note';

/** An event's text in the page's language, e.g. `localized(event, 'title', 'en')`. */
export function localized<K extends LocalizedField>(
  event: Pick<PublicEvent, `${K}_zh` | `${K}_en`>,
  field: K,
  locale: Locale,
): PublicEvent[`${K}_zh`] {
  const source = event as unknown as Record<string, string | null>;
  return source[`${field}_${locale === 'en' ? 'en' : 'zh'}`] as PublicEvent[`${K}_zh`];
}

/** Where an event stands for someone who wants to join it now. */
export type Availability = 'open' | 'full' | 'started' | 'ended' | 'cancelled' | 'completed';

export function availability(event: PublicEvent, now: Date = new Date()): Availability {
  if (event.status === 'cancelled') return 'cancelled';
  if (event.status === 'completed') return 'completed';
  if (Date.parse(event.ends_at) <= now.getTime()) return 'ended';
  if (Date.parse(event.starts_at) <= now.getTime()) return 'started';
  return event.spots_left > 0 ? 'open' : 'full';
}
