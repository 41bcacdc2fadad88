/** The optional contact: a phone number or an email, with a plain word on who sees it. */
import type { ReportErrorKey } from '../../lib/report/validation.ts';
import { describedBy, InlineError } from './parts.tsx';
import type { Translate } from './text.ts';

interface Props {
  t: Translate;
  value: string;
  error?: ReportErrorKey | undefined;
  onChange: (value: string) => void;
}

export function ContactField({ t, value, error, onChange }: Props) {
  return (
    <div class={`rf-group${error ? ' rf-group--error' : ''}`}>
      <h2 class="rf-label-heading">
        <label class="rf-label" for="rf-contact">
          {t('report.contact.label')}
        </label>
      </h2>
      <p id="rf-contact-hint" class="rf-hint">
        {t('report.contact.hint')}
      </p>
      <p id="rf-contact-privacy" class="rf-privacy">
        {t('report.contact.privacy')}
      </p>
      <InlineError id="rf-contact-error" t={t} error={error} />
      <input
        id="rf-contact"
        name="contact"
        class={`rf-input${error ? ' rf-input--error' : ''}`}
        type="text"
        autocomplete="off"
        spellcheck={false}
        autoCapitalize="none"
        value={value}
        onInput={(e) => onChange(e.currentTarget.value)}
        aria-describedby={describedBy('rf-contact-hint', 'rf-contact-privacy', error && 'rf-contact-error')}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}
