/** What a completed clean day achieved: volunteers, bags of rubbish and the organisers' summary. */
import type { Locale } from '../../i18n/index.ts';
import { localized, type PublicEvent } from '../../lib/events/types.ts';
import type { Translate } from './text.ts';

interface Props {
  event: PublicEvent;
  locale: Locale;
  t: Translate;
  /** In a list: the figures and summary only, no heading. */
  compact?: boolean;
  /** Addresses of the photos of the results (event page only). */
  photos?: string[];
}

export default function Results({ event, locale, t, compact = false, photos = [] }: Props) {
  const summary = localized(event, 'result_summary', locale);
  const figures = event.result_volunteers !== null && event.result_bags_collected !== null;
  return (
    <div class="events-results">
      {!compact && <h2>{t('events.results.heading')}</h2>}
      {figures ? (
        <ul class="events-results__figures">
          <li>{t('events.results.volunteers', { count: event.result_volunteers ?? 0 })}</li>
          <li>{t('events.results.bags', { count: event.result_bags_collected ?? 0 })}</li>
        </ul>
      ) : (
        <p>{t('events.results.pending')}</p>
      )}
      {summary && <p>{summary}</p>}
      {photos.length > 0 && (
        <>
          <h3>{t('events.results.photos')}</h3>
          <ul class="events-photos">
            {photos.map((src, i) => (
              <li key={src}>
                <img
                  src={src}
                  alt={t('events.results.photoAlt', { n: i + 1, title: localized(event, 'title', locale) })}
                  loading="lazy"
                  decoding="async"
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
