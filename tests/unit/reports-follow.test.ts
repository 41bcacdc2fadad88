import { describe, expect, it } from 'vitest';
import { normalizeTrackingCode } from '../../src/components/reports/tracking-code.ts';
import {
  activeFilterCount,
  filtersToParams,
  filtersToRpc,
  parseFilters,
  parseMapView,
} from '../../src/components/reports/filters.ts';
import { bboxForView, formatView, parseView } from '../../src/components/reports/viewport.ts';
import { stepperFor, statusTone } from '../../src/components/reports/status.ts';
import { translator } from '../../src/components/reports/format.ts';
import { niceMax, ticks } from '../../src/components/stats/scale.ts';

describe('tracking codes as typed', () => {
  it('accepts case, spaces, dashes and a missing prefix', () => {
    expect(normalizeTrackingCode('QS-7K3M-9P2X')).toBe('QS-7K3M-9P2X');
    expect(normalizeTrackingCode(' qs 7k3m 9p2x ')).toBe('QS-7K3M-9P2X');
    expect(normalizeTrackingCode('qs7k3m9p2x')).toBe('QS-7K3M-9P2X');
    expect(normalizeTrackingCode('7K3M-9P2X')).toBe('QS-7K3M-9P2X');
    expect(normalizeTrackingCode('QS－7K3M－9P2X')).toBe('QS-7K3M-9P2X'); // full-width dashes from a Chinese keyboard
  });

  it('reads I and L as 1 and O as 0, like Crockford base32', () => {
    expect(normalizeTrackingCode('QS-IL0O-ABCD')).toBe('QS-1100-ABCD');
  });

  it('refuses what cannot be a code', () => {
    for (const typed of ['', 'QS-1234', 'QS-1234-567U', 'XX-1234-5678', 'QS-1234-56789', '报告编号']) {
      expect(normalizeTrackingCode(typed)).toBeNull();
    }
  });
});

describe('filters in the URL', () => {
  it('reads repeated and comma-separated values, dropping impossible ones', () => {
    const filters = parseFilters(
      new URLSearchParams(
        'status=submitted&status=accepted,bogus&category=pests&district=nanhu&district=Bad-Code&from=2026-11-01&to=2026-02-30',
      ),
    );
    expect(filters).toEqual({
      status: ['submitted', 'accepted'],
      category: ['pests'],
      district: ['nanhu'],
      from: '2026-11-01',
      to: null,
    });
    expect(activeFilterCount(filters)).toBe(5);
  });

  it('writes them back in a stable order, with the map view', () => {
    const params = filtersToParams(
      { status: ['resolved'], category: [], district: ['gaoxin'], from: null, to: '2026-11-30' },
      { zoom: 13, lat: 22.591234, lng: 114.109876 },
    );
    expect(params.toString()).toBe(
      'status=resolved&district=gaoxin&to=2026-11-30&map=13%2F22.5912%2F114.1099',
    );
    expect(parseMapView(params)).toEqual({ zoom: 13, lat: 22.5912, lng: 114.1099 });
  });

  it('turns dates into whole days in Shanghai, the end exclusive', () => {
    expect(
      filtersToRpc({ status: [], category: ['pests'], district: [], from: '2026-11-01', to: '2026-11-30' }),
    ).toEqual({
      p_status: null,
      p_category: ['pests'],
      p_district: null,
      p_from: '2026-11-01T00:00:00+08:00',
      p_to: '2026-12-01T00:00:00+08:00',
    });
  });
});

describe('map views', () => {
  it('round-trips through the URL form and refuses nonsense', () => {
    expect(parseView(formatView({ zoom: 12, lat: 22.6, lng: 114.03 }))).toEqual({
      zoom: 12,
      lat: 22.6,
      lng: 114.03,
    });
    expect(parseView('25/0/0')).toBeNull();
    expect(parseView('12/95/0')).toBeNull();
    expect(parseView('12/x/0')).toBeNull();
    expect(parseView(null)).toBeNull();
  });

  it('computes the area a map shows, as Leaflet does', () => {
    // At zoom 12 a 256 px tile spans 360 / 4096 degrees of longitude.
    const box = bboxForView({ zoom: 12, lat: 22.6, lng: 114.03 }, 512, 256);
    expect(box.east - box.west).toBeCloseTo((2 * 360) / 4096, 6);
    expect((box.east + box.west) / 2).toBeCloseTo(114.03, 6);
    expect(box.north).toBeGreaterThan(22.6);
    expect(box.south).toBeLessThan(22.6);
    expect(box.north - box.south).toBeCloseTo(0.0811, 3);
  });
});

describe('status stepper', () => {
  it('marks stages before the current one done, even when skipped', () => {
    const stepper = stepperFor('in_progress', ['submitted', 'accepted', 'in_progress']);
    expect(stepper.steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'current', 'todo']);
    expect(stepper.currentIndex).toBe(3);
    expect(stepper.outcome).toBeNull();
  });

  it('finishes at 办结 for resolved and closed reports', () => {
    expect(stepperFor('resolved', []).steps.every((s) => s.state === 'done')).toBe(true);
    expect(stepperFor('closed', []).outcome).toBe('closed');
  });

  it('shows a reopened report waiting to be accepted again', () => {
    const stepper = stepperFor('reopened', ['submitted', 'accepted', 'in_progress', 'resolved', 'reopened']);
    expect(stepper.steps.map((s) => s.state)).toEqual(['done', 'current', 'todo', 'todo', 'todo']);
    expect(stepper.outcome).toBe('reopened');
  });

  it('stops where a rejected, duplicate or referred report had got to', () => {
    const stepper = stepperFor('rejected', ['submitted', 'accepted', 'rejected']);
    expect(stepper.steps.map((s) => s.state)).toEqual(['done', 'done', 'todo', 'todo', 'todo']);
    expect(stepper.currentIndex).toBeNull();
    expect(stepper.outcome).toBe('rejected');
    expect(stepperFor('duplicate', ['submitted', 'duplicate']).steps[1]?.state).toBe('todo');
  });

  it('groups statuses by tone', () => {
    expect(['submitted', 'reopened'].map((s) => statusTone(s as never))).toEqual(['open', 'open']);
    expect(statusTone('closed')).toBe('done');
    expect(statusTone('referred')).toBe('stopped');
  });
});

describe('island messages', () => {
  const en = translator('en', {
    'x.count_one': '{{count}} report',
    'x.count_other': '{{count}} reports',
    'x.hello': 'Hello {{name}}, {{missing}}',
  });
  const zh = translator('zh-CN', { 'x.count_other': '{{count}} 条' });

  it('picks plural forms by count and fills placeholders', () => {
    expect(en('x.count_other', { count: 1 })).toBe('1 report');
    expect(en('x.count_other', { count: 3 })).toBe('3 reports');
    expect(zh('x.count_other', { count: 1 })).toBe('1 条');
    expect(en('x.hello', { name: 'Li' })).toBe('Hello Li, {{missing}}');
  });

  it('shows the key when a message is missing, so the gap is visible', () => {
    expect(en('x.nothing')).toBe('x.nothing');
  });
});

describe('chart scales', () => {
  it('rounds the maximum up to 1, 2 or 5 (2.5 from 25) times a power of ten', () => {
    expect([0, 1, 3, 7, 12, 37, 92, 240, 4100].map(niceMax)).toEqual([1, 1, 5, 10, 20, 50, 100, 250, 5000]);
  });

  it('ticks in whole numbers from zero', () => {
    expect(ticks(37)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(ticks(92)).toEqual([0, 25, 50, 75, 100]);
    expect(ticks(3)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(ticks(0)).toEqual([0, 1]);
    for (const value of [1, 3, 7, 12, 37, 92, 240, 4100]) {
      expect(ticks(value).every(Number.isInteger)).toBe(true);
    }
  });
});
