/**
 * Shared steps of the staff console's browser tests: real users made through the Auth admin API (each test
 * file makes its own, with roles in app_metadata as in production), real reports sent with submit_report,
 * signing in through the console's form, a real JPEG made by the browser, and the console's words from the
 * dictionaries. The stack comes from the environment (`set -a; . .stack-console/.env; set +a`) or STACK_DIR.
 */
import { expect, type Page } from '@playwright/test';
import en from '../../src/i18n/en.json' with { type: 'json' };
import zhCN from '../../src/i18n/zh-CN.json' with { type: 'json' };
import {
  anonClient,
  closeSql,
  createTestUser,
  deleteTestUsers,
  serviceClient,
  sql,
  type StaffRole,
  type TestUser,
} from '../integration/support/stack.ts';
import { randomUUID } from 'node:crypto';
import {
  districtCentre,
  submitReport,
  uploadPendingPhoto,
  type SubmittedReport,
} from '../integration/support/reports.ts';

export { anonClient, createTestUser, serviceClient, sql, submitReport, type SubmittedReport, type TestUser };

/** Removes the users this test file made and closes its database connection (call in afterAll). */
export async function cleanUp(): Promise<void> {
  await deleteTestUsers();
  await closeSql();
}

type Key = keyof typeof zhCN;
const dictionaries = { 'zh-cn': zhCN, en };

/** A console string, with {{placeholders}} filled in. */
export function t(locale: 'zh-cn' | 'en', key: Key, vars: Record<string, string | number> = {}): string {
  return dictionaries[locale][key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}

export const consolePath = (locale: 'zh-cn' | 'en' = 'en', page = '') =>
  `${locale === 'en' ? '/en' : ''}/console/${page}`;

/** Signs in through the console's form and waits for the queue. */
export async function signIn(page: Page, user: TestUser, locale: 'zh-cn' | 'en' = 'en'): Promise<void> {
  await page.goto(consolePath(locale));
  await page.getByLabel(t(locale, 'console.signin.email')).fill(user.email);
  await page.getByLabel(t(locale, 'console.signin.password'), { exact: true }).fill(user.password);
  await page.getByRole('button', { name: t(locale, 'console.signin.submit'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: t(locale, 'console.queue.title') })).toBeVisible();
}

export async function openReport(page: Page, code: string, locale: 'zh-cn' | 'en' = 'en'): Promise<void> {
  await page.goto(`${consolePath(locale, 'report/')}?code=${code}`);
  await expect(
    page.getByRole('heading', { level: 1, name: new RegExp(t(locale, 'console.report.title', { code })) }),
  ).toBeVisible();
}

export async function staffUser(role: StaffRole, district?: string): Promise<TestUser> {
  return createTestUser({ role, district, label: `console-${role}` });
}

/** A real JPEG drawn by the browser, so the console's photo pipeline can decode and re-encode it. */
export async function jpegFromBrowser(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 240;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no canvas');
    ctx.fillStyle = '#2e7d32';
    ctx.fillRect(0, 0, 320, 240);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(40, 40, 240, 160);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9));
    if (!blob) throw new Error('no blob');
    return Array.from(new Uint8Array(await blob.arrayBuffer()));
  });
  return Buffer.from(bytes);
}

/** The public view of a report, as a visitor gets it. */
export async function publicReport(code: string): Promise<{
  status: string;
  photos: { path: string; kind: string }[];
  duplicate_of_code: string | null;
  reject_reason: string | null;
  updates: { to_status: string; public_note: string | null }[];
} | null> {
  const { data, error } = await anonClient().rpc('report_by_code', { p_code: code });
  if (error) throw error;
  return data;
}

export interface NewReport {
  id: string;
  code: string;
  photoPaths: string[];
}

/** A report sent like the site sends one (photos first, then submit_report), with a description of our own. */
export async function newReport(
  options: {
    district?: string;
    category?: string;
    description?: string;
    photos?: number;
    contactPhone?: string;
    /** Metres east of the district centre, so reports of one test are near each other and not on top of others'. */
    offsetMetres?: number;
  } = {},
): Promise<NewReport> {
  const client = anonClient();
  const key = randomUUID();
  const photoPaths: string[] = [];
  for (let i = 0; i < (options.photos ?? 0); i += 1) photoPaths.push(await uploadPendingPhoto(client, key));
  const centre = await districtCentre(options.district ?? 'dongcheng');
  const { data, error } = await client.rpc('submit_report', {
    p_idempotency_key: key,
    p_category: options.category ?? 'overflowing_bin',
    p_description: options.description ?? `Bin overflowing next to the bus stop (${key.slice(0, 8)}).`,
    p_lng: centre.lng + (options.offsetMetres ?? 0) / 102_000,
    p_lat: centre.lat,
    p_address: 'Test Road 7',
    p_district: options.district ?? 'dongcheng',
    p_contact_phone: options.contactPhone,
    p_photo_paths: photoPaths,
  });
  if (error) throw error;
  const code = (data as { tracking_code: string }[])[0]?.tracking_code ?? '';
  const [row] = await sql<{ id: string }>('select id from public.reports where tracking_code = $1', [code]);
  return { id: row?.id ?? '', code, photoPaths };
}

/** Presses Tab until the element has focus: proves it can be reached with the keyboard alone. */
export async function tabTo(
  page: Page,
  target: import('@playwright/test').Locator,
  maxPresses = 80,
): Promise<void> {
  for (let i = 0; i < maxPresses; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Not reached with ${maxPresses} presses of Tab`);
}
