/**
 * schema.org `Event` structured data for an event page (injected by the page's island once the event is loaded:
 * events are created at run time, so there is no per-event HTML to put it in at build time).
 */
import type { Locale } from '../../i18n/index.ts';
import { localized, type PublicEvent } from './types.ts';

export function eventJsonLd(event: PublicEvent, locale: Locale, pageUrl: string): Record<string, unknown> {
  const name = localized(event, 'title', locale);
  const place = localized(event, 'place', locale);
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name,
    description: localized(event, 'description', locale),
    startDate: event.starts_at,
    endDate: event.ends_at,
    eventStatus:
      event.status === 'cancelled'
        ? 'https://schema.org/EventCancelled'
        : 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    inLanguage: locale === 'en' ? 'en' : 'zh-CN',
    url: pageUrl,
    isAccessibleForFree: true,
    maximumAttendeeCapacity: event.capacity,
    remainingAttendeeCapacity: event.spots_left,
    location: {
      '@type': 'Place',
      name: place,
      address: place,
      geo: { '@type': 'GeoCoordinates', latitude: event.lat, longitude: event.lng },
    },
    organizer: { '@type': 'Organization', name: localized(event, 'organiser', locale) },
    offers: {
      '@type': 'Offer',
      price: 0,
      priceCurrency: 'CNY',
      url: pageUrl,
      availability: event.spots_left > 0 ? 'https://schema.org/InStock' : 'https://schema.org/SoldOut',
    },
  };
}

/** JSON for a `<script type="application/ld+json">`, with `<` escaped so no text can close the script. */
export function serializeJsonLd(data: Record<string, unknown>): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
