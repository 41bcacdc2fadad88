/**
 * The report API as the site calls it (PostgREST RPC through the gateway, supabase-js): sending a report with
 * photos, reading it back by tracking code, the map and nearby queries, "me too", and the reporter's rating —
 * including what each answer must never contain.
 */
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anonClient,
  closeSql,
  createTestUser,
  deleteTestUsers,
  randomTestIp,
  signedInClient,
  sql,
} from './support/stack.ts';
import { districtCentre, submitReport, uploadPendingPhoto, type SubmittedReport } from './support/reports.ts';

/** Keys of report_by_code that hold private data; none may ever appear in a public answer. */
const PRIVATE_KEYS = [
  'id',
  'contact_phone',
  'contact_email',
  'reporter_token',
  'reporter_token_hash',
  'idempotency_key',
  'internal_note',
  'assigned_to',
  'hidden',
  'hidden_reason',
];

let staff: SupabaseClient;
let report: SubmittedReport;

beforeAll(async () => {
  staff = await signedInClient(await createTestUser({ role: 'staff' }));
  report = await submitReport(anonClient(), {
    photos: 1,
    contactEmail: 'resident@example.test',
    contactPhone: '13800138000',
  });
});

afterAll(async () => {
  await deleteTestUsers();
  await closeSql();
});

function submit(client: SupabaseClient, args: Record<string, unknown>) {
  return client.rpc('submit_report', args);
}

async function validArgs(idempotencyKey = randomUUID()) {
  const { lng, lat } = await districtCentre('nanhu');
  return {
    p_idempotency_key: idempotencyKey,
    p_category: 'overflowing_bin',
    p_description: 'The bin by the bus stop has been overflowing since Monday.',
    p_lng: lng,
    p_lat: lat,
    p_address: 'Bus stop, Lake Road',
  };
}

describe('submit_report', () => {
  it('returns a tracking code in the QS-XXXX-XXXX form and a reporter token', () => {
    expect(report.trackingCode).toMatch(/^QS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(report.reporterToken.length).toBeGreaterThanOrEqual(32);
  });

  it('is idempotent: the same key again returns the same code, no token, and stores one report', async () => {
    const client = anonClient();
    const args = await validArgs();
    const first = await submit(client, args);
    const second = await submit(client, args);
    expect(first.error).toBeNull();
    expect(second.error).toBeNull();
    const [a] = first.data as { tracking_code: string; reporter_token: string | null; created: boolean }[];
    const [b] = second.data as { tracking_code: string; reporter_token: string | null; created: boolean }[];
    expect(a?.created).toBe(true);
    expect(b).toEqual({ tracking_code: a?.tracking_code, reporter_token: null, created: false });
    const rows = await sql(`select 1 from public.reports where idempotency_key = $1`, [
      args.p_idempotency_key,
    ]);
    expect(rows).toHaveLength(1);
  });

  it.each([
    ['a description under 10 characters', { p_description: 'Too short' }, 'invalid_description_length'],
    ['an unknown category', { p_category: 'fireworks' }, 'invalid_category'],
    ['a point outside the city', { p_lng: 2.35, p_lat: 48.86 }, 'invalid_location'],
    ['a malformed phone number', { p_contact_phone: '12345' }, 'invalid_contact'],
    [
      'a photo outside its pending folder',
      { p_photo_paths: [`pending/${randomUUID()}/${randomUUID()}.jpg`] },
      'invalid_photos',
    ],
  ])('refuses %s with a message key the site translates', async (_case, change, message) => {
    const { data, error } = await submit(anonClient(), { ...(await validArgs()), ...change });
    expect(data).toBeNull();
    expect(error?.code).toBe('22023');
    expect(error?.message).toBe(message);
  });

  it('refuses a photo path that was never uploaded', async () => {
    const args = await validArgs();
    const { error } = await submit(anonClient(), {
      ...args,
      p_photo_paths: [`pending/${args.p_idempotency_key}/${randomUUID()}.jpg`],
    });
    expect(error?.message).toBe('invalid_photos');
  });

  it('refuses more than three photos', async () => {
    const client = anonClient();
    const args = await validArgs();
    const paths = [];
    for (let i = 0; i < 4; i += 1) paths.push(await uploadPendingPhoto(client, args.p_idempotency_key));
    const { error } = await submit(client, { ...args, p_photo_paths: paths });
    expect(error?.message).toBe('invalid_photos');
  });

  it('limits one client address to 10 reports an hour, while others can still report', async () => {
    const ip = randomTestIp();
    const client = anonClient(ip);
    for (let i = 0; i < 10; i += 1) {
      const { error } = await submit(client, await validArgs());
      expect(error).toBeNull();
    }
    const eleventh = await submit(anonClient(ip), await validArgs());
    expect(eleventh.error?.message).toBe('rate_limited');
    const someoneElse = await submit(anonClient(), await validArgs());
    expect(someoneElse.error).toBeNull();
  });
});

describe('report_by_code', () => {
  it('shows the public view of a report, with its photos and history', async () => {
    const { data, error } = await anonClient().rpc('report_by_code', { p_code: report.trackingCode });
    expect(error).toBeNull();
    const view = data as Record<string, unknown>;
    expect(view).toMatchObject({
      tracking_code: report.trackingCode,
      category_code: 'road_cleanliness',
      district_code: 'dongcheng',
      status: 'submitted',
      photos: [{ path: report.photoPaths[0], kind: 'before' }],
      rating: null,
    });
    expect(typeof view.lng).toBe('number');
    expect(typeof view.lat).toBe('number');
    expect(view.due_at).toBeTruthy();
  });

  it('never includes contact details, tokens, internal notes or moderation fields', async () => {
    const { error } = await staff.rpc('change_report_status', {
      p_report_id: report.id,
      p_to: 'accepted',
      p_public_note: 'Thank you, we are on it.',
      p_internal_note: 'Call the market manager at 139…',
    });
    expect(error).toBeNull();
    const { data } = await anonClient().rpc('report_by_code', { p_code: report.trackingCode });
    const view = data as Record<string, unknown>;
    for (const key of PRIVATE_KEYS) expect(view).not.toHaveProperty(key);
    const text = JSON.stringify(view);
    expect(text).not.toContain('resident@example.test');
    expect(text).not.toContain('13800138000');
    expect(text).not.toContain('market manager');
    expect(text).not.toContain(report.reporterToken);
    const updates = view.updates as Record<string, unknown>[];
    expect(updates.at(-1)).toMatchObject({ to_status: 'accepted', public_note: 'Thank you, we are on it.' });
    for (const update of updates) {
      expect(Object.keys(update).sort()).toEqual(['created_at', 'from_status', 'public_note', 'to_status']);
    }
  });

  it('accepts a code typed in lower case with spaces, and answers null for an unknown code', async () => {
    const typed = ` ${report.trackingCode.toLowerCase()} `;
    const found = await anonClient().rpc('report_by_code', { p_code: typed });
    expect((found.data as { tracking_code: string } | null)?.tracking_code).toBe(report.trackingCode);
    const missing = await anonClient().rpc('report_by_code', { p_code: 'QS-0000-0000' });
    expect(missing.error).toBeNull();
    expect(missing.data).toBeNull();
  });
});

describe('map and nearby queries', () => {
  it('finds the report in a box around it, with plain coordinates', async () => {
    const { lng, lat } = await districtCentre('dongcheng');
    const { data, error } = await anonClient().rpc('reports_in_bbox', {
      p_west: lng - 0.01,
      p_south: lat - 0.01,
      p_east: lng + 0.01,
      p_north: lat + 0.01,
    });
    expect(error).toBeNull();
    const row = (data as Record<string, unknown>[]).find((r) => r.tracking_code === report.trackingCode);
    expect(row).toBeDefined();
    expect(row?.lng).toBeCloseTo(lng, 6);
    expect(row?.lat).toBeCloseTo(lat, 6);
    for (const key of PRIVATE_KEYS) expect(row).not.toHaveProperty(key);
  });

  it('lists open reports of a category near a point', async () => {
    const { lng, lat } = await districtCentre('dongcheng');
    const { data, error } = await anonClient().rpc('nearby_open_reports', {
      p_lng: lng,
      p_lat: lat,
      p_category: 'road_cleanliness',
    });
    expect(error).toBeNull();
    expect((data as { tracking_code: string }[]).map((r) => r.tracking_code)).toContain(report.trackingCode);
  });
});

describe('confirmations and ratings', () => {
  it('counts a "me too" once per device', async () => {
    const fresh = await submitReport(anonClient());
    const device = randomUUID();
    const first = await anonClient().rpc('confirm_report', {
      p_code: fresh.trackingCode,
      p_device_id: device,
    });
    const again = await anonClient().rpc('confirm_report', {
      p_code: fresh.trackingCode,
      p_device_id: device,
    });
    const other = await anonClient().rpc('confirm_report', {
      p_code: fresh.trackingCode,
      p_device_id: randomUUID(),
    });
    expect(first.data).toBe(1);
    expect(again.data).toBe(1);
    expect(other.data).toBe(2);
  });

  it('lets the reporter rate a resolved report once, with their token only', async () => {
    const fresh = await submitReport(anonClient());
    for (const to of ['accepted', 'in_progress', 'resolved']) {
      const { error } = await staff.rpc('change_report_status', { p_report_id: fresh.id, p_to: to });
      expect(error).toBeNull();
    }
    const wrongToken = await anonClient().rpc('rate_report', {
      p_code: fresh.trackingCode,
      p_reporter_token: 'not-the-token',
      p_score: 1,
    });
    expect(wrongToken.error?.message).toBe('invalid_reporter_token');
    const rated = await anonClient().rpc('rate_report', {
      p_code: fresh.trackingCode,
      p_reporter_token: fresh.reporterToken,
      p_score: 5,
      p_comment: 'Cleaned the same day.',
    });
    expect(rated.error).toBeNull();
    const twice = await anonClient().rpc('rate_report', {
      p_code: fresh.trackingCode,
      p_reporter_token: fresh.reporterToken,
      p_score: 1,
    });
    expect(twice.error?.message).toBe('already_rated');
    const { data } = await anonClient().rpc('report_by_code', { p_code: fresh.trackingCode });
    expect((data as { rating: unknown }).rating).toEqual({ score: 5, comment: 'Cleaned the same day.' });
  });
});
