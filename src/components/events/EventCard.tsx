/** One clean day in a list: title linking to its page, when, where, places left or its results. */
import type { Locale } from '../../i18n/index.ts';
import { formatTimeRange } from '../../lib/dates/index.ts';
import { availability, localized, type PublicEvent } from '../../lib/events/types.ts';
import type { Translate } from './text.ts';
import PlacesLeft from './PlacesLeft.tsx';
import Results from './Results.tsx';

interface Props {
  event: PublicEvent;
  locale: Locale;
  t: Translate;
  href: string;
  districtName: string;
  headingLevel?: 'h3' | 'h4';
}

export default function EventCard({ event, locale, t, href, districtName, headingLevel = 'h3' }: Props) {
  const Heading = headingLevel;
  const state = availability(event);
  return (
    <li class="events-card" data-event-id={event.id}>
      <Heading class="events-card__title">
        <a href={href}>{localized(event, 'title', locale)}</a>
      </Heading>
      {['cancelled', 'started', 'ended', 'completed'].includes(state) && (
        <p class={`events-tag events-tag--${state}`}>{t(`events.status.${state}`)}</p>
      )}
      <dl class="events-facts">
        <div>
          <dt>{t('events.card.when')}</dt>
          <dd>{formatTimeRange(locale, event.starts_at, event.ends_at)}</dd>
        </div>
        <div>
          <dt>{t('events.card.where')}</dt>
          <dd>{localized(event, 'place', locale)}</dd>
        </div>
        {districtName && (
          <div>
            <dt>{t('events.card.district')}</dt>
            <dd>{districtName}</dd>
          </div>
        )}
      </dl>
      {(state === 'open' || state === 'full') && <PlacesLeft event={event} t={t} />}
      {event.status === 'completed' && <Results event={event} locale={locale} t={t} compact />}
    </li>
  );
}
