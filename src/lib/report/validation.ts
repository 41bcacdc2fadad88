/**
 * The report form's rules. The database enforces the same ones in submit_report (the source of truth); they
 * are repeated here only so people get a message at once, in their language, next to the field.
 * Rules return message keys (`report.error.*`), never text.
 */
import type { MessageKey } from '../../i18n/index.ts';
import { distanceMeters, isValidLngLat } from '../geo/distance.ts';
import type { LngLat } from '../geo/types.ts';

export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 2000;
export const ADDRESS_MAX = 200;
/** When the point is only a district's centre, the address has to say where: at least this many characters. */
export const ADDRESS_MIN_APPROXIMATE = 5;
export const PHOTOS_MAX = 3;
export const PHOTO_BYTES_MAX = 10 * 1024 * 1024;
/** The storage bucket's allowed types; the photo pipeline always produces JPEG. */
export const PHOTO_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];
/** The service area: within this distance of a district centre (submit_report's rule). */
export const SERVICE_RADIUS_M = 15_000;

/** Fields in form order: the error summary lists them in this order. */
export const REPORT_FIELDS = ['category', 'description', 'photos', 'location', 'address', 'contact'] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

export type ReportErrorCode =
  | 'category.required'
  | 'category.invalid'
  | 'description.required'
  | 'description.tooShort'
  | 'description.tooLong'
  | 'photos.tooMany'
  | 'photos.type'
  | 'photos.tooBig'
  | 'photos.heic'
  | 'photos.decode'
  | 'photos.encode'
  | 'photos.upload'
  | 'location.required'
  | 'location.invalid'
  | 'address.required'
  | 'address.tooLong'
  | 'contact.invalid'
  | 'form.rateLimited'
  | 'form.server';
export type ReportErrorKey = `report.error.${ReportErrorCode}`;
// Compile-time proof that every key exists in the dictionaries.
const _keysExist: ReportErrorKey extends MessageKey ? true : never = true;
void _keysExist;

/**
 * How the point was set. 'district' means the centre of a chosen district — the way to give a place without
 * the map or location access — so the address must then describe where exactly.
 */
export type LocationSource = 'map' | 'device' | 'photo' | 'district';

export interface ReportFormValues {
  category: string;
  description: string;
  photos: readonly { type: string; size: number }[];
  location: { lng: number; lat: number; source: LocationSource } | null;
  /** District code chosen in the form, '' when none. */
  district: string;
  address: string;
  /** One field: a mainland phone number (mobile or landline) or an email, '' when the person stays anonymous. */
  contact: string;
}

export type ReportErrors = Partial<Record<ReportField, ReportErrorKey>>;

/** Length as PostgreSQL's char_length counts it: Unicode code points, not UTF-16 units (emoji count once). */
export const charLength = (s: string) => [...s].length;

/**
 * A contact as the database columns want it, or 'invalid'. Phones as submit_report accepts them: a mobile
 * number 1[3-9]xxxxxxxxx or a landline with its area code 0xx…; typed with spaces, dashes, brackets, +86 or
 * full-width digits (NFKC turns １３８ and ＠ into 138 and @). Emails are lowercased, as the database does.
 */
export function parseContact(raw: string): { phone: string | null; email: string | null } | 'invalid' {
  const s = raw.normalize('NFKC').trim();
  if (!s) return { phone: null, email: null };
  const phone = s.replace(/[\s()-]/g, '').replace(/^\+?86(?=1\d{10}$|0\d{9,11}$)/, '');
  if (/^(1[3-9]\d{9}|0\d{9,11})$/.test(phone)) return { phone, email: null };
  if (s.length <= 254 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(s))
    return { phone: null, email: s.toLowerCase() };
  return 'invalid';
}

export interface ValidationContext {
  /** Active category codes, when loaded: catches a stale preselection from `?category=`. */
  categories?: readonly string[];
  /** District centres (WGS-84), when loaded: a point farther than SERVICE_RADIUS_M from all is outside. */
  centres?: readonly LngLat[];
}

function check(v: ReportFormValues, { categories: known, centres }: ValidationContext) {
  const loc = v.location;
  const description = charLength(v.description.trim());
  const address = charLength(v.address.trim());
  return {
    category: !v.category
      ? 'category.required'
      : known && !known.includes(v.category)
        ? 'category.invalid'
        : undefined,
    description: !description
      ? 'description.required'
      : description < DESCRIPTION_MIN
        ? 'description.tooShort'
        : description > DESCRIPTION_MAX
          ? 'description.tooLong'
          : undefined,
    photos:
      v.photos.length > PHOTOS_MAX
        ? 'photos.tooMany'
        : v.photos.some((p) => !PHOTO_TYPES.includes(p.type))
          ? 'photos.type'
          : v.photos.some((p) => p.size > PHOTO_BYTES_MAX)
            ? 'photos.tooBig'
            : undefined,
    location: !loc
      ? 'location.required'
      : !isValidLngLat(loc) ||
          (centres?.length && !centres.some((c) => distanceMeters(c, loc) <= SERVICE_RADIUS_M))
        ? 'location.invalid'
        : undefined,
    address:
      address > ADDRESS_MAX
        ? 'address.tooLong'
        : loc?.source === 'district' && address < ADDRESS_MIN_APPROXIMATE
          ? 'address.required'
          : undefined,
    contact: parseContact(v.contact) === 'invalid' ? 'contact.invalid' : undefined,
  } satisfies Record<ReportField, ReportErrorCode | undefined>;
}

/** The first problem with each field, in form order; empty when the report can be sent. */
export function validateReport(v: ReportFormValues, context: ValidationContext = {}): ReportErrors {
  const codes = check(v, context);
  const errors: ReportErrors = {};
  for (const f of REPORT_FIELDS) {
    const c = codes[f];
    if (c) errors[f] = `report.error.${c}`;
  }
  return errors;
}

/** A valid form as submit_report's arguments want it (trimmed; contact split into phone or email). */
export interface ReportDraft {
  category: string;
  description: string;
  lng: number;
  lat: number;
  address: string;
  district: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  /**
   * The reporter token this device made when it queued the report (newReporterToken), sent as
   * p_reporter_token so the device holds it even when the server's answer is lost. Not part of the form.
   */
  reporterToken?: string;
}

/** The draft to send; call only when validateReport found nothing. */
export function toDraft(v: ReportFormValues): ReportDraft {
  const contact = parseContact(v.contact);
  if (!v.location || contact === 'invalid') throw new Error('toDraft needs a valid form');
  return {
    category: v.category,
    description: v.description.trim(),
    lng: v.location.lng,
    lat: v.location.lat,
    address: v.address.trim(),
    district: v.district || null,
    contactPhone: contact.phone,
    contactEmail: contact.email,
  };
}

/** What the form does with an error from submit_report. */
export interface ServerProblem {
  /** The field to mark, or none for a form-level message. */
  field: ReportField | null;
  key: ReportErrorKey;
  /** Worth sending again later unchanged (rate limit, network, server trouble); false = the person must fix it. */
  retry: boolean;
}

const SERVER_KEYS: Record<string, [ReportField, ReportErrorCode]> = {
  invalid_category: ['category', 'category.invalid'],
  invalid_description_length: ['description', 'description.tooShort'],
  invalid_location: ['location', 'location.invalid'],
  invalid_district: ['location', 'location.invalid'],
  invalid_address: ['address', 'address.tooLong'],
  invalid_contact: ['contact', 'contact.invalid'],
  invalid_photos: ['photos', 'photos.upload'],
};

/**
 * Maps an error from submit_report (PostgREST's `{ code, message }`; the message starts with a key such as
 * 'invalid_contact', maybe followed by ': detail') to the form's message. A description-length error takes
 * its direction from the text sent. Anything unrecognised — offline, timeouts, 5xx — is worth retrying.
 */
export function serverProblem(
  error: { message?: string } | null | undefined,
  sent?: ReportDraft,
): ServerProblem {
  const name = /^[a-z_]+/.exec(error?.message ?? '')?.[0] ?? '';
  const known = SERVER_KEYS[name];
  if (known) {
    const [field, code] = known;
    const tooLong = field === 'description' && sent && charLength(sent.description) > DESCRIPTION_MAX;
    return { field, key: `report.error.${tooLong ? 'description.tooLong' : code}`, retry: false };
  }
  return {
    field: null,
    key: name === 'rate_limited' ? 'report.error.form.rateLimited' : 'report.error.form.server',
    retry: true,
  };
}
