/**
 * The one date helper. The campaign runs in China Standard Time, so every displayed date uses Asia/Shanghai,
 * whatever the visitor's device is set to.
 */
import { htmlLang, type Locale } from '../../i18n/index.ts';

export const cityTimeZone = 'Asia/Shanghai';

/** A calendar date in the page's language, e.g. "2024年3月5日" or "5 March 2024". */
export function formatDate(locale: Locale, date: Date | string): string {
  return new Intl.DateTimeFormat(htmlLang(locale), {
    dateStyle: 'long',
    timeZone: cityTimeZone,
  }).format(new Date(date));
}

/** ISO date (YYYY-MM-DD) of the instant in the city's time zone, for `<time datetime>`. */
export function isoDate(date: Date | string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: cityTimeZone }).format(new Date(date));
}
