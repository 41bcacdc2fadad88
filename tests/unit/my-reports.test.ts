import { describe, expect, it } from 'vitest';
import {
  MY_REPORTS_MAX,
  addMyReport,
  deviceId,
  findMyReport,
  listMyReports,
  removeMyReport,
  type KeyValueStore,
  type MyReport,
} from '../../src/lib/report/my-reports.ts';

/** Web Storage's two methods over a Map; `full` makes setItem throw like a full or blocked localStorage. */
function storage(full = false): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      if (full) throw new DOMException('quota', 'QuotaExceededError');
      data.set(k, String(v));
    },
  };
}
const report = (code: string, day: number, token: string | null = `tok-${code}`): MyReport => ({
  trackingCode: code,
  reporterToken: token,
  createdAt: new Date(Date.UTC(2026, 11, day)).toISOString(),
});

describe('my reports', () => {
  it('starts empty', () => {
    expect(listMyReports(storage())).toEqual([]);
  });

  it('keeps added reports, newest first, across reads', () => {
    const s = storage();
    expect(addMyReport(report('QS-AAAA-0001', 1), s)).toBe(true);
    expect(addMyReport(report('QS-AAAA-0003', 3), s)).toBe(true);
    expect(addMyReport(report('QS-AAAA-0002', 2), s)).toBe(true);
    expect(listMyReports(s).map((r) => r.trackingCode)).toEqual([
      'QS-AAAA-0003',
      'QS-AAAA-0002',
      'QS-AAAA-0001',
    ]);
    expect(findMyReport('QS-AAAA-0002', s)).toEqual(report('QS-AAAA-0002', 2));
    expect(findMyReport('QS-ZZZZ-9999', s)).toBeUndefined();
  });

  it('adds the same tracking code once', () => {
    const s = storage();
    addMyReport(report('QS-AAAA-0001', 1), s);
    addMyReport(report('QS-AAAA-0001', 1), s);
    expect(listMyReports(s)).toHaveLength(1);
  });

  it('never loses a known reporter token to a later entry without one', () => {
    const s = storage();
    addMyReport(report('QS-AAAA-0001', 1, 'secret'), s);
    addMyReport(report('QS-AAAA-0001', 1, null), s);
    expect(findMyReport('QS-AAAA-0001', s)?.reporterToken).toBe('secret');
  });

  it('fills in a token that arrives later', () => {
    const s = storage();
    addMyReport(report('QS-AAAA-0001', 1, null), s);
    addMyReport(report('QS-AAAA-0001', 1, 'secret'), s);
    expect(findMyReport('QS-AAAA-0001', s)?.reporterToken).toBe('secret');
  });

  it(`keeps the newest ${MY_REPORTS_MAX}`, () => {
    const s = storage();
    for (let i = 0; i <= MY_REPORTS_MAX; i++) {
      const code = `QS-AAAA-${String(i).padStart(4, '0')}`;
      addMyReport({ ...report(code, 1), createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() }, s);
    }
    const list = listMyReports(s);
    expect(list).toHaveLength(MY_REPORTS_MAX);
    expect(list.at(-1)?.trackingCode).toBe('QS-AAAA-0001');
    expect(findMyReport('QS-AAAA-0000', s)).toBeUndefined();
  });

  it('forgets a report', () => {
    const s = storage();
    addMyReport(report('QS-AAAA-0001', 1), s);
    addMyReport(report('QS-AAAA-0002', 2), s);
    expect(removeMyReport('QS-AAAA-0001', s)).toBe(true);
    expect(listMyReports(s).map((r) => r.trackingCode)).toEqual(['QS-AAAA-0002']);
  });

  it('ignores damaged or foreign data instead of failing', () => {
    const s = storage();
    s.data.set('qingshan.myReports.v1', '{not json');
    expect(listMyReports(s)).toEqual([]);
    s.data.set('qingshan.myReports.v1', JSON.stringify({ trackingCode: 'QS-AAAA-0001' }));
    expect(listMyReports(s)).toEqual([]);
    s.data.set(
      'qingshan.myReports.v1',
      JSON.stringify([
        report('QS-AAAA-0001', 1),
        { trackingCode: 'QS-IIII-0001', reporterToken: null, createdAt: '2026-12-01T00:00:00Z' }, // I is not in the alphabet
        { trackingCode: 'QS-AAAA-0002', reporterToken: 5, createdAt: '2026-12-01T00:00:00Z' },
        { trackingCode: 'QS-AAAA-0003', reporterToken: null, createdAt: 'yesterday' },
        null,
        'QS-AAAA-0004',
      ]),
    );
    expect(listMyReports(s)).toEqual([report('QS-AAAA-0001', 1)]);
  });

  it('says so when the browser will not store the list, without throwing', () => {
    const s = storage(true);
    expect(addMyReport(report('QS-AAAA-0001', 1), s)).toBe(false);
    expect(removeMyReport('QS-AAAA-0001', s)).toBe(false);
    expect(addMyReport(report('QS-AAAA-0001', 1), null)).toBe(false);
    expect(listMyReports(null)).toEqual([]);
  });

  it('uses localStorage by default, and copes with its absence in Node', () => {
    expect(listMyReports()).toEqual([]);
  });
});

describe('device id', () => {
  const ids =
    (...list: string[]) =>
    () =>
      list.shift()!;
  const a = '0b7f3c1e-6f0a-4c55-9b1e-2f7f2d3c4a5b';
  const b = '9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f';

  it('is created once and then stays the same', () => {
    const s = storage();
    expect(deviceId(s, ids(a, b))).toBe(a);
    expect(deviceId(s, ids(b))).toBe(a);
    expect(s.data.get('qingshan.deviceId')).toBe(a);
  });

  it('replaces a stored value that is not a uuid', () => {
    const s = storage();
    s.data.set('qingshan.deviceId', 'hello');
    expect(deviceId(s, ids(b))).toBe(b);
  });

  // Last in this file: it sets the module's per-page id.
  it('lasts for the page when storage is blocked or full', () => {
    expect(deviceId(storage(true), ids(a))).toBe(a);
    expect(deviceId(null, ids(b))).toBe(a);
    expect(deviceId(storage(true), ids(b))).toBe(a);
    const blocked: KeyValueStore = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {},
    };
    expect(deviceId(blocked, ids(b))).toBe(a);
  });
});
