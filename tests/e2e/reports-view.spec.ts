/**
 * The report page (/reports/view/?code=…) in Chromium against the real stack: what a fresh report shows, a
 * staff change appearing without a reload (the page polls), the overdue badge, "me too" once per device,
 * the reporter's rating and reopening (with the reporter token in "my reports" as the form leaves it),
 * reports that left the normal path, unknown codes, and axe in each state. Reports are this file's own.
 */
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  axeTags,
  changeStatus,
  closeSql,
  createReport,
  emptySpot,
  hideCreatedReports,
  randomIp,
  rememberOnDevice,
  reportUrl,
  resolve,
  serviceClient,
  sql,
  text,
} from './reports-fixtures.ts';

test.afterAll(async () => {
  await hideCreatedReports();
  await closeSql();
});

/** A fresh browser (another device), with its own client address so rate limits never join tests up. */
async function device(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': randomIp() } });
  return context.newPage();
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  expect(results.passes.length).toBeGreaterThan(0);
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

const stepper = (page: Page) => page.locator('.rp-stepper');
const timeline = (page: Page) => page.locator('.rp-timeline > li');

test('shows a new report: category, description, place, photo, stepper, deadline and history', async ({
  browser,
}) => {
  const report = await createReport(emptySpot(), { photo: true, address: '东城区测试路 8 号' });
  const page = await device(browser);
  await page.goto(reportUrl(report.code));

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('垃圾堆积、清运不及时');
  await expect(page.locator('.rp-code')).toContainText(report.code);
  await expect(page.getByText(report.description)).toBeVisible();
  await expect(page.locator('.rp-facts')).toContainText('东城区测试路 8 号');
  await expect(page.locator('.rp-facts')).toContainText('东城区');

  // The photo comes through a signed URL and really loads.
  const photo = page.getByRole('img', {
    name: text('zh-cn', 'reportPage.photos.beforeAlt', { n: 1, total: 1 }),
  });
  await expect(photo).toHaveAttribute('src', /\/storage\/v1\/object\/sign\/report-photos\/pending\//);
  await expect
    .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);

  await expect(stepper(page).locator('[aria-current="step"]')).toContainText(
    text('zh-cn', 'reportPage.stage.submitted'),
  );
  await expect(page.locator('.rp-due')).toContainText(text('zh-cn', 'reportPage.due.label'));
  await expect(page.locator('.rp-due')).toContainText(/还剩 \d+ 个工作日|今天到期/);
  await expect(page.locator('[data-testid="overdue-badge"]')).toHaveCount(0);
  await expect(timeline(page)).toHaveCount(1);

  // The small map shows the spot: Leaflet loads once it scrolls into view (and fetches no tiles here).
  await page.locator('.rp-map').scrollIntoViewIfNeeded();
  await expect(page.locator('.rp-map .rp-marker')).toHaveCount(1);
  await expectNoAxeViolations(page);
});

test('picks up a staff change without a reload', async ({ browser }) => {
  test.setTimeout(90_000);
  const report = await createReport(emptySpot());
  const page = await device(browser);
  await page.goto(reportUrl(report.code, 'en'));
  await expect(stepper(page).locator('[aria-current="step"]')).toContainText('Submitted');
  // A marker on this very document: a reload would lose it.
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  await changeStatus(report, 'accepted', { note: 'Accepted: a crew is on its way.' });

  // The page polls at most every 30 s; wait for the change itself.
  await expect(stepper(page).locator('[aria-current="step"]')).toContainText('Accepted', { timeout: 45_000 });
  await expect(timeline(page)).toHaveCount(2);
  await expect(timeline(page).nth(1)).toContainText('Accepted: a crew is on its way.');
  await expect(page.locator('.rp-live')).toHaveText(
    text('en', 'reportPage.live.statusChanged', { status: text('en', 'reports.status.accepted') }),
  );
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
    true,
  );
});

test('shows an overdue badge once the deadline has passed', async ({ browser }) => {
  const report = await createReport(emptySpot());
  await changeStatus(report, 'accepted');
  // Due a week ago (the city clock has moved on; the database owner sets it directly).
  await sql(`update public.reports set due_at = now() - interval '7 days' where id = $1`, [report.id]);
  const page = await device(browser);
  await page.goto(reportUrl(report.code));
  await expect(page.locator('[data-testid="overdue-badge"]')).toHaveText(
    text('zh-cn', 'reportPage.due.overdue'),
  );
  await expect(page.locator('.rp-due')).toContainText(/已超过时限 [3-7] 个工作日/);
  await expectNoAxeViolations(page);
});

test('"me too" counts once per device', async ({ browser }) => {
  const report = await createReport(emptySpot());
  const page = await device(browser);
  await page.goto(reportUrl(report.code, 'en'));
  const count = page.locator('.rp-metoo__count');
  await expect(count).toHaveText(text('en', 'reportPage.meToo.count_other', { n: 0 }));

  await page.getByRole('button', { name: text('en', 'reportPage.meToo.button') }).click();
  await expect(count).toHaveText(text('en', 'reportPage.meToo.count_one', { n: 1 }));
  await expect(page.getByRole('status').filter({ hasText: 'Thank you' })).toHaveText(
    text('en', 'reportPage.meToo.thanks_one', { n: 1 }),
  );
  await expect(page.getByRole('button', { name: text('en', 'reportPage.meToo.button') })).toHaveCount(0);

  await page.reload();
  await expect(count).toHaveText(text('en', 'reportPage.meToo.count_one', { n: 1 }));
  await expect(page.getByText(text('en', 'reportPage.meToo.already'))).toBeVisible();

  // Even when the page forgets, the database counts this device once.
  await page.evaluate(() => localStorage.removeItem('qingshan.meToo.v1'));
  await page.reload();
  await page.getByRole('button', { name: text('en', 'reportPage.meToo.button') }).click();
  await expect(count).toHaveText(text('en', 'reportPage.meToo.count_one', { n: 1 }));

  // Another device adds to it.
  const other = await device(browser);
  await other.goto(reportUrl(report.code, 'en'));
  await other.getByRole('button', { name: text('en', 'reportPage.meToo.button') }).click();
  await expect(other.locator('.rp-metoo__count')).toHaveText(
    text('en', 'reportPage.meToo.count_other', { n: 2 }),
  );
  const [row] = await sql<{ confirmations_count: number }>(
    'select confirmations_count from public.reports where id = $1',
    [report.id],
  );
  expect(row?.confirmations_count).toBe(2);
});

test('the reporter rates a resolved report, with errors first', async ({ browser }) => {
  const report = await createReport(emptySpot());
  await resolve(report);
  const page = await device(browser);
  await rememberOnDevice(page, [report]);
  await page.goto(reportUrl(report.code, 'en'));

  await expect(stepper(page).locator('[aria-current="step"]')).toContainText('Resolved');
  await expect(page.getByRole('heading', { name: text('en', 'reportPage.rate.heading') })).toBeVisible();

  await page.getByLabel(text('en', 'reportPage.rate.comment')).fill('Quick work, thank you.');
  await page.getByRole('button', { name: text('en', 'reportPage.rate.submit') }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText(text('en', 'reportPage.rate.error.score'));
  await expect(page.getByLabel(text('en', 'reportPage.rate.comment'))).toHaveValue('Quick work, thank you.');
  await expectNoAxeViolations(page);

  await page.getByLabel(text('en', 'reportPage.rate.option4')).check();
  await page.getByRole('button', { name: text('en', 'reportPage.rate.submit') }).click();
  await expect(page.locator('.rp-notice')).toHaveText(text('en', 'reportPage.rate.saved'));
  await expect(page.locator('.rp-notice')).toBeFocused();
  await expect(page.getByText(text('en', 'reportPage.rating.public', { score: 4 }))).toBeVisible();
  await expect(page.getByText(text('en', 'reportPage.rate.thanks'))).toBeVisible();
  const [rating] = await sql<{ score: number; comment: string }>(
    'select score, comment from public.report_ratings where report_id = $1',
    [report.id],
  );
  expect(rating).toEqual({ score: 4, comment: 'Quick work, thank you.' });
  await expectNoAxeViolations(page);
});

test('the reporter says it is not fixed, which reopens the report', async ({ browser }) => {
  const report = await createReport(emptySpot());
  await resolve(report);
  const page = await device(browser);
  await rememberOnDevice(page, [report]);
  await page.goto(reportUrl(report.code));

  await page.getByRole('button', { name: text('zh-cn', 'reportPage.reopen.submit') }).click();
  await expect(page.getByRole('alert')).toContainText(text('zh-cn', 'reportPage.reopen.error.required'));
  await expect(page.getByLabel(text('zh-cn', 'reportPage.reopen.note'))).toHaveAttribute(
    'aria-invalid',
    'true',
  );

  await page.getByLabel(text('zh-cn', 'reportPage.reopen.note')).fill('垃圾只清走了一半，角落里还有。');
  await page.getByRole('button', { name: text('zh-cn', 'reportPage.reopen.submit') }).click();
  await expect(page.locator('.rp-notice')).toHaveText(text('zh-cn', 'reportPage.reopen.saved'));
  await expect(page.locator('.rp-outcome')).toContainText(text('zh-cn', 'reportPage.outcome.reopened'));
  await expect(page.locator('#rp-status-heading .rf-badge')).toHaveText(
    text('zh-cn', 'reports.status.reopened'),
  );
  await expect(timeline(page).last()).toContainText('垃圾只清走了一半，角落里还有。');
  // Reopened: no rating or reopening any more, and a fresh deadline.
  await expect(page.getByRole('heading', { name: text('zh-cn', 'reportPage.rate.heading') })).toHaveCount(0);
  await expect(page.locator('.rp-due')).toContainText(text('zh-cn', 'reportPage.due.label'));
  const [row] = await sql<{ status: string }>('select status::text from public.reports where id = $1', [
    report.id,
  ]);
  expect(row?.status).toBe('reopened');
  await expectNoAxeViolations(page);
});

test('shows the after-photo with the resolution in the history', async ({ browser }) => {
  const report = await createReport(emptySpot(), { photo: true });
  // As a worker's upload leaves it: the object under after/<report id>/ and its photo row.
  const path = `after/${report.id}/${randomUUID()}.jpg`;
  const upload = await serviceClient()
    .storage.from('report-photos')
    .upload(path, new Blob([fs.readFileSync('tests/fixtures/photo-rotated.jpg')], { type: 'image/jpeg' }));
  expect(upload.error).toBeNull();
  await sql(`insert into public.report_photos (report_id, storage_path, kind) values ($1, $2, 'after')`, [
    report.id,
    path,
  ]);
  await resolve(report);
  const page = await device(browser);
  await page.goto(reportUrl(report.code, 'en'));

  const resolved = timeline(page).last();
  await expect(resolved).toContainText(text('en', 'reports.status.resolved'));
  const after = resolved.getByRole('img', {
    name: text('en', 'reportPage.photos.afterAlt', { n: 1, total: 1 }),
  });
  await expect(after).toHaveAttribute('src', new RegExp(`/object/sign/report-photos/after/${report.id}/`));
  await expect
    .poll(() => after.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  // The before-photo stays with what was reported.
  await expect(page.locator('.rp-timeline img')).toHaveCount(1);
  await expect(
    page.getByRole('img', { name: text('en', 'reportPage.photos.beforeAlt', { n: 1, total: 1 }) }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
});

test('without the reporter token there is nothing to rate or reopen', async ({ browser }) => {
  const report = await createReport(emptySpot());
  await resolve(report);
  const page = await device(browser);
  await page.goto(reportUrl(report.code));
  await expect(page.locator('#rp-status-heading .rf-badge')).toHaveText(
    text('zh-cn', 'reports.status.resolved'),
  );
  await expect(page.locator('.rp-reporter')).toHaveCount(0);
});

test('explains rejected, duplicate and referred reports', async ({ browser }) => {
  const original = await createReport(emptySpot());
  const rejected = await createReport(emptySpot());
  const duplicate = await createReport(emptySpot());
  const referred = await createReport(emptySpot());
  await changeStatus(rejected, 'rejected', { rejectReason: '不属于环境卫生问题' });
  await changeStatus(duplicate, 'duplicate', { duplicateOf: original.code });
  await changeStatus(referred, 'referred', { referredTo: '市水务局' });
  const page = await device(browser);

  await page.goto(reportUrl(rejected.code));
  await expect(page.locator('.rp-outcome')).toContainText(text('zh-cn', 'reportPage.outcome.rejected'));
  await expect(page.locator('.rp-outcome')).toContainText('不属于环境卫生问题');
  await expect(stepper(page).locator('[aria-current]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: text('zh-cn', 'reportPage.meToo.button') })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.goto(reportUrl(duplicate.code));
  await page.locator('.rp-outcome').getByRole('link', { name: original.code }).click();
  await expect(page).toHaveURL(reportUrl(original.code));
  await expect(page.locator('.rp-code')).toContainText(original.code);

  await page.goto(reportUrl(referred.code));
  await expect(page.locator('.rp-outcome')).toContainText('市水务局');
});

test('an unknown or missing code says so and points to the tracking page', async ({ page }) => {
  await page.goto(reportUrl('QS-0000-0000', 'en'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text('en', 'reportPage.missing.title'));
  await expect(page.getByText(text('en', 'reportPage.missing.body', { code: 'QS-0000-0000' }))).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: text('en', 'reportPage.missing.track') }).click();
  await expect(page).toHaveURL('/en/track/');

  await page.goto('/reports/view/');
  await expect(page.getByText(text('zh-cn', 'reportPage.missing.noCode'))).toBeVisible();
});

test('the share button copies the link where there is no share sheet', async ({ browser }) => {
  const report = await createReport(emptySpot());
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(reportUrl(report.code, 'en'));
  await page.getByRole('button', { name: text('en', 'reportPage.share.button') }).click();
  await expect(page.getByText(text('en', 'reportPage.share.copied'))).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`code=${report.code}`);
});
