/**
 * Shared setup for the report form's browser tests: the stack's settings, SQL for checking what was stored,
 * the form's words from the dictionaries, and a fresh browser context per test with its own client address
 * (X-Forwarded-For, so submit_report's per-address rate limit never joins tests up) and, when asked, a
 * device location. Reports these tests make are hidden when each worker is done with a file.
 *
 * The stack's settings and SQL are the integration tests' (tests/integration/support/stack.ts).
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import en from '../../src/i18n/en.json' with { type: 'json' };
import zhCN from '../../src/i18n/zh-CN.json' with { type: 'json' };
import {
  closeSql,
  randomTestIp as randomIp,
  sql,
  stack as sharedStack,
} from '../integration/support/stack.ts';

export type Locale = 'zh-cn' | 'en';
export const locales: Locale[] = ['zh-cn', 'en'];

export const stack = {
  ...sharedStack,
  storageDir: path.resolve(process.env.STACK_DIR ?? '.stack', 'storage'),
};
export { sql };

/** Markers handed out in this worker; its reports are hidden when its tests are done. */
const markers: string[] = [];

/** A unique marker to put into descriptions, so each test finds its own rows. */
export function marker(prefix: string): string {
  const m = `${prefix}-${randomUUID().slice(0, 8)}`;
  markers.push(m);
  return m;
}

/**
 * Hides the reports this worker's tests made (reports cannot be deleted: their history is append-only). Only
 * this worker's: with parallel tests another worker may still be using its own.
 */
export async function hideReports(): Promise<void> {
  const mine = markers.splice(0);
  if (mine.length) {
    await sql(
      `update public.reports set hidden = true, hidden_reason = 'e2e report form'
       where not hidden and exists (select 1 from unnest($1::text[]) m where description like '%' || m || '%')`,
      [mine],
    );
  }
  await closeSql();
}

const dictionaries = { 'zh-cn': zhCN, en } as Record<Locale, Record<string, string>>;
/** A message from the dictionaries (plural keys: pass the full `_one`/`_other` key), {{names}} filled in. */
export function text(locale: Locale, key: string, vars: Record<string, string | number> = {}): string {
  const template = dictionaries[locale][key];
  if (template === undefined) throw new Error(`No message ${key}`);
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? `{{${name}}}`));
}

/** The category's name in the page's language, from the database (where the form reads it too). */
export async function categoryName(locale: Locale, code: string): Promise<string> {
  const [row] = await sql<{ name: string }>(
    `select ${locale === 'en' ? 'name_en' : 'name_zh'} as name from public.categories where code = $1`,
    [code],
  );
  if (!row) throw new Error(`no category ${code}`);
  return row.name;
}

export async function districtName(locale: Locale, code: string): Promise<string> {
  const [row] = await sql<{ name: string }>(
    `select ${locale === 'en' ? 'name_en' : 'name_zh'} as name from public.districts where code = $1`,
    [code],
  );
  if (!row) throw new Error(`no district ${code}`);
  return row.name;
}

export { randomIp };

/** A random spot in a corner of the service area the demo seed leaves empty (west of Beishan). */
export function emptySpot(): { lng: number; lat: number } {
  return { lng: 113.97 + Math.random() * 0.02, lat: 22.655 + Math.random() * 0.02 };
}

export const formPath = (locale: Locale) => (locale === 'en' ? '/en/report/' : '/report/');

/** A browser of its own: its own storage, client address and (optionally) device location. */
export async function newVisitor(
  browser: Browser,
  o: { geo?: { lng: number; lat: number }; ip?: string } = {},
): Promise<{ context: BrowserContext; page: Page; ip: string }> {
  const ip = o.ip ?? randomIp();
  const context = await browser.newContext({
    extraHTTPHeaders: { 'x-forwarded-for': ip },
    ...(o.geo
      ? {
          geolocation: { longitude: o.geo.lng, latitude: o.geo.lat, accuracy: 15 },
          permissions: ['geolocation'],
        }
      : {}),
  });
  return { context, page: await context.newPage(), ip };
}

/** Opens the form and waits until the island is working (the outbox has started). */
export async function openForm(page: Page, locale: Locale, query = ''): Promise<void> {
  await page.goto(formPath(locale) + query);
  await expect(page.getByRole('button', { name: text(locale, 'report.submit') })).toBeVisible();
}

export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Width and height from a JPEG's frame header (SOF0–SOF15 except DHT/JPG/DAC). */
export function jpegSize(b: Buffer): { width: number; height: number } {
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) throw new Error('not a JPEG segment');
    const marker = b[at + 1]!;
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: b.readUInt16BE(at + 5), width: b.readUInt16BE(at + 7) };
    }
    at += 2 + b.readUInt16BE(at + 2);
  }
  throw new Error('no frame header');
}

/** The JPEG's marker segments before the image data (to show that no APPn/COM metadata is left). */
export function jpegMarkers(b: Buffer): number[] {
  const found: number[] = [];
  let at = 2;
  while (at + 4 <= b.length && b[at] === 0xff) {
    const marker = b[at + 1]!;
    if (marker === 0xda) break;
    found.push(marker);
    at += 2 + b.readUInt16BE(at + 2);
  }
  return found;
}

/** Presses Tab until the locator has focus (keyboard-only tests), failing after `max` presses. */
export async function tabTo(page: Page, target: ReturnType<Page['locator']>, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(target)}`);
}
