/**
 * News tags are fixed ids shared by both languages, so a tag page has the same URL in zh-CN and English
 * (/news/tags/greening/ and /en/news/tags/greening/) and the language switch can keep you on it.
 * Labels live in the dictionaries under `news.tag.<id>`.
 */
import type { MessageKey } from '../../i18n/index.ts';

export const newsTags = [
  'organisation',
  'clean-days',
  'public-toilets',
  'greening',
  'waste-sorting',
  'supervision',
  'community',
] as const;

export type NewsTag = (typeof newsTags)[number];

/** Dictionary key of a tag's label, e.g. `news.tag.greening`. */
export function tagLabelKey(tag: NewsTag): MessageKey {
  return `news.tag.${tag}` satisfies MessageKey;
}
