/**
 * What the person who sent the report can do from the device that sent it (it holds the reporter token):
 * rate the handling once it is resolved (1–5 and a comment), or say it is not fixed, which reopens it.
 * GOV.UK-style forms: an error summary linking to the field, inline errors, and nothing typed is lost.
 */
import { useState } from 'preact/hooks';
import type { TargetedSubmitEvent } from 'preact';
import {
  rateReport,
  reopenReport,
  ReportsQueryError,
  type PublicReport,
} from '../../lib/supabase/reports.ts';
import type { Translate } from './format.ts';

interface Props {
  t: Translate;
  report: PublicReport;
  reporterToken: string;
  /** Reload the report after a change and confirm it with this message. */
  onChanged: (message: string) => Promise<void>;
}

interface FieldError {
  field: string;
  text: string;
}

const SERVER_ERRORS = [
  'already_rated',
  'invalid_reporter_token',
  'report_not_resolved',
  'illegal_transition',
  'rate_limited',
];

function ErrorSummary({ t, errors, id }: { t: Translate; errors: FieldError[]; id: string }) {
  if (errors.length === 0) return null;
  return (
    <div class="rf-error-summary" role="alert" aria-labelledby={`${id}-title`} tabIndex={-1} id={id}>
      <h3 id={`${id}-title`}>{t('reportPage.form.errorTitle')}</h3>
      <ul>
        {errors.map((e) => (
          <li key={e.field}>
            <a href={`#${e.field}`}>{e.text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function serverError(t: Translate, error: unknown, field: string): FieldError {
  const key = error instanceof ReportsQueryError ? error.key : 'unknown';
  return { field, text: t(`reportPage.form.server.${SERVER_ERRORS.includes(key) ? key : 'unknown'}`) };
}

function RatingForm({ t, report, reporterToken, onChanged }: Props) {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const score = Number(data.get('score'));
    const comment = String(data.get('comment') ?? '').trim();
    const found: FieldError[] = [];
    if (!(score >= 1 && score <= 5))
      found.push({ field: 'rp-score-1', text: t('reportPage.rate.error.score') });
    if (comment.length > 500) found.push({ field: 'rp-comment', text: t('reportPage.rate.error.comment') });
    if (found.length === 0) {
      setBusy(true);
      try {
        await rateReport(report.tracking_code, reporterToken, score, comment);
        await onChanged(t('reportPage.rate.saved'));
        return;
      } catch (error) {
        found.push(serverError(t, error, 'rp-score-1'));
      } finally {
        setBusy(false);
      }
    }
    setErrors(found);
    requestAnimationFrame(() => document.getElementById('rp-rate-errors')?.focus());
  };
  const errorFor = (field: string) => errors.find((e) => e.field === field);

  return (
    <form class="rp-form" onSubmit={submit} noValidate aria-labelledby="rp-rate-heading">
      <h3 id="rp-rate-heading">{t('reportPage.rate.heading')}</h3>
      <ErrorSummary t={t} errors={errors} id="rp-rate-errors" />
      <fieldset
        class={`rf-field${errorFor('rp-score-1') ? ' rf-field--error' : ''}`}
        aria-describedby={errorFor('rp-score-1') ? 'rp-score-hint rp-score-error' : 'rp-score-hint'}
      >
        <legend>{t('reportPage.rate.score')}</legend>
        <p id="rp-score-hint" class="rf-hint">
          {t('reportPage.rate.scoreHint')}
        </p>
        {errorFor('rp-score-1') && (
          <p class="rf-error" id="rp-score-error">
            {errorFor('rp-score-1')?.text}
          </p>
        )}
        <div class="rp-score">
          {[1, 2, 3, 4, 5].map((n) => (
            <div class="rf-radio" key={n}>
              <input type="radio" id={`rp-score-${n}`} name="score" value={n} />
              <label for={`rp-score-${n}`}>{t(`reportPage.rate.option${n}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div class={`rf-field${errorFor('rp-comment') ? ' rf-field--error' : ''}`}>
        <label for="rp-comment">{t('reportPage.rate.comment')}</label>
        <p id="rp-comment-hint" class="rf-hint">
          {t('reportPage.rate.commentHint')}
        </p>
        {errorFor('rp-comment') && (
          <p class="rf-error" id="rp-comment-error">
            {errorFor('rp-comment')?.text}
          </p>
        )}
        <textarea
          id="rp-comment"
          name="comment"
          rows={3}
          aria-describedby={errorFor('rp-comment') ? 'rp-comment-hint rp-comment-error' : 'rp-comment-hint'}
          aria-invalid={errorFor('rp-comment') ? 'true' : undefined}
        />
      </div>
      <button type="submit" class="button" disabled={busy}>
        {t('reportPage.rate.submit')}
      </button>
    </form>
  );
}

function ReopenForm({ t, report, reporterToken, onChanged }: Props) {
  const [error, setError] = useState<FieldError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const note = String(new FormData(event.currentTarget).get('note') ?? '').trim();
    let found: FieldError | null = null;
    if (note.length === 0) found = { field: 'rp-note', text: t('reportPage.reopen.error.required') };
    else if (note.length > 2000) found = { field: 'rp-note', text: t('reportPage.reopen.error.long') };
    if (!found) {
      setBusy(true);
      try {
        await reopenReport(report.tracking_code, reporterToken, note);
        await onChanged(t('reportPage.reopen.saved'));
        return;
      } catch (e) {
        found = serverError(t, e, 'rp-note');
      } finally {
        setBusy(false);
      }
    }
    setError(found);
    requestAnimationFrame(() => document.getElementById('rp-reopen-errors')?.focus());
  };

  return (
    <form class="rp-form" onSubmit={submit} noValidate aria-labelledby="rp-reopen-heading">
      <h3 id="rp-reopen-heading">{t('reportPage.reopen.heading')}</h3>
      <ErrorSummary t={t} errors={error ? [error] : []} id="rp-reopen-errors" />
      <div class={`rf-field${error ? ' rf-field--error' : ''}`}>
        <label for="rp-note">{t('reportPage.reopen.note')}</label>
        <p id="rp-note-hint" class="rf-hint">
          {t('reportPage.reopen.noteHint')}
        </p>
        {error && (
          <p class="rf-error" id="rp-note-error">
            {error.text}
          </p>
        )}
        <textarea
          id="rp-note"
          name="note"
          rows={4}
          aria-describedby={error ? 'rp-note-hint rp-note-error' : 'rp-note-hint'}
          aria-invalid={error ? 'true' : undefined}
        />
      </div>
      <button type="submit" class="rf-secondary-button" disabled={busy}>
        {t('reportPage.reopen.submit')}
      </button>
    </form>
  );
}

export default function ReporterActions(props: Props) {
  const { t, report } = props;
  const resolved = report.status === 'resolved' || report.status === 'closed';
  if (!resolved) return null;
  return (
    <section class="rp-section rp-reporter" aria-labelledby="rp-reporter-heading">
      <h2 id="rp-reporter-heading">{t('reportPage.reporter.heading')}</h2>
      <p>{t('reportPage.reporter.intro')}</p>
      {report.rating ? (
        <p class="rp-reporter__rated">{t('reportPage.rate.thanks')}</p>
      ) : (
        <RatingForm {...props} />
      )}
      {report.status === 'resolved' && <ReopenForm {...props} />}
    </section>
  );
}
