/**
 * Signing in to the staff console with real accounts of the local Auth: the errors people meet (wrong
 * details, locked, unconfirmed), an account without a role, a session that survives a reload, signing out,
 * and resetting a password from the request to the new password.
 */
import { expect, test } from '@playwright/test';
import {
  cleanUp,
  consolePath,
  createTestUser,
  serviceClient,
  signIn,
  sql,
  staffUser,
  t,
  type TestUser,
} from './console-support.ts';

let worker: TestUser;

test.beforeAll(async () => {
  worker = await staffUser('worker', 'dongcheng');
});
test.afterAll(cleanUp);

async function trySignIn(
  page: import('@playwright/test').Page,
  email: string,
  password: string,
  locale: 'en' | 'zh-cn' = 'en',
) {
  await page.goto(consolePath(locale));
  await page.getByLabel(t(locale, 'console.signin.email')).fill(email);
  await page.getByLabel(t(locale, 'console.signin.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: t(locale, 'console.signin.submit'), exact: true }).click();
}

test.describe('sign-in errors', () => {
  test('says the details are wrong, keeps the email and links the summary to the field', async ({ page }) => {
    await trySignIn(page, worker.email, 'not-the-password');
    const summary = page.getByRole('alert').filter({ hasText: t('en', 'console.form.errorSummary') });
    await expect(summary).toBeFocused();
    await expect(
      summary.getByRole('link', { name: t('en', 'console.error.signin.invalid_credentials') }),
    ).toBeVisible();
    await expect(page.getByLabel(t('en', 'console.signin.email'))).toHaveValue(worker.email);
    await summary.getByRole('link').click();
    await expect(page.getByLabel(t('en', 'console.signin.password'), { exact: true })).toBeFocused();
  });

  test('asks for both fields before asking the server', async ({ page }) => {
    await page.goto(consolePath('zh-cn'));
    await page.getByRole('button', { name: t('zh-cn', 'console.signin.submit'), exact: true }).click();
    await expect(
      page.getByRole('link', { name: t('zh-cn', 'console.signin.error.emailRequired') }),
    ).toBeVisible();
    await expect(
      page.getByRole('link', { name: t('zh-cn', 'console.signin.error.passwordRequired') }),
    ).toBeVisible();
  });

  test('says a locked account is locked', async ({ page }) => {
    const locked = await createTestUser({ role: 'worker', district: 'dongcheng', label: 'console-locked' });
    const { error } = await serviceClient().auth.admin.updateUserById(locked.id, { ban_duration: '24h' });
    expect(error).toBeNull();
    await trySignIn(page, locked.email, locked.password);
    await expect(page.getByRole('link', { name: t('en', 'console.error.signin.user_banned') })).toBeVisible();
  });

  test('says an unconfirmed address must be confirmed first', async ({ page }) => {
    const unconfirmed = await createTestUser({
      role: 'staff',
      confirmed: false,
      label: 'console-unconfirmed',
    });
    await trySignIn(page, unconfirmed.email, unconfirmed.password, 'zh-cn');
    await expect(
      page.getByRole('link', { name: t('zh-cn', 'console.error.signin.email_not_confirmed') }),
    ).toBeVisible();
  });
});

test('an account without a role gets a polite no-access page and can sign out', async ({ page }) => {
  const citizen = await createTestUser({ label: 'console-citizen' });
  await trySignIn(page, citizen.email, citizen.password);
  await expect(
    page.getByRole('heading', { level: 1, name: t('en', 'console.noAccess.title') }),
  ).toBeFocused();
  await expect(page.getByText(t('en', 'console.noAccess.body', { email: citizen.email }))).toBeVisible();
  await page.getByRole('button', { name: t('en', 'console.noAccess.checkAgain') }).click();
  await expect(page.getByText(t('en', 'console.noAccess.stillNone'))).toBeVisible();
  await page.getByRole('button', { name: t('en', 'console.signOut') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('en', 'console.signin.title') })).toBeVisible();
});

test('the session survives a reload and ends on sign-out', async ({ page }) => {
  await signIn(page, worker, 'zh-cn');
  await expect(page.getByText(t('zh-cn', 'console.signedInAs', { email: worker.email }))).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole('heading', { level: 1, name: t('zh-cn', 'console.queue.title') }),
  ).toBeVisible();
  await page.getByRole('button', { name: t('zh-cn', 'console.signOut') }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: t('zh-cn', 'console.signin.title') }),
  ).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole('heading', { level: 1, name: t('zh-cn', 'console.signin.title') }),
  ).toBeVisible();
});

test('a password reset goes from the request to signing in with the new password', async ({ page }) => {
  const forgetful = await staffUser('staff');
  await page.goto(consolePath('en'));
  await page.getByRole('button', { name: t('en', 'console.signin.forgot') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('en', 'console.reset.title') })).toBeFocused();
  await page.getByLabel(t('en', 'console.signin.email')).fill(forgetful.email);
  await page.getByRole('button', { name: t('en', 'console.reset.submit') }).click();
  await expect(page.getByText(t('en', 'console.reset.sent', { email: forgetful.email }))).toBeVisible();

  // No mail leaves the local stack: the link's token hash is the one Auth stored for this request.
  const [row] = await sql<{ recovery_token: string }>('select recovery_token from auth.users where id = $1', [
    forgetful.id,
  ]);
  expect(row?.recovery_token).toMatch(/^[0-9a-f]{64}$/);
  await page.goto(`${consolePath('en', 'password/')}?token_hash=${row?.recovery_token}&type=recovery`);
  await page.getByLabel(t('en', 'console.password.new'), { exact: true }).fill('a brand new password');
  await page.getByLabel(t('en', 'console.password.confirm')).fill('a brand new password');
  await page.getByRole('button', { name: t('en', 'console.password.submit') }).click();
  await expect(page.getByText(t('en', 'console.password.done'))).toBeVisible();

  await page.getByRole('link', { name: t('en', 'console.password.toConsole') }).click();
  await page.getByRole('button', { name: t('en', 'console.signOut') }).click();
  await signIn(page, { ...forgetful, password: 'a brand new password' });
});

test('a used or broken reset link says so', async ({ page }) => {
  await page.goto(`${consolePath('zh-cn', 'password/')}?token_hash=${'0'.repeat(64)}&type=recovery`);
  await expect(page.getByText(t('zh-cn', 'console.password.invalidLink'))).toBeVisible();
});
