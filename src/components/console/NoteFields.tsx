/** @jsxImportSource react */
/**
 * The public note and the optional internal note of a status change, shared by the single action form and
 * the bulk actions. Ids are `${idPrefix}-public-note` and `${idPrefix}-internal-note`.
 */
import { Field } from './Form.tsx';
import { useWords } from './context.ts';

interface Props {
  idPrefix: string;
  publicNote: string;
  onPublicNoteChange: (value: string) => void;
  internalNote: string;
  onInternalNoteChange: (value: string) => void;
  publicNoteError?: string;
}

export default function NoteFields({
  idPrefix,
  publicNote,
  onPublicNoteChange,
  internalNote,
  onInternalNoteChange,
  publicNoteError,
}: Props) {
  const { t } = useWords();
  const publicId = `${idPrefix}-public-note`;
  const internalId = `${idPrefix}-internal-note`;
  return (
    <>
      <Field
        id={publicId}
        label={t('console.note.public')}
        hint={t('console.note.publicHint')}
        error={publicNoteError}
      >
        {(describedBy) => (
          <textarea
            id={publicId}
            className="c-textarea"
            rows={3}
            maxLength={2000}
            value={publicNote}
            aria-describedby={describedBy}
            aria-invalid={publicNoteError ? true : undefined}
            onChange={(e) => onPublicNoteChange(e.target.value)}
          />
        )}
      </Field>
      <Field id={internalId} label={t('console.note.internal')} hint={t('console.note.internalHint')}>
        {(describedBy) => (
          <textarea
            id={internalId}
            className="c-textarea"
            rows={2}
            maxLength={2000}
            value={internalNote}
            aria-describedby={describedBy}
            onChange={(e) => onInternalNoteChange(e.target.value)}
          />
        )}
      </Field>
    </>
  );
}
