/** @jsxImportSource react */
/** New clean day (/console/events/edit/) or editing one (?id=…): the form, then the event's console page. */
import { useEffect, useState } from 'react';
import { toCityDateTimeInput } from '../../../lib/dates/index.ts';
import {
  createEvent,
  fetchConsoleEvent,
  updateEvent,
  type EventFields,
} from '../../../lib/events/console.ts';
import { useConsole } from '../context.ts';
import EventForm, { blankDraft, type EventDraft } from './EventForm.tsx';
import { useEventsLinks } from './events-context.ts';
import { organiserErrorText } from './format.ts';

export default function EventEditor() {
  const { t, messages, identity } = useConsole();
  const { eventsPath } = useEventsLinks();
  const [id] = useState(() => new URLSearchParams(window.location.search).get('id'));
  const [draft, setDraft] = useState<EventDraft | null>(id ? null : blankDraft(identity.district));
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!id) return;
    fetchConsoleEvent(id)
      .then((event) => {
        if (!event.can_edit || !['draft', 'published'].includes(event.status)) {
          setError(
            organiserErrorText(t, messages, { key: event.can_edit ? 'event_not_editable' : 'forbidden' }),
          );
          return;
        }
        setDraft({
          title_zh: event.title_zh,
          title_en: event.title_en,
          description_zh: event.description_zh,
          description_en: event.description_en,
          bring_zh: event.bring_zh,
          bring_en: event.bring_en,
          place_zh: event.place_zh,
          place_en: event.place_en,
          organiser_zh: event.organiser_zh,
          organiser_en: event.organiser_en,
          starts_at: toCityDateTimeInput(event.starts_at),
          ends_at: toCityDateTimeInput(event.ends_at),
          lng: String(event.lng),
          lat: String(event.lat),
          district_code: event.district_code,
          capacity: String(event.capacity),
          status: event.status === 'draft' ? 'draft' : 'published',
        });
      })
      .catch((failure: { key?: string }) => setError(organiserErrorText(t, messages, failure)));
  }, [id, t, messages]);

  const save = async (fields: EventFields) => {
    const saved = id ? (await updateEvent(id, fields), id) : await createEvent(fields);
    window.location.assign(`${eventsPath}event/?id=${saved}&saved=1`);
  };

  return (
    <section>
      <h1 tabIndex={-1}>{t(id ? 'console.events.form.editHeading' : 'console.events.form.newHeading')}</h1>
      {error && <p role="alert">{error}</p>}
      {!error && !draft && <p role="status">{t('console.loading')}</p>}
      {draft && (
        <EventForm
          initial={draft}
          submitLabel={id ? 'console.events.form.save' : 'console.events.form.create'}
          onSubmit={save}
        />
      )}
    </section>
  );
}
