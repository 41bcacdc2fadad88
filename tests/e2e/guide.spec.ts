import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const categories = ['recyclable', 'hazardous', 'kitchen', 'other'] as const;
const guidePages = ['', ...categories.map((c) => `${c}/`)].flatMap((p) => [`/guide/${p}`, `/en/guide/${p}`]);
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function axe(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

function searchBox(page: Page) {
  return page.getByRole('combobox');
}

test.describe('guide search', () => {
  test('finds an item by its colloquial Chinese name', async ({ page }) => {
    await page.goto('/guide/');
    await searchBox(page).fill('尿不湿');
    const option = page.getByRole('option').first();
    await expect(option).toContainText('纸尿裤');
    await expect(option).toContainText('其他垃圾');
    await expect(searchBox(page)).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('status')).toHaveText(/找到 1 种物品/);
  });

  test('finds an item by pinyin initials', async ({ page }) => {
    await page.goto('/guide/');
    await searchBox(page).fill('dgt');
    await expect(page.getByRole('option', { name: /大骨头/ })).toBeVisible();
  });

  test('finds items in English, typos forgiven', async ({ page }) => {
    await page.goto('/en/guide/');
    await searchBox(page).fill('batery');
    await expect(page.getByRole('option', { name: /Rechargeable battery/ })).toBeVisible();
    await expect(page.getByRole('option', { name: /Rechargeable battery/ })).toContainText('Hazardous waste');
  });

  test('chooses a result with the keyboard', async ({ page }) => {
    await page.goto('/en/guide/');
    const box = searchBox(page);
    await box.focus();
    await page.keyboard.type('bones');
    await expect(page.getByRole('option').first()).toBeVisible();
    const count = await page.getByRole('option').count();
    expect(count).toBeGreaterThan(2);

    await page.keyboard.press('ArrowDown');
    const first = page.getByRole('option').first();
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await expect(box).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id')) ?? '');

    await page.keyboard.press('End');
    await expect(page.getByRole('option').last()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Home');
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowUp');
    await expect(page.getByRole('option').last()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowDown');
    await expect(first).toHaveAttribute('aria-selected', 'true');

    // The option shows the name, then the other language's name in its own span.
    const name = (await first.locator('.ws-name').evaluate((el) => el.firstChild?.textContent ?? '')).trim();
    expect(name).not.toBe('');
    await page.keyboard.press('Enter');
    await expect(box).toHaveAttribute('aria-expanded', 'false');
    await expect(box).not.toHaveAttribute('aria-activedescendant');
    await expect(box).toBeFocused();
    await expect(box).toHaveValue(name);
    const result = page.getByRole('region', { name: new RegExp(name) });
    await expect(result).toBeVisible();
    await expect(result.getByRole('link', { name: 'Report wrongly sorted waste' })).toHaveAttribute(
      'href',
      '/en/report/?category=wrongly_sorted_waste',
    );

    // Escape closes an open list first, then clears the box.
    await page.keyboard.type('x');
    await page.keyboard.press('Escape');
    await expect(box).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('Escape');
    await expect(box).toHaveValue('');
  });

  test('chooses a result by pointer and links to the category page', async ({ page }) => {
    await page.goto('/guide/');
    await searchBox(page).fill('kqp');
    await page.getByRole('option', { name: /塑料瓶/ }).click();
    const result = page.getByRole('region', { name: /塑料瓶/ });
    await expect(result).toContainText('可回收物');
    await result.getByRole('link', { name: /可回收物/ }).click();
    await expect(page).toHaveURL(/\/guide\/recyclable\/$/);
  });

  test('fetches the index once and keeps working offline', async ({ page, context }) => {
    const indexRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/data/')) indexRequests.push(request.url());
    });
    await page.goto('/guide/');
    const box = searchBox(page);
    await box.focus();
    await page.keyboard.type('zhiniaoku');
    await expect(page.getByRole('option', { name: /^纸尿裤/ })).toBeVisible();
    await box.fill('');
    await page.keyboard.type('plastic');
    await expect(page.getByRole('option').first()).toBeVisible();
    expect(indexRequests).toHaveLength(1);

    await context.setOffline(true);
    await box.fill('电池');
    await expect(page.getByRole('option', { name: /充电电池/ })).toBeVisible();
    expect(indexRequests).toHaveLength(1);
    await context.setOffline(false);
  });

  test('says so when nothing matches', async ({ page }) => {
    await page.goto('/guide/');
    await searchBox(page).fill('qqqqqqq');
    await expect(page.getByText('没有找到这件物品。', { exact: false }).first()).toBeVisible();
    await expect(searchBox(page)).toHaveAttribute('aria-expanded', 'false');
  });
});

test.describe('guide without JavaScript', () => {
  test('lists every item by category', async ({ browser, request }) => {
    const openData = (await (await request.get('/data/waste-items.json')).json()) as { category: string }[];
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();

    await page.goto('/guide/');
    await expect(page.getByText('搜索需要浏览器开启 JavaScript')).toBeVisible();
    await expect(page.getByRole('combobox')).toHaveCount(0);

    let listed = 0;
    for (const category of categories) {
      await page.goto(`/guide/${category}/`);
      const items = page.locator('.item-list > li');
      const expected = openData.filter((item) => item.category === category).length;
      await expect(items).toHaveCount(expected);
      listed += expected;
    }
    expect(listed).toBe(openData.length);
    await page.goto('/en/guide/other/');
    await expect(page.locator('.item-list')).toContainText('Disposable nappy');
    await context.close();
  });
});

test.describe('open data', () => {
  test('publishes every item with the stable fields', async ({ request }) => {
    const response = await request.get('/data/waste-items.json');
    expect(response.ok()).toBe(true);
    const items = (await response.json()) as Record<string, unknown>[];
    expect(items.length).toBeGreaterThanOrEqual(600);
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual([
        'aliases',
        'category',
        'name_en',
        'name_zh',
        'tip_en',
        'tip_zh',
      ]);
    }
    expect(items.find((item) => item.name_zh === '纸尿裤')).toMatchObject({
      category: 'other',
      aliases: expect.arrayContaining(['尿不湿']),
    });
  });
});

test.describe('posters', () => {
  test('print one A4 page with the poster only', async ({ page }) => {
    await page.goto('/guide/hazardous/');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.guide-search')).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: '有害垃圾' })).toBeVisible();
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(1);
  });
});

test.describe('guide accessibility (axe)', () => {
  for (const path of guidePages) {
    test(`${path} has no axe violations`, async ({ browser }) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(path);
      await expect(page.getByRole('combobox')).toBeVisible();
      await axe(page);
      await context.close();
    });
  }

  for (const [path, query] of [
    ['/guide/', '瓶'],
    ['/en/guide/kitchen/', 'shell'],
  ] as const) {
    test(`${path} with the search list open and a result chosen has no axe violations`, async ({
      browser,
    }) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(path);
      await searchBox(page).fill(query);
      await page.keyboard.press('ArrowDown');
      await expect(page.getByRole('listbox')).toBeVisible();
      await axe(page);
      await page.keyboard.press('Enter');
      await expect(page.locator('.ws-result')).toBeVisible();
      await axe(page);
      await context.close();
    });
  }
});
