/**
 * The form's state and the pure rules around it: what the fields hold, how they become the values the shared
 * validation checks and the draft the outbox sends, and back again when the server refused a draft.
 */
import { distanceMeters } from '../../lib/geo/distance.ts';
import type { LngLat } from '../../lib/geo/types.ts';
import {
  DESCRIPTION_MAX,
  SERVICE_RADIUS_M,
  toDraft,
  type LocationSource,
  type ReportDraft,
  type ReportErrorKey,
  type ReportField,
  type ReportFormValues,
} from '../../lib/report/validation.ts';
import type { FormDistrict } from './data.ts';
import type { Translate } from './text.ts';

/** Where the problem is, WGS-84; how it was chosen decides how precise it is. */
export interface FormLocation extends LngLat {
  source: LocationSource;
  /** Metres, for a device fix. */
  accuracy?: number;
  /** 1-based number of the photo the point came from. */
  photo?: number;
}

export interface FormPhoto {
  id: string;
  name: string;
  /** Prepared (resized, re-encoded, no metadata); missing while it is being prepared. */
  blob?: Blob;
  width?: number;
  height?: number;
  /** Read from the original before its metadata was removed. */
  gps: LngLat | null;
}

export interface FormFields {
  category: string;
  description: string;
  location: FormLocation | null;
  /** The district chosen in the select, '' for none. */
  district: string;
  address: string;
  contact: string;
}

export const emptyFields: FormFields = {
  category: '',
  description: '',
  location: null,
  district: '',
  address: '',
  contact: '',
};

/** A problem the server found with a draft, shown like the form's own errors. */
export interface FieldProblem {
  field: ReportField | null;
  key: ReportErrorKey;
}

/** True when the person has put anything into the form (then nothing may replace it unasked). */
export function hasContent(f: FormFields, photos: readonly FormPhoto[]): boolean {
  return !!(
    f.category ||
    f.description.trim() ||
    f.location ||
    f.address.trim() ||
    f.contact.trim() ||
    photos.length
  );
}

/** The values the shared validation checks. */
export function formValues(f: FormFields, photos: readonly FormPhoto[]): ReportFormValues {
  return {
    ...f,
    photos: photos.map((p) => ({ type: p.blob?.type ?? 'image/jpeg', size: p.blob?.size ?? 0 })),
  };
}

/**
 * The draft for the outbox. The chosen district is sent only when the point is that district's centre; for
 * a precise point the database derives the district from the point itself.
 */
export function draftOf(f: FormFields, photos: readonly FormPhoto[], reporterToken: string): ReportDraft {
  const district = f.location?.source === 'district' ? f.district : '';
  return { ...toDraft({ ...formValues(f, photos), district }), reporterToken };
}

/** The form fields again from a draft the server refused (the district is only ever sent for a centre). */
export function fieldsOfDraft(d: ReportDraft): FormFields {
  return {
    category: d.category,
    description: d.description,
    location: { lng: d.lng, lat: d.lat, source: d.district ? 'district' : 'map' },
    district: d.district ?? '',
    address: d.address,
    contact: d.contactPhone ?? d.contactEmail ?? '',
  };
}

/** The district whose centre is nearest, with the distance in metres. */
export function nearestDistrict(
  p: LngLat,
  districts: readonly FormDistrict[],
): { district: FormDistrict; metres: number } | null {
  let best: { district: FormDistrict; metres: number } | null = null;
  for (const district of districts) {
    const metres = distanceMeters(p, district);
    if (!best || metres < best.metres) best = { district, metres };
  }
  return best;
}

/** A list with the item at `index` moved by `delta` places (unchanged when that would leave the list). */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item as T);
  return next;
}

/** Degrees to 5 decimals (about 1 m), with the hemisphere letters: "22.54120° N, 114.06230° E". */
export function formatLngLat(p: LngLat): string {
  const f = (v: number, pos: string, neg: string) => `${Math.abs(v).toFixed(5)}° ${v < 0 ? neg : pos}`;
  return `${f(p.lat, 'N', 'S')}, ${f(p.lng, 'E', 'W')}`;
}

/** A distance for people: "80 m", "1.2 km". */
export function formatMetres(metres: number, lang: string): string {
  if (metres < 950) return `${Math.max(10, Math.round(metres / 10) * 10)} m`;
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(metres / 1000)} km`;
}

/** The character count under the description: how many are left, or how many too many. */
export function countText(t: Translate, lang: string, length: number): string {
  const left = DESCRIPTION_MAX - length;
  const n = new Intl.NumberFormat(lang).format(Math.abs(left));
  return left >= 0
    ? t('report.description.remaining', { count: left, n })
    : t('report.description.tooMany', { count: -left, n });
}

/** Where the chosen point is, in words (shown under the location question and announced when it settles). */
export function locationStatus(
  t: Translate,
  lang: string,
  loc: FormLocation | null,
  districts: FormDistrict[],
): string {
  if (!loc) return t('report.location.none');
  const near = nearestDistrict(loc, districts);
  if (loc.source === 'district')
    return t('report.location.atDistrict', { district: near?.district.name ?? '' });
  const vars = { coords: formatLngLat(loc), district: near?.district.name ?? '' };
  const where =
    loc.source === 'device'
      ? t('report.location.atDevice', { ...vars, accuracy: formatMetres(loc.accuracy ?? 0, lang) })
      : loc.source === 'photo'
        ? t('report.location.atPhoto', { ...vars, n: loc.photo ?? 1 })
        : t('report.location.atPin', vars);
  return near && near.metres > SERVICE_RADIUS_M ? `${where} ${t('report.location.outside')}` : where;
}
