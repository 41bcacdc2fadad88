/** A report's status as a coloured label; the colour only repeats what the text says. */
import type { ReportStatus } from '../../lib/supabase/reports.ts';
import { statusTone } from './status.ts';

export default function StatusBadge({ status, label }: { status: ReportStatus; label: string }) {
  return <strong class={`rf-badge rf-badge--${statusTone(status)}`}>{label}</strong>;
}
