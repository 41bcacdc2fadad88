/**
 * Open reports of the same kind within 250 m of the chosen place, shown before sending: when one of them is
 * the same problem, "add me too" confirms it instead of creating a second report.
 */
import { formatDate } from '../../lib/dates/index.ts';
import type { Locale } from '../../i18n/index.ts';
import type { NearbyReport } from './api.ts';
import { formatMetres } from './form-state.ts';
import type { Translate } from './text.ts';

interface Props {
  t: Translate;
  locale: Locale;
  lang: string;
  reports: NearbyReport[];
  /** Tracking code being confirmed right now. */
  busy: string | null;
  failed: string | null;
  onConfirm: (code: string) => void;
}

const STATUSES = ['submitted', 'accepted', 'assigned', 'in_progress', 'reopened'] as const;
type OpenStatus = (typeof STATUSES)[number];
const isOpenStatus = (s: string): s is OpenStatus => (STATUSES as readonly string[]).includes(s);

/** At most this many are listed: the nearest. */
export const NEARBY_SHOWN = 5;

export function NearbyReports({ t, locale, lang, reports, busy, failed, onConfirm }: Props) {
  if (!reports.length) return null;
  return (
    <section class="rf-nearby" aria-labelledby="rf-nearby-title">
      <h2 id="rf-nearby-title">{t('report.nearby.title')}</h2>
      <p>{t('report.nearby.intro')}</p>
      <ul class="rf-nearby__list">
        {reports.slice(0, NEARBY_SHOWN).map((r) => {
          const excerpt =
            [...r.description].length > 140 ? `${[...r.description].slice(0, 140).join('')}…` : r.description;
          return (
            <li class="rf-nearby__item" key={r.tracking_code}>
              <h3 class="rf-nearby__code" id={`rf-nearby-${r.tracking_code}`}>
                {t('report.nearby.item', {
                  code: r.tracking_code,
                  distance: formatMetres(r.distance_m, lang),
                })}
              </h3>
              <p class="rf-nearby__text">{excerpt}</p>
              <p class="rf-hint">
                {[
                  r.address,
                  isOpenStatus(r.status) ? t(`report.nearby.status.${r.status}`) : null,
                  t('report.nearby.reported', { date: formatDate(locale, r.created_at) }),
                  r.confirmations_count
                    ? t('report.nearby.confirmations', { count: r.confirmations_count })
                    : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              {failed === r.tracking_code && (
                <p class="rf-error" role="alert">
                  {t('report.nearby.failed')}
                </p>
              )}
              <button
                type="button"
                class="button rf-button--secondary"
                aria-describedby={`rf-nearby-${r.tracking_code}`}
                onClick={() => onConfirm(r.tracking_code)}
              >
                {busy === r.tracking_code ? t('report.nearby.adding') : t('report.nearby.same')}
              </button>
            </li>
          );
        })}
      </ul>
      <p class="rf-hint">{t('report.nearby.different')}</p>
    </section>
  );
}
