/**
 * The form's photos: each picked file is prepared on the device at once (preparePhoto: resized, re-encoded,
 * metadata gone, GPS read first) and autosaved; removal and reordering; a message for a file that cannot be
 * used, at the field and to screen readers.
 */
import { useRef, useState } from 'preact/hooks';
import { PhotoError, preparePhoto } from '../../lib/images/index.ts';
import { PHOTOS_MAX, type ReportErrorKey } from '../../lib/report/validation.ts';
import { deletePhoto, savePhoto } from './draft.ts';
import { moveItem, type FormPhoto } from './form-state.ts';
import type { Translate } from './text.ts';

export function usePhotos(t: Translate, announce: (text: string) => void) {
  const [photos, setPhotos] = useState<FormPhoto[]>([]);
  const [urls, setUrls] = useState<Record<string, string>>({});
  const [error, setError] = useState<ReportErrorKey | null>(null);
  const latest = useRef(photos);
  latest.current = photos;
  const jobs = useRef(new Set<Promise<void>>());

  /** Replaces the list (a restored draft, a refused report, an emptied form). */
  const show = (list: FormPhoto[]) => {
    for (const url of Object.values(urls)) URL.revokeObjectURL(url);
    setPhotos(list);
    setUrls(Object.fromEntries(list.flatMap((p) => (p.blob ? [[p.id, URL.createObjectURL(p.blob)]] : []))));
  };

  const add = (files: File[]) => {
    setError(null);
    const room = PHOTOS_MAX - latest.current.length;
    if (files.length > room) {
      setError('report.error.photos.tooMany');
      announce(t('report.error.photos.tooMany'));
    }
    for (const file of files.slice(0, Math.max(0, room))) {
      const id = crypto.randomUUID();
      setPhotos((list) => [...list, { id, name: file.name, gps: null }]);
      const job = preparePhoto(file)
        .then(async (ready) => {
          if (!latest.current.some((p) => p.id === id)) return; // removed meanwhile
          await savePhoto(id, ready.blob);
          const done = { blob: ready.blob, width: ready.width, height: ready.height, gps: ready.gps };
          setPhotos((list) => list.map((p) => (p.id === id ? { ...p, ...done } : p)));
          setUrls((u) => ({ ...u, [id]: URL.createObjectURL(ready.blob) }));
          announce(t(ready.gps ? 'report.photos.addedWithLocation' : 'report.photos.added'));
        })
        .catch((e: unknown) => {
          setPhotos((list) => list.filter((p) => p.id !== id));
          const key: ReportErrorKey =
            e instanceof PhotoError ? `report.error.photos.${e.code}` : 'report.error.photos.decode';
          setError(key);
          announce(t(key));
        });
      jobs.current.add(job);
      void job.finally(() => jobs.current.delete(job));
    }
  };

  const remove = (id: string) => {
    const n = photos.findIndex((p) => p.id === id) + 1;
    setPhotos((list) => list.filter((p) => p.id !== id));
    if (urls[id]) URL.revokeObjectURL(urls[id]);
    void deletePhoto(id);
    setError(null);
    announce(t('report.photos.removed', { n }));
  };

  const move = (id: string, delta: number) => {
    const i = photos.findIndex((p) => p.id === id);
    setPhotos(moveItem(photos, i, delta));
    announce(t('report.photos.moved', { n: i + 1 + delta }));
  };

  /** The photos once every one still being prepared is done. */
  const settled = async () => {
    await Promise.all([...jobs.current]);
    return latest.current;
  };

  return { photos, urls, error, setError, show, add, remove, move, settled };
}
