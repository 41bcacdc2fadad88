/**
 * Clean days in the staff console, in a real browser against the real stack: a community worker turns open
 * reports into a clean day and, after it, records the results, which resolves the linked reports (checked with
 * report_by_code); creating, cancelling and duplicating through the forms; the sign-up list with contacts,
 * attendance and CSV; form errors; axe on every console screen and state.
 */
import { expect, test, type Page } from '@playwright/test';
import { toCityDateTimeInput } from '../../src/lib/dates/index.ts';
import {
  anonClient,
  cleanUp,
  jpegFromBrowser,
  newReport,
  publicReport,
  signIn,
  sql,
  staffUser,
  type TestUser,
} from './console-support.ts';
import { expectNoAxeViolations, t } from './events-fixtures.ts';

let worker: TestUser;
const created: string[] = [];
const run = Math.random().toString(36).slice(2, 7);

test.beforeAll(async () => {
  worker = await staffUser('worker', 'dongcheng');
});

test.afterAll(async () => {
  if (created.length) await sql('delete from public.events where id = any($1::uuid[])', [created]);
  await cleanUp();
});

const consoleEvents = (page = '') => `/en/console/events/${page}`;

/** The id in the URL of the console's event page, remembered for clean-up. */
function eventIdOf(page: Page): string {
  const id = new URL(page.url()).searchParams.get('id') ?? '';
  created.push(id);
  return id;
}

async function fillEventTexts(page: Page, title: string) {
  const field = (key: string) => page.getByLabel(t('en', `console.events.form.${key}`), { exact: true });
  await field('title_zh').fill(`${title}（中文）`);
  await field('title_en').fill(title);
  await field('description_zh').fill('清理人行道和绿化带里的垃圾。');
  await field('description_en').fill('Clear litter from the pavement and the verges.');
  await field('bring_zh').fill('手套和水');
  await field('bring_en').fill('Gloves and water');
  await field('place_zh').fill('测试路七号门口');
  await field('place_en').fill('Outside No. 7 Test Road');
  await field('organiser_zh').fill('东城区爱卫办');
  await field('organiser_en').fill('Dongcheng health office');
}

test('a worker turns open reports into a clean day and closes it with results, resolving the reports', async ({
  page,
}) => {
  // Three open reports a few dozen metres apart, away from the seeded ones.
  const base = 4000 + Math.floor(Math.random() * 3000);
  const reports = [
    await newReport({ offsetMetres: base }),
    await newReport({ offsetMetres: base + 60, category: 'garbage_pile' }),
    await newReport({ offsetMetres: base + 120, category: 'road_cleanliness' }),
  ];
  await signIn(page, worker);
  await page.goto(consoleEvents('from-reports/'));
  await expect(
    page.getByRole('heading', { level: 1, name: t('en', 'console.events.fromReports.heading') }),
  ).toBeVisible();
  const box = (code: string) => page.getByRole('checkbox', { name: new RegExp(code) });
  await expect(box(reports[0]!.code)).toBeVisible();
  await expectNoAxeViolations(page);

  // Choosing one and asking for its neighbours selects the other two.
  await box(reports[0]!.code).check();
  await page.getByRole('button', { name: t('en', 'console.events.fromReports.nearby') }).click();
  for (const r of reports) await expect(box(r.code)).toBeChecked();
  // Anything else that happened to be near stays out of this test's clean day.
  for (const other of await page.getByRole('checkbox', { checked: true }).all()) {
    const name = (await other.getAttribute('id')) ?? '';
    if (!reports.some((r) => name === `candidate-${r.id}`)) await other.uncheck();
  }
  await expect(page.getByText(t('en', 'console.events.fromReports.selected', { count: 3 }))).toBeVisible();

  // Submitting without the texts shows every problem, and keeps the selection.
  await page.getByRole('button', { name: t('en', 'console.events.form.create') }).click();
  const summary = page.getByRole('alert').filter({ hasText: t('en', 'console.form.errorSummary') });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(8);
  await expectNoAxeViolations(page);

  // The day started two hours ago (it is being recorded as it happens); no place given: the reports' middle.
  const title = `Test Road clean-up ${run}`;
  await fillEventTexts(page, title);
  await page
    .getByLabel(t('en', 'console.events.form.starts_at'))
    .fill(toCityDateTimeInput(new Date(Date.now() - 2 * 3_600_000)));
  await page
    .getByLabel(t('en', 'console.events.form.ends_at'))
    .fill(toCityDateTimeInput(new Date(Date.now() + 3_600_000)));
  await page.getByRole('button', { name: t('en', 'console.events.form.create') }).click();

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const id = eventIdOf(page);
  await expect(page.getByText(t('en', 'console.events.form.saved'))).toBeVisible();
  const linked = page.locator('.c-events-report');
  await expect(linked).toHaveCount(3);
  await expectNoAxeViolations(page);
  const [place] = await sql<{ lng: number }>(
    'select extensions.st_x(location::extensions.geometry) as lng from public.events where id = $1',
    [id],
  );
  const [middle] = await sql<{ lng: number }>(
    'select avg(extensions.st_x(location::extensions.geometry)) as lng from public.reports where id = any($1::uuid[])',
    [reports.map((r) => r.id)],
  );
  expect(place?.lng).toBeCloseTo(middle?.lng ?? 0, 6);

  // Results: the note residents will read is filled in; the worker adds the figures and a summary.
  await page.getByLabel(t('en', 'console.events.close.volunteers')).fill('9');
  await page.getByLabel(t('en', 'console.events.close.bags')).fill('14');
  await page.getByLabel(t('en', 'console.events.close.summary_zh')).fill('九位居民清理了三处垃圾点。');
  await page
    .getByLabel(t('en', 'console.events.close.summary_en'))
    .fill('Nine residents cleared three litter spots.');
  const note = await page.getByLabel(t('en', 'console.events.close.note')).inputValue();
  expect(note).toContain(title);
  await page.getByRole('button', { name: t('en', 'console.events.close.submit') }).click();
  await expect(page.getByText(t('en', 'console.events.close.done', { count: 3 }))).toBeVisible();
  await expect(linked.filter({ hasText: t('en', 'console.status.resolved') })).toHaveCount(3);
  await expect(page.locator('.c-events-tag--completed')).toBeVisible();
  await expectNoAxeViolations(page);

  // A photo of the results, prepared on the device and uploaded.
  await page.getByLabel(t('en', 'console.events.photos.label')).setInputFiles({
    name: 'after.jpg',
    mimeType: 'image/jpeg',
    buffer: await jpegFromBrowser(page),
  });
  await expect(page.getByText(t('en', 'console.events.photos.added', { count: 1 }))).toBeVisible();
  await expect(page.getByRole('img', { name: t('en', 'console.events.photos.alt', { n: 1 }) })).toBeVisible();
  await expectNoAxeViolations(page);

  // Every linked report is resolved, with the note, through the workflow (report_by_code, as a visitor).
  for (const r of reports) {
    const view = await publicReport(r.code);
    expect(view?.status).toBe('resolved');
    expect(view?.updates.map((u) => u.to_status)).toEqual([
      'submitted',
      'accepted',
      'in_progress',
      'resolved',
    ]);
    expect(view?.updates.at(-1)?.public_note).toBe(note);
  }

  // The public page shows the results and the reports it dealt with.
  await page.goto(`/en/events/view/?id=${id}`);
  await expect(page.getByText(t('en', 'events.results.volunteers', { count: 9 }))).toBeVisible();
  await expect(page.getByText('Nine residents cleared three litter spots.')).toBeVisible();
  await expect(page.locator('.events-reports li', { hasText: 'Resolved' })).toHaveCount(3);
  const photo = page.getByRole('img', { name: t('en', 'events.results.photoAlt', { n: 1, title }) });
  await photo.scrollIntoViewIfNeeded();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expectNoAxeViolations(page);
});

test('a worker creates a clean day with the form, duplicates it and cancels the copy', async ({ page }) => {
  await signIn(page, worker);
  await page.goto(consoleEvents('edit/'));
  await expect(
    page.getByRole('heading', { level: 1, name: t('en', 'console.events.form.newHeading') }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  const title = `Form clean day ${run}`;
  await fillEventTexts(page, title);
  // A place outside the city is refused by the database, next to the field; what was typed stays.
  await page.getByLabel(t('en', 'console.events.form.lng'), { exact: true }).fill('2.35');
  await page.getByLabel(t('en', 'console.events.form.lat'), { exact: true }).fill('48.85');
  await page.getByRole('button', { name: t('en', 'console.events.form.create') }).click();
  await expect(page.locator('#ev-lng-error')).toContainText(t('en', 'console.events.error.invalid_location'));
  await expect(page.getByLabel(t('en', 'console.events.form.title_en'), { exact: true })).toHaveValue(title);
  await expectNoAxeViolations(page);

  await page.getByLabel(t('en', 'console.events.form.lng'), { exact: true }).fill('114.11');
  await page.getByLabel(t('en', 'console.events.form.lat'), { exact: true }).fill('22.59');
  await page.getByLabel(t('en', 'console.events.form.capacity')).fill('12');
  await page.getByRole('button', { name: t('en', 'console.events.form.create') }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  eventIdOf(page);
  await expect(
    page.getByText(t('en', 'console.events.list.places', { taken: 0, capacity: 12 })),
  ).toBeVisible();

  // Duplicate: a new draft, opened in the editor with the same texts.
  await page.getByRole('button', { name: t('en', 'console.events.duplicate.submit') }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: t('en', 'console.events.form.editHeading') }),
  ).toBeVisible();
  const copyId = new URL(page.url()).searchParams.get('id') ?? '';
  created.push(copyId);
  await expect(page.getByLabel(t('en', 'console.events.form.title_en'), { exact: true })).toHaveValue(title);
  await expect(page.getByLabel(t('en', 'console.events.form.status.draft'))).toBeChecked();
  await expectNoAxeViolations(page);

  // Publish the copy, then cancel it with a reason residents see.
  await page.getByLabel(t('en', 'console.events.form.status.published')).check();
  await page.getByRole('button', { name: t('en', 'console.events.form.save') }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByLabel(t('en', 'console.events.cancel.note_en')).fill('The road is being resurfaced');
  await page.getByRole('button', { name: t('en', 'console.events.cancel.submit') }).click();
  await expect(page.getByText(t('en', 'console.events.cancel.done'))).toBeVisible();
  await expect(page.locator('.c-events-tag--cancelled')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(`/en/events/view/?id=${copyId}`);
  await expect(
    page.getByText(t('en', 'events.view.cancelNote', { note: 'The road is being resurfaced' })),
  ).toBeVisible();

  // The list shows both.
  await page.goto(consoleEvents());
  await expect(page.getByRole('link', { name: title })).toHaveCount(2);
  await expectNoAxeViolations(page);
});

test('the organiser sees sign-ups with contacts, marks who came and exports them', async ({ page }) => {
  const [row] = await sql<{ id: string }>(
    `insert into public.events (title_zh, title_en, description_zh, description_en, starts_at, ends_at, place_zh,
       place_en, location, district_code, capacity, organiser_zh, organiser_en, status)
     values ('签到测试', $1, '测试', 'Test', now() + interval '1 hour', now() + interval '3 hours', '测试广场',
       'Test Square', 'SRID=4326;POINT(114.11 22.59)', 'dongcheng', 2, '测试', 'Test', 'published')
     returning id`,
    [`Check-in test ${run}`],
  );
  const id = row!.id;
  created.push(id);
  for (const [name, contact, size] of [
    ['Chen Jing', `chen-${run}@example.test`, 2],
    ['Liu Yang', `liu-${run}@example.test`, 1],
  ] as const) {
    const { error } = await anonClient().rpc('signup_for_event', {
      p_event_id: id,
      p_name: name,
      p_contact: contact,
      p_party_size: size,
    });
    expect(error).toBeNull();
  }

  await signIn(page, worker);
  await page.goto(`${consoleEvents('event/')}?id=${id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Check-in test ${run}` })).toBeVisible();
  await expect(page.getByText(`chen-${run}@example.test`)).toHaveCount(0);
  await page.getByRole('button', { name: t('en', 'console.events.signups.load') }).click();
  const table = page.getByRole('table', { name: t('en', 'console.events.signups.caption') });
  await expect(table.getByRole('row', { name: /Chen Jing/ })).toContainText(`chen-${run}@example.test`);
  await expect(table.getByRole('row', { name: /Liu Yang/ })).toContainText(
    t('en', 'console.events.signups.waitlisted', { position: 1 }),
  );
  await expectNoAxeViolations(page);
  const [audit] = await sql<{ n: number }>(
    `select count(*)::int as n from public.audit_log where action = 'read' and table_name = 'event_signups' and record_id = $1`,
    [id],
  );
  expect(audit?.n).toBe(1);

  await page
    .getByRole('checkbox', { name: t('en', 'console.events.signups.attendedLabel', { name: 'Chen Jing' }) })
    .check();
  await expect
    .poll(
      async () =>
        (
          await sql<{ attended: boolean }>(
            `select attended from public.event_signups where event_id = $1 and name = 'Chen Jing'`,
            [id],
          )
        )[0]?.attended,
    )
    .toBe(true);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: t('en', 'console.events.signups.export') }).click();
  const file = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of file) chunks.push(chunk as Buffer);
  const csv = Buffer.concat(chunks).toString('utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv).toContain(`Chen Jing,chen-${run}@example.test,2,Confirmed,true`);
});

test('signed out, the clean-day console asks to sign in; signed in, its Chinese screens pass axe', async ({
  page,
}) => {
  await page.goto('/console/events/');
  await expect(
    page.getByRole('button', { name: t('zh-cn', 'console.signin.submit'), exact: true }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await signIn(page, worker, 'zh-cn');
  for (const [path, heading] of [
    ['/console/events/', 'console.events.list.heading'],
    ['/console/events/from-reports/', 'console.events.fromReports.heading'],
    ['/console/events/edit/', 'console.events.form.newHeading'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: t('zh-cn', heading) })).toBeVisible();
    await expect(
      page
        .getByRole('navigation', { name: t('zh-cn', 'console.nav.label') })
        .getByRole('link', { name: t('zh-cn', 'console.nav.events'), exact: true }),
    ).toHaveAttribute('aria-current', 'page');
    await expectNoAxeViolations(page);
  }
});
