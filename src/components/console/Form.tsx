/** @jsxImportSource react */
/**
 * GOV.UK-style form parts: a label above each field, an optional hint, an inline error (announced with the
 * field through aria-describedby) and an error summary at the top that links to each field with a problem.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useWords } from './context.ts';

export type FieldErrors = Record<string, string>;

export function ErrorSummary({ errors, focusKey }: { errors: FieldErrors; focusKey?: unknown }) {
  const { t } = useWords();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  useEffect(() => {
    if (entries.length > 0) ref.current?.focus();
    // Focus moves to the summary on every failed submit (focusKey changes), not on every render.
  }, [focusKey]);
  if (entries.length === 0) return null;
  return (
    <div
      className="c-error-summary"
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title" className="c-error-summary__title">
        {t('console.form.errorSummary')}
      </h2>
      <ul>
        {entries.map(([id, message]) => (
          <li key={id}>
            <a
              href={`#${id}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(id)?.focus();
              }}
            >
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: (describedBy: string | undefined) => ReactNode;
}

/** Label, hint, error and the control (rendered by children with the ids to describe it by). */
export function Field({ id, label, hint, error, children }: FieldProps) {
  const { t } = useWords();
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`c-field${error ? ' c-field--error' : ''}`}>
      <label className="c-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="c-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <p className="c-field-error" id={`${id}-error`}>
          <span className="visually-hidden">{t('console.form.errorPrefix')}</span> {error}
        </p>
      )}
      {children(describedBy)}
    </div>
  );
}

/** A polite live region for results of actions ("Status changed to …"). */
export function Notice({ message, kind = 'success' }: { message: string; kind?: 'success' | 'error' }) {
  return (
    <div className={`c-notice c-notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {message}
    </div>
  );
}
