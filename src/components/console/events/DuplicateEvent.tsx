/** @jsxImportSource react */
/** Duplicating a clean day: a new draft at another start time, opened in the editor. */
import { useState } from 'react';
import { fromCityDateTimeInput, toCityDateTimeInput } from '../../../lib/dates/index.ts';
import { duplicateEvent, type ConsoleEvent } from '../../../lib/events/console.ts';
import { useConsole } from '../context.ts';
import { Field } from '../Form.tsx';
import { useEventsLinks } from './events-context.ts';
import { organiserErrorText } from './format.ts';

export default function DuplicateEvent({ event }: { event: ConsoleEvent }) {
  const { t, messages } = useConsole();
  const { eventsPath } = useEventsLinks();
  const [start, setStart] = useState(() =>
    toCityDateTimeInput(new Date(Math.max(Date.parse(event.starts_at), Date.now()) + 7 * 86_400_000)),
  );
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  const submit = async (e: { preventDefault: () => void }) => {
    e.preventDefault();
    const when = fromCityDateTimeInput(start);
    if (!when) return setError(t('console.events.form.invalidTime'));
    setSaving(true);
    try {
      const id = await duplicateEvent(event.id, when.toISOString());
      window.location.assign(`${eventsPath}edit/?id=${id}`);
    } catch (failure) {
      setError(organiserErrorText(t, messages, failure as { key?: string }));
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="c-events-duplicate" className="c-panel">
      <h2 id="c-events-duplicate">{t('console.events.duplicate.heading')}</h2>
      <form onSubmit={submit} noValidate>
        <Field
          id="duplicate-start"
          label={t('console.events.duplicate.startsAt')}
          hint={t('console.events.duplicate.hint')}
          error={error}
        >
          {(describedBy) => (
            <input
              id="duplicate-start"
              className="c-input"
              type="datetime-local"
              value={start}
              onChange={(e) => setStart(e.currentTarget.value)}
              aria-describedby={describedBy}
              aria-invalid={error ? true : undefined}
            />
          )}
        </Field>
        <button type="submit" className="button c-button--secondary" disabled={saving}>
          {t('console.events.duplicate.submit')}
        </button>
      </form>
    </section>
  );
}
