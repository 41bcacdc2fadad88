/**
 * Fixtures of the clean-day browser tests: events made directly in the database (as an organiser's tools would
 * leave them), each test's own, removed at the end; browser contexts with their own client address
 * (X-Forwarded-For through the gateway, as behind a proxy), so the database's per-address sign-up limit never
 * makes one test run depend on the last; the pages' words from the dictionaries; axe with the project's tags.
 *
 * The stack comes from the environment (`set -a; . .stack-events/.env; set +a`) or $STACK_DIR/.env.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import en from '../../src/i18n/en.json' with { type: 'json' };
import zhCN from '../../src/i18n/zh-CN.json' with { type: 'json' };
import { closeSql, randomTestIp, sql, stack } from '../integration/support/stack.ts';

export { closeSql, sql, stack };

export type Locale = 'zh-cn' | 'en';
const dictionaries: Record<Locale, Record<string, string>> = { 'zh-cn': zhCN, en };

/** A page string with {{placeholders}} filled in; plural keys take `count`. */
export function t(locale: Locale, key: string, vars: Record<string, string | number> = {}): string {
  const dict = dictionaries[locale];
  const count = vars.count;
  const chosen =
    dict[key] ??
    (typeof count === 'number'
      ? (dict[`${key}_${new Intl.PluralRules(locale === 'en' ? 'en' : 'zh-CN').select(count)}`] ??
        dict[`${key}_other`])
      : undefined);
  if (chosen === undefined) throw new Error(`No text for ${key}`);
  return chosen.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}

export const eventsPath = (locale: Locale, page = '') => `${locale === 'en' ? '/en' : ''}/events/${page}`;
export const eventPath = (locale: Locale, id: string) => `${eventsPath(locale, 'view/')}?id=${id}`;

export interface EventFixture {
  capacity?: number;
  status?: 'published' | 'cancelled' | 'completed' | 'draft';
  district?: string;
  /** Hours from now. */
  startsIn?: number;
  title?: string;
  results?: { volunteers: number; bags: number; summary: string };
  cancelNote?: string;
}

const created: string[] = [];

/** A clean day in the database; its English title is unique to the test run. */
export async function createEvent(options: EventFixture = {}): Promise<{ id: string; title: string }> {
  const title = options.title ?? `Test clean day ${Math.random().toString(36).slice(2, 8)}`;
  const startsIn = options.startsIn ?? 24 * 7;
  const [row] = await sql<{ id: string }>(
    `insert into public.events (title_zh, title_en, description_zh, description_en, bring_zh, bring_en, starts_at,
       ends_at, place_zh, place_en, location, district_code, capacity, organiser_zh, organiser_en, status,
       result_volunteers, result_bags_collected, result_summary_zh, result_summary_en, cancel_note_zh, cancel_note_en)
     values ($1 || '（测试）', $1, '一起清理街道。', 'Clean up the street together.', '手套', 'Gloves',
       now() + make_interval(hours => $2), now() + make_interval(hours => $2 + 3), '测试广场', 'Test Square',
       'SRID=4326;POINT(114.11 22.59)', $3, $4, '测试主办', 'Test organiser', $5,
       $6, $7, $8, $8, $9, $9)
     returning id`,
    [
      title,
      startsIn,
      options.district ?? 'dongcheng',
      options.capacity ?? 20,
      options.status ?? 'published',
      options.results?.volunteers ?? null,
      options.results?.bags ?? null,
      options.results?.summary ?? null,
      options.cancelNote ?? null,
    ],
  );
  if (!row) throw new Error('no event');
  created.push(row.id);
  return { id: row.id, title };
}

/** Removes the events this file made (their sign-ups go with them) and closes the connection. */
export async function removeEvents(): Promise<void> {
  if (created.length) await sql('delete from public.events where id = any($1::uuid[])', [created.splice(0)]);
  await closeSql();
}

/** A browser of its own: separate storage, and its own client address for the database's rate limits. */
export async function newVisitor(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': randomTestIp() } });
  return { context, page: await context.newPage() };
}

/** axe with the project's WCAG 2.2 AA tags; fails the test with the violations listed. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** Fills the sign-up form of an event page and sends it. */
export async function signUp(
  page: Page,
  locale: Locale,
  person: { name: string; contact: string; partySize?: number },
): Promise<void> {
  await page.getByLabel(t(locale, 'events.signup.name.label')).fill(person.name);
  await page.getByLabel(t(locale, 'events.signup.contact.label')).fill(person.contact);
  await page.getByLabel(t(locale, 'events.signup.partySize.label')).fill(String(person.partySize ?? 1));
  await page.locator('form.events-signup button[type="submit"]').click();
}
