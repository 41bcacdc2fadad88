/** Small pieces every field uses: the inline error (GOV.UK pattern) and the ids that tie hints and errors in. */
import type { ReportErrorKey } from '../../lib/report/validation.ts';
import type { Translate } from './text.ts';

export function InlineError({
  id,
  t,
  error,
}: {
  id: string;
  t: Translate;
  error?: ReportErrorKey | undefined;
}) {
  if (!error) return null;
  return (
    <p id={id} class="rf-error">
      <span class="visually-hidden">{t('report.errorSummary.prefix')} </span>
      {t(error)}
    </p>
  );
}

/** aria-describedby from the ids that are present. */
export const describedBy = (...ids: (string | false | null | undefined)[]) =>
  ids.filter(Boolean).join(' ') || undefined;
