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
