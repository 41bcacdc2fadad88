/**
 * "My sign-ups": the clean days this device signed up for, kept in localStorage with their cancel tokens — no
 * account needed. A token is the only way to cancel, so it is also shown in the confirmation as a link to keep.
 */
import type { SignupRecord } from './types.ts';

/** The part of the Web Storage API used here; tests pass a Map-backed one. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

const KEY = 'qingshan.eventSignups.v1';
/** Far more than anyone signs up for; the oldest go first beyond it. */
export const MY_SIGNUPS_MAX = 50;
const TOKEN = /^[0-9a-f]{64}$/;

function local(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is SignupRecord {
  const r = value as SignupRecord;
  return (
    typeof r?.token === 'string' &&
    TOKEN.test(r.token) &&
    typeof r.eventId === 'string' &&
    typeof r.title?.zh === 'string' &&
    typeof r.title?.en === 'string' &&
    !Number.isNaN(Date.parse(r.startsAt)) &&
    !Number.isNaN(Date.parse(r.signedUpAt))
  );
}

/** The sign-ups kept on this device, newest first; anything malformed is dropped rather than shown broken. */
export function readSignups(store: KeyValueStore | null = local()): SignupRecord[] {
  try {
    const data: unknown = JSON.parse(store?.getItem(KEY) ?? '[]');
    return Array.isArray(data) ? data.filter(isRecord) : [];
  } catch {
    return [];
  }
}

function write(store: KeyValueStore | null, records: SignupRecord[]): boolean {
  try {
    store?.setItem(KEY, JSON.stringify(records));
    return !!store;
  } catch {
    return false;
  }
}

/** Keeps a new sign-up; false when the browser would not store it (then only the confirmation link remains). */
export function saveSignup(record: SignupRecord, store: KeyValueStore | null = local()): boolean {
  const others = readSignups(store).filter((r) => r.token !== record.token);
  return write(store, [record, ...others].slice(0, MY_SIGNUPS_MAX));
}

export function forgetSignup(token: string, store: KeyValueStore | null = local()): void {
  write(
    store,
    readSignups(store).filter((r) => r.token !== token),
  );
}

/** This device's sign-ups for one event (someone may sign up a friend too, with another contact). */
export function signupsFor(eventId: string, store: KeyValueStore | null = local()): SignupRecord[] {
  return readSignups(store).filter((r) => r.eventId === eventId);
}
