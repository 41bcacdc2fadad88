/** The route helpers the site's pages and language switch are built on. */
import { describe, expect, it } from 'vitest';
import { localePath, pathWithoutLocale, switchLocalePath, t } from '../../src/i18n/index.ts';

describe('locale paths', () => {
  it('leaves zh-CN paths unprefixed and prefixes English ones', () => {
    expect(localePath('zh-cn', '/news/')).toBe('/news/');
    expect(localePath('en', '/news/')).toBe('/en/news/');
    expect(localePath('en', '/')).toBe('/en/');
  });

  it('strips the English prefix', () => {
    expect(pathWithoutLocale('/en/')).toBe('/');
    expect(pathWithoutLocale('/en/campaign/')).toBe('/campaign/');
    expect(pathWithoutLocale('/campaign/')).toBe('/campaign/');
  });

  it('switches a page to the other language and back', () => {
    expect(switchLocalePath('/news/first-clean-day/', 'en')).toBe('/en/news/first-clean-day/');
    expect(switchLocalePath('/en/news/first-clean-day/', 'zh-cn')).toBe('/news/first-clean-day/');
    expect(switchLocalePath('/en/', 'zh-cn')).toBe('/');
  });

  it('does not mistake a path that merely starts with "en" for English', () => {
    expect(pathWithoutLocale('/events/')).toBe('/events/');
    expect(switchLocalePath('/events/', 'en')).toBe('/en/events/');
  });
});

describe('t', () => {
  it('returns the string of the requested locale and fills placeholders', () => {
    expect(t('zh-cn', 'nav.news')).toBe('创卫动态');
    expect(t('en', 'nav.news')).toBe('News');
    expect(t('en', 'news.pagination.status', { current: 2, total: 3 })).toBe('Page 2 of 3');
  });
});
