/** @jsxImportSource react */
/** Internal notes on a report (never public), and a form to add one. */
import { useState, type SubmitEvent } from 'react';
import { addNote, type ConsoleReport } from '../../lib/supabase/console.ts';
import { errorText, useConsole } from './context.ts';
import { dynamicKey } from './messages.ts';
import { Field } from './Form.tsx';
import { when } from './format.ts';

export default function Notes({
  report,
  onAdded,
}: {
  report: ConsoleReport;
  onAdded: (message: string) => void;
}) {
  const { t, messages, locale } = useConsole();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!body.trim()) return setError(t('console.notes.error.empty'));
    setBusy(true);
    try {
      await addNote(report.id, body);
      setBody('');
      setError(undefined);
      onAdded(t('console.notes.added'));
    } catch (failure) {
      setError(errorText(t, messages, (failure as { key?: string }).key ?? 'unknown'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {report.notes.length === 0 ? (
        <p>{t('console.notes.none')}</p>
      ) : (
        <ol className="c-history">
          {report.notes.map((n) => (
            <li key={n.id}>
              <p className="c-internal">{n.body}</p>
              <p className="meta">
                <time dateTime={n.created_at}>{when(locale, n.created_at)}</time> ·{' '}
                {n.author_email ??
                  t(dynamicKey(messages, `console.role.${n.author_role}`, 'console.role.system'))}
              </p>
            </li>
          ))}
        </ol>
      )}
      <form noValidate onSubmit={submit}>
        <Field id="note-body" label={t('console.notes.add')} hint={t('console.notes.hint')} error={error}>
          {(describedBy) => (
            <textarea
              id="note-body"
              className="c-textarea"
              rows={2}
              maxLength={2000}
              value={body}
              aria-describedby={describedBy}
              aria-invalid={error ? true : undefined}
              onChange={(e) => setBody(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button c-button--secondary" disabled={busy}>
          {t('console.notes.submit')}
        </button>
      </form>
    </>
  );
}
