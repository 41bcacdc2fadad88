/**
 * Accessibility: axe (WCAG 2.0, 2.1 and 2.2, levels A and AA) on every URL in the built sitemap, both locales,
 * plus the pages the sitemap leaves out (404s) and the states a page can be in: large-text mode and the open
 * narrow-screen menu. Zero violations; no rule is disabled.
 *
 * URLs come from the sitemap files in the build folder ($ASTRO_OUT_DIR, default dist/), read when the tests are
 * collected so each URL is its own test; they are rewritten to the preview server's base URL.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContextOptions } from '@playwright/test';

test.describe.configure({ mode: 'parallel' });

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const outDir = process.env.ASTRO_OUT_DIR ?? 'dist';

/** Every <loc> of the sitemap index, followed into each sitemap file of the build; as site paths. */
function sitemapPaths(): string[] {
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => (m[1] ?? '').trim());
  const index = readFileSync(join(outDir, 'sitemap-index.xml'), 'utf8');
  const paths = locs(index).flatMap((sitemapUrl) => {
    const file = join(outDir, new URL(sitemapUrl).pathname);
    return locs(readFileSync(file, 'utf8')).map((url) => new URL(url).pathname);
  });
  return [...new Set(paths)].sort();
}

const paths = sitemapPaths();
const largeTextKey = 'qingshan:large-text';

async function scan(browser: Browser, path: string, options: BrowserContextOptions = {}, largeText = false) {
  const context = await browser.newContext(options);
  if (largeText) await context.addInitScript((key) => localStorage.setItem(key, '1'), largeTextKey);
  const page = await context.newPage();
  await page.goto(path);
  if (largeText) await expect(page.locator('html')).toHaveClass(/\blarge-text\b/);
  return { context, page };
}

async function expectNoViolations(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page }).withTags(tags).analyze();
  // A scan that checked nothing would pass vacuously.
  expect(results.passes.length).toBeGreaterThan(0);
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

test('the sitemap lists pages in both languages', () => {
  expect(paths).toContain('/');
  expect(paths).toContain('/en/');
  expect(paths.filter((p) => p.startsWith('/en/')).length).toBe(
    paths.filter((p) => !p.startsWith('/en/')).length,
  );
});

for (const path of paths) {
  test(`axe finds nothing on ${path}`, async ({ browser }) => {
    const { context, page } = await scan(browser, path);
    await expectNoViolations(page);
    await context.close();
  });
}

for (const path of ['/no-such-page/', '/en/404/']) {
  test(`axe finds nothing on the not-found page ${path}`, async ({ browser }) => {
    const { context, page } = await scan(browser, path);
    await expectNoViolations(page);
    await context.close();
  });
}

for (const path of ['/', '/en/', '/campaign/', '/en/news/first-clean-day/', '/accessibility/']) {
  test(`axe finds nothing on ${path} in large-text mode`, async ({ browser }) => {
    const { context, page } = await scan(browser, path, {}, true);
    await expectNoViolations(page);
    await context.close();
  });
}

for (const path of ['/', '/en/']) {
  test(`axe finds nothing on ${path} at 320 px with the menu open`, async ({ browser }) => {
    const { context, page } = await scan(browser, path, { viewport: { width: 320, height: 640 } });
    const button = page.locator('[data-menu-button]');
    await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expectNoViolations(page);
    await context.close();
  });
}
