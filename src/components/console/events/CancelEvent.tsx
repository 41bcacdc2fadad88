/** @jsxImportSource react */
/** Cancelling a clean day, with a reason residents see in each language. Sign-ups stay, so people see it is off. */
import { useState } from 'react';
import { cancelEvent, type ConsoleEvent } from '../../../lib/events/console.ts';
import { useConsole } from '../context.ts';
import { Field } from '../Form.tsx';
import { organiserErrorText } from './format.ts';

export default function CancelEvent({
  event,
  onDone,
}: {
  event: ConsoleEvent;
  onDone: (message: string) => void;
}) {
  const { t, messages } = useConsole();
  const [noteZh, setNoteZh] = useState('');
  const [noteEn, setNoteEn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (e: { preventDefault: () => void }) => {
    e.preventDefault();
    setSaving(true);
    try {
      await cancelEvent(event.id, noteZh, noteEn);
      onDone(t('console.events.cancel.done'));
    } catch (failure) {
      setError(organiserErrorText(t, messages, failure as { key?: string }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="c-events-cancel" className="c-panel">
      <h2 id="c-events-cancel">{t('console.events.cancel.heading')}</h2>
      <form onSubmit={submit} noValidate>
        {error && (
          <p className="c-notice c-notice--error" role="alert">
            {error}
          </p>
        )}
        <div className="c-grid">
          <Field id="cancel-note-zh" label={t('console.events.cancel.note_zh')}>
            {(describedBy) => (
              <input
                id="cancel-note-zh"
                className="c-input"
                type="text"
                value={noteZh}
                onChange={(e) => setNoteZh(e.currentTarget.value)}
                aria-describedby={describedBy}
              />
            )}
          </Field>
          <Field id="cancel-note-en" label={t('console.events.cancel.note_en')}>
            {(describedBy) => (
              <input
                id="cancel-note-en"
                className="c-input"
                type="text"
                value={noteEn}
                onChange={(e) => setNoteEn(e.currentTarget.value)}
                aria-describedby={describedBy}
              />
            )}
          </Field>
        </div>
        <button type="submit" className="button c-button--warning" disabled={saving}>
          {t('console.events.cancel.submit')}
        </button>
      </form>
    </section>
  );
}
