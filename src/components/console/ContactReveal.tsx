/** @jsxImportSource react */
/**
 * The reporter's contact details, shown only after the staff member says why they need them. The database
 * writes the reason to the audit log before it answers.
 */
import { useState, type SubmitEvent } from 'react';
import { viewContact, type ConsoleReport } from '../../lib/supabase/console.ts';
import { errorText, useConsole } from './context.ts';
import { ErrorSummary, Field, type FieldErrors } from './Form.tsx';

type Contact = { contact_phone: string | null; contact_email: string | null };

export default function ContactReveal({ report }: { report: ConsoleReport }) {
  const { t, messages } = useConsole();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [contact, setContact] = useState<Contact | null>(null);

  if (!report.has_contact) return <p>{t('console.contact.none')}</p>;
  if (contact) {
    return (
      <dl className="c-facts" aria-live="polite">
        {contact.contact_phone && (
          <>
            <dt>{t('console.contact.phone')}</dt>
            <dd>
              <a href={`tel:${contact.contact_phone}`}>{contact.contact_phone}</a>
            </dd>
          </>
        )}
        {contact.contact_email && (
          <>
            <dt>{t('console.contact.email')}</dt>
            <dd>
              <a href={`mailto:${contact.contact_email}`}>{contact.contact_email}</a>
            </dd>
          </>
        )}
      </dl>
    );
  }
  if (!open) {
    return (
      <>
        <p>{t('console.contact.hidden')}</p>
        <button
          type="button"
          className="button c-button--secondary"
          aria-expanded="false"
          onClick={() => setOpen(true)}
        >
          {t('console.contact.show')}
        </button>
      </>
    );
  }

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = reason.trim();
    const fail = (message: string) => {
      setErrors({ 'contact-reason': message });
      setAttempt((n) => n + 1);
    };
    if (trimmed.length < 5) return fail(t('console.error.invalid_access_reason'));
    try {
      setContact(await viewContact(report.id, trimmed));
    } catch (error) {
      fail(errorText(t, messages, (error as { key?: string }).key ?? 'unknown'));
    }
  };

  return (
    <form noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} focusKey={attempt} />
      <Field
        id="contact-reason"
        label={t('console.contact.reason')}
        hint={t('console.contact.reasonHint')}
        error={errors['contact-reason']}
      >
        {(describedBy) => (
          <textarea
            id="contact-reason"
            className="c-textarea"
            rows={2}
            maxLength={500}
            value={reason}
            autoFocus
            aria-describedby={describedBy}
            aria-invalid={errors['contact-reason'] ? true : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button">
        {t('console.contact.submit')}
      </button>
    </form>
  );
}
