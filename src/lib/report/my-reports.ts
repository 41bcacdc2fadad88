/**
 * "My reports": the reports sent from this device, kept in localStorage — no account needed. Each keeps its
 * reporter token, the secret that lets this device rate or reopen the report later; it never leaves the
 * device except in those requests. Also the device id that makes "me too" count once per device.
 */
export interface MyReport {
  trackingCode: string;
  /** null when the server did not return one (a retried send whose first answer was lost). */
  reporterToken: string | null;
  /** ISO 8601. */
  createdAt: string;
}

/** The part of the Web Storage API used here; tests pass a Map-backed one. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

const REPORTS_KEY = 'qingshan.myReports.v1';
const DEVICE_KEY = 'qingshan.deviceId';
/** Enough for years of a resident's reports; the oldest go first beyond it. */
export const MY_REPORTS_MAX = 100;

const TRACKING_CODE = /^QS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** localStorage, or null where it is blocked (reading the property itself can throw a SecurityError). */
function local(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function read(store: KeyValueStore | null): MyReport[] {
  try {
    const data: unknown = JSON.parse(store?.getItem(REPORTS_KEY) ?? '[]');
    // Whatever else is in there (an old format, a hand edit) is dropped rather than shown broken.
    return Array.isArray(data)
      ? data.filter(
          (r): r is MyReport =>
            typeof r?.trackingCode === 'string' &&
            TRACKING_CODE.test(r.trackingCode) &&
            (r.reporterToken === null || typeof r.reporterToken === 'string') &&
            typeof r.createdAt === 'string' &&
            !Number.isNaN(Date.parse(r.createdAt)),
        )
      : [];
  } catch {
    return [];
  }
}

/** False when the browser would not store it (blocked, full): the list then lasts only this visit. */
function write(store: KeyValueStore | null, reports: MyReport[]): boolean {
  try {
    store?.setItem(REPORTS_KEY, JSON.stringify(reports));
    return !!store;
  } catch {
    return false;
  }
}

const newestFirst = (a: MyReport, b: MyReport) => Date.parse(b.createdAt) - Date.parse(a.createdAt);

/** This device's reports, newest first. */
export function listMyReports(store = local()): MyReport[] {
  return read(store).sort(newestFirst);
}

/** The entry for a tracking code, e.g. to find its reporter token on the report's page. */
export function findMyReport(trackingCode: string, store = local()): MyReport | undefined {
  return read(store).find((r) => r.trackingCode === trackingCode);
}

/**
 * Adds (or updates) a report; a token already known is never replaced by null. Returns whether it was saved.
 */
export function addMyReport(report: MyReport, store = local()): boolean {
  const all = read(store);
  const old = all.find((r) => r.trackingCode === report.trackingCode);
  const entry = { ...report, reporterToken: report.reporterToken ?? old?.reporterToken ?? null };
  const next = [entry, ...all.filter((r) => r !== old)].sort(newestFirst).slice(0, MY_REPORTS_MAX);
  return write(store, next);
}

/** Forgets a report on this device (the report itself stays public). */
export function removeMyReport(trackingCode: string, store = local()): boolean {
  return write(
    store,
    read(store).filter((r) => r.trackingCode !== trackingCode),
  );
}

let pageDeviceId: string | null = null;

/**
 * A random id for this device, created on first use; the server keeps only its hash. Where storage is
 * blocked it lasts for the page, so "me too" still works once.
 */
export function deviceId(store = local(), uuid: () => string = () => crypto.randomUUID()): string {
  try {
    const known = store?.getItem(DEVICE_KEY);
    if (known && UUID.test(known)) return known;
  } catch {
    return (pageDeviceId ??= uuid());
  }
  const id = pageDeviceId ?? uuid();
  try {
    if (!store) throw new Error('no storage');
    store.setItem(DEVICE_KEY, id);
    return id;
  } catch {
    return (pageDeviceId = id); // blocked or full
  }
}
