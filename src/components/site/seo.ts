/**
 * Helpers for a page's head: the URL of the same page in each locale, and JSON-LD that is safe to inline.
 */
import { locales, switchLocalePath, type Locale } from '../../i18n/index.ts';

/**
 * The same page in every locale. By default the path with its locale prefix swapped (pages share their paths
 * across locales); `overrides` replaces entries for pages whose translation lives elsewhere.
 * @example pageAlternates('/en/news/') // { 'zh-cn': '/news/', en: '/en/news/' }
 */
export function pageAlternates(
  pathname: string,
  overrides: Partial<Record<Locale, string>> = {},
): Record<Locale, string> {
  const entries = locales.map((l) => [l, overrides[l] ?? switchLocalePath(pathname, l)] as const);
  return Object.fromEntries(entries) as Record<Locale, string>;
}

/**
 * Serialises structured data for a `<script type="application/ld+json">`. `<` is escaped so that text such as
 * "</script>" inside a title can never end the script element early.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
