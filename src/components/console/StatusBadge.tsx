/** @jsxImportSource react */
/** A report's status as text in a tag (never colour alone), plus overdue and hidden flags. */
import type { ReportStatus } from '../../lib/supabase/reports.ts';
import { statusLabel, useWords } from './context.ts';

export default function StatusBadge({
  status,
  overdue = false,
  hidden = false,
}: {
  status: ReportStatus;
  overdue?: boolean;
  hidden?: boolean;
}) {
  const { t, messages } = useWords();
  return (
    <span className="c-badges">
      <span className={`c-tag c-tag--${status}`}>{statusLabel(t, messages, status)}</span>
      {overdue && <span className="c-tag c-tag--overdue">{t('console.due.overdueTag')}</span>}
      {hidden && <span className="c-tag c-tag--hidden">{t('console.moderation.hiddenTag')}</span>}
    </span>
  );
}
