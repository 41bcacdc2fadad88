/**
 * Reads the news collection for pages: one locale's articles newest first, paths, tags in use and the
 * translations of an article (linked by translationKey).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { localePath, type Locale } from '../../i18n/index.ts';
import { perLocale } from '../site/seo.ts';
import { byNewest, slugFromId } from './list.ts';
import { newsTags, type NewsTag } from './tags.ts';

export type NewsEntry = CollectionEntry<'news'>;

/** Every locale's articles, newest first. */
export async function getNewsByLocale(): Promise<Record<Locale, NewsEntry[]>> {
  const all = (await getCollection('news')).sort(byNewest);
  return perLocale((l) => all.filter((entry) => entry.data.locale === l));
}

/** A locale's articles, newest first. */
export async function getNews(locale: Locale): Promise<NewsEntry[]> {
  return (await getNewsByLocale())[locale];
}

/** Site path of an article, e.g. `/en/news/first-clean-day/`. */
export function articlePath(entry: NewsEntry): string {
  return localePath(entry.data.locale, `/news/${slugFromId(entry.id)}/`);
}

/** Site path of a tag page, e.g. `/news/tags/greening/`. */
export function tagPath(locale: Locale, tag: NewsTag): string {
  return localePath(locale, `/news/tags/${tag}/`);
}

/** Tags used by at least one of the given articles, in the canonical tag order. */
export function tagsInUse(entries: readonly NewsEntry[]): NewsTag[] {
  const used = new Set(entries.flatMap((entry) => entry.data.tags));
  return newsTags.filter((tag) => used.has(tag));
}

/**
 * Where an article lives in each locale: its translation if there is one, otherwise that locale's news list,
 * so the language switch never leads to a missing page.
 */
export async function articleAlternates(entry: NewsEntry): Promise<Record<Locale, string>> {
  const all = await getCollection('news', (other) => other.data.translationKey === entry.data.translationKey);
  return perLocale((l) => {
    const translation = all.find((other) => other.data.locale === l);
    return translation ? articlePath(translation) : localePath(l, '/news/');
  });
}
