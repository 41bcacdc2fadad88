/** Helpers of the site chrome: the current navigation section and what goes into a page's head. */
import { describe, expect, it } from 'vitest';
import { isCurrentSection, mainNav } from '../../src/components/site/nav.ts';
import { pageAlternates, perLocale, serializeJsonLd } from '../../src/components/site/seo.ts';

describe('main navigation', () => {
  it('lists every section of the site once, with a trailing slash', () => {
    expect(mainNav.map((item) => item.path)).toEqual([
      '/',
      '/campaign/',
      '/news/',
      '/guide/',
      '/report/',
      '/reports/',
      '/events/',
    ]);
  });

  it('marks Home only on the home page', () => {
    expect(isCurrentSection('/', '/')).toBe(true);
    expect(isCurrentSection('/', '/news/')).toBe(false);
  });

  it('marks a section on its pages and below', () => {
    expect(isCurrentSection('/news/', '/news/')).toBe(true);
    expect(isCurrentSection('/news/', '/news/first-clean-day/')).toBe(true);
    expect(isCurrentSection('/report/', '/reports/')).toBe(false);
  });
});

describe('perLocale', () => {
  it('builds one value for each locale', () => {
    expect(perLocale((l) => `/${l}/`)).toEqual({ 'zh-cn': '/zh-cn/', en: '/en/' });
  });
});

describe('pageAlternates', () => {
  it('gives the same path in each locale by default', () => {
    expect(pageAlternates('/en/campaign/')).toEqual({ 'zh-cn': '/campaign/', en: '/en/campaign/' });
    expect(pageAlternates('/')).toEqual({ 'zh-cn': '/', en: '/en/' });
  });

  it('lets a page override where its translation lives', () => {
    expect(pageAlternates('/news/page/3/', { en: '/en/news/' })).toEqual({
      'zh-cn': '/news/page/3/',
      en: '/en/news/',
    });
  });
});

describe('serializeJsonLd', () => {
  it('cannot close the script element it is written into', () => {
    const text = serializeJsonLd({ headline: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual({ headline: '</script><script>alert(1)</script>' });
  });
});
