/** The news feed of one locale: /news/rss.xml and /en/news/rss.xml. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { articlePath, getNews } from '../../../components/news/collection.ts';
import { tagLabelKey } from '../../../components/news/tags.ts';
import { htmlLang, localePath, localeStaticPaths, t, type Locale } from '../../../i18n/index.ts';

export const getStaticPaths = localeStaticPaths;

export async function GET(context: APIContext) {
  const { locale } = context.props as { locale: Locale };
  const site = context.site ?? new URL('http://localhost/');
  const entries = await getNews(locale);
  return rss({
    title: t(locale, 'news.rss.title'),
    description: t(locale, 'news.intro'),
    site: new URL(localePath(locale, '/news/'), site).href,
    items: entries.map((entry) => ({
      title: entry.data.title,
      pubDate: entry.data.date,
      description: entry.data.summary,
      link: articlePath(entry),
      categories: entry.data.tags.map((tag) => t(locale, tagLabelKey(tag))),
    })),
    customData: `<language>${htmlLang(locale)}</language>`,
  });
}
