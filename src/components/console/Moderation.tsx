/** @jsxImportSource react */
/**
 * Staff and admins: hide the whole report from the public (with a reason) or show it again, and redact
 * personal details typed into the description (every occurrence of the given text becomes ***). All audited.
 */
import { useState, type SubmitEvent } from 'react';
import {
  hideReport,
  redactDescription,
  unhideReport,
  type ConsoleReport,
} from '../../lib/supabase/console.ts';
import { errorText, useConsole } from './context.ts';
import { ErrorSummary, Field, type FieldErrors } from './Form.tsx';

export default function Moderation({
  report,
  onChanged,
}: {
  report: ConsoleReport;
  onChanged: (m: string) => void;
}) {
  const { t, messages } = useConsole();
  const [hideReason, setHideReason] = useState('');
  const [phrases, setPhrases] = useState('');
  const [redactReason, setRedactReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);

  const fail = (next: FieldErrors) => {
    setErrors(next);
    setAttempt((n) => n + 1);
  };
  const keyOf = (error: unknown) => errorText(t, messages, (error as { key?: string }).key ?? 'unknown');

  const hide = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!hideReason.trim()) return fail({ 'hide-reason': t('console.error.invalid_moderation_reason') });
    try {
      await hideReport(report.id, hideReason.trim());
      setHideReason('');
      setErrors({});
      onChanged(t('console.moderation.reportHidden'));
    } catch (error) {
      fail({ 'hide-reason': keyOf(error) });
    }
  };

  const show = async () => {
    try {
      await unhideReport(report.id);
      onChanged(t('console.moderation.reportShown'));
    } catch (error) {
      fail({ 'hide-reason': keyOf(error) });
    }
  };

  const redact = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const list = phrases
      .split('\n')
      .map((p) => p.trim())
      .filter(Boolean);
    const next: FieldErrors = {};
    if (list.length === 0) next['redact-phrases'] = t('console.error.invalid_phrases');
    if (!redactReason.trim()) next['redact-reason'] = t('console.error.invalid_moderation_reason');
    if (Object.keys(next).length > 0) return fail(next);
    try {
      await redactDescription(report.id, list, redactReason.trim());
      setPhrases('');
      setRedactReason('');
      setErrors({});
      onChanged(t('console.moderation.redacted'));
    } catch (error) {
      const key = (error as { key?: string }).key ?? 'unknown';
      fail({ [key === 'invalid_moderation_reason' ? 'redact-reason' : 'redact-phrases']: keyOf(error) });
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} focusKey={attempt} />
      <h3>{t('console.moderation.reportTitle')}</h3>
      {report.hidden ? (
        <>
          <p>{t('console.moderation.reportIsHidden', { reason: report.hidden_reason ?? '' })}</p>
          <button type="button" className="button c-button--secondary" onClick={() => void show()}>
            {t('console.moderation.showReport')}
          </button>
        </>
      ) : (
        <form noValidate onSubmit={hide}>
          <Field
            id="hide-reason"
            label={t('console.moderation.reason')}
            hint={t('console.moderation.reportReasonHint')}
            error={errors['hide-reason']}
          >
            {(describedBy) => (
              <input
                id="hide-reason"
                className="c-input"
                type="text"
                maxLength={500}
                value={hideReason}
                aria-describedby={describedBy}
                aria-invalid={errors['hide-reason'] ? true : undefined}
                onChange={(e) => setHideReason(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" className="button c-button--warning">
            {t('console.moderation.hideReport')}
          </button>
        </form>
      )}
      <h3>{t('console.moderation.redactTitle')}</h3>
      <form noValidate onSubmit={redact}>
        <Field
          id="redact-phrases"
          label={t('console.moderation.phrases')}
          hint={t('console.moderation.phrasesHint')}
          error={errors['redact-phrases']}
        >
          {(describedBy) => (
            <textarea
              id="redact-phrases"
              className="c-textarea"
              rows={2}
              value={phrases}
              aria-describedby={describedBy}
              aria-invalid={errors['redact-phrases'] ? true : undefined}
              onChange={(e) => setPhrases(e.target.value)}
            />
          )}
        </Field>
        <Field id="redact-reason" label={t('console.moderation.reason')} error={errors['redact-reason']}>
          {(describedBy) => (
            <input
              id="redact-reason"
              className="c-input"
              type="text"
              maxLength={500}
              value={redactReason}
              aria-describedby={describedBy}
              aria-invalid={errors['redact-reason'] ? true : undefined}
              onChange={(e) => setRedactReason(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button c-button--warning">
          {t('console.moderation.redact')}
        </button>
      </form>
    </>
  );
}
