/** @jsxImportSource react */
/**
 * The report's photos (the reporter's and the after-photos) through short-lived signed links. Staff and admins
 * can hide a single photo from the public, with a reason, and show it again.
 */
import { useEffect, useState, type SubmitEvent } from 'react';
import {
  hidePhoto,
  signedPhotoUrls,
  unhidePhoto,
  type ConsolePhoto,
  type ConsoleReport,
} from '../../lib/supabase/console.ts';
import { errorText, useConsole } from './context.ts';
import { Field } from './Form.tsx';

interface Props {
  report: ConsoleReport;
  onChanged: (message: string) => void;
}

export default function Photos({ report, onChanged }: Props) {
  const { t } = useConsole();
  const [urls, setUrls] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    let active = true;
    signedPhotoUrls(report.photos.map((p) => p.path))
      .then((found) => active && setUrls(found))
      .catch(() => undefined); // The list still shows each photo's kind and state without the picture.
    return () => {
      active = false;
    };
  }, [report.photos]);

  if (report.photos.length === 0) return <p>{t('console.photos.none')}</p>;
  let before = 0;
  let after = 0;
  return (
    <ul className="c-photos">
      {report.photos.map((photo) => {
        const number = photo.kind === 'after' ? ++after : ++before;
        const alt = t(photo.kind === 'after' ? 'console.photos.afterAlt' : 'console.photos.beforeAlt', {
          number,
        });
        return (
          <li key={photo.id} className="c-photo">
            <figure>
              {urls.get(photo.path) ? (
                <img src={urls.get(photo.path)} alt={alt} loading="lazy" />
              ) : (
                <div className="c-photo__missing">{alt}</div>
              )}
              <figcaption>
                {alt}
                {photo.hidden && (
                  <>
                    {' '}
                    <span className="c-tag c-tag--hidden">{t('console.moderation.hiddenTag')}</span>{' '}
                    {t('console.moderation.hiddenBecause', { reason: photo.hidden_reason ?? '' })}
                  </>
                )}
              </figcaption>
            </figure>
            <PhotoModeration photo={photo} label={alt} onChanged={onChanged} />
          </li>
        );
      })}
    </ul>
  );
}

function PhotoModeration({
  photo,
  label,
  onChanged,
}: {
  photo: ConsolePhoto;
  label: string;
  onChanged: (message: string) => void;
}) {
  const { t, messages, identity } = useConsole();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  if (identity.role === 'worker') return null;
  const id = `hide-photo-${photo.id}`;

  if (photo.hidden) {
    return (
      <button
        type="button"
        className="button c-button--secondary"
        onClick={() =>
          void unhidePhoto(photo.id)
            .then(() => onChanged(t('console.moderation.photoShown')))
            .catch((e: { key?: string }) => setError(errorText(t, messages, e.key ?? 'unknown')))
        }
      >
        {t('console.moderation.showPhoto')}
        <span className="visually-hidden"> {label}</span>
      </button>
    );
  }
  if (!open) {
    return (
      <button type="button" className="button c-button--warning" onClick={() => setOpen(true)}>
        {t('console.moderation.hidePhoto')}
        <span className="visually-hidden"> {label}</span>
      </button>
    );
  }
  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!reason.trim()) return setError(t('console.error.invalid_moderation_reason'));
    try {
      await hidePhoto(photo.id, reason.trim());
      onChanged(t('console.moderation.photoHidden'));
    } catch (failure) {
      setError(errorText(t, messages, (failure as { key?: string }).key ?? 'unknown'));
    }
  };
  return (
    <form noValidate onSubmit={submit} className="c-inline-form">
      <Field
        id={id}
        label={t('console.moderation.reason')}
        hint={t('console.moderation.photoReasonHint')}
        error={error}
      >
        {(describedBy) => (
          <input
            id={id}
            className="c-input"
            type="text"
            maxLength={500}
            value={reason}
            autoFocus
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
      <div className="c-actions">
        <button type="submit" className="button c-button--warning">
          {t('console.moderation.hidePhotoConfirm')}
        </button>
        <button type="button" className="c-link-button" onClick={() => setOpen(false)}>
          {t('console.action.cancel')}
        </button>
      </div>
    </form>
  );
}
