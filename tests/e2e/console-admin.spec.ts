/**
 * Administration in the staff console: an admin grants a role to a new person (who can then work), changes it
 * and revokes it, never their own; every change is audited. Admin pages are closed to other roles.
 */
import { expect, test } from '@playwright/test';
import {
  cleanUp,
  consolePath,
  createTestUser,
  signIn,
  sql,
  staffUser,
  t,
  type TestUser,
} from './console-support.ts';

let admin: TestUser;

test.beforeAll(async () => {
  admin = await staffUser('admin');
});
test.afterAll(cleanUp);

test('an admin grants, changes and revokes a role; the person can then use the console', async ({
  page,
  browser,
}) => {
  const newcomer = await createTestUser({ label: 'console-newcomer' });
  await signIn(page, admin);
  await page
    .getByRole('navigation', { name: t('en', 'console.nav.label') })
    .getByRole('link', { name: t('en', 'console.nav.users') })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: t('en', 'console.users.title') })).toBeVisible();
  // The admin's own entry cannot be changed here.
  await page.getByRole('searchbox', { name: t('en', 'console.users.search') }).fill(admin.email);
  await page.getByRole('button', { name: t('en', 'console.users.searchButton') }).click();
  await expect(page.getByText(t('en', 'console.users.you'))).toBeVisible();

  await page.getByRole('searchbox', { name: t('en', 'console.users.search') }).fill(newcomer.email);
  await page.getByRole('button', { name: t('en', 'console.users.searchButton') }).click();
  await page.getByRole('button', { name: `${t('en', 'console.users.change')} ${newcomer.email}` }).click();
  const roles = page.getByRole('group', {
    name: t('en', 'console.users.roleFor', { email: newcomer.email }),
  });
  await roles.getByRole('radio', { name: t('en', 'console.role.worker') }).check();
  await page.getByRole('button', { name: t('en', 'console.users.save') }).click();
  await expect(page.getByText(t('en', 'console.error.invalid_district'))).toBeVisible();
  await page.getByLabel(t('en', 'console.users.district')).selectOption('nanhu');
  await page.getByRole('button', { name: t('en', 'console.users.save') }).click();
  await expect(
    page.getByText(
      t('en', 'console.users.saved', { email: newcomer.email, role: t('en', 'console.role.worker') }),
    ),
  ).toBeVisible();
  const meta = async () =>
    (
      await sql<{ role: string | null; district: string | null }>(
        `select raw_app_meta_data ->> 'role' as role, raw_app_meta_data ->> 'district' as district
           from auth.users where id = $1`,
        [newcomer.id],
      )
    )[0];
  expect(await meta()).toEqual({ role: 'worker', district: 'nanhu' });

  // The newcomer signs in (a new session carries the role) and works on Nanhu's reports.
  const other = await browser.newContext();
  const theirPage = await other.newPage();
  await signIn(theirPage, newcomer);
  await expect(
    theirPage.getByText(t('en', 'console.queue.workerScope', { district: 'Nanhu District' })),
  ).toBeVisible();
  await other.close();

  await page.getByRole('button', { name: `${t('en', 'console.users.change')} ${newcomer.email}` }).click();
  await page.getByRole('radio', { name: t('en', 'console.role.staff') }).check();
  await page.getByRole('button', { name: t('en', 'console.users.save') }).click();
  await expect(
    page.getByText(
      t('en', 'console.users.saved', { email: newcomer.email, role: t('en', 'console.role.staff') }),
    ),
  ).toBeVisible();
  expect(await meta()).toEqual({ role: 'staff', district: null });

  await page.getByRole('button', { name: `${t('en', 'console.users.change')} ${newcomer.email}` }).click();
  await page.getByRole('radio', { name: t('en', 'console.role.none') }).check();
  await page.getByRole('button', { name: t('en', 'console.users.save') }).click();
  await expect(
    page.getByText(
      t('en', 'console.users.saved', { email: newcomer.email, role: t('en', 'console.role.none') }),
    ),
  ).toBeVisible();
  expect(await meta()).toEqual({ role: null, district: null });

  const audit = await sql<{ actor: string; old: string | null; new: string | null }>(
    `select actor, changes -> 'role' ->> 'old' as old, changes -> 'role' ->> 'new' as new from public.audit_log
      where table_name = 'users' and record_id = $1 order by id`,
    [newcomer.id],
  );
  expect(audit).toEqual([
    { actor: admin.id, old: null, new: 'worker' },
    { actor: admin.id, old: 'worker', new: 'staff' },
    { actor: admin.id, old: 'staff', new: null },
  ]);
});

test('staff do not get the admin pages', async ({ page }) => {
  const staff = await staffUser('staff');
  await signIn(page, staff);
  const nav = page.getByRole('navigation', { name: t('en', 'console.nav.label') });
  await expect(nav.getByRole('link', { name: t('en', 'console.nav.users') })).toHaveCount(0);
  await page.goto(consolePath('en', 'users/'));
  await expect(
    page.getByRole('heading', { level: 1, name: t('en', 'console.adminOnly.title') }),
  ).toBeVisible();
  await page.goto(consolePath('en', 'categories/'));
  await expect(
    page.getByRole('heading', { level: 1, name: t('en', 'console.adminOnly.title') }),
  ).toBeVisible();
});

test('an admin sees the categories with their deadlines; a wrong deadline is explained', async ({ page }) => {
  await signIn(page, admin, 'zh-cn');
  await page.goto(consolePath('zh-cn', 'categories/'));
  const form = page.getByRole('form', { name: '垃圾桶满溢' });
  const days = form.getByLabel(t('zh-cn', 'console.categories.days'));
  await expect(days).toHaveValue(/^\d+$/);
  await days.fill('0');
  await form.getByRole('button', { name: new RegExp(t('zh-cn', 'console.categories.save')) }).click();
  await expect(form.getByText(t('zh-cn', 'console.categories.error.days'))).toBeVisible();
});
