/**
 * "Describe the problem", with a character count (GOV.UK character count): the visible count follows every
 * key; screen readers hear it once typing pauses, not on every character.
 */
import { useEffect, useState } from 'preact/hooks';
import { charLength, DESCRIPTION_MAX, type ReportErrorKey } from '../../lib/report/validation.ts';
import { countText } from './form-state.ts';
import { describedBy, InlineError } from './parts.tsx';
import type { Translate } from './text.ts';

interface Props {
  t: Translate;
  lang: string;
  value: string;
  error?: ReportErrorKey | undefined;
  onChange: (value: string) => void;
}

/** How long typing must pause before the count is announced. */
const ANNOUNCE_AFTER_MS = 1000;

export function DescriptionField({ t, lang, value, error, onChange }: Props) {
  const length = charLength(value);
  const text = countText(t, lang, length);
  const [spoken, setSpoken] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSpoken(length ? text : ''), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [text, length]);

  return (
    <div class={`rf-group${error ? ' rf-group--error' : ''}`}>
      <h2 class="rf-label-heading">
        <label class="rf-label" for="rf-description">
          {t('report.description.label')}
        </label>
      </h2>
      <p id="rf-description-hint" class="rf-hint">
        {t('report.description.hint')}
      </p>
      <InlineError id="rf-description-error" t={t} error={error} />
      <textarea
        id="rf-description"
        name="description"
        class={`rf-textarea${error ? ' rf-input--error' : ''}`}
        rows={5}
        value={value}
        onInput={(e) => onChange(e.currentTarget.value)}
        aria-describedby={describedBy(
          'rf-description-hint',
          error && 'rf-description-error',
          'rf-description-limit',
        )}
        aria-invalid={error ? 'true' : undefined}
      />
      <p id="rf-description-limit" class="visually-hidden">
        {t('report.description.limit', { n: new Intl.NumberFormat(lang).format(DESCRIPTION_MAX) })}
      </p>
      <p class={`rf-count${length > DESCRIPTION_MAX ? ' rf-count--over' : ''}`} aria-hidden="true">
        {text}
      </p>
      <p class="visually-hidden" aria-live="polite">
        {spoken}
      </p>
    </div>
  );
}
