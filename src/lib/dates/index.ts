/**
 * The one date helper. The campaign runs in China Standard Time, so every displayed date uses Asia/Shanghai,
 * whatever the visitor's device is set to.
 */
import type { Locale } from '../../i18n/index.ts';

/** Intl locale for dates: our English copy writes "12 March 2024", so British order, not US. */
function dateLocale(locale: Locale): string {
  return locale === 'en' ? 'en-GB' : 'zh-CN';
}

export const cityTimeZone = 'Asia/Shanghai';

/** A calendar date in the page's language, e.g. "2024年3月5日" or "5 March 2024". */
export function formatDate(locale: Locale, date: Date | string): string {
  return new Intl.DateTimeFormat(dateLocale(locale), {
    dateStyle: 'long',
    timeZone: cityTimeZone,
  }).format(new Date(date));
}

/** ISO date (YYYY-MM-DD) of the instant in the city's time zone, for `<time datetime>`. */
export function isoDate(date: Date | string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: cityTimeZone }).format(new Date(date));
}

/** Date and time in the page's language, e.g. "2026年11月30日 15:00" or "30 November 2026 at 15:00". */
export function formatDateTime(locale: Locale, date: Date | string): string {
  return new Intl.DateTimeFormat(dateLocale(locale), {
    dateStyle: 'long',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone: cityTimeZone,
  }).format(new Date(date));
}

/** Days off and adjusted working days (调休) by ISO date, as in the database's holidays table. */
export type HolidayCalendar = ReadonlyMap<string, boolean>;

/** Adds whole days to an ISO date (YYYY-MM-DD), calendar arithmetic in UTC so no time zone can shift it. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Whether an ISO date is a working day in mainland China: Monday to Friday unless the calendar says otherwise
 * (the same rule as the database's is_working_day).
 */
export function isWorkingDay(day: string, calendar: HolidayCalendar = new Map()): boolean {
  const listed = calendar.get(day);
  if (listed !== undefined) return listed;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * Working days after `from` up to and including `to` (ISO dates); negative when `to` is before `from`.
 * @example workingDaysBetween('2026-11-27', '2026-12-01') // 2: Friday → Monday, Tuesday
 */
export function workingDaysBetween(from: string, to: string, calendar: HolidayCalendar = new Map()): number {
  if (to < from) return -workingDaysBetween(to, from, calendar);
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (isWorkingDay(day, calendar)) count += 1;
  }
  return count;
}

export type Deadline =
  { state: 'due'; workingDaysLeft: number } | { state: 'overdue'; workingDaysLate: number };

/**
 * Where a report stands against its due time: working days left (0 = due today), or working days late
 * (0 = the due time passed earlier today).
 */
export function deadlineStatus(
  dueAt: Date | string,
  now: Date,
  calendar: HolidayCalendar = new Map(),
): Deadline {
  const due = new Date(dueAt);
  const today = isoDate(now);
  const dueDay = isoDate(due);
  return due.getTime() < now.getTime()
    ? { state: 'overdue', workingDaysLate: Math.max(0, workingDaysBetween(dueDay, today, calendar)) }
    : { state: 'due', workingDaysLeft: Math.max(0, workingDaysBetween(today, dueDay, calendar)) };
}

const relativeUnits: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 小时前", "in 2 days", "just now"-style text for an instant relative to now. */
export function relativeTime(locale: Locale, date: Date | string, now: Date = new Date()): string {
  const diff = new Date(date).getTime() - now.getTime();
  const format = new Intl.RelativeTimeFormat(dateLocale(locale), { numeric: 'auto' });
  for (const [unit, ms] of relativeUnits) {
    if (Math.abs(diff) >= ms) return format.format(Math.trunc(diff / ms), unit);
  }
  return format.format(0, 'second');
}

/** China Standard Time is UTC+8 all year (no daylight saving), so city wall-clock times convert exactly. */
const cityOffsetMs = 8 * 3_600_000;

/** The city month (YYYY-MM) an instant falls in, e.g. for a month filter. */
export function monthKey(date: Date | string): string {
  return isoDate(date).slice(0, 7);
}

/**
 * The instants a city month starts and ends (end exclusive), or null for a malformed month.
 * @example monthRange('2026-12') // { from: 2026-11-30T16:00:00Z, to: 2026-12-31T16:00:00Z }
 */
export function monthRange(month: string): { from: Date; to: Date } | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) return null;
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  return {
    from: new Date(Date.UTC(year, index, 1) - cityOffsetMs),
    to: new Date(Date.UTC(year, index + 1, 1) - cityOffsetMs),
  };
}

/** A month (YYYY-MM) in the page's language: "2026年12月", "December 2026". */
export function formatMonth(locale: Locale, month: string): string {
  const [year, index] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(dateLocale(locale), {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year ?? 1970, (index ?? 1) - 1, 15)));
}

/**
 * When something takes place, with the weekday: "2026年12月5日星期六 09:00–12:00",
 * "Saturday, 5 December 2026, 09:00–12:00" (both dates when it runs past midnight).
 */
export function formatTimeRange(locale: Locale, start: Date | string, end: Date | string): string {
  return new Intl.DateTimeFormat(dateLocale(locale), {
    dateStyle: 'full',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone: cityTimeZone,
  }).formatRange(new Date(start), new Date(end));
}

/** The value of an `<input type="datetime-local">` showing an instant in city time: "2026-12-05T09:00". */
export function toCityDateTimeInput(date: Date | string): string {
  return new Date(new Date(date).getTime() + cityOffsetMs).toISOString().slice(0, 16);
}

/** Reads an `<input type="datetime-local">` value as city time; null when it is not a real date and time. */
export function fromCityDateTimeInput(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const utc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(utc);
  // Date.UTC rolls 31 February over to March: refuse what the calendar does not have.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59)
    return null;
  return new Date(utc - cityOffsetMs);
}
