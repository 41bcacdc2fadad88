/**
 * Handling reports in the staff console, as signed-in workers, staff and admins, against the real stack:
 * from submitted to resolved with an after-photo (keyboard only), what the state machine does not allow is
 * not offered and is refused by the database, duplicates and rejections, a worker's district, the private
 * contact behind a reason, bulk accept, hiding a photo, and the CSV export.
 */
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { signedInClient } from '../integration/support/stack.ts';
import {
  cleanUp,
  consolePath,
  jpegFromBrowser,
  newReport,
  openReport,
  publicReport,
  signIn,
  sql,
  staffUser,
  t,
  tabTo,
  type TestUser,
} from './console-support.ts';

let worker: TestUser;
let staff: TestUser;
let admin: TestUser;

test.beforeAll(async () => {
  [worker, staff, admin] = await Promise.all([
    staffUser('worker', 'dongcheng'),
    staffUser('staff'),
    staffUser('admin'),
  ]);
});
test.afterAll(cleanUp);

const action = (page: Page, key: Parameters<typeof t>[1], locale: 'en' | 'zh-cn' = 'en') =>
  page
    .getByRole('list', { name: t(locale, 'console.report.actions') })
    .getByRole('button', { name: t(locale, key) });

test('a worker takes a report from submitted to resolved with an after-photo, by keyboard alone', async ({
  page,
}) => {
  const report = await newReport({ district: 'dongcheng', photos: 1, offsetMetres: 900 });
  const photo = await (async () => {
    await page.goto(consolePath('en'));
    return jpegFromBrowser(page);
  })();
  const started = Date.now();
  await signIn(page, worker);

  // Find it in the queue by its code, open it.
  const search = page.getByRole('searchbox', { name: t('en', 'console.filters.search') });
  await tabTo(page, search);
  await page.keyboard.type(report.code);
  await page.keyboard.press('Enter');
  const link = page.getByRole('link', { name: report.code, exact: true });
  await expect(link).toBeVisible();
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(report.code) })).toBeVisible();

  // Only what the state machine allows from "submitted" is offered.
  const offered = page.getByRole('list', { name: t('en', 'console.report.actions') }).getByRole('button');
  await expect(offered).toHaveText([
    t('en', 'console.action.accepted'),
    t('en', 'console.action.rejected'),
    t('en', 'console.action.duplicate'),
    t('en', 'console.action.referred'),
  ]);

  for (const [key, status] of [
    ['console.action.accepted', 'console.status.accepted'],
    ['console.action.in_progress', 'console.status.in_progress'],
  ] as const) {
    await tabTo(page, action(page, key));
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: t('en', key) });
    await expect(form.getByRole('heading', { name: t('en', key) })).toBeFocused();
    await tabTo(page, form.getByRole('button', { name: t('en', key) }));
    await page.keyboard.press('Enter');
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: t('en', 'console.report.changed', { status: t('en', status) }) }),
    ).toBeFocused();
  }

  await tabTo(page, action(page, 'console.action.resolved'));
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: t('en', 'console.action.resolved') });
  // Sending without a photo is stopped with a clear message.
  await tabTo(page, form.getByRole('button', { name: t('en', 'console.action.resolved') }));
  await page.keyboard.press('Enter');
  const summary = form.getByRole('alert').filter({ hasText: t('en', 'console.form.errorSummary') });
  await expect(summary).toBeFocused();
  await expect(
    summary.getByRole('link', { name: t('en', 'console.error.after_photo_required') }),
  ).toBeVisible();

  await tabTo(page, form.getByLabel(t('en', 'console.photo.label')));
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Space');
  await (await chooser).setFiles({ name: 'after.jpg', mimeType: 'image/jpeg', buffer: photo });
  await expect(form.getByRole('img', { name: t('en', 'console.photo.preview') })).toBeVisible();
  await tabTo(page, form.getByRole('combobox', { name: t('en', 'console.template.label') }));
  await tabTo(page, form.getByRole('button', { name: t('en', 'console.template.insert') }));
  await page.keyboard.press('Enter');
  await expect(form.getByLabel(t('en', 'console.note.public'))).toHaveValue(/\S/);
  await tabTo(page, form.getByRole('button', { name: t('en', 'console.action.resolved') }));
  await page.keyboard.press('Enter');
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: t('en', 'console.report.changed', { status: t('en', 'console.status.resolved') }) }),
  ).toBeVisible();
  console.log(
    `Worker: submitted → resolved with an after-photo in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  // The public sees the new status, the note and the after-photo.
  const seen = await publicReport(report.code);
  expect(seen?.status).toBe('resolved');
  expect(seen?.photos.filter((p) => p.kind === 'after')).toHaveLength(1);
  expect(seen?.photos.find((p) => p.kind === 'after')?.path).toMatch(
    new RegExp(`^after/${report.id}/[0-9a-f-]{36}\\.jpg$`),
  );
  expect(seen?.updates.at(-1)?.public_note).toBeTruthy();
  // The after-photo is in the console too, as a picture.
  await expect(
    page.getByRole('img', { name: t('en', 'console.photos.afterAlt', { number: 1 }) }),
  ).toBeVisible();
});

test('a change the state machine forbids is not offered, and the database refuses it when forced', async ({
  page,
}) => {
  const report = await newReport({ district: 'dongcheng', offsetMetres: 1200 });
  await signIn(page, worker);
  await openReport(page, report.code);
  await expect(action(page, 'console.action.accepted')).toBeVisible();
  await expect(action(page, 'console.action.resolved')).toHaveCount(0);
  await expect(action(page, 'console.action.closed')).toHaveCount(0);

  const client = await signedInClient(worker);
  const { error } = await client.rpc('change_report_status', { p_report_id: report.id, p_to: 'resolved' });
  expect(error?.message).toMatch(/^illegal_transition: submitted → resolved/);
  const { error: closeError } = await client.rpc('change_report_status', {
    p_report_id: report.id,
    p_to: 'closed',
  });
  expect(closeError?.message).toMatch(/^illegal_transition: submitted → closed/);
  expect((await publicReport(report.code))?.status).toBe('submitted');
});

test('a worker marks a report as a duplicate of a nearby one suggested by the console', async ({ page }) => {
  const original = await newReport({ district: 'dongcheng', category: 'dirty_toilet', offsetMetres: 1500 });
  const repeat = await newReport({ district: 'dongcheng', category: 'dirty_toilet', offsetMetres: 1510 });
  await signIn(page, worker);
  await openReport(page, repeat.code);
  await action(page, 'console.action.duplicate').click();
  const form = page.getByRole('form', { name: t('en', 'console.action.duplicate') });
  // Sending without an original is stopped before it reaches the server.
  await form.getByRole('button', { name: t('en', 'console.action.duplicate') }).click();
  await expect(
    form.getByRole('link', { name: t('en', 'console.error.duplicate_of_required') }),
  ).toBeVisible();

  await form.getByRole('radio', { name: new RegExp(original.code) }).check();
  await expect(form.getByLabel(t('en', 'console.duplicate.code'))).toHaveValue(original.code);
  await form.getByRole('button', { name: t('en', 'console.action.duplicate') }).click();
  await expect(
    page.getByRole('status').filter({ hasText: t('en', 'console.status.duplicate') }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: original.code })).toBeVisible();

  const seen = await publicReport(repeat.code);
  expect(seen?.status).toBe('duplicate');
  expect(seen?.duplicate_of_code).toBe(original.code);
});

test('staff reject a report with a reason and a template note, in Chinese', async ({ page }) => {
  const report = await newReport({ district: 'nanhu', offsetMetres: 300 });
  await signIn(page, staff, 'zh-cn');
  await openReport(page, report.code, 'zh-cn');
  await action(page, 'console.action.rejected', 'zh-cn').click();
  const form = page.getByRole('form', { name: t('zh-cn', 'console.action.rejected') });
  await form.getByRole('button', { name: t('zh-cn', 'console.action.rejected') }).click();
  await expect(
    form.getByRole('link', { name: t('zh-cn', 'console.error.reject_reason_required') }),
  ).toBeVisible();
  await form.getByLabel(t('zh-cn', 'console.reject.reason')).fill('不属于本平台受理范围');
  await form
    .getByRole('combobox', { name: t('zh-cn', 'console.template.label') })
    .selectOption({ label: '不属于受理范围' });
  await form.getByRole('button', { name: t('zh-cn', 'console.template.insert') }).click();
  await expect(form.getByLabel(t('zh-cn', 'console.note.public'))).toHaveValue(/12345/);
  await form.getByRole('button', { name: t('zh-cn', 'console.action.rejected') }).click();
  await expect(
    page.getByRole('status').filter({ hasText: t('zh-cn', 'console.status.rejected') }),
  ).toBeVisible();
  // Staff may reopen a rejected report; it is offered now.
  await expect(action(page, 'console.action.reopened', 'zh-cn')).toBeVisible();

  const seen = await publicReport(report.code);
  expect(seen?.status).toBe('rejected');
  expect(seen?.reject_reason).toBe('不属于本平台受理范围');
  expect(seen?.updates.at(-1)?.public_note).toMatch(/12345/);
});

test('a worker cannot see the reports of another district', async ({ page }) => {
  const elsewhere = await newReport({ district: 'xicheng', offsetMetres: 400 });
  await signIn(page, worker);
  await expect(
    page.getByText(t('en', 'console.queue.workerScope', { district: 'Dongcheng District' })),
  ).toBeVisible();
  await page.getByRole('searchbox', { name: t('en', 'console.filters.search') }).fill(elsewhere.code);
  await page.getByRole('button', { name: t('en', 'console.filters.apply') }).click();
  await expect(page).toHaveURL(new RegExp(`q=${elsewhere.code}`));
  await expect(page.getByText(t('en', 'console.queue.empty'))).toBeVisible();

  await page.goto(`${consolePath('en', 'report/')}?code=${elsewhere.code}`);
  await expect(
    page.getByRole('heading', { level: 1, name: t('en', 'console.report.notFoundTitle') }),
  ).toBeVisible();
  await expect(page.getByText(t('en', 'console.error.report_not_found'))).toBeVisible();
});

test('contact details show only after a reason, which is written to the audit log', async ({ page }) => {
  const report = await newReport({ district: 'dongcheng', contactPhone: '13912345678', offsetMetres: 1800 });
  await signIn(page, worker);
  await openReport(page, report.code);
  await expect(page.getByText('13912345678')).toHaveCount(0);
  await page.getByRole('button', { name: t('en', 'console.contact.show'), exact: true }).click();
  await page.getByRole('button', { name: t('en', 'console.contact.submit') }).click();
  await expect(
    page.getByRole('link', { name: t('en', 'console.error.invalid_access_reason') }),
  ).toBeVisible();
  await page.getByLabel(t('en', 'console.contact.reason')).fill('To ask which bin is meant');
  await page.getByRole('button', { name: t('en', 'console.contact.submit') }).click();
  await expect(page.getByRole('link', { name: '13912345678' })).toHaveAttribute('href', 'tel:13912345678');

  const rows = await sql<{ actor: string; reason: string }>(
    `select actor, changes ->> 'reason' as reason from public.audit_log where action = 'read' and record_id = $1`,
    [report.id],
  );
  expect(rows).toEqual([{ actor: worker.id, reason: 'To ask which bin is meant' }]);
});

test('filters live in the URL and a worker accepts several reports at once', async ({ page }) => {
  const marker = `bulk-${Date.now()}`;
  const reports = [
    await newReport({
      district: 'dongcheng',
      description: `Overflowing bin by the school gate ${marker} one.`,
    }),
    await newReport({
      district: 'dongcheng',
      description: `Overflowing bin by the school gate ${marker} two.`,
    }),
  ];
  await signIn(page, worker);
  await page.goto(`${consolePath('en')}?status=submitted&category=overflowing_bin&q=${marker}`);
  await expect(page.getByLabel(t('en', 'console.filters.status'), { exact: true })).toHaveValue('submitted');
  await expect(page.getByRole('link', { name: /^QS-/ })).toHaveCount(2);
  await page.getByLabel(t('en', 'console.queue.selectAll')).check();
  const bulk = page.getByRole('form', { name: t('en', 'console.bulk.title_other', { count: 2 }) });
  await bulk.getByLabel(t('en', 'console.note.public')).fill('We are on it.');
  await bulk.getByRole('button', { name: t('en', 'console.bulk.submit_other', { count: 2 }) }).click();
  // The selection empties as the reports leave the list; the form (and its result) stays.
  const bulkAfter = page.getByRole('form', { name: t('en', 'console.bulk.title_other', { count: 0 }) });
  await expect(
    bulkAfter.getByText(t('en', 'console.bulk.result_other', { done: 2, count: 2 })),
  ).toBeVisible();
  // The list follows its filter: accepted reports leave the "submitted" list.
  await expect(page.getByText(t('en', 'console.queue.empty'))).toBeVisible();
  for (const r of reports) expect((await publicReport(r.code))?.status).toBe('accepted');

  await page.getByLabel(t('en', 'console.filters.status'), { exact: true }).selectOption('accepted');
  await page.getByRole('button', { name: t('en', 'console.filters.apply') }).click();
  await expect(page).toHaveURL(/status=accepted/);
  await expect(page.getByRole('link', { name: /^QS-/ })).toHaveCount(2);
  await page.goBack();
  await expect(page.getByLabel(t('en', 'console.filters.status'), { exact: true })).toHaveValue('submitted');
});

test('staff hide a photo and it disappears from the public report', async ({ page }) => {
  const report = await newReport({ district: 'gaoxin', photos: 2, offsetMetres: 200 });
  const [hiddenPath, keptPath] = report.photoPaths;
  await signIn(page, staff);
  await openReport(page, report.code);
  await expect(
    page.getByRole('img', { name: t('en', 'console.photos.beforeAlt', { number: 1 }) }),
  ).toBeVisible();
  await page
    .getByRole('button', {
      name: `${t('en', 'console.moderation.hidePhoto')} ${t('en', 'console.photos.beforeAlt', { number: 1 })}`,
    })
    .click();
  await page
    .getByRole('textbox', {
      name: t('en', 'console.moderation.reason'),
      description: t('en', 'console.moderation.photoReasonHint'),
    })
    .fill('A passer-by’s face can be seen');
  await page.getByRole('button', { name: t('en', 'console.moderation.hidePhotoConfirm') }).click();
  await expect(
    page.getByRole('status').filter({ hasText: t('en', 'console.moderation.photoHidden') }),
  ).toBeVisible();
  await expect(
    page.getByText(t('en', 'console.moderation.hiddenBecause', { reason: 'A passer-by’s face can be seen' })),
  ).toBeVisible();

  const paths = (await publicReport(report.code))?.photos.map((p) => p.path);
  expect(paths).toEqual([keptPath]);
  expect(paths).not.toContain(hiddenPath);
  const audit = await sql<{ n: number }>(
    `select count(*)::int as n from public.audit_log where table_name = 'report_photos' and action = 'update'
       and record_id = (select id::text from public.report_photos where storage_path = $1)`,
    [hiddenPath],
  );
  expect(audit[0]?.n).toBe(1);
});

test('the CSV export holds the filtered list; contact details only for admins', async ({ page }) => {
  const marker = `csv-${Date.now()}`;
  const report = await newReport({
    district: 'beishan',
    contactPhone: '13800001111',
    description: `Rubbish bags piled at the corner, "three days" now, ${marker}.`,
  });
  const download = async (withContact: boolean) => {
    await page.goto(`${consolePath('en')}?q=${marker}`);
    await expect(page.getByRole('link', { name: report.code })).toBeVisible();
    if (withContact) await page.getByLabel(t('en', 'console.export.withContact')).check();
    const file = page.waitForEvent('download');
    await page.getByRole('button', { name: t('en', 'console.export.button') }).click();
    const saved = await (await file).path();
    await expect(page.getByText(t('en', 'console.export.done_one', { count: 1 }))).toBeVisible();
    return fs.readFileSync(saved, 'utf8');
  };

  await signIn(page, staff);
  await expect(page.getByLabel(t('en', 'console.export.withContact'))).toHaveCount(0);
  const plain = await download(false);
  expect(plain.startsWith('\uFEFF')).toBe(true);
  const lines = plain.slice(1).trimEnd().split('\r\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]?.split(',')).toEqual(
    [
      'console.csv.code',
      'console.csv.status',
      'console.csv.category',
      'console.csv.district',
      'console.csv.address',
      'console.csv.description',
      'console.csv.lng',
      'console.csv.lat',
      'console.csv.created',
      'console.csv.due',
      'console.csv.resolved',
      'console.csv.overdue',
      'console.csv.department',
      'console.csv.assignee',
      'console.csv.confirmations',
      'console.csv.hidden',
    ].map((key) => t('en', key as Parameters<typeof t>[1])),
  );
  expect(lines[1]).toContain(`${report.code},Submitted,Overflowing bins,Beishan District,Test Road 7,`);
  expect(lines[1]).toContain(`"Rubbish bags piled at the corner, ""three days"" now, ${marker}."`);
  expect(plain).not.toContain('13800001111');

  await page.getByRole('button', { name: t('en', 'console.signOut') }).click();
  await signIn(page, admin);
  const withContact = await download(true);
  expect(withContact.split('\r\n')[0]).toMatch(/Reporter's phone,Reporter's email$/);
  expect(withContact).toContain(',13800001111,');

  const exports = await sql<{ actor: string; with_contact: string; rows: string }>(
    `select actor, changes ->> 'with_contact' as with_contact, changes ->> 'rows' as rows from public.audit_log
      where action = 'export' and changes -> 'filters' ->> 'search' = $1 order by id`,
    [marker],
  );
  expect(exports).toEqual([
    { actor: staff.id, with_contact: 'false', rows: '1' },
    { actor: admin.id, with_contact: 'true', rows: '1' },
  ]);
});
