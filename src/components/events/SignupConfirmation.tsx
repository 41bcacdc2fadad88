/**
 * What someone sees right after signing up: confirmed (places kept) or on the waiting list (with the position),
 * and the cancel link to keep. Focus moves to its heading so screen readers hear the outcome.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { SignupState } from '../../lib/events/types.ts';
import type { SignupDone } from './SignupForm.tsx';
import type { Translate } from './text.ts';

interface Props {
  done: SignupDone;
  /** The sign-up read back (for the waiting-list position); null while it loads. */
  state: SignupState | null;
  cancelUrl: string;
  t: Translate;
  onAnother: () => void;
}

export default function SignupConfirmation({ done, state, cancelUrl, t, onAnother }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const status = state?.status ?? done.status;
  return (
    <section
      class={`events-confirmation events-confirmation--${status}`}
      aria-labelledby="events-confirm-heading"
    >
      <h2 id="events-confirm-heading" tabIndex={-1} ref={heading}>
        {t(`events.confirm.${status}.heading`)}
      </h2>
      {status === 'confirmed' && <p>{t('events.confirm.confirmed.text', { count: done.partySize })}</p>}
      {status === 'waitlisted' && (
        <p>{t('events.confirm.waitlisted.text', { position: state?.waitlistPosition ?? '…' })}</p>
      )}
      {status !== 'cancelled' && (
        <>
          <p>{t('events.confirm.keepLink')}</p>
          <p class="events-cancel-link">
            <a href={cancelUrl}>{cancelUrl}</a>
          </p>
          <p class="meta">{done.stored ? t('events.confirm.stored') : t('events.confirm.notStored')}</p>
        </>
      )}
      <p>
        <button type="button" class="button button--secondary" onClick={onAnother}>
          {t('events.confirm.another')}
        </button>
      </p>
    </section>
  );
}
