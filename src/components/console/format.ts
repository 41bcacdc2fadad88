/** Dates and deadlines as the console shows them, from the one date helper (Asia/Shanghai, working days). */
import type { Locale } from '../../i18n/index.ts';
import { cityTimeZone, deadlineStatus, formatDateTime, type HolidayCalendar } from '../../lib/dates/index.ts';
import type { Translate } from './messages.ts';

export { formatDateTime };

/** "Overdue by 2 working days" / "Due today" / "Due in 3 working days" for an open report. */
export function dueText(t: Translate, dueAt: string, holidays: HolidayCalendar, now = new Date()): string {
  const deadline = deadlineStatus(dueAt, now, holidays);
  if (deadline.state === 'overdue') {
    return deadline.workingDaysLate === 0
      ? t('console.due.overdueToday')
      : t('console.due.overdue', { count: deadline.workingDaysLate });
  }
  return deadline.workingDaysLeft === 0
    ? t('console.due.today')
    : t('console.due.left', { count: deadline.workingDaysLeft });
}

/** "2026-11-30 15:00"-style stamp for file names. */
export function fileStamp(now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: cityTimeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}${get('month')}${get('day')}-${get('hour')}${get('minute')}`;
}

export function when(locale: Locale, date: string | null): string {
  return date ? formatDateTime(locale, date) : '';
}
