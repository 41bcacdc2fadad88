/** Places left (or full, with the waiting list) of an event someone can still join. */
import type { PublicEvent } from '../../lib/events/types.ts';
import type { Translate } from './text.ts';

export default function PlacesLeft({ event, t }: { event: PublicEvent; t: Translate }) {
  const full = event.spots_left <= 0;
  return (
    <p class={full ? 'events-places events-places--full' : 'events-places'}>
      <strong>{full ? t('events.places.full') : t('events.places.left', { count: event.spots_left })}</strong>{' '}
      <span class="meta">
        {t('events.places.capacity', { count: event.capacity })}
        {event.waitlist_count > 0 && <> · {t('events.places.waiting', { count: event.waitlist_count })}</>}
      </span>
    </p>
  );
}
