/** Pagination, ordering and slugs of the news list. */
import { describe, expect, it } from 'vitest';
import { byNewest, newsListPath, paginate, slugFromId } from '../../src/components/news/list.ts';
import { newsTags, tagLabelKey } from '../../src/components/news/tags.ts';
import zhCN from '../../src/i18n/zh-CN.json';

describe('paginate', () => {
  it('splits items into pages of the given size', () => {
    const pages = paginate([1, 2, 3, 4, 5, 6, 7], 5);
    expect(pages.map((p) => p.items)).toEqual([
      [1, 2, 3, 4, 5],
      [6, 7],
    ]);
    expect(pages.map((p) => [p.current, p.total])).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it('has exactly one page for an exact multiple and for an empty list', () => {
    expect(paginate([1, 2, 3, 4, 5], 5)).toHaveLength(1);
    expect(paginate([], 5)).toEqual([{ items: [], current: 1, total: 1 }]);
  });

  it('refuses a page size below one', () => {
    expect(() => paginate([1], 0)).toThrow(RangeError);
  });
});

describe('newsListPath', () => {
  it('puts page 1 at /news/ and later pages below /news/page/', () => {
    expect(newsListPath(1)).toBe('/news/');
    expect(newsListPath(2)).toBe('/news/page/2/');
  });
});

describe('byNewest', () => {
  const entry = (date: string, title: string) => ({ data: { date: new Date(date), title } });

  it('puts the newest article first and orders same-day articles by title', () => {
    const sorted = [entry('2024-03-01', 'b'), entry('2024-06-01', 'x'), entry('2024-03-01', 'a')].sort(
      byNewest,
    );
    expect(sorted.map((e) => e.data.title)).toEqual(['x', 'a', 'b']);
  });
});

describe('slugFromId', () => {
  it('takes the file name below the locale folder', () => {
    expect(slugFromId('en/first-clean-day')).toBe('first-clean-day');
  });

  it('refuses slugs that would collide with list pages or the feed', () => {
    expect(() => slugFromId('zh-cn/page')).toThrow();
    expect(() => slugFromId('en/tags')).toThrow();
  });
});

describe('news tags', () => {
  it('each have a label in the dictionary', () => {
    expect(newsTags.filter((tag) => !(tagLabelKey(tag) in zhCN))).toEqual([]);
  });
});
