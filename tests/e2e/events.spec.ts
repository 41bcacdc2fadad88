/**
 * Clean days, public side, in a real browser against the real stack: the list and its filters, an event page,
 * signing up to capacity, the waiting list, a cancellation that promotes the next person, the cancel link,
 * the form's errors, closed events, the calendar file and feed (parsed with ical.js), JSON-LD, and axe on every
 * page and state.
 */
import { expect, test, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import {
  createEvent,
  eventPath,
  eventsPath,
  expectNoAxeViolations,
  newVisitor,
  removeEvents,
  signUp,
  sql,
  t,
} from './events-fixtures.ts';

test.afterAll(removeEvents);

const runId = Math.random().toString(36).slice(2, 8);
const contact = (who: string) => `${who}-${runId}@example.test`;

async function openEvent(page: Page, id: string, title: string, locale: 'zh-cn' | 'en' = 'en') {
  await page.goto(eventPath(locale, id));
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('sign up to capacity, the next person waits, and a cancellation promotes them', async ({ browser }) => {
  const event = await createEvent({ capacity: 2 });
  const first = await newVisitor(browser);
  const second = await newVisitor(browser);

  await openEvent(first.page, event.id, event.title);
  await expect(first.page.getByText(t('en', 'events.places.left', { count: 2 }))).toBeVisible();
  await expectNoAxeViolations(first.page);
  await signUp(first.page, 'en', { name: 'Wang Fang', contact: contact('wang'), partySize: 2 });
  const confirmed = first.page.getByRole('heading', { name: t('en', 'events.confirm.confirmed.heading') });
  await expect(confirmed).toBeFocused();
  await expect(first.page.getByText(t('en', 'events.confirm.confirmed.text', { count: 2 }))).toBeVisible();
  const cancelLink = first.page.locator('.events-cancel-link a');
  await expect(cancelLink).toHaveAttribute('href', /\/en\/events\/cancel\/\?token=[0-9a-f]{64}$/);
  const cancelUrl = (await cancelLink.getAttribute('href')) ?? '';
  await expectNoAxeViolations(first.page);

  // The second person sees the event full and joins the waiting list.
  await openEvent(second.page, event.id, event.title);
  await expect(second.page.getByText(t('en', 'events.places.full'))).toBeVisible();
  await expect(second.page.getByText(t('en', 'events.signup.fullNote'))).toBeVisible();
  await signUp(second.page, 'en', {
    name: 'Li Lei',
    contact: '139 0013 9001',
  });
  await expect(
    second.page.getByRole('heading', { name: t('en', 'events.confirm.waitlisted.heading') }),
  ).toBeFocused();
  await expect(
    second.page.getByText(t('en', 'events.confirm.waitlisted.text', { position: 1 })),
  ).toBeVisible();
  await expectNoAxeViolations(second.page);

  // The first person cancels with the link from the confirmation.
  await first.page.goto(cancelUrl);
  await expect(first.page.getByRole('heading', { name: t('en', 'events.cancel.question') })).toBeVisible();
  await expect(first.page.getByText('Wang Fang, 2 people')).toBeVisible();
  await expectNoAxeViolations(first.page);
  await first.page.getByRole('button', { name: t('en', 'events.cancel.button') }).click();
  await expect(
    first.page.getByRole('heading', { name: t('en', 'events.cancel.done.heading') }),
  ).toBeFocused();
  await expectNoAxeViolations(first.page);

  // The waiting person is promoted: their page says so (it reads their sign-up with the token on the device).
  await second.page.reload();
  await expect(
    second.page.locator('.events-signup-status--confirmed', {
      hasText: t('en', 'events.mySignup.confirmed'),
    }),
  ).toBeVisible();
  const [row] = await sql<{ status: string }>(
    `select status from public.event_signups where event_id = $1 and name = 'Li Lei'`,
    [event.id],
  );
  expect(row?.status).toBe('confirmed');

  // The cancel link works once: opening it again says it is already cancelled, and offers nothing to press.
  await first.page.goto(cancelUrl);
  await expect(first.page.getByText(t('en', 'events.cancel.already'))).toBeVisible();
  await expect(first.page.getByRole('button', { name: t('en', 'events.cancel.button') })).toHaveCount(0);
  await first.context.close();
  await second.context.close();
});

test('the sign-up form explains each mistake and keeps what was typed', async ({ browser }) => {
  const event = await createEvent({ capacity: 5 });
  const { page, context } = await newVisitor(browser);
  await openEvent(page, event.id, event.title);
  await page.getByLabel(t('en', 'events.signup.name.label')).fill('Zhao Min');
  await page.getByLabel(t('en', 'events.signup.contact.label')).fill('not a contact');
  await page.getByLabel(t('en', 'events.signup.partySize.label')).fill('12');
  await page.locator('form.events-signup button[type="submit"]').click();

  const summary = page.getByRole('alert').filter({ hasText: t('en', 'events.signup.errorSummary') });
  await expect(summary).toBeFocused();
  await expect(
    summary.getByRole('link', { name: t('en', 'events.signup.error.contactInvalid') }),
  ).toBeVisible();
  await expect(
    summary.getByRole('link', { name: t('en', 'events.signup.error.partySizeInvalid') }),
  ).toBeVisible();
  await expect(page.getByLabel(t('en', 'events.signup.name.label'))).toHaveValue('Zhao Min');
  await expect(page.getByLabel(t('en', 'events.signup.contact.label'))).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expectNoAxeViolations(page);

  // The summary's link takes the keyboard to the field.
  await summary.getByRole('link', { name: t('en', 'events.signup.error.contactInvalid') }).click();
  await expect(page.getByLabel(t('en', 'events.signup.contact.label'))).toBeFocused();

  // The database's answer (one sign-up per contact) lands next to the contact field too.
  await sql(
    `insert into public.event_signups (event_id, name, contact, party_size, status, cancel_token_hash)
     values ($1, 'Someone', $2, 1, 'confirmed', encode(extensions.gen_random_bytes(32), 'hex'))`,
    [event.id, contact('zhao')],
  );
  await page.getByLabel(t('en', 'events.signup.contact.label')).fill(contact('zhao'));
  await page.getByLabel(t('en', 'events.signup.partySize.label')).fill('1');
  await page.locator('form.events-signup button[type="submit"]').click();
  await expect(page.locator('#events-signup-contact-error')).toHaveText(
    t('en', 'events.signup.error.already_signed_up'),
  );
  await expect(page.getByLabel(t('en', 'events.signup.name.label'))).toHaveValue('Zhao Min');
  await context.close();
});

test('an event page in Chinese, with JSON-LD, a calendar file ical.js reads, and the map', async ({
  page,
  request,
}) => {
  const event = await createEvent({ capacity: 30, startsIn: 24 * 5 });
  await openEvent(page, event.id, `${event.title}（测试）`, 'zh-cn');
  await expect(page).toHaveTitle(new RegExp(`^${event.title}（测试）`));
  await expect(page.getByText(t('zh-cn', 'events.places.left', { count: 30 }))).toBeVisible();

  const jsonLd = JSON.parse((await page.locator('#events-json-ld').textContent()) ?? '{}');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    'href',
    new RegExp(`/events/view/\\?id=${event.id}$`),
  );
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute(
    'href',
    new RegExp(`/en/events/view/\\?id=${event.id}$`),
  );
  expect(jsonLd).toMatchObject({
    '@type': 'Event',
    name: `${event.title}（测试）`,
    maximumAttendeeCapacity: 30,
  });

  const ics = page.getByRole('link', { name: t('zh-cn', 'events.view.addToCalendar') });
  const response = await request.get((await ics.getAttribute('href')) ?? '');
  expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  const text = await response.text();
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  expect(vevent.uid).toBe(`${event.id}@chuangwei.qingshan.example`);
  expect(vevent.summary).toBe(`${event.title}（测试）`);
  expect(vevent.location).toBe('测试广场');
  const [row] = await sql<{ starts_at: Date }>('select starts_at from public.events where id = $1', [
    event.id,
  ]);
  expect(vevent.startDate.toJSDate().getTime()).toBe(
    Math.floor((row?.starts_at.getTime() ?? 0) / 1000) * 1000,
  );
  expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);

  // The map loads when it scrolls into view, with the meeting place as its one pin.
  await page.locator('.events-map').scrollIntoViewIfNeeded();
  await expect(page.locator('.events-map .events-pin')).toHaveCount(1);
  await expectNoAxeViolations(page);
});

test('the list filters by district and month, shows the map and past results', async ({ page }) => {
  const nanhu = await createEvent({ district: 'nanhu', startsIn: 24 * 3 });
  const beishan = await createEvent({ district: 'beishan', startsIn: 24 * 3 });
  const done = await createEvent({
    district: 'nanhu',
    startsIn: -48,
    status: 'completed',
    results: { volunteers: 17, bags: 42, summary: 'Seventeen neighbours cleared the lane.' },
  });

  await page.goto(eventsPath('en'));
  await expect(page.getByRole('link', { name: nanhu.title })).toBeVisible();
  await expect(page.getByRole('link', { name: beishan.title })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel(t('en', 'events.filter.district')).selectOption('nanhu');
  await page.getByRole('button', { name: t('en', 'events.filter.apply') }).click();
  await expect(page).toHaveURL(/district=nanhu/);
  await expect(page.getByRole('link', { name: nanhu.title })).toBeVisible();
  await expect(page.getByRole('link', { name: beishan.title })).toHaveCount(0);
  const past = page.locator('.events-card', { has: page.getByRole('link', { name: done.title }) });
  await expect(past.getByText(t('en', 'events.results.volunteers', { count: 17 }))).toBeVisible();
  await expect(past.getByText(t('en', 'events.results.bags', { count: 42 }))).toBeVisible();
  await expect(past.getByText('Seventeen neighbours cleared the lane.')).toBeVisible();

  // A month with nothing in it.
  const [far] = await sql<{ month: string }>(
    `select to_char((now() at time zone 'Asia/Shanghai') - interval '5 months', 'YYYY-MM') as month`,
  );
  await page.getByLabel(t('en', 'events.filter.month')).selectOption(far?.month ?? '');
  await page.getByRole('button', { name: t('en', 'events.filter.apply') }).click();
  await expect(page.getByText(t('en', 'events.list.empty'))).toBeVisible();
  await expectNoAxeViolations(page);

  // Back to everything; the map shows the upcoming events.
  await page.getByRole('link', { name: t('en', 'events.filter.clear') }).click();
  await expect(page.getByRole('link', { name: beishan.title })).toBeVisible();
  await page.locator('.events-map').scrollIntoViewIfNeeded();
  await expect(page.locator('.events-map .events-pin').first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test('cancelled, completed and unknown events say so, with no sign-up form', async ({ page }) => {
  const cancelled = await createEvent({ status: 'cancelled', cancelNote: 'Rainstorm warning' });
  await openEvent(page, cancelled.id, cancelled.title);
  await expect(page.getByText(t('en', 'events.view.cancelled'))).toBeVisible();
  await expect(
    page.getByText(t('en', 'events.view.cancelNote', { note: 'Rainstorm warning' })),
  ).toBeVisible();
  await expect(page.locator('form.events-signup')).toHaveCount(0);
  await expectNoAxeViolations(page);

  const completed = await createEvent({
    status: 'completed',
    startsIn: -30,
    results: { volunteers: 8, bags: 12, summary: 'Eight of us, twelve bags.' },
  });
  await openEvent(page, completed.id, completed.title);
  await expect(page.getByRole('heading', { name: t('en', 'events.results.heading') })).toBeVisible();
  await expect(page.getByText(t('en', 'events.results.bags', { count: 12 }))).toBeVisible();
  await expect(page.locator('form.events-signup')).toHaveCount(0);
  await expectNoAxeViolations(page);

  const draft = await createEvent({ status: 'draft' });
  await page.goto(eventPath('en', draft.id));
  await expect(
    page.getByRole('heading', { level: 1, name: t('en', 'events.view.notFound.heading') }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the cancel page without a token explains and lists this device’s sign-ups', async ({ page }) => {
  await page.goto(eventsPath('zh-cn', 'cancel/'));
  await expect(page.getByText(t('zh-cn', 'events.cancel.noToken'))).toBeVisible();
  await expect(page.getByRole('heading', { name: t('zh-cn', 'events.cancel.device.heading') })).toBeVisible();
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute('content', 'no-referrer');
  await expectNoAxeViolations(page);
  await page.goto(`${eventsPath('en', 'cancel/')}?token=${'0'.repeat(64)}`);
  await expect(page.getByText(t('en', 'events.cancel.notFound'))).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the calendar feed of each language parses with ical.js and holds the upcoming events', async ({
  page,
  request,
}) => {
  const event = await createEvent({ startsIn: 24 * 2 });
  for (const locale of ['zh-cn', 'en'] as const) {
    await page.goto(eventsPath(locale));
    const address = await page.getByLabel(t(locale, 'events.feed.addressLabel')).inputValue();
    await expect(page.getByRole('link', { name: t(locale, 'events.feed.subscribe') })).toHaveAttribute(
      'href',
      address.replace(/^https?:/, 'webcal:'),
    );
    // A calendar app sends no Accept header it can rely on: */* must work.
    const response = await request.get(address, { headers: { accept: '*/*' } });
    expect(response.ok()).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(
      locale === 'en' ? 'Qingshan clean days' : '青山市清洁日',
    );
    const mine = calendar
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))
      .find((v) => v.uid.startsWith(event.id));
    expect(mine?.summary).toBe(locale === 'en' ? event.title : `${event.title}（测试）`);
  }
  await expectNoAxeViolations(page);
});
