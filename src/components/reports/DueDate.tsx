/**
 * The handling deadline (办理时限): due time, working days left or late, and an overdue badge once past it.
 * For finished reports, whether they were resolved on time. Working days follow the holidays table.
 */
import { deadlineStatus, formatDateTime, type HolidayCalendar } from '../../lib/dates/index.ts';
import type { PublicReport } from '../../lib/supabase/reports.ts';
import { formatNumber, type Translate } from './format.ts';
import { isOpen } from './status.ts';

interface Props {
  t: Translate;
  lang: string;
  locale: 'zh-cn' | 'en';
  report: PublicReport;
  now: Date;
  calendar: HolidayCalendar;
}

export default function DueDate({ t, lang, locale, report, now, calendar }: Props) {
  const due = formatDateTime(locale, report.due_at);
  if (report.status === 'resolved' || report.status === 'closed') {
    const onTime = report.resolved_at !== null && report.resolved_at <= report.due_at;
    return (
      <p class="rp-due">
        {report.resolved_at && (
          <>{t('reportPage.due.resolvedAt', { date: formatDateTime(locale, report.resolved_at) })} </>
        )}
        {report.resolved_at && (
          <strong class={`rf-badge ${onTime ? 'rf-badge--done' : 'rf-badge--late'}`}>
            {t(onTime ? 'reportPage.due.onTime' : 'reportPage.due.late')}
          </strong>
        )}
      </p>
    );
  }
  if (!isOpen(report.status)) return null;

  const status = deadlineStatus(report.due_at, now, calendar);
  return (
    <div class="rp-due">
      <p>
        {t('reportPage.due.label')} <strong>{due}</strong>
      </p>
      {status.state === 'overdue' ? (
        <p>
          <strong class="rf-badge rf-badge--late" data-testid="overdue-badge">
            {t('reportPage.due.overdue')}
          </strong>{' '}
          {status.workingDaysLate > 0
            ? t('reportPage.due.daysLate_other', {
                count: status.workingDaysLate,
                n: formatNumber(lang, status.workingDaysLate),
              })
            : t('reportPage.due.lateToday')}
        </p>
      ) : (
        <p>
          {status.workingDaysLeft > 0
            ? t('reportPage.due.daysLeft_other', {
                count: status.workingDaysLeft,
                n: formatNumber(lang, status.workingDaysLeft),
              })
            : t('reportPage.due.today')}
        </p>
      )}
    </div>
  );
}
