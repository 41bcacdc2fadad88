/**
 * Helpers for a page's head: the URL of the same page in each locale, and JSON-LD that is safe to inline.
 */
import { locales, switchLocalePath, type Locale } from '../../i18n/index.ts';

/**
 * Builds a value for every locale.
 * @example perLocale((l) => localePath(l, '/')) // { 'zh-cn': '/', en: '/en/' }
 */
export function perLocale<T>(make: (locale: Locale) => T): Record<Locale, T> {
  return Object.fromEntries(locales.map((l) => [l, make(l)])) as Record<Locale, T>;
}

/**
 * The same page in every locale. By default the path with its locale prefix swapped (pages share their paths
 * across locales); `overrides` replaces entries for pages whose translation lives elsewhere.
 * @example pageAlternates('/en/news/') // { 'zh-cn': '/news/', en: '/en/news/' }
 */
export function pageAlternates(
  pathname: string,
  overrides: Partial<Record<Locale, string>> = {},
): Record<Locale, string> {
  return perLocale((l) => overrides[l] ?? switchLocalePath(pathname, l));
}

/**
 * Serialises structured data for a `<script type="application/ld+json">`. `<` is escaped so that text such as
 * "</script>" inside a title can never end the script element early.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
