/**
 * The sign-up form (GOV.UK pattern): labels above fields, hints, an error summary at the top linking to each
 * field and the error next to it; nothing typed is lost on an error. The checks here only answer early: the
 * database decides (capacity, the waiting list, one sign-up per contact).
 */
import { useRef, useState } from 'preact/hooks';
import { saveSignup } from '../../lib/events/my-signups.ts';
import { signUp } from '../../lib/events/queries.ts';
import type { PublicEvent, SignupStatus } from '../../lib/events/types.ts';
import {
  fieldOfError,
  validateSignup,
  type SignupErrors,
  type SignupFields,
} from '../../lib/events/validation.ts';
import type { Translate } from './text.ts';

export interface SignupDone {
  status: SignupStatus;
  token: string;
  partySize: number;
  stored: boolean;
}

interface Props {
  event: PublicEvent;
  t: Translate;
  onDone: (result: SignupDone) => void;
}

const FIELD_IDS: Record<keyof SignupFields, string> = {
  name: 'events-signup-name',
  contact: 'events-signup-contact',
  partySize: 'events-signup-party',
};

/** Database keys of field errors, as the text keys of this form. */
const FIELD_ERROR_TEXT: Record<string, string> = {
  invalid_name: 'nameMissing',
  invalid_contact: 'contactInvalid',
  invalid_party_size: 'partySizeInvalid',
  already_signed_up: 'already_signed_up',
};
const FORM_ERRORS = ['event_not_open', 'event_not_found', 'rate_limited', 'network'];

export default function SignupForm({ event, t, onDone }: Props) {
  const [fields, setFields] = useState<SignupFields>({ name: '', contact: '', partySize: '1' });
  const [errors, setErrors] = useState<SignupErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const full = event.spots_left <= 0;

  const set = (field: keyof SignupFields) => (e: Event) =>
    setFields((f) => ({ ...f, [field]: (e.currentTarget as HTMLInputElement).value }));

  const showErrors = (next: SignupErrors, general: string | null) => {
    setErrors(next);
    setFormError(general);
    // Wait for the summary to render, then take the reader to it.
    requestAnimationFrame(() => summary.current?.focus());
  };

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (sending) return;
    const found = validateSignup(fields);
    if (Object.keys(found).length > 0) return showErrors(found, null);
    setSending(true);
    try {
      const partySize = Number(fields.partySize);
      const result = await signUp({
        eventId: event.id,
        name: fields.name.trim(),
        contact: fields.contact,
        partySize,
      });
      const stored = saveSignup({
        token: result.token,
        eventId: event.id,
        title: { zh: event.title_zh, en: event.title_en },
        startsAt: event.starts_at,
        signedUpAt: new Date().toISOString(),
      });
      setErrors({});
      setFormError(null);
      onDone({ ...result, partySize, stored });
    } catch (error) {
      const key = (error as { key?: string }).key ?? 'unknown';
      const field = fieldOfError(key);
      if (field) showErrors({ [field]: FIELD_ERROR_TEXT[key] ?? 'contactInvalid' }, null);
      else showErrors({}, FORM_ERRORS.includes(key) ? key : 'unknown');
    } finally {
      setSending(false);
    }
  };

  const list = (Object.keys(FIELD_IDS) as (keyof SignupFields)[]).filter((f) => errors[f]);
  const describedBy = (field: keyof SignupFields) =>
    [`${FIELD_IDS[field]}-hint`, errors[field] ? `${FIELD_IDS[field]}-error` : null]
      .filter(Boolean)
      .join(' ');
  const fieldClass = (field: keyof SignupFields) =>
    `events-field${errors[field] ? ' events-field--error' : ''}`;
  const errorText = (field: keyof SignupFields) => t(`events.signup.error.${errors[field]}`);

  return (
    <form class="events-signup" onSubmit={onSubmit} noValidate aria-labelledby="events-signup-heading">
      <h2 id="events-signup-heading">{t('events.signup.heading')}</h2>
      {(list.length > 0 || formError) && (
        <div
          class="events-error-summary"
          role="alert"
          tabIndex={-1}
          ref={summary}
          aria-labelledby="events-error-title"
        >
          <h3 id="events-error-title">{t('events.signup.errorSummary')}</h3>
          <ul>
            {formError && <li>{t(`events.signup.error.${formError}`)}</li>}
            {list.map((f) => (
              <li key={f}>
                <a href={`#${FIELD_IDS[f]}`}>{errorText(f)}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p>{full ? t('events.signup.fullNote') : t('events.signup.intro')}</p>

      <div class={fieldClass('name')}>
        <label for={FIELD_IDS.name}>{t('events.signup.name.label')}</label>
        <p id={`${FIELD_IDS.name}-hint`} class="events-hint">
          {t('events.signup.name.hint')}
        </p>
        {errors.name && (
          <p id={`${FIELD_IDS.name}-error`} class="events-field__error">
            {errorText('name')}
          </p>
        )}
        <input
          id={FIELD_IDS.name}
          name="name"
          type="text"
          autocomplete="name"
          maxLength={60}
          value={fields.name}
          onInput={set('name')}
          aria-describedby={describedBy('name')}
          aria-invalid={errors.name ? 'true' : undefined}
        />
      </div>

      <div class={fieldClass('contact')}>
        <label for={FIELD_IDS.contact}>{t('events.signup.contact.label')}</label>
        <p id={`${FIELD_IDS.contact}-hint`} class="events-hint">
          {t('events.signup.contact.hint')}
        </p>
        {errors.contact && (
          <p id={`${FIELD_IDS.contact}-error`} class="events-field__error">
            {errorText('contact')}
          </p>
        )}
        <input
          id={FIELD_IDS.contact}
          name="contact"
          type="text"
          spellcheck={false}
          autocapitalize="none"
          maxLength={254}
          value={fields.contact}
          onInput={set('contact')}
          aria-describedby={describedBy('contact')}
          aria-invalid={errors.contact ? 'true' : undefined}
        />
      </div>

      <div class={fieldClass('partySize')}>
        <label for={FIELD_IDS.partySize}>{t('events.signup.partySize.label')}</label>
        <p id={`${FIELD_IDS.partySize}-hint`} class="events-hint">
          {t('events.signup.partySize.hint')}
        </p>
        {errors.partySize && (
          <p id={`${FIELD_IDS.partySize}-error`} class="events-field__error">
            {errorText('partySize')}
          </p>
        )}
        <input
          id={FIELD_IDS.partySize}
          name="partySize"
          type="text"
          inputMode="numeric"
          class="events-input--short"
          maxLength={2}
          value={fields.partySize}
          onInput={set('partySize')}
          aria-describedby={describedBy('partySize')}
          aria-invalid={errors.partySize ? 'true' : undefined}
        />
      </div>

      <button type="submit" class="button" aria-disabled={sending ? 'true' : undefined}>
        {sending
          ? t('events.signup.sending')
          : full
            ? t('events.signup.submitWaitlist')
            : t('events.signup.submit')}
      </button>
    </form>
  );
}
