/**
 * Build-time only (Astro frontmatter): the `report.` dictionary entries for the form island in the page's
 * language. Never import this from the island: it pulls in both dictionaries.
 */
import en from '../../i18n/en.json' with { type: 'json' };
import zhCN from '../../i18n/zh-CN.json' with { type: 'json' };
import { htmlLang, type Locale } from '../../i18n/index.ts';
import type { Messages } from './text.ts';

const dictionaries: Record<Locale, Record<string, string>> = { 'zh-cn': zhCN, en };

export function formMessages(locale: Locale): { lang: string; messages: Messages } {
  const messages = Object.fromEntries(
    Object.entries(dictionaries[locale]).filter(([key]) => key.startsWith('report.')),
  );
  return { lang: htmlLang(locale), messages };
}
