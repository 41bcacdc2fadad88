/**
 * Row-level security through the gateway, for each kind of caller: an anonymous visitor, a signed-in citizen,
 * a worker (one district), staff, and the service role. What the public must never do: read a contact, an
 * internal note or a token, change a status, write history, or see a hidden report or its photos.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anonClient,
  closeSql,
  createTestUser,
  deleteTestUsers,
  serviceClient,
  signedInClient,
  sql,
  type TestUser,
} from './support/stack.ts';
import { BUCKET, districtCentre, submitReport, type SubmittedReport } from './support/reports.ts';

let visitor: SupabaseClient;
let citizen: SupabaseClient;
let citizenUser: TestUser;
let worker: SupabaseClient;
let staff: SupabaseClient;
let dongcheng: SubmittedReport;
let xicheng: SubmittedReport;

beforeAll(async () => {
  visitor = anonClient();
  citizenUser = await createTestUser();
  citizen = await signedInClient(citizenUser);
  worker = await signedInClient(await createTestUser({ role: 'worker', district: 'dongcheng' }));
  staff = await signedInClient(await createTestUser({ role: 'staff' }));
  dongcheng = await submitReport(anonClient(), {
    district: 'dongcheng',
    photos: 1,
    contactEmail: 'a@example.test',
  });
  xicheng = await submitReport(anonClient(), { district: 'xicheng', photos: 1, contactPhone: '13900139000' });
});

afterAll(async () => {
  await deleteTestUsers();
  await closeSql();
});

/** Each report table with a column it certainly has. */
const REPORT_TABLES = [
  ['reports', 'id'],
  ['report_photos', 'report_id'],
  ['report_updates', 'report_id'],
  ['report_confirmations', 'report_id'],
  ['report_ratings', 'report_id'],
];

describe('the public cannot read report tables directly', () => {
  it.each(REPORT_TABLES)('a visitor is refused any column of %s', async (table, column) => {
    const { data, error } = await visitor.from(table).select(column).limit(1);
    expect(data).toBeNull();
    expect(error?.code).toBe('42501');
  });

  it('a visitor is refused contact details and token hashes outright', async () => {
    for (const columns of ['contact_phone', 'contact_email', 'reporter_token_hash']) {
      const { error } = await visitor.from('reports').select(columns);
      expect(error?.code).toBe('42501');
    }
  });

  it('a signed-in citizen sees no rows at all, and no contact columns', async () => {
    const reports = await citizen.from('reports').select('id, tracking_code');
    expect(reports.error).toBeNull();
    expect(reports.data).toEqual([]);
    const updates = await citizen.from('report_updates').select('internal_note');
    expect(updates.error).toBeNull();
    expect(updates.data).toEqual([]);
    const contacts = await citizen.from('reports').select('contact_email');
    expect(contacts.error?.code).toBe('42501');
  });

  it('nobody can read the reporter token hash, not even staff', async () => {
    const { error } = await staff.from('reports').select('reporter_token_hash');
    expect(error?.code).toBe('42501');
  });
});

describe('staff roles read what their role allows', () => {
  it('staff read every report, but contact details only through the audited function', async () => {
    const { data, error } = await staff
      .from('reports')
      .select('tracking_code, district_code')
      .in('tracking_code', [dongcheng.trackingCode, xicheng.trackingCode]);
    expect(error).toBeNull();
    expect(data).toHaveLength(2);
    const direct = await staff.from('reports').select('contact_phone');
    expect(direct.error?.code).toBe('42501');

    const noReason = await staff.rpc('view_report_contact', { p_report_id: xicheng.id, p_reason: '' });
    expect(noReason.error?.message).toBe('invalid_access_reason');
    const reason = 'Ask the reporter where exactly the pile is.';
    const contact = await staff.rpc('view_report_contact', { p_report_id: xicheng.id, p_reason: reason });
    expect(contact.error).toBeNull();
    expect(contact.data).toEqual([{ contact_phone: '13900139000', contact_email: null }]);
    const audit = await sql<{ changes: { reason: string } }>(
      `select changes from public.audit_log where table_name = 'reports' and record_id = $1`,
      [xicheng.id],
    );
    expect(audit.map((row) => row.changes.reason)).toContain(reason);
  });

  it('contact details are refused to the public and to a worker of another district', async () => {
    const reason = 'Checking who reported this.';
    for (const client of [visitor, citizen, worker]) {
      const { data, error } = await client.rpc('view_report_contact', {
        p_report_id: xicheng.id,
        p_reason: reason,
      });
      expect(data).toBeNull();
      expect(error).not.toBeNull();
    }
  });

  it('a worker reads the reports of their own district only', async () => {
    const { data, error } = await worker
      .from('reports')
      .select('tracking_code, district_code')
      .in('tracking_code', [dongcheng.trackingCode, xicheng.trackingCode]);
    expect(error).toBeNull();
    expect(data).toEqual([{ tracking_code: dongcheng.trackingCode, district_code: 'dongcheng' }]);
  });
});

describe('changing a status', () => {
  it('is refused to a visitor, through the function and directly', async () => {
    const rpc = await visitor.rpc('change_report_status', { p_report_id: dongcheng.id, p_to: 'accepted' });
    expect(rpc.error?.code).toBe('42501');
    const update = await visitor
      .from('reports')
      .update({ status: 'accepted' })
      .eq('id', dongcheng.id)
      .select('id');
    expect(update.error?.code).toBe('42501');
    expect(await statusOf(dongcheng.id)).toBe('submitted');
  });

  it('is refused to a citizen, even one who writes a staff role into their own metadata', async () => {
    const client = await signedInClient(citizenUser);
    await client.auth.updateUser({ data: { role: 'staff' } });
    await client.auth.refreshSession();
    const { error } = await client.rpc('change_report_status', {
      p_report_id: dongcheng.id,
      p_to: 'accepted',
    });
    expect(error?.code).toBe('42501');
    expect(error?.message).toBe('forbidden');
    expect(await statusOf(dongcheng.id)).toBe('submitted');
  });

  it('is allowed to a worker in their own district, not in another', async () => {
    const own = await worker.rpc('change_report_status', {
      p_report_id: dongcheng.id,
      p_to: 'accepted',
      p_internal_note: 'Crew B, Thursday.',
    });
    expect(own.error).toBeNull();
    expect(await statusOf(dongcheng.id)).toBe('accepted');
    const other = await worker.rpc('change_report_status', { p_report_id: xicheng.id, p_to: 'accepted' });
    expect(other.error?.code).toBe('42501');
    expect(await statusOf(xicheng.id)).toBe('submitted');
  });

  it('is allowed to staff in any district, along the state machine only', async () => {
    const accepted = await staff.rpc('change_report_status', { p_report_id: xicheng.id, p_to: 'accepted' });
    expect(accepted.error).toBeNull();
    const illegal = await staff.rpc('change_report_status', { p_report_id: xicheng.id, p_to: 'closed' });
    expect(illegal.error?.code).toBe('P0001');
    expect(illegal.error?.message).toMatch(/^illegal_transition:/);
    expect(await statusOf(xicheng.id)).toBe('accepted');
  });

  it('is not possible by writing the table directly, even for staff', async () => {
    const { error } = await staff.from('reports').update({ status: 'resolved' }).eq('id', xicheng.id);
    expect(error?.code).toBe('42501');
    expect(await statusOf(xicheng.id)).toBe('accepted');
  });
});

describe('history', () => {
  it('cannot be written by anyone through the API, the service role included', async () => {
    const row = {
      report_id: dongcheng.id,
      from_status: 'accepted',
      to_status: 'resolved',
      public_note: 'fake',
    };
    for (const client of [visitor, citizen, staff, serviceClient()]) {
      const { error } = await client.from('report_updates').insert(row);
      expect(error?.code).toBe('42501');
    }
    const fakes = await sql(`select 1 from public.report_updates where public_note = 'fake'`);
    expect(fakes).toHaveLength(0);
  });

  it('keeps internal notes for staff: the worker’s note is readable by staff, never in the public view', async () => {
    const internal = await staff.from('report_updates').select('internal_note').eq('report_id', dongcheng.id);
    expect(internal.data?.map((u) => u.internal_note)).toContain('Crew B, Thursday.');
    const { data } = await visitor.rpc('report_by_code', { p_code: dongcheng.trackingCode });
    expect(JSON.stringify(data)).not.toContain('Crew B');
  });
});

describe('a hidden report', () => {
  let hidden: SubmittedReport;

  beforeAll(async () => {
    hidden = await submitReport(anonClient(), { district: 'nanhu', photos: 1 });
    const { error } = await staff
      .from('reports')
      .update({ hidden: true, hidden_reason: 'Shows a person’s face.' })
      .eq('id', hidden.id);
    expect(error).toBeNull();
  });

  it('disappears from the public view, the map and nearby lists', async () => {
    const byCode = await visitor.rpc('report_by_code', { p_code: hidden.trackingCode });
    expect(byCode.data).toBeNull();
    const { lng, lat } = await districtCentre('nanhu');
    const box = await visitor.rpc('reports_in_bbox', {
      p_west: lng - 0.01,
      p_south: lat - 0.01,
      p_east: lng + 0.01,
      p_north: lat + 0.01,
    });
    expect((box.data as { tracking_code: string }[]).map((r) => r.tracking_code)).not.toContain(
      hidden.trackingCode,
    );
    const nearby = await visitor.rpc('nearby_open_reports', {
      p_lng: lng,
      p_lat: lat,
      p_category: 'road_cleanliness',
    });
    expect((nearby.data as { tracking_code: string }[]).map((r) => r.tracking_code)).not.toContain(
      hidden.trackingCode,
    );
  });

  it('has photos nobody from the public can download or sign', async () => {
    const path = hidden.photoPaths[0] ?? '';
    for (const client of [visitor, citizen]) {
      const download = await client.storage.from(BUCKET).download(path);
      expect(download.error).toMatchObject({ statusCode: '404' });
      const signed = await client.storage.from(BUCKET).createSignedUrls([path], 3600);
      expect(signed.data?.[0]?.signedUrl).toBeNull();
    }
    const staffDownload = await staff.storage.from(BUCKET).download(path);
    expect(staffDownload.error).toBeNull();
  });

  it('cannot be hidden or unhidden by a visitor or a worker', async () => {
    for (const client of [visitor, worker]) {
      await client.from('reports').update({ hidden: false }).eq('id', hidden.id);
    }
    const [row] = await sql<{ hidden: boolean }>(`select hidden from public.reports where id = $1`, [
      hidden.id,
    ]);
    expect(row?.hidden).toBe(true);
  });
});

describe('a hidden photo of a visible report', () => {
  it('is no longer public while the report stays visible', async () => {
    const report = await submitReport(anonClient(), { photos: 2 });
    const [hiddenPath, shownPath] = report.photoPaths as [string, string];
    const { error } = await staff
      .from('report_photos')
      .update({ hidden: true, hidden_reason: 'Licence plate visible.' })
      .eq('storage_path', hiddenPath);
    expect(error).toBeNull();
    const { data } = await visitor.rpc('report_by_code', { p_code: report.trackingCode });
    expect((data as { photos: { path: string }[] }).photos.map((p) => p.path)).toEqual([shownPath]);
    expect((await visitor.storage.from(BUCKET).download(hiddenPath)).error).toMatchObject({
      statusCode: '404',
    });
    expect((await visitor.storage.from(BUCKET).download(shownPath)).error).toBeNull();
  });
});

async function statusOf(id: string): Promise<string | undefined> {
  const [row] = await sql<{ status: string }>(`select status::text from public.reports where id = $1`, [id]);
  return row?.status;
}
