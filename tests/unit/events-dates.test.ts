import { describe, expect, it } from 'vitest';
import {
  formatMonth,
  formatTimeRange,
  fromCityDateTimeInput,
  monthKey,
  monthRange,
  toCityDateTimeInput,
} from '../../src/lib/dates/index.ts';

describe('month filters in city time', () => {
  it('puts an instant in the month it is in Qingshan, not in UTC', () => {
    expect(monthKey('2026-11-30T16:30:00Z')).toBe('2026-12');
    expect(monthKey('2026-11-30T15:59:00Z')).toBe('2026-11');
  });

  it('gives the instants a month starts and ends', () => {
    expect(monthRange('2026-12')).toEqual({
      from: new Date('2026-11-30T16:00:00Z'),
      to: new Date('2026-12-31T16:00:00Z'),
    });
    expect(monthRange('2027-01')?.from.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('refuses a malformed month', () => {
    expect(monthRange('2026-13')).toBeNull();
    expect(monthRange('December')).toBeNull();
  });

  it('names the month in each language', () => {
    expect(formatMonth('zh-cn', '2026-12')).toBe('2026年12月');
    expect(formatMonth('en', '2026-12')).toBe('December 2026');
  });
});

describe('event times', () => {
  it('shows the day with its weekday and the time range in city time', () => {
    expect(formatTimeRange('zh-cn', '2026-12-05T01:00:00Z', '2026-12-05T04:00:00Z')).toBe(
      '2026年12月5日星期六 09:00–12:00',
    );
    expect(formatTimeRange('en', '2026-12-05T01:00:00Z', '2026-12-05T04:00:00Z')).toBe(
      'Saturday, 5 December 2026, 09:00–12:00',
    );
  });

  it('shows both dates when an event runs past midnight', () => {
    expect(formatTimeRange('en', '2026-12-05T13:00:00Z', '2026-12-05T17:00:00Z')).toContain(
      'Sunday, 6 December',
    );
  });
});

describe('date-time inputs in city time', () => {
  it('writes an instant as the city wall-clock time', () => {
    expect(toCityDateTimeInput('2026-12-05T01:00:00Z')).toBe('2026-12-05T09:00');
    expect(toCityDateTimeInput('2026-12-31T17:30:00Z')).toBe('2027-01-01T01:30');
  });

  it('reads a wall-clock time back as the same instant', () => {
    expect(fromCityDateTimeInput('2026-12-05T09:00')?.toISOString()).toBe('2026-12-05T01:00:00.000Z');
    expect(fromCityDateTimeInput(toCityDateTimeInput('2026-07-01T23:45:00Z'))?.toISOString()).toBe(
      '2026-07-01T23:45:00.000Z',
    );
  });

  it('refuses dates the calendar does not have', () => {
    expect(fromCityDateTimeInput('2026-02-30T09:00')).toBeNull();
    expect(fromCityDateTimeInput('2026-12-05T24:00')).toBeNull();
    expect(fromCityDateTimeInput('')).toBeNull();
  });
});
