import { describe, expect, it } from 'vitest';
import {
  addDays,
  deadlineStatus,
  formatDateTime,
  isWorkingDay,
  relativeTime,
  workingDaysBetween,
} from '../../src/lib/dates/index.ts';

// Part of the 2026 National Day holiday: 1–7 October off, Saturday 10 October an adjusted working day.
const calendar = new Map<string, boolean>([
  ['2026-10-01', false],
  ['2026-10-02', false],
  ['2026-10-05', false],
  ['2026-10-06', false],
  ['2026-10-07', false],
  ['2026-10-10', true],
]);

describe('working days', () => {
  it('adds calendar days across month and year ends', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });

  it('treats Monday to Friday as working days unless the calendar says otherwise', () => {
    expect(isWorkingDay('2026-11-30')).toBe(true); // Monday
    expect(isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(isWorkingDay('2026-10-01', calendar)).toBe(false); // holiday on a Thursday
    expect(isWorkingDay('2026-10-10', calendar)).toBe(true); // adjusted Saturday
  });

  it('counts working days after the first date up to and including the second', () => {
    expect(workingDaysBetween('2026-11-27', '2026-12-01')).toBe(2); // Fri → Mon, Tue
    expect(workingDaysBetween('2026-11-30', '2026-11-30')).toBe(0);
    expect(workingDaysBetween('2026-12-01', '2026-11-27')).toBe(-2);
    // 30 Sep → 12 Oct: only 8, 9 (Thu, Fri), 10 (adjusted Sat) and 12 (Mon) are working days.
    expect(workingDaysBetween('2026-09-30', '2026-10-12', calendar)).toBe(4);
  });
});

describe('deadline status', () => {
  const now = new Date('2026-11-30T02:00:00Z'); // Monday 10:00 in Shanghai

  it('counts working days left, 0 when due later today', () => {
    expect(deadlineStatus('2026-12-02T07:00:00Z', now)).toEqual({ state: 'due', workingDaysLeft: 2 });
    expect(deadlineStatus('2026-11-30T07:00:00Z', now)).toEqual({ state: 'due', workingDaysLeft: 0 });
  });

  it('is overdue once the due time has passed, counting working days late', () => {
    expect(deadlineStatus('2026-11-30T01:00:00Z', now)).toEqual({ state: 'overdue', workingDaysLate: 0 });
    // Due Friday 15:00, now Monday 10:00: one working day late.
    expect(deadlineStatus('2026-11-27T07:00:00Z', now)).toEqual({ state: 'overdue', workingDaysLate: 1 });
  });

  it('uses the city date, not UTC, to count days', () => {
    // 23:30 in Shanghai on Monday is still Monday although UTC says Monday 15:30… and 00:30 Tuesday is Tuesday.
    const lateMonday = new Date('2026-11-30T15:30:00Z');
    expect(deadlineStatus('2026-11-30T16:30:00Z', lateMonday)).toEqual({ state: 'due', workingDaysLeft: 1 });
  });
});

describe('display', () => {
  it('formats date and time in Shanghai time in both languages', () => {
    expect(formatDateTime('zh-cn', '2026-11-30T07:05:00Z')).toBe('2026年11月30日 15:05');
    expect(formatDateTime('en', '2026-11-30T07:05:00Z')).toBe('30 November 2026 at 15:05');
  });

  it('says how long ago or until, in the largest whole unit', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    expect(relativeTime('en', '2026-11-30T09:00:00Z', now)).toBe('3 hours ago');
    expect(relativeTime('en', '2026-12-02T12:00:00Z', now)).toBe('in 2 days');
    expect(relativeTime('en', '2026-11-30T11:59:30Z', now)).toBe('now');
    expect(relativeTime('zh-cn', '2026-11-29T12:00:00Z', now)).toBe('昨天');
  });
});
