/**
 * The public site's chrome and content pages in a real browser, against the built site:
 * navigation (also the narrow-screen menu by keyboard), language switch, large-text mode, news, RSS, 404, print.
 * Only pages this part of the site builds are visited; links to other features are checked by their href.
 */
import { expect, test, type Page } from '@playwright/test';
import en from '../../src/i18n/en.json' with { type: 'json' };
import zhCN from '../../src/i18n/zh-CN.json' with { type: 'json' };

// Strings come from the dictionaries, not copies. (src/i18n/index.ts imports JSON without an import attribute,
// which Vite accepts but Playwright's Node loader does not, so the dictionaries are read directly here.)
const dictionaries = { 'zh-cn': zhCN, en };
const t = (locale: 'zh-cn' | 'en', key: keyof typeof zhCN): string => dictionaries[locale][key];

// Every test opens its own page, so they can share the two workers.
test.describe.configure({ mode: 'parallel' });

const mainNav = (page: Page) => page.getByRole('navigation', { name: t('zh-cn', 'nav.label') });

test.describe('navigation', () => {
  test('links every section of the site from the header', async ({ page }) => {
    await page.goto('/');
    const nav = mainNav(page);
    const hrefs = await nav
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['/', '/campaign/', '/news/', '/guide/', '/report/', '/reports/', '/events/']);
    await expect(nav.getByRole('link', { name: t('zh-cn', 'nav.home') })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  test('takes you to the campaign plan and the news, marking where you are', async ({ page }) => {
    await page.goto('/');
    await mainNav(page)
      .getByRole('link', { name: t('zh-cn', 'nav.campaign') })
      .click();
    await expect(page).toHaveURL('/campaign/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('2024年创卫工作计划');

    await mainNav(page)
      .getByRole('link', { name: t('zh-cn', 'nav.news') })
      .click();
    await expect(page).toHaveURL('/news/');
    await expect(mainNav(page).getByRole('link', { name: t('zh-cn', 'nav.news') })).toHaveAttribute(
      'aria-current',
      'page',
    );

    await page.getByRole('link', { name: /随手拍.*上线/ }).click();
    await expect(page).toHaveURL('/news/report-problems-online/');
    // An article is within News: the section stays marked, but it is not the page itself.
    await expect(mainNav(page).getByRole('link', { name: t('zh-cn', 'nav.news') })).toHaveAttribute(
      'aria-current',
      'true',
    );
  });

  test('has a skip link that is the first thing a keyboard reaches', async ({ page }) => {
    await page.goto('/campaign/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: t('zh-cn', 'site.skipLink') });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });

  test('links the campaign plan table of contents to its sections', async ({ page }) => {
    await page.goto('/campaign/');
    const toc = page.getByRole('navigation', { name: t('zh-cn', 'campaign.contents') });
    await toc.getByRole('link', { name: '怎么落实' }).click();
    await expect(page).toHaveURL('/campaign/#measures');
    await expect(page.locator('#measures')).toBeInViewport();
    // The plan's published text stops inside measure 4; the page says so.
    await expect(page.locator('#measure-4').locator('xpath=ancestor::li[1]')).toContainText('中途结束');
  });
});

test.describe('on a 320 px wide screen', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('opens and closes the menu with the keyboard alone', async ({ page }) => {
    await page.goto('/');
    const button = page.getByRole('button', { name: t('zh-cn', 'nav.menu') });
    const list = page.locator('#site-nav-list');
    await expect(list).toBeHidden();
    await expect(button).toHaveAttribute('aria-expanded', 'false');

    // Skip link, site name, language switch, large-text toggle, then the menu button.
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
    await expect(button).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(list).toBeVisible();

    await page.keyboard.press('Tab');
    await expect(list.getByRole('link', { name: t('zh-cn', 'nav.home') })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(list).toBeHidden();
    await expect(button).toBeFocused();

    await page.keyboard.press('Space');
    await expect(list).toBeVisible();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(list.getByRole('link', { name: t('zh-cn', 'nav.news') })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/news/');
  });

  for (const path of [
    '/',
    '/en/',
    '/campaign/',
    '/en/news/',
    '/en/news/public-toilet-renovation/',
    '/en/accessibility/',
  ]) {
    test(`needs no sideways scrolling on ${path}`, async ({ page }) => {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }

  test('shows the whole menu when JavaScript is off', async ({ browser }) => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 320, height: 640 },
    });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.locator('#site-nav-list')).toBeVisible();
    await expect(page.getByRole('button', { name: t('zh-cn', 'nav.menu') })).toBeHidden();
    await context.close();
  });
});

test.describe('language switch', () => {
  const pages = [
    '/',
    '/campaign/',
    '/news/',
    '/news/page/2/',
    '/news/first-clean-day/',
    '/news/tags/greening/',
    '/accessibility/',
  ];

  for (const path of pages) {
    test(`keeps you on ${path} in the other language`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
      await page.getByRole('link', { name: 'English' }).click();
      await expect(page).toHaveURL(`/en${path}`);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await page.getByRole('link', { name: '中文' }).click();
      await expect(page).toHaveURL(path);
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    });
  }

  test('keeps the query string and the section you were reading', async ({ page }) => {
    await page.goto('/campaign/?from=poster#goal-3');
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL('/en/campaign/?from=poster#goal-3');
    await expect(page.locator('#goal-3')).toHaveText(/Neighbourhood hygiene/);
  });

  test('links each page to its translation for search engines', async ({ page }) => {
    await page.goto('/en/news/first-clean-day/');
    const path = async (selector: string) =>
      new URL((await page.locator(selector).getAttribute('href')) ?? '', 'http://x').pathname;
    expect(await path('link[rel="canonical"]')).toBe('/en/news/first-clean-day/');
    expect(await path('link[rel="alternate"][hreflang="zh-CN"]')).toBe('/news/first-clean-day/');
    expect(await path('link[rel="alternate"][hreflang="en"]')).toBe('/en/news/first-clean-day/');
    expect(await path('link[rel="alternate"][hreflang="x-default"]')).toBe('/news/first-clean-day/');
  });
});

test.describe('large-text mode', () => {
  const rootFontSize = (page: Page) =>
    page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));

  test('is remembered across reloads and pages, and can be switched off again', async ({ page }) => {
    await page.goto('/');
    const toggle = page.getByRole('button', { name: t('zh-cn', 'largeText.toggle') });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    const normal = await rootFontSize(page);

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(await rootFontSize(page)).toBeGreaterThanOrEqual(normal * 1.2);

    await page.reload();
    await expect(page.locator('html')).toHaveClass(/\blarge-text\b/);
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(await rootFontSize(page)).toBeGreaterThanOrEqual(normal * 1.2);

    await page.goto('/en/news/');
    await expect(page.getByRole('button', { name: t('en', 'largeText.toggle') })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    await page.getByRole('button', { name: t('en', 'largeText.toggle') }).click();
    await page.reload();
    await expect(page.locator('html')).not.toHaveClass(/\blarge-text\b/);
    expect(await rootFontSize(page)).toBe(normal);
  });

  test('applies before the page is first painted', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('qingshan:large-text', '1'));
    // Record the class the moment <body> starts, before any deferred module script could run.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.body) {
          (window as unknown as { classAtBody: string }).classAtBody = document.documentElement.className;
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto('/campaign/');
    const classAtBody = await page.evaluate(() => (window as unknown as { classAtBody: string }).classAtBody);
    expect(classAtBody).toContain('large-text');
  });
});

test.describe('news', () => {
  test('lists five articles a page, newest first, with a link to the next page', async ({ page }) => {
    await page.goto('/en/news/');
    const titles = page.locator('.news-list h2');
    await expect(titles).toHaveCount(5);
    await expect(titles.first()).toHaveText('Report a hygiene problem from your phone');
    await page
      .getByRole('navigation', { name: t('en', 'news.pagination.label') })
      .getByRole('link', { name: t('en', 'news.pagination.next') })
      .click();
    await expect(page).toHaveURL('/en/news/page/2/');
    await expect(titles).toHaveCount(2);
  });

  test('shows an article with its date, tags and structured data', async ({ page }) => {
    await page.goto('/news/public-toilet-renovation/');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('公共厕所');
    await expect(page.locator('article time')).toHaveAttribute('datetime', '2024-05-14');
    await expect(page.getByRole('img', { name: /公共厕所/ })).toBeVisible();
    const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(data).toMatchObject({ '@type': 'NewsArticle', datePublished: '2024-05-14', inLanguage: 'zh-CN' });
    expect(await page.locator('meta[property="og:type"]').getAttribute('content')).toBe('article');

    await page
      .getByRole('list', { name: t('zh-cn', 'news.tagsLabel') })
      .getByRole('link')
      .first()
      .click();
    await expect(page).toHaveURL('/news/tags/public-toilets/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('标签：公共厕所');
  });
});

test.describe('RSS', () => {
  for (const [locale, path] of [
    ['zh-cn', '/news/rss.xml'],
    ['en', '/en/news/rss.xml'],
  ] as const) {
    test(`${path} is valid XML listing every ${locale} article, each link working`, async ({
      page,
      request,
    }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(200);
      const xml = await response.text();

      await page.goto(locale === 'en' ? '/en/' : '/');
      expect(
        await page.locator('link[rel="alternate"][type="application/rss+xml"]').getAttribute('href'),
      ).toBe(path);
      const feed = await page.evaluate((source) => {
        const doc = new DOMParser().parseFromString(source, 'application/xml');
        const error = doc.querySelector('parsererror');
        return {
          error: error?.textContent ?? null,
          title: doc.querySelector('channel > title')?.textContent,
          items: [...doc.querySelectorAll('item')].map((item) => ({
            title: item.querySelector('title')?.textContent ?? '',
            link: item.querySelector('link')?.textContent ?? '',
            date: item.querySelector('pubDate')?.textContent ?? '',
          })),
        };
      }, xml);

      expect(feed.error).toBeNull();
      expect(feed.title).toBe(t(locale, 'news.rss.title'));
      expect(feed.items).toHaveLength(7);
      expect(feed.items.every((item) => item.title && !Number.isNaN(Date.parse(item.date)))).toBe(true);
      for (const item of feed.items) {
        const { pathname } = new URL(item.link);
        expect(pathname.startsWith(locale === 'en' ? '/en/news/' : '/news/')).toBe(true);
        expect((await request.get(pathname)).status(), item.link).toBe(200);
      }
    });
  }
});

test.describe('page not found', () => {
  test('answers 404 with a helpful page in Chinese that also points to the English site', async ({
    page,
  }) => {
    const response = await page.goto('/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('zh-cn', 'notFound.title'));
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
    await page.getByRole('link', { name: t('en', 'notFound.home') }).click();
    await expect(page).toHaveURL('/en/');
  });

  test('has an English version', async ({ page }) => {
    await page.goto('/en/404/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('en', 'notFound.title'));
  });
});

test('prints the content without the site navigation', async ({ page }) => {
  await page.goto('/campaign/');
  await page.emulateMedia({ media: 'print' });
  await expect(mainNav(page)).toBeHidden();
  await expect(page.getByRole('navigation', { name: t('zh-cn', 'campaign.contents') })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
