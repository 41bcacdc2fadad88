/**
 * Pure helpers for news lists: ordering, pagination and paths. No Astro imports, so they are unit-tested
 * directly (tests/unit/news-list.test.ts).
 */

/** Articles per page of the news list. */
export const newsPageSize = 5;

/** Path segments below /news/ that belong to list pages and feeds, so no article may use them as its slug. */
export const reservedNewsSlugs: readonly string[] = ['page', 'tags', 'rss.xml'];

/** One page of a paginated list; `current` counts from 1. */
export interface ListPage<T> {
  items: T[];
  current: number;
  total: number;
}

/**
 * Splits items into pages. There is always at least one page, so an empty list still has page 1.
 * @example paginate([1, 2, 3], 2) // [{ items: [1, 2], current: 1, total: 2 }, { items: [3], current: 2, total: 2 }]
 */
export function paginate<T>(items: readonly T[], pageSize: number): ListPage<T>[] {
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new RangeError(`page size must be >= 1: ${pageSize}`);
  const total = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: total }, (_, i) => ({
    items: items.slice(i * pageSize, (i + 1) * pageSize),
    current: i + 1,
    total,
  }));
}

/** Locale-free path of a news list page: page 1 is /news/, later pages /news/page/N/. */
export function newsListPath(page: number): string {
  return page <= 1 ? '/news/' : `/news/page/${page}/`;
}

/** Newest first; articles on the same day keep a stable order by title. */
export function byNewest<T extends { data: { date: Date; title: string } }>(a: T, b: T): number {
  return b.data.date.getTime() - a.data.date.getTime() || a.data.title.localeCompare(b.data.title);
}

/** The slug of an entry whose id is `<locale>/<slug>` (the news folder layout). */
export function slugFromId(id: string): string {
  const slug = id.slice(id.indexOf('/') + 1);
  if (!slug || reservedNewsSlugs.includes(slug)) throw new Error(`news entry "${id}" has an unusable slug`);
  return slug;
}
