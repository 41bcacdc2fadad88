/** @jsxImportSource react */
/**
 * Photos of a clean day's results: chosen on the device, re-encoded there without location or camera details
 * (src/lib/images), uploaded to the public event-photos bucket, then added to the event by the database, which
 * checks the caller organises it. At most six.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { preparePhoto } from '../../../lib/images/index.ts';
import { addEventPhotos, removeEventPhoto, uploadEventPhoto } from '../../../lib/events/console.ts';
import { eventPhotos, eventPhotoUrl, type EventPhoto } from '../../../lib/events/queries.ts';
import { useConsole } from '../context.ts';
import { Notice } from '../Form.tsx';
import { organiserErrorText } from './format.ts';

const MAX_PHOTOS = 6;

export default function EventPhotos({ eventId }: { eventId: string }) {
  const { t, messages } = useConsole();
  const inputId = useId();
  const [photos, setPhotos] = useState<EventPhoto[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; kind: 'success' | 'error' } | null>(null);

  const load = useCallback(() => eventPhotos(eventId).then(setPhotos), [eventId]);
  useEffect(() => {
    void load().catch(() => setPhotos([]));
  }, [load]);

  const add = async (files: FileList | null) => {
    if (!files || files.length === 0 || busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const chosen = [...files].slice(0, Math.max(0, MAX_PHOTOS - (photos?.length ?? 0)));
      if (chosen.length === 0) throw { key: 'invalid_photos' };
      const paths: string[] = [];
      for (const file of chosen) {
        let prepared: Blob;
        try {
          prepared = (await preparePhoto(file)).blob;
        } catch {
          throw { text: t('console.events.photos.unreadable') };
        }
        paths.push(await uploadEventPhoto(eventId, prepared));
      }
      await addEventPhotos(eventId, paths);
      await load();
      setMessage({ text: t('console.events.photos.added', { count: paths.length }), kind: 'success' });
    } catch (failure) {
      const error = failure as { key?: string; text?: string };
      setMessage({ text: error.text ?? organiserErrorText(t, messages, error), kind: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const remove = async (photo: EventPhoto) => {
    try {
      await removeEventPhoto(photo.id);
      await load();
      setMessage({ text: t('console.events.photos.removed'), kind: 'success' });
    } catch (failure) {
      setMessage({ text: organiserErrorText(t, messages, failure as { key?: string }), kind: 'error' });
    }
  };

  return (
    <section aria-labelledby="c-events-photos" className="c-panel">
      <h2 id="c-events-photos">{t('console.events.photos.heading')}</h2>
      {message && <Notice message={message.text} kind={message.kind} />}
      {photos && photos.length === 0 && <p>{t('console.events.photos.empty')}</p>}
      {photos && photos.length > 0 && (
        <ul className="c-events-photos">
          {photos.map((photo, i) => (
            <li key={photo.id}>
              <img
                src={eventPhotoUrl(photo.storage_path)}
                alt={t('console.events.photos.alt', { n: i + 1 })}
              />
              <button type="button" className="c-link-button" onClick={() => void remove(photo)}>
                {t('console.events.photos.remove', { n: i + 1 })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {(photos?.length ?? 0) < MAX_PHOTOS && (
        <div className="c-field">
          <label className="c-label" htmlFor={inputId}>
            {t('console.events.photos.label')}
          </label>
          <div className="c-hint" id={`${inputId}-hint`}>
            {t('console.events.photos.hint')}
          </div>
          <input
            id={inputId}
            className="c-file"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            disabled={busy}
            aria-describedby={`${inputId}-hint`}
            onChange={(e) => {
              void add(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
          />
          {busy && <p role="status">{t('console.events.photos.uploading')}</p>}
        </div>
      )}
    </section>
  );
}
