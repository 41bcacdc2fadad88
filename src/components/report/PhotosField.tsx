/**
 * Up to three photos: pick (or, on phones, take) them; each is prepared on the device at once (resized, no
 * metadata) and shown with buttons to move it up or down and to remove it. Focus stays with the photo that
 * moved, or goes back to the picker after a removal.
 */
import { useEffect, useState } from 'preact/hooks';
import { PHOTOS_MAX, type ReportErrorKey } from '../../lib/report/validation.ts';
import type { FormPhoto } from './form-state.ts';
import { describedBy, InlineError } from './parts.tsx';
import type { Translate } from './text.ts';

interface Props {
  t: Translate;
  photos: FormPhoto[];
  urls: Record<string, string>;
  error?: ReportErrorKey | undefined;
  /** Phones (coarse pointer) get a second picker that opens the camera. */
  camera: boolean;
  onFiles: (files: File[]) => void;
  onRemove: (id: string) => void;
  onMove: (id: string, delta: number) => void;
}

type Action = 'up' | 'down' | 'remove';

export function PhotosField({ t, photos, urls, error, camera, onFiles, onRemove, onMove }: Props) {
  const [focus, setFocus] = useState<{ id: string; action: Action } | null>(null);
  useEffect(() => {
    if (!focus) return;
    const order: Action[] = focus.action === 'up' ? ['up', 'down', 'remove'] : ['down', 'up', 'remove'];
    const el =
      focus.action === 'remove'
        ? (document.getElementById('rf-photos') ?? document.getElementById('rf-photos-heading'))
        : order.map((a) => document.getElementById(`rf-photo-${focus.id}-${a}`)).find(Boolean);
    el?.focus();
    setFocus(null);
  }, [focus]);

  const pick = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = ''; // the same file may be picked again after a removal
    if (files.length) onFiles(files);
  };
  const full = photos.length >= PHOTOS_MAX;

  return (
    <div class={`rf-group${error ? ' rf-group--error' : ''}`}>
      <h2 id="rf-photos-heading" tabIndex={-1}>
        {t('report.photos.heading')}
      </h2>
      <p id="rf-photos-hint" class="rf-hint">
        {t('report.photos.hint')}
      </p>
      <InlineError id="rf-photos-error" t={t} error={error} />
      {photos.length > 0 && (
        <ol class="rf-photos" aria-labelledby="rf-photos-heading">
          {photos.map((p, i) => {
            const n = i + 1;
            return (
              <li class="rf-photo" key={p.id}>
                {urls[p.id] ? (
                  <img class="rf-photo__img" src={urls[p.id]} alt={t('report.photos.alt', { n })} />
                ) : (
                  <span class="rf-photo__img rf-photo__img--busy" />
                )}
                <div class="rf-photo__body">
                  <p class="rf-photo__name">{t('report.photos.photo', { n })}</p>
                  <p class="rf-hint">
                    {!p.blob
                      ? t('report.photos.preparing')
                      : p.gps
                        ? t('report.photos.hasLocation')
                        : t('report.photos.ready', { width: p.width ?? '', height: p.height ?? '' })}
                  </p>
                  {p.blob && (
                    <div class="rf-photo__actions">
                      {i > 0 && (
                        <button
                          type="button"
                          class="rf-link-button"
                          id={`rf-photo-${p.id}-up`}
                          onClick={() => {
                            onMove(p.id, -1);
                            setFocus({ id: p.id, action: 'up' });
                          }}
                        >
                          {t('report.photos.moveUp', { n })}
                        </button>
                      )}
                      {i < photos.length - 1 && (
                        <button
                          type="button"
                          class="rf-link-button"
                          id={`rf-photo-${p.id}-down`}
                          onClick={() => {
                            onMove(p.id, 1);
                            setFocus({ id: p.id, action: 'down' });
                          }}
                        >
                          {t('report.photos.moveDown', { n })}
                        </button>
                      )}
                      <button
                        type="button"
                        class="rf-link-button"
                        id={`rf-photo-${p.id}-remove`}
                        onClick={() => {
                          onRemove(p.id);
                          setFocus({ id: p.id, action: 'remove' });
                        }}
                      >
                        {t('report.photos.remove', { n })}
                      </button>
                    </div>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {full ? (
        <p class="rf-hint">{t('report.photos.full', { max: PHOTOS_MAX })}</p>
      ) : (
        <div class="rf-pickers">
          <div class="rf-field">
            <label class="rf-label" for="rf-photos">
              {photos.length ? t('report.photos.addAnother') : t('report.photos.add')}
            </label>
            <input
              id="rf-photos"
              class="rf-file"
              type="file"
              accept="image/*"
              multiple
              onChange={pick}
              aria-describedby={describedBy('rf-photos-hint', error && 'rf-photos-error')}
            />
          </div>
          {camera && (
            <div class="rf-field">
              <label class="rf-label" for="rf-camera">
                {t('report.photos.camera')}
              </label>
              <input
                id="rf-camera"
                class="rf-file"
                type="file"
                accept="image/*"
                capture="environment"
                onChange={pick}
              />
            </div>
          )}
        </div>
      )}
    </div>
  );
}
