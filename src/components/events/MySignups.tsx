/**
 * This device's sign-ups for one event, read back with their tokens: confirmed, or the place in the waiting
 * list (which moves as others cancel), with the cancel link. Refreshed with the page's places-left poll.
 */
import type { SignupRecord, SignupState } from '../../lib/events/types.ts';
import type { Translate } from './text.ts';

export interface MySignup {
  record: SignupRecord;
  /** null until read (or when the token is not known any more). */
  state: SignupState | null;
}

interface Props {
  signups: MySignup[];
  t: Translate;
  cancelPath: string;
}

export function statusText(t: Translate, state: SignupState): string {
  if (state.status === 'waitlisted')
    return t('events.mySignup.waitlisted', { position: state.waitlistPosition ?? '' });
  return t(`events.mySignup.${state.status}`);
}

export default function MySignups({ signups, t, cancelPath }: Props) {
  const known = signups.filter((s): s is MySignup & { state: SignupState } => s.state !== null);
  if (known.length === 0) return null;
  return (
    <section class="events-panel" aria-labelledby="events-my-signup-heading">
      <h2 id="events-my-signup-heading">{t('events.mySignup.heading')}</h2>
      <ul class="events-mine">
        {known.map(({ record, state }) => (
          <li key={record.token}>
            {t('events.mySignup.party', { name: state.name, count: state.partySize })}:{' '}
            <strong class={`events-signup-status events-signup-status--${state.status}`}>
              {statusText(t, state)}
            </strong>
            {state.status !== 'cancelled' && (
              <>
                {' '}
                <a href={`${cancelPath}?token=${record.token}`}>{t('events.confirm.cancelLink')}</a>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
