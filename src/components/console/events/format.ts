/** Small shared pieces of the clean-day screens: text of an error key, a status label, an event's title. */
import type { Locale } from '../../../i18n/index.ts';
import type { OrganiserEventStatus } from '../../../lib/events/console.ts';
import { dynamicKey, type Messages, type Translate } from '../messages.ts';

/** The words for a database error key, with its detail (a tracking code) where the text has a place for it. */
export function organiserErrorText(
  t: Translate,
  messages: Messages,
  error: { key?: string; detail?: string },
): string {
  const key = dynamicKey(
    messages,
    `console.events.error.${error.key ?? 'unknown'}`,
    'console.events.error.unknown',
  );
  return t(key, { detail: error.detail ?? '' });
}

export function eventStatusLabel(t: Translate, status: OrganiserEventStatus): string {
  return t(`console.events.status.${status}`);
}

export function titleIn(locale: Locale, event: { title_zh: string; title_en: string }): string {
  return locale === 'en' ? event.title_en : event.title_zh;
}
