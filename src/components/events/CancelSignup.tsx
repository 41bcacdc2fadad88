/**
 * The cancel page (/events/cancel/?token=…): the link from the sign-up confirmation. It shows which sign-up the
 * token holds (event, name, party, status), asks once, cancels, and says that the places go to the waiting list.
 * Without a token it lists the sign-ups kept on this device.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Locale } from '../../i18n/index.ts';
import { formatDateTime, formatTimeRange } from '../../lib/dates/index.ts';
import { forgetSignup, readSignups } from '../../lib/events/my-signups.ts';
import { cancelSignup, getEvent, signupByToken } from '../../lib/events/queries.ts';
import {
  availability,
  localized,
  type PublicEvent,
  type SignupRecord,
  type SignupState,
} from '../../lib/events/types.ts';
import { statusText } from './MySignups.tsx';
import { translator, type Messages } from './text.ts';

interface Props {
  locale: Locale;
  lang: string;
  messages: Messages;
  eventPath: string;
  cancelPath: string;
}

type View =
  | { state: 'loading' }
  | { state: 'noToken' }
  | { state: 'notFound' }
  | { state: 'error' }
  | { state: 'ready'; token: string; signup: SignupState; event: PublicEvent | null }
  | { state: 'done'; event: PublicEvent | null };

const TOKEN = /^[0-9a-f]{64}$/;

export default function CancelSignup({ locale, lang, messages, eventPath, cancelPath }: Props) {
  const t = useMemo(() => translator(lang, messages), [lang, messages]);
  const [view, setView] = useState<View>({ state: 'loading' });
  const [device, setDevice] = useState<SignupRecord[]>([]);
  const [sending, setSending] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const doneHeading = useRef<HTMLHeadingElement>(null);

  const open = async (token: string) => {
    try {
      const signup = await signupByToken(token);
      const event = await getEvent(signup.eventId).catch(() => null);
      setView({ state: 'ready', token, signup, event });
    } catch (error) {
      setView({ state: (error as { key?: string }).key === 'signup_not_found' ? 'notFound' : 'error' });
    }
  };

  useEffect(() => {
    const token = (new URLSearchParams(window.location.search).get('token') ?? '').trim().toLowerCase();
    setDevice(readSignups());
    if (!TOKEN.test(token)) setView({ state: 'noToken' });
    else void open(token);
  }, []);

  useEffect(() => {
    if (view.state === 'done') doneHeading.current?.focus();
  }, [view.state]);

  const onCancel = async (e: Event) => {
    e.preventDefault();
    if (view.state !== 'ready' || sending) return;
    setSending(true);
    setFailed(null);
    try {
      await cancelSignup(view.token);
      forgetSignup(view.token);
      setDevice(readSignups());
      setView({ state: 'done', event: view.event });
    } catch (error) {
      const key = (error as { key?: string }).key ?? 'unknown';
      if (key === 'already_cancelled') {
        forgetSignup(view.token);
        await open(view.token);
      } else {
        setFailed(key === 'network' ? t('events.cancel.error') : t('events.signup.error.unknown'));
      }
    } finally {
      setSending(false);
    }
  };

  const eventLink = (event: PublicEvent | null, id?: string) =>
    event || id ? `${eventPath}?id=${encodeURIComponent(event?.id ?? id ?? '')}` : eventPath;

  const deviceList = (
    <section aria-labelledby="events-device-heading">
      <h2 id="events-device-heading">{t('events.cancel.device.heading')}</h2>
      {device.length === 0 ? (
        <p>{t('events.cancel.device.empty')}</p>
      ) : (
        <ul class="events-mine">
          {device.map((r) => (
            <li key={r.token}>
              <a href={eventLink(null, r.eventId)}>{locale === 'en' ? r.title.en : r.title.zh}</a>{' '}
              <span class="meta">{formatDateTime(locale, r.startsAt)}</span>{' '}
              <a href={`${cancelPath}?token=${r.token}`}>{t('events.mine.manage')}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );

  switch (view.state) {
    case 'loading':
      return <p role="status">{t('events.cancel.loading')}</p>;
    case 'noToken':
    case 'notFound':
    case 'error':
      return (
        <>
          <div
            class="events-notice events-notice--warning"
            role={view.state === 'error' ? 'alert' : undefined}
          >
            <p>{t(`events.cancel.${view.state}`)}</p>
          </div>
          {deviceList}
        </>
      );
    case 'done':
      return (
        <section class="events-confirmation" aria-labelledby="events-cancel-done">
          <h2 id="events-cancel-done" tabIndex={-1} ref={doneHeading}>
            {t('events.cancel.done.heading')}
          </h2>
          <p>{t('events.cancel.done.text')}</p>
          <p>
            <a href={eventLink(view.event)}>
              {view.event ? localized(view.event, 'title', locale) : t('events.view.back')}
            </a>
          </p>
        </section>
      );
    case 'ready': {
      const { signup, event } = view;
      const state = event ? availability(event) : 'open';
      const closed =
        signup.status === 'cancelled' || state === 'cancelled' || state === 'ended' || state === 'completed';
      return (
        <>
          <dl class="events-facts events-facts--detail">
            {event && (
              <>
                <div>
                  <dt>{t('events.view.title')}</dt>
                  <dd>
                    <a href={eventLink(event)}>{localized(event, 'title', locale)}</a>
                  </dd>
                </div>
                <div>
                  <dt>{t('events.view.when')}</dt>
                  <dd>{formatTimeRange(locale, event.starts_at, event.ends_at)}</dd>
                </div>
              </>
            )}
            <div>
              <dt>{t('events.mySignup.heading')}</dt>
              <dd>
                {t('events.mySignup.party', { name: signup.name, count: signup.partySize })}:{' '}
                <strong>{statusText(t, signup)}</strong>
              </dd>
            </div>
          </dl>
          {signup.status === 'cancelled' && <p class="events-notice">{t('events.cancel.already')}</p>}
          {signup.status !== 'cancelled' && state === 'cancelled' && (
            <p class="events-notice">{t('events.cancel.eventCancelled')}</p>
          )}
          {signup.status !== 'cancelled' && (state === 'ended' || state === 'completed') && (
            <p class="events-notice">{t('events.cancel.eventOver')}</p>
          )}
          {!closed && (
            <form class="events-cancel-form" onSubmit={onCancel}>
              <h2>{t('events.cancel.question')}</h2>
              {failed && (
                <p class="events-field__error" role="alert">
                  {failed}
                </p>
              )}
              <div class="events-actions">
                <button
                  type="submit"
                  class="button button--warning"
                  aria-disabled={sending ? 'true' : undefined}
                >
                  {t('events.cancel.button')}
                </button>
                <a href={eventLink(event, signup.eventId)}>{t('events.cancel.keep')}</a>
              </div>
            </form>
          )}
        </>
      );
    }
  }
}
