/**
 * Sending a report through the outbox, against the real stack: offline → reload → back online sends it
 * exactly once; the same problem nearby is confirmed ("add me too") instead of reported again; the server's
 * refusals become messages like the form's own (a category withdrawn since the page was built, the rate
 * limit). Axe checks the waiting, nearby and confirmed states.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import { expect, test, type Page } from '@playwright/test';
import {
  categoryName,
  emptySpot,
  expectNoAxeViolations,
  hideReports,
  marker,
  newVisitor,
  openForm,
  randomIp,
  sql,
  stack,
  text,
  type Locale,
} from './report-form-support.ts';

const FILE = 'e2e-send';

test.describe.configure({ mode: 'parallel' });
test.afterAll(() => hideReports());

/** Sends a report the way the form does (submit_report through the gateway, as an anonymous visitor). */
async function submitDirectly(
  ip: string,
  o: { category: string; description: string; lng: number; lat: number },
): Promise<string> {
  const client = createClient(stack.url, stack.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: { headers: { 'x-forwarded-for': ip } },
  });
  const { data, error } = await client.rpc('submit_report', {
    p_idempotency_key: randomUUID(),
    p_category: o.category,
    p_description: o.description,
    p_lng: o.lng,
    p_lat: o.lat,
    p_address: '',
  });
  if (error) throw new Error(error.message);
  return (data as { tracking_code: string }[])[0]!.tracking_code;
}

async function fillByDistrict(page: Page, locale: Locale, category: string, description: string) {
  await page.getByRole('radio', { name: await categoryName(locale, category) }).check();
  await page.getByLabel(text(locale, 'report.description.label')).fill(description);
  await page.getByLabel(text(locale, 'report.district.label')).selectOption('beishan');
  await page.getByLabel(text(locale, 'report.address.labelRequired')).fill('北山区青山大道 200 号公交站旁');
}

const countStored = async (tag: string) =>
  (
    await sql<{ n: number }>('select count(*)::int as n from public.reports where description like $1', [
      `%${tag}%`,
    ])
  )[0]!.n;

for (const locale of ['zh-cn', 'en'] as const) {
  test(`${locale}: offline, the report waits on the device, survives a reload and is sent once when back online`, async ({
    browser,
  }) => {
    const { context, page } = await newVisitor(browser);
    const tag = marker(FILE);
    await openForm(page, locale);
    // The page keeps an offline copy of itself once its service worker runs.
    await page.waitForFunction(
      async () => !!navigator.serviceWorker.controller && !!(await caches.match(location.pathname)),
    );

    await fillByDistrict(page, locale, 'road_cleanliness', `${tag} 公交站旁边的人行道上全是碎玻璃和纸屑`);
    await context.setOffline(true);
    await page.getByRole('button', { name: text(locale, 'report.submit') }).click();

    const waiting = page.getByRole('heading', { name: text(locale, 'report.send.waitingTitle') });
    await expect(waiting).toBeFocused();
    await expect(page.getByText(text(locale, 'report.send.offline'))).toBeVisible();
    await expectNoAxeViolations(page); // waiting to send
    expect(await countStored(tag)).toBe(0);

    await page.reload();
    await expect(waiting).toBeVisible();
    await expect(page.getByText(text(locale, 'report.send.offline'))).toBeVisible();
    expect(await countStored(tag)).toBe(0);

    await context.setOffline(false);
    await expect(page.getByRole('heading', { name: text(locale, 'report.sent.title') })).toBeVisible();
    const code = await page.locator('#rf-code').textContent();
    expect(await countStored(tag)).toBe(1);
    const [row] = await sql<{ tracking_code: string; district_code: string }>(
      'select tracking_code, district_code from public.reports where description like $1',
      [`%${tag}%`],
    );
    expect(row).toEqual({ tracking_code: code, district_code: 'beishan' });

    // Reloading again changes nothing: the same code, still one report.
    await page.reload();
    await expect(page.locator('#rf-code')).toHaveText(code ?? '');
    expect(await countStored(tag)).toBe(1);
    await context.close();
  });
}

for (const locale of ['zh-cn', 'en'] as const) {
  test(`${locale}: the same problem nearby is confirmed ("add me too") instead of reported again`, async ({
    browser,
  }) => {
    const spot = emptySpot();
    const tag = marker(FILE);
    const category = locale === 'en' ? 'illegal_dumping' : 'pests';
    const code = await submitDirectly(randomIp(), {
      category,
      description: `${tag} 河边绿地上倒了一大堆装修垃圾`,
      ...spot,
    });
    // The visitor stands about 40 m away.
    const { context, page } = await newVisitor(browser, {
      geo: { lng: spot.lng + 0.0003, lat: spot.lat + 0.0002 },
    });
    await openForm(page, locale);
    await page.getByRole('radio', { name: await categoryName(locale, category) }).check();
    await page
      .getByLabel(text(locale, 'report.description.label'))
      .fill(`${tag} 我也看到了这堆垃圾，已经好几天了`);
    await page.getByRole('button', { name: text(locale, 'report.location.useMine') }).click();

    const nearby = page.getByRole('region', { name: text(locale, 'report.nearby.title') });
    const item = nearby.getByRole('listitem').filter({ hasText: code });
    await expect(item).toBeVisible();
    await expect(item.getByRole('heading')).toContainText(/\d+ m/);
    await expectNoAxeViolations(page); // nearby shown

    await item.getByRole('button', { name: text(locale, 'report.nearby.same') }).click();
    await expect(page.getByRole('heading', { name: text(locale, 'report.confirmed.title') })).toBeFocused();
    await expect(page.locator('#rf-code')).toHaveText(code);
    await expect(page.getByText(text(locale, 'report.confirmed.lead_one', { count: 1 }))).toBeVisible();
    await expect(page.getByRole('link', { name: text(locale, 'report.sent.link') })).toHaveAttribute(
      'href',
      `${locale === 'en' ? '/en' : ''}/reports/view/?code=${code}`,
    );
    await expectNoAxeViolations(page); // confirmed

    const [report] = await sql<{ confirmations_count: number; confirmations: number }>(
      `select confirmations_count,
              (select count(*)::int from public.report_confirmations c where c.report_id = r.id) as confirmations
       from public.reports r where tracking_code = $1`,
      [code],
    );
    expect(report).toEqual({ confirmations_count: 1, confirmations: 1 });
    expect(await countStored(`${tag} 我也看到了`)).toBe(0); // no second report
    await context.close();
  });
}

test('en: a category withdrawn since the page was built comes back as an error at the field, nothing lost', async ({
  browser,
}) => {
  const { context, page } = await newVisitor(browser);
  const tag = marker(FILE);
  const description = `${tag} The hedge along the park path has been cut down and left lying there`;
  await openForm(page, 'en');
  await fillByDistrict(page, 'en', 'damaged_greenery', description);
  await sql(`update public.categories set active = false where code = 'damaged_greenery'`);
  try {
    await page.getByRole('button', { name: text('en', 'report.submit') }).click();
    const summary = page.locator('.rf-error-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('listitem')).toHaveText([text('en', 'report.error.category.invalid')]);
    await expect(page.locator('#rf-category-error')).toContainText(
      text('en', 'report.error.category.invalid'),
    );
    await expect(page.getByLabel(text('en', 'report.description.label'))).toHaveValue(description);
    await expect(page.getByLabel(text('en', 'report.address.labelRequired'))).toHaveValue(
      '北山区青山大道 200 号公交站旁',
    );
    expect(await countStored(tag)).toBe(0);
  } finally {
    await sql(`update public.categories set active = true where code = 'damaged_greenery'`);
  }
  // Choosing another category sends it.
  await page.getByRole('radio', { name: await categoryName('en', 'other') }).check();
  await page.getByRole('button', { name: text('en', 'report.submit') }).click();
  await expect(page.getByRole('heading', { name: text('en', 'report.sent.title') })).toBeVisible();
  expect(await countStored(tag)).toBe(1);
  await context.close();
});

test('zh: the rate limit is said plainly and the report waits on the device', async ({ browser }) => {
  const ip = randomIp();
  const tag = marker(FILE);
  for (let i = 0; i < 10; i++) {
    await submitDirectly(ip, {
      category: 'garbage_pile',
      description: `${tag} 同一个地址的第 ${i + 1} 条反映`,
      ...emptySpot(),
    });
  }
  const { context, page } = await newVisitor(browser, { ip });
  await openForm(page, 'zh-cn');
  await fillByDistrict(page, 'zh-cn', 'garbage_pile', `${tag} 第十一条：小区门口的垃圾没有清运`);
  await page.getByRole('button', { name: text('zh-cn', 'report.submit') }).click();
  await expect(page.getByRole('heading', { name: text('zh-cn', 'report.send.waitingTitle') })).toBeVisible();
  await expect(page.getByText(text('zh-cn', 'report.error.form.rateLimited'))).toBeVisible();
  expect(await countStored(`${tag} 第十一条`)).toBe(0);
  await context.close();
});
