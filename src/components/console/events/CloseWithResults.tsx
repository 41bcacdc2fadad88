/** @jsxImportSource react */
/**
 * Recording the results of a clean day: volunteers, bags, a summary in each language, and the note residents see
 * on every linked report, which the database resolves through the state machine in the same transaction.
 */
import { useState } from 'react';
import { closeWithResults, type ConsoleEvent } from '../../../lib/events/console.ts';
import { useConsole } from '../context.ts';
import { ErrorSummary, Field, type FieldErrors } from '../Form.tsx';
import { organiserErrorText } from './format.ts';

interface Props {
  event: ConsoleEvent;
  started: boolean;
  onDone: (message: string) => void;
}

const FIELD_OF_KEY: Record<string, string> = {
  invalid_volunteers: 'close-volunteers',
  invalid_bags_collected: 'close-bags',
  invalid_summary_zh: 'close-summary-zh',
  invalid_summary_en: 'close-summary-en',
  invalid_public_note: 'close-note',
};

export default function CloseWithResults({ event, started, onDone }: Props) {
  const { t, messages } = useConsole();
  const [values, setValues] = useState({
    volunteers: event.result_volunteers?.toString() ?? '',
    bags: event.result_bags_collected?.toString() ?? '',
    summaryZh: event.result_summary_zh ?? '',
    summaryEn: event.result_summary_en ?? '',
    note: t('console.events.close.noteDefault', { title_zh: event.title_zh, title_en: event.title_en }),
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);

  const set = (name: keyof typeof values) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [name]: value }));
  };

  const submit = async (e: { preventDefault: () => void }) => {
    e.preventDefault();
    if (saving) return;
    setAttempt((n) => n + 1);
    setFormError(null);
    const found: FieldErrors = {};
    const whole = (s: string) => /^\s*\d+\s*$/.test(s);
    if (!whole(values.volunteers)) found['close-volunteers'] = t('console.events.error.invalid_volunteers');
    if (!whole(values.bags)) found['close-bags'] = t('console.events.error.invalid_bags_collected');
    if (!values.summaryZh.trim()) found['close-summary-zh'] = t('console.events.error.invalid_summary_zh');
    if (!values.summaryEn.trim()) found['close-summary-en'] = t('console.events.error.invalid_summary_en');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      const changed = await closeWithResults(event.id, {
        volunteers: Number(values.volunteers),
        bagsCollected: Number(values.bags),
        summaryZh: values.summaryZh,
        summaryEn: values.summaryEn,
        publicNote: values.note,
      });
      const resolved = changed.filter((r) => r.previous_status !== r.status).length;
      onDone(t('console.events.close.done', { count: resolved }));
    } catch (failure) {
      const error = failure as { key?: string; detail?: string };
      const field = FIELD_OF_KEY[error.key ?? ''];
      if (field) setErrors({ [field]: organiserErrorText(t, messages, error) });
      else setFormError(organiserErrorText(t, messages, error));
    } finally {
      setSaving(false);
    }
  };

  if (!started) {
    return (
      <section aria-labelledby="c-events-close" className="c-panel">
        <h2 id="c-events-close">{t('console.events.close.heading')}</h2>
        <p>{t('console.events.close.notYet')}</p>
      </section>
    );
  }

  const input = (id: string, name: keyof typeof values, label: string, short = false) => (
    <Field id={id} label={label} error={errors[id]}>
      {(describedBy) => (
        <input
          id={id}
          className={short ? 'c-input c-input--short' : 'c-input'}
          type="text"
          inputMode={short ? 'numeric' : undefined}
          value={values[name]}
          onChange={set(name)}
          aria-describedby={describedBy}
          aria-invalid={errors[id] ? true : undefined}
        />
      )}
    </Field>
  );
  const area = (id: string, name: keyof typeof values, label: string, hint?: string) => (
    <Field id={id} label={label} hint={hint} error={errors[id]}>
      {(describedBy) => (
        <textarea
          id={id}
          className="c-textarea"
          rows={3}
          value={values[name]}
          onChange={set(name)}
          aria-describedby={describedBy}
          aria-invalid={errors[id] ? true : undefined}
        />
      )}
    </Field>
  );

  return (
    <section aria-labelledby="c-events-close" className="c-panel">
      <h2 id="c-events-close">{t('console.events.close.heading')}</h2>
      <p>{t('console.events.close.intro')}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} focusKey={attempt} />
        {formError && (
          <p className="c-notice c-notice--error" role="alert">
            {formError}
          </p>
        )}
        <div className="c-grid">
          {input('close-volunteers', 'volunteers', t('console.events.close.volunteers'), true)}
          {input('close-bags', 'bags', t('console.events.close.bags'), true)}
        </div>
        <div className="c-grid">
          {area('close-summary-zh', 'summaryZh', t('console.events.close.summary_zh'))}
          {area('close-summary-en', 'summaryEn', t('console.events.close.summary_en'))}
        </div>
        {area('close-note', 'note', t('console.events.close.note'), t('console.events.close.noteHint'))}
        <button type="submit" className="button" disabled={saving}>
          {saving ? t('console.events.form.saving') : t('console.events.close.submit')}
        </button>
      </form>
    </section>
  );
}
