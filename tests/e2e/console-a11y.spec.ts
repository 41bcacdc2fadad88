/**
 * axe (WCAG 2.0, 2.1 and 2.2, A and AA) on every console screen and state, signed in as the role that sees it:
 * sign-in (with errors), password reset, new password, no access, the queue with its forms, a report with
 * each action form open and the contact and moderation forms, people and roles, categories, and an admin page
 * refused to staff. Phone-sized and desktop viewports. No rule is disabled.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  anonClient,
  cleanUp,
  consolePath,
  createTestUser,
  newReport,
  openReport,
  signIn,
  sql,
  staffUser,
  t,
  type NewReport,
  type TestUser,
} from './console-support.ts';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// Each test scans many states; on a busy two-core machine that takes longer than the default 30 s.
test.describe.configure({ timeout: 120_000 });

async function expectNoViolations(page: Page, state: string) {
  const results = await new AxeBuilder({ page }).withTags(tags).analyze();
  expect(results.passes.length).toBeGreaterThan(0);
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect(summary, `axe violations: ${state}`).toEqual([]);
}

/** axe needs a page from browser.newContext(). */
async function freshPage(browser: Browser, phone = false): Promise<Page> {
  const context = await browser.newContext(
    phone ? { viewport: { width: 360, height: 740 }, isMobile: true } : {},
  );
  return context.newPage();
}

let worker: TestUser;
let staff: TestUser;
let admin: TestUser;
let report: NewReport;

test.beforeAll(async () => {
  [worker, staff, admin] = await Promise.all([
    staffUser('worker', 'dongcheng'),
    staffUser('staff'),
    staffUser('admin'),
  ]);
  report = await newReport({
    district: 'dongcheng',
    photos: 1,
    contactPhone: '13700001234',
    offsetMetres: 2100,
  });
});
test.afterAll(cleanUp);

test('sign-in, its errors and the reset request, in both languages', async ({ browser }) => {
  for (const locale of ['zh-cn', 'en'] as const) {
    const page = await freshPage(browser, locale === 'zh-cn');
    await page.goto(consolePath(locale));
    await expect(
      page.getByRole('heading', { level: 1, name: t(locale, 'console.signin.title') }),
    ).toBeVisible();
    await expectNoViolations(page, `${locale} sign-in`);
    await page.getByRole('button', { name: t(locale, 'console.signin.submit'), exact: true }).click();
    await expect(page.getByText(t(locale, 'console.form.errorSummary'))).toBeVisible();
    await expectNoViolations(page, `${locale} sign-in with errors`);
    await page.getByRole('button', { name: t(locale, 'console.signin.forgot') }).click();
    await expectNoViolations(page, `${locale} reset request`);
    await page.getByLabel(t(locale, 'console.signin.email')).fill('nobody@example.test');
    await page.getByRole('button', { name: t(locale, 'console.reset.submit') }).click();
    await expect(
      page.getByText(t(locale, 'console.reset.sent', { email: 'nobody@example.test' })),
    ).toBeVisible();
    await expectNoViolations(page, `${locale} reset sent`);
    await page.context().close();
  }
});

test('choosing a new password: a broken link, the form with errors', async ({ browser }) => {
  const page = await freshPage(browser, true);
  await page.goto(`${consolePath('zh-cn', 'password/')}?token_hash=${'0'.repeat(64)}&type=recovery`);
  await expect(page.getByText(t('zh-cn', 'console.password.invalidLink'))).toBeVisible();
  await expectNoViolations(page, 'password: invalid link');

  const user = await staffUser('staff');
  const { error } = await anonClient().auth.resetPasswordForEmail(user.email);
  expect(error).toBeNull();
  const [row] = await sql<{ token: string }>('select recovery_token as token from auth.users where id = $1', [
    user.id,
  ]);
  await page.goto(`${consolePath('en', 'password/')}?token_hash=${row?.token}&type=recovery`);
  await page.getByRole('button', { name: t('en', 'console.password.submit') }).click();
  await expect(page.getByText(t('en', 'console.form.errorSummary'))).toBeVisible();
  await expectNoViolations(page, 'password: form with errors');
  await page.context().close();
});

test('no access for an account without a role', async ({ browser }) => {
  const citizen = await createTestUser({ label: 'console-a11y-citizen' });
  const page = await freshPage(browser, true);
  await page.goto(consolePath('en'));
  await page.getByLabel(t('en', 'console.signin.email')).fill(citizen.email);
  await page.getByLabel(t('en', 'console.signin.password'), { exact: true }).fill(citizen.password);
  await page.getByRole('button', { name: t('en', 'console.signin.submit'), exact: true }).click();
  await page.getByRole('button', { name: t('en', 'console.noAccess.checkAgain') }).click();
  await expect(page.getByText(t('en', 'console.noAccess.stillNone'))).toBeVisible();
  await expectNoViolations(page, 'no access');
  await page.context().close();
});

test('the queue on a phone: counts, filters, list, bulk form with an error and a result', async ({
  browser,
}) => {
  const page = await freshPage(browser, true);
  await signIn(page, worker, 'zh-cn');
  await expect(page.getByRole('link', { name: /^QS-/ }).first()).toBeVisible();
  await expectNoViolations(page, 'queue');
  const bulk = page.getByRole('button', { name: /^应用到已选的/ });
  await bulk.click();
  await expect(page.getByText(t('zh-cn', 'console.bulk.error.none')).first()).toBeVisible();
  await expectNoViolations(page, 'queue: bulk error');
  await page.getByRole('radio', { name: t('zh-cn', 'console.action.assigned') }).check();
  await page
    .getByRole('searchbox', { name: t('zh-cn', 'console.filters.search') })
    .fill('no report says this');
  await page.getByRole('button', { name: t('zh-cn', 'console.filters.apply'), exact: true }).click();
  await expect(page.getByText(t('zh-cn', 'console.queue.empty'))).toBeVisible();
  await expectNoViolations(page, 'queue: empty, assign form');
  await page.context().close();
});

test('a report with every action form, the contact form and moderation, as staff', async ({ browser }) => {
  const page = await freshPage(browser);
  await signIn(page, staff);
  await openReport(page, report.code);
  await expect(
    page.getByRole('img', { name: t('en', 'console.photos.beforeAlt', { number: 1 }) }),
  ).toBeVisible();
  await expectNoViolations(page, 'report');

  await page.getByRole('button', { name: t('en', 'console.contact.show'), exact: true }).click();
  await page.getByRole('button', { name: t('en', 'console.contact.submit') }).click();
  await expectNoViolations(page, 'report: contact reason error');
  await page.getByLabel(t('en', 'console.contact.reason')).fill('Accessibility check of the form');
  await page.getByRole('button', { name: t('en', 'console.contact.submit') }).click();
  await expect(page.getByRole('link', { name: '13700001234' })).toBeVisible();

  const actions = page.getByRole('list', { name: t('en', 'console.report.actions') });
  for (const key of [
    'console.action.rejected',
    'console.action.duplicate',
    'console.action.referred',
    'console.action.accepted',
  ] as const) {
    await actions.getByRole('button', { name: t('en', key) }).click();
    const form = page.getByRole('form', { name: t('en', key) });
    await form.getByRole('button', { name: t('en', key) }).click();
    await expectNoViolations(page, `report: ${key} form after sending`);
  }
  // Now accepted: assign and start work are offered.
  await expect(
    page.getByRole('status').filter({ hasText: t('en', 'console.status.accepted') }),
  ).toBeVisible();
  await actions.getByRole('button', { name: t('en', 'console.action.assigned') }).click();
  await expectNoViolations(page, 'report: assign form');
  await actions.getByRole('button', { name: t('en', 'console.action.in_progress') }).click();
  await page
    .getByRole('form', { name: t('en', 'console.action.in_progress') })
    .getByRole('button', { name: t('en', 'console.action.in_progress') })
    .click();
  await expect(
    page.getByRole('status').filter({ hasText: t('en', 'console.status.in_progress') }),
  ).toBeVisible();
  await actions.getByRole('button', { name: t('en', 'console.action.resolved') }).click();
  const resolve = page.getByRole('form', { name: t('en', 'console.action.resolved') });
  await resolve.getByRole('button', { name: t('en', 'console.action.resolved') }).click();
  await expect(resolve.getByText(t('en', 'console.error.after_photo_required')).first()).toBeVisible();
  await expectNoViolations(page, 'report: resolve form with the photo error');

  await page
    .getByRole('button', {
      name: `${t('en', 'console.moderation.hidePhoto')} ${t('en', 'console.photos.beforeAlt', { number: 1 })}`,
    })
    .click();
  await page.getByRole('button', { name: t('en', 'console.moderation.hidePhotoConfirm') }).click();
  await page.getByRole('button', { name: t('en', 'console.moderation.hideReport') }).click();
  await page.getByRole('button', { name: t('en', 'console.moderation.redact') }).click();
  await expectNoViolations(page, 'report: moderation forms with errors');
  await page.context().close();
});

test('people and roles, categories, and an admin page refused to staff', async ({ browser }) => {
  const page = await freshPage(browser, true);
  await signIn(page, admin);
  await page.goto(consolePath('en', 'users/'));
  await expect(
    page.getByRole('heading', { level: 2, name: t('en', 'console.users.withRoles') }),
  ).toBeVisible();
  await page
    .getByRole('button', { name: new RegExp(`^${t('en', 'console.users.change')}`) })
    .first()
    .click();
  await page
    .getByRole('radio', { name: t('en', 'console.role.worker') })
    .first()
    .check();
  await expectNoViolations(page, 'users with the role form');
  await page.goto(consolePath('en', 'categories/'));
  await expect(
    page.getByRole('heading', { level: 1, name: t('en', 'console.categories.title') }),
  ).toBeVisible();
  await expectNoViolations(page, 'categories');
  await page.context().close();

  const staffPage = await freshPage(browser);
  await signIn(staffPage, staff, 'zh-cn');
  await staffPage.goto(consolePath('zh-cn', 'users/'));
  await expect(
    staffPage.getByRole('heading', { level: 1, name: t('zh-cn', 'console.adminOnly.title') }),
  ).toBeVisible();
  await expectNoViolations(staffPage, 'admin page refused');
  await staffPage.context().close();
});
