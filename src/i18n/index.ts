/**
 * The one i18n helper: locale ids, route helpers and the i18next instance with both dictionaries.
 * Locale ids are lowercase in URLs and config (`zh-cn`, `en`) and BCP-47 in `<html lang>` (`zh-CN`, `en`).
 */
import i18next, { type TOptions } from 'i18next';
import zhCN from './zh-CN.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };

export const locales = ['zh-cn', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'zh-cn';

type DictionaryKey = keyof typeof zhCN;
/** Plural keys are stored as `x_one` / `x_other`; callers pass the base key `x` with `{ count }`. */
type PluralBase<K> = K extends `${infer B}_other` ? B : never;
export type MessageKey = DictionaryKey | PluralBase<DictionaryKey>;

const instance = i18next.createInstance();
void instance.init({
  // Dictionaries are flat ("report.form.title"), so '.' must not split keys into nested paths.
  keySeparator: false,
  nsSeparator: false,
  // i18next lowercases 'zh-CN'; without this it would not find the 'zh-cn' resources.
  lowerCaseLng: true,
  lng: defaultLocale,
  fallbackLng: false,
  initAsync: false,
  interpolation: { escapeValue: false },
  resources: { 'zh-cn': { translation: zhCN }, en: { translation: en } },
});

/** Translates a key for a locale, e.g. `t('en', 'nav.report')`; plurals use `{ count }`. */
export function t(locale: Locale, key: MessageKey, options?: TOptions): string {
  return instance.t(key, { ...options, lng: locale });
}

/** Returns a translator bound to one locale, for components that print many strings. */
export function useTranslations(locale: Locale) {
  return (key: MessageKey, options?: TOptions) => t(locale, key, options);
}

/** `<html lang>` value for a locale. */
export function htmlLang(locale: Locale): string {
  return locale === 'zh-cn' ? 'zh-CN' : 'en';
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Maps the `[...lang]` route param to a locale: undefined is the default (zh-CN at `/`). */
export function localeFromParam(lang: string | undefined): Locale {
  return lang === 'en' ? 'en' : defaultLocale;
}

/** The `[...lang]` param for a locale (undefined for the default locale, which lives at `/`). */
export function paramForLocale(locale: Locale): string | undefined {
  return locale === defaultLocale ? undefined : locale;
}

/** getStaticPaths entries for a page that exists once per locale. */
export function localeStaticPaths() {
  return locales.map((locale) => ({ params: { lang: paramForLocale(locale) }, props: { locale } }));
}

/**
 * Prefixes a site path with the locale.
 * @example localePath('en', '/news/') // '/en/news/'
 */
export function localePath(locale: Locale, path: string): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  return locale === defaultLocale ? clean : `/${locale}${clean === '/' ? '/' : clean}`;
}

/** Reads the locale of a site path (`/en/...` is English, everything else zh-CN). */
export function localeFromPath(pathname: string): Locale {
  return pathname === '/en' || pathname.startsWith('/en/') ? 'en' : defaultLocale;
}

/** Strips the locale prefix: `/en/news/` → `/news/`. */
export function pathWithoutLocale(pathname: string): string {
  if (pathname === '/en' || pathname === '/en/') return '/';
  return pathname.startsWith('/en/') ? pathname.slice(3) : pathname;
}

/** The same page in another locale, keeping query and hash. */
export function switchLocalePath(pathname: string, target: Locale): string {
  return localePath(target, pathWithoutLocale(pathname));
}
