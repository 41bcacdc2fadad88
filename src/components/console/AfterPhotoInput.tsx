/** @jsxImportSource react */
/**
 * Picks the after-photo and prepares it with the site's image pipeline (resized, re-encoded, metadata such as
 * the GPS position stripped) before anything is uploaded. The upload itself happens when the form is sent,
 * with a progress bar (see ActionForm).
 */
import { useEffect, useState } from 'react';
import { PhotoError, preparePhoto, type PreparedPhoto } from '../../lib/images/index.ts';
import { dynamicKey } from './messages.ts';
import { useWords } from './context.ts';
import { Field } from './Form.tsx';

interface Props {
  id: string;
  error?: string;
  progress: number | null;
  onChange: (photo: PreparedPhoto | null, error?: string) => void;
}

export default function AfterPhotoInput({ id, error, progress, onChange }: Props) {
  const { t, messages } = useWords();
  const [preview, setPreview] = useState<string | null>(null);
  const [preparing, setPreparing] = useState(false);
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);

  const choose = async (file: File | undefined) => {
    setPreview(null);
    if (!file) return onChange(null);
    setPreparing(true);
    try {
      const photo = await preparePhoto(file);
      setPreview(URL.createObjectURL(photo.blob));
      onChange(photo);
    } catch (failure) {
      const code = failure instanceof PhotoError ? failure.code : 'decode';
      onChange(null, t(dynamicKey(messages, `console.photo.error.${code}`, 'console.photo.error.decode')));
    } finally {
      setPreparing(false);
    }
  };

  return (
    <div className="c-photo-input">
      <Field id={id} label={t('console.photo.label')} hint={t('console.photo.hint')} error={error}>
        {(describedBy) => (
          <input
            id={id}
            className="c-file"
            type="file"
            accept="image/jpeg,image/png,image/webp,image/heic,image/heif"
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            onChange={(e) => void choose(e.target.files?.[0])}
          />
        )}
      </Field>
      {preparing && <p role="status">{t('console.photo.preparing')}</p>}
      {preview && <img className="c-photo-input__preview" src={preview} alt={t('console.photo.preview')} />}
      {progress !== null && (
        <div className="c-progress">
          <label htmlFor={`${id}-progress`}>
            {t('console.photo.uploading', { percent: Math.round(progress * 100) })}
          </label>
          <progress id={`${id}-progress`} max={1} value={progress} />
        </div>
      )}
    </div>
  );
}
