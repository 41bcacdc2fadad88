/**
 * Tracking a report (/track/): a code typed any reasonable way opens its page, a malformed or unknown code
 * gets a GOV.UK-style error with the text kept, and "my reports" lists this device's reports with their
 * current status. Axe in each state.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  axeTags,
  changeStatus,
  closeSql,
  createReport,
  emptySpot,
  hideCreatedReports,
  rememberOnDevice,
  reportUrl,
  sql,
  text,
} from './reports-fixtures.ts';

test.afterAll(async () => {
  await hideCreatedReports();
  await closeSql();
});

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  expect(results.passes.length).toBeGreaterThan(0);
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

const codeField = (page: Page, locale: 'zh-cn' | 'en' = 'zh-cn') =>
  page.getByLabel(text(locale, 'track.label'));
const submit = (page: Page, locale: 'zh-cn' | 'en' = 'zh-cn') =>
  page.getByRole('button', { name: text(locale, 'track.submit') });

test('finds a report by its code typed in lower case, with spaces and without dashes', async ({ page }) => {
  const report = await createReport(emptySpot());
  const typed = ` ${report.code.toLowerCase().replace(/-/g, ' ')} `;
  await page.goto('/track/');
  await codeField(page).fill(typed);
  await submit(page).click();
  await expect(page).toHaveURL(reportUrl(report.code));
  await expect(page.locator('.rp-code')).toContainText(report.code);
});

test('says what a tracking code looks like when the text cannot be one, keeping it', async ({ page }) => {
  await page.goto('/en/track/');
  await submit(page, 'en').click();
  await expect(page.getByRole('alert')).toContainText(text('en', 'track.error.required'));

  await codeField(page, 'en').fill('QS-12');
  await submit(page, 'en').click();
  const summary = page.getByRole('alert');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText(text('en', 'track.error.format'));
  await expect(codeField(page, 'en')).toHaveValue('QS-12');
  await expect(codeField(page, 'en')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL('/en/track/');
  await expectNoAxeViolations(page);

  await summary.getByRole('link').click();
  await expect(codeField(page, 'en')).toBeFocused();
});

test('says when no report has a well-formed code', async ({ page }) => {
  await page.goto('/track/');
  await codeField(page).fill('qs-zzzz-zzzz');
  await submit(page).click();
  await expect(page.getByRole('alert')).toContainText(
    text('zh-cn', 'track.error.notFound', { code: 'QS-ZZZZ-ZZZZ' }),
  );
  await expect(codeField(page)).toHaveValue('qs-zzzz-zzzz');
});

test("lists this device's reports with their current status", async ({ page }) => {
  const first = await createReport(emptySpot());
  const second = await createReport(emptySpot(), { category: 'pests' });
  const hidden = await createReport(emptySpot());
  await changeStatus(second, 'accepted');
  await sql(`update public.reports set hidden = true, hidden_reason = 'e2e: gone' where id = $1`, [
    hidden.id,
  ]);
  await rememberOnDevice(page, [first, second, hidden]);

  await page.goto('/track/');
  const items = page.locator('.track-mine__item');
  await expect(items).toHaveCount(3);
  await expect(page.getByText(text('zh-cn', 'track.mine.count_other', { count: 3 }))).toBeVisible();
  const secondItem = items.filter({ hasText: second.code });
  await expect(secondItem.locator('.rf-badge')).toHaveText(text('zh-cn', 'reports.status.accepted'));
  await expect(secondItem.getByRole('link')).toContainText('病媒生物');
  await expect(items.filter({ hasText: first.code }).locator('.rf-badge')).toHaveText(
    text('zh-cn', 'reports.status.submitted'),
  );
  await expect(items.filter({ hasText: hidden.code })).toContainText(text('zh-cn', 'track.mine.unavailable'));
  await expectNoAxeViolations(page);

  await secondItem.getByRole('link').click();
  await expect(page).toHaveURL(reportUrl(second.code));
});

test('with no reports on this device, points to the report form', async ({ page }) => {
  await page.goto('/en/track/');
  await expect(page.getByText(text('en', 'track.mine.none'))).toBeVisible();
  await expect(
    page.locator('.track-mine-section').getByRole('link', { name: text('en', 'track.mine.report') }),
  ).toHaveAttribute('href', '/en/report/');
  await expectNoAxeViolations(page);
});

test('works without JavaScript: the form opens the report page', async ({ browser }) => {
  const report = await createReport(emptySpot());
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/track/');
  await codeField(page).fill(report.code);
  await submit(page).click();
  await expect(page).toHaveURL(`/reports/view/?code=${report.code}`);
  await context.close();
});
