/**
 * Build-time only (Astro frontmatter): the dictionary entries a clean-day island needs, picked by key prefix.
 * Never import this from an island: it pulls in both dictionaries.
 */
import zhCN from '../../i18n/zh-CN.json' with { type: 'json' };
import en from '../../i18n/en.json' with { type: 'json' };
import { htmlLang, type Locale } from '../../i18n/index.ts';
import type { Messages } from './text.ts';

const dictionaries: Record<Locale, Record<string, string>> = { 'zh-cn': zhCN, en };

export interface IslandText {
  lang: string;
  messages: Messages;
}

export function islandText(locale: Locale, prefixes: string[]): IslandText {
  const messages = Object.fromEntries(
    Object.entries(dictionaries[locale]).filter(([key]) => prefixes.some((prefix) => key.startsWith(prefix))),
  );
  return { lang: htmlLang(locale), messages };
}
