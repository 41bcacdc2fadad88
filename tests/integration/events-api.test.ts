/**
 * The clean-day API as the site, calendar apps and the console call it (PostgREST through the gateway): the
 * iCalendar file and feed whatever Accept header arrives and with the key in the query (as calendar apps must
 * send it), what the public may and may not read, and the organiser functions for each role.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import {
  anonClient,
  closeSql,
  createTestUser,
  deleteTestUsers,
  signedInClient,
  sql,
  stack,
} from './support/stack.ts';

const created: string[] = [];
let eventId: string;
let worker: SupabaseClient;
let otherWorker: SupabaseClient;
let citizen: SupabaseClient;
let staff: SupabaseClient;

async function newEvent(status = 'published', district = 'dongcheng'): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `insert into public.events (title_zh, title_en, description_zh, description_en, starts_at, ends_at, place_zh,
       place_en, location, district_code, capacity, organiser_zh, organiser_en, status)
     values ('接口测试清洁日', 'API test clean day; with, punctuation', '测试', 'Test', now() + interval '4 days',
       now() + interval '4 days 2 hours', '测试广场', 'Test Square', 'SRID=4326;POINT(114.11 22.59)', $2, 5, '测试',
       'Test', $1)
     returning id`,
    [status, district],
  );
  created.push(row!.id);
  return row!.id;
}

const form = {
  title_zh: '接口创建的清洁日',
  title_en: 'Clean day made through the API',
  description_zh: '测试',
  description_en: 'Test',
  place_zh: '测试广场',
  place_en: 'Test Square',
  organiser_zh: '测试',
  organiser_en: 'Test',
  starts_at: new Date(Date.now() + 10 * 86_400_000).toISOString(),
  ends_at: new Date(Date.now() + 10 * 86_400_000 + 7_200_000).toISOString(),
  lng: 114.11,
  lat: 22.59,
  district_code: 'dongcheng',
  capacity: 10,
};

beforeAll(async () => {
  eventId = await newEvent();
  [worker, otherWorker, citizen, staff] = await Promise.all([
    createTestUser({ role: 'worker', district: 'dongcheng' }).then((u) => signedInClient(u)),
    createTestUser({ role: 'worker', district: 'xicheng' }).then((u) => signedInClient(u)),
    createTestUser().then((u) => signedInClient(u)),
    createTestUser({ role: 'staff' }).then((u) => signedInClient(u)),
  ]);
});

afterAll(async () => {
  await sql('delete from public.events where id = any($1::uuid[])', [created]);
  await deleteTestUsers();
  await closeSql();
});

describe('calendars', () => {
  const icsUrl = (id: string, extra = '') =>
    `${stack.url}/rest/v1/rpc/event_ics?p_event_id=${id}&p_locale=en${extra}`;

  it.each([
    ['no Accept header', undefined],
    ['*/*', '*/*'],
    ['text/calendar', 'text/calendar'],
    ['a calendar app’s list', 'text/calendar, text/plain;q=0.8, */*;q=0.5'],
    ['application/json', 'application/json'],
  ])('answers %s with text/calendar', async (_, accept) => {
    const response = await fetch(icsUrl(eventId), {
      headers: { apikey: stack.anonKey, ...(accept ? { accept } : {}) },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="clean-day-[0-9a-f]{8}\.ics"$/,
    );
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(await response.text())).getFirstSubcomponent('vevent')!,
    );
    expect(event.summary).toBe('API test clean day; with, punctuation');
  });

  it('works with the key in the query alone, as a subscribed calendar app sends it', async () => {
    const response = await fetch(icsUrl(eventId, `&apikey=${stack.anonKey}`));
    expect(response.status).toBe(200);
    const feed = await fetch(`${stack.url}/rest/v1/rpc/events_ics?p_locale=zh-cn&apikey=${stack.anonKey}`);
    expect(feed.status).toBe(200);
    const uids = new ICAL.Component(ICAL.parse(await feed.text()))
      .getAllSubcomponents('vevent')
      .map((v) => String(v.getFirstPropertyValue('uid')));
    expect(uids).toContain(`${eventId}@chuangwei.qingshan.example`);
    expect(uids.every((uid) => /^[0-9a-f-]{36}@chuangwei\.qingshan\.example$/.test(uid))).toBe(true);
  });

  it('answers 404 for a draft and 400 for a language it does not speak', async () => {
    const draft = await newEvent('draft');
    expect((await fetch(icsUrl(draft), { headers: { apikey: stack.anonKey } })).status).toBe(404);
    const french = await fetch(`${stack.url}/rest/v1/rpc/events_ics?p_locale=fr`, {
      headers: { apikey: stack.anonKey },
    });
    expect(french.status).toBe(400);
  });
});

describe('what the public reads', () => {
  it('lists events with places left, and nothing private', async () => {
    const { data, error } = await anonClient().rpc('events_in_range', { p_past: false });
    expect(error).toBeNull();
    const mine = (data as { id: string }[] | null)?.find((e) => e.id === eventId);
    expect(mine).toMatchObject({ capacity: 5, spots_left: 5, status: 'published' });
    expect(Object.keys(mine ?? {})).not.toContain('created_by');
  });

  it('cannot read sign-ups or the report links directly', async () => {
    const visitor = anonClient();
    expect((await visitor.from('event_signups').select('id')).error?.code).toBe('42501');
    expect((await visitor.from('event_reports').select('event_id')).error?.code).toBe('42501');
    expect((await citizen.rpc('event_signups_for_staff', { p_event_id: eventId })).error?.message).toBe(
      'forbidden',
    );
  });

  it('reads back its own sign-up with the token, without the contact', async () => {
    const visitor = anonClient();
    const { data } = await visitor.rpc('signup_for_event', {
      p_event_id: eventId,
      p_name: '周七',
      p_contact: 'zhou7@example.test',
      p_party_size: 2,
    });
    const token = data?.[0]?.cancel_token ?? '';
    const own = await visitor.rpc('event_signup_by_token', { p_cancel_token: token });
    expect(own.data).toEqual([
      expect.objectContaining({ event_id: eventId, name: '周七', party_size: 2, status: 'confirmed' }),
    ]);
    expect(JSON.stringify(own.data)).not.toContain('zhou7@example.test');
  });
});

describe('organisers', () => {
  it('the public and citizens cannot create events', async () => {
    expect((await anonClient().rpc('create_event', { p_event: form })).error?.code).toBe('42501');
    expect((await citizen.rpc('create_event', { p_event: form })).error?.message).toBe('forbidden');
  });

  it('a worker creates in their district only; another district’s worker cannot touch it', async () => {
    const { data: id, error } = await worker.rpc('create_event', { p_event: form });
    expect(error).toBeNull();
    created.push(id as string);
    expect((await otherWorker.rpc('create_event', { p_event: form })).error?.message).toBe('forbidden');
    const edit = await otherWorker.rpc('update_event', {
      p_event_id: id as string,
      p_event: { ...form, district_code: 'xicheng' },
    });
    expect(edit.error?.message).toBe('event_not_found');
    const cancel = await otherWorker.rpc('cancel_event', { p_event_id: id as string });
    expect(cancel.error?.message).toBe('event_not_found');
    // Staff organise everywhere.
    expect(
      (await staff.rpc('update_event', { p_event_id: id as string, p_event: { ...form, capacity: 12 } }))
        .error,
    ).toBeNull();
  });

  it('names the field the database refuses', async () => {
    const { error } = await worker.rpc('create_event', { p_event: { ...form, title_en: '' } });
    expect(error?.message).toBe('invalid_title_en');
    expect(error?.code).toBe('22023');
  });

  it('the organiser lists sign-ups with contacts; another district’s worker gets nothing', async () => {
    const mine = await worker.rpc('event_signups_for_staff', { p_event_id: eventId });
    expect((mine.data as { contact: string }[] | null)?.map((s) => s.contact)).toContain(
      'zhou7@example.test',
    );
    expect((await otherWorker.rpc('event_signups_for_staff', { p_event_id: eventId })).error?.message).toBe(
      'event_not_found',
    );
  });
});
