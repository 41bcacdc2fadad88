/**
 * The staff console's data layer through the gateway with supabase-js, as signed-in users of each role: contact
 * details only through the audited function, the queue under row-level security, after-photos in storage
 * and resolve_report, role changes reaching a session on refresh, and the CSV the console writes.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../src/i18n/en.json' with { type: 'json' };
import { csvCell, toCsv } from '../../src/components/console/csv.ts';
import { translator } from '../../src/components/console/messages.ts';
import { exportCsv } from '../../src/components/console/ExportCsv.tsx';
import type { ConsoleContextValue } from '../../src/components/console/context.ts';
import {
  anonClient,
  claimsOf,
  closeSql,
  createTestUser,
  deleteTestUsers,
  signedInClient,
  sql,
  type TestUser,
} from './support/stack.ts';
import { BUCKET, jpegFile, submitReport, type SubmittedReport } from './support/reports.ts';

let worker: TestUser;
let otherWorker: TestUser;
let staff: TestUser;
let admin: TestUser;
let report: SubmittedReport;

beforeAll(async () => {
  [worker, otherWorker, staff, admin] = await Promise.all([
    createTestUser({ role: 'worker', district: 'dongcheng', label: 'console-int-worker' }),
    createTestUser({ role: 'worker', district: 'xicheng', label: 'console-int-worker-b' }),
    createTestUser({ role: 'staff', label: 'console-int-staff' }),
    createTestUser({ role: 'admin', label: 'console-int-admin' }),
  ]);
  report = await submitReport(anonClient(), { district: 'dongcheng', contactPhone: '13600001111' });
});

afterAll(async () => {
  await deleteTestUsers();
  await closeSql();
});

describe('contact details', () => {
  it('cannot be selected from the table, not even by staff', async () => {
    const client = await signedInClient(staff);
    const { error } = await client.from('reports').select('contact_phone').eq('id', report.id);
    expect(error?.code).toBe('42501');
    const { data } = await client.from('reports').select('tracking_code, is_anonymous').eq('id', report.id);
    expect(data).toEqual([{ tracking_code: report.trackingCode, is_anonymous: false }]);
  });

  it('come from view_report_contact with a reason, which is audited first', async () => {
    const client = await signedInClient(staff);
    const refused = await client.rpc('view_report_contact', { p_report_id: report.id, p_reason: 'hi' });
    expect(refused.error?.message).toBe('invalid_access_reason');
    const { data, error } = await client.rpc('view_report_contact', {
      p_report_id: report.id,
      p_reason: 'Call back about the location',
    });
    expect(error).toBeNull();
    expect(data).toEqual([{ contact_phone: '13600001111', contact_email: null }]);
    const rows = await sql<{ actor: string; actor_role: string }>(
      `select actor, actor_role from public.audit_log where action = 'read' and record_id = $1`,
      [report.id],
    );
    expect(rows).toEqual([{ actor: staff.id, actor_role: 'staff' }]);
  });
});

describe('the queue', () => {
  it("holds a worker's district only, by row-level security", async () => {
    const own = await (
      await signedInClient(worker)
    ).rpc('console_reports', { p_search: report.trackingCode });
    expect(own.data?.map((r: { tracking_code: string }) => r.tracking_code)).toEqual([report.trackingCode]);
    const other = await (
      await signedInClient(otherWorker)
    ).rpc('console_reports', {
      p_search: report.trackingCode,
    });
    expect(other.error).toBeNull();
    expect(other.data).toEqual([]);
  });

  it('refuses visitors', async () => {
    const { error } = await anonClient().rpc('console_reports', {});
    expect(error?.code).toBe('42501');
  });
});

describe('after-photos and resolving', () => {
  it('lets only a worker of the district upload, and resolve_report attaches the photo', async () => {
    const target = await submitReport(anonClient(), { district: 'dongcheng' });
    const path = `after/${target.id}/${randomUUID()}.jpg`;
    const outsider = await signedInClient(otherWorker);
    const refused = await outsider.storage.from(BUCKET).upload(path, jpegFile());
    expect(refused.error).not.toBeNull();

    const client = await signedInClient(worker);
    for (const to of ['accepted', 'in_progress']) {
      const { error } = await client.rpc('change_report_status', { p_report_id: target.id, p_to: to });
      expect(error).toBeNull();
    }
    const noPhoto = await client.rpc('resolve_report', { p_report_id: target.id, p_photo_paths: [] });
    expect(noPhoto.error?.message).toBe('after_photo_required');
    const upload = await client.storage.from(BUCKET).upload(path, jpegFile());
    expect(upload.error).toBeNull();
    const { error } = await client.rpc('resolve_report', {
      p_report_id: target.id,
      p_photo_paths: [path],
      p_public_note: 'Cleared.',
    });
    expect(error).toBeNull();
    const { data } = await anonClient().rpc('report_by_code', { p_code: target.trackingCode });
    expect(data.status).toBe('resolved');
    expect(data.photos).toEqual([{ path, kind: 'after' }]);
  });
});

describe('roles', () => {
  it('reach a session when it refreshes, and only admins can set them', async () => {
    const person = await createTestUser({ label: 'console-int-person' });
    const client = await signedInClient(person);
    const byStaff = await (
      await signedInClient(staff)
    ).rpc('set_user_role', {
      p_user_id: person.id,
      p_role: 'staff',
    });
    expect(byStaff.error?.message).toBe('forbidden');

    const byAdmin = await (
      await signedInClient(admin)
    ).rpc('set_user_role', {
      p_user_id: person.id,
      p_role: 'worker',
      p_district: 'gaoxin',
    });
    expect(byAdmin.error).toBeNull();
    const { data } = await client.auth.refreshSession();
    const claims = claimsOf(data.session?.access_token ?? '');
    expect(claims.app_metadata).toMatchObject({ role: 'worker', district: 'gaoxin' });
    const queue = await client.rpc('console_reports', {});
    expect(queue.error).toBeNull();
  });
});

describe('the CSV file', () => {
  it('quotes, keeps Chinese readable in spreadsheets and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(null)).toBe('');
    expect(toCsv(['编号', 'b'], [['垃圾', 1]])).toBe('\uFEFF编号,b\r\n垃圾,1\r\n');
  });

  it('is built from export_reports with the labels of the page, contact columns only when asked', async () => {
    const client = await signedInClient(admin);
    const { data, error } = await client.rpc('export_reports', {
      p_search: report.trackingCode,
      p_with_contact: true,
    });
    expect(error).toBeNull();
    const context = {
      locale: 'en',
      t: translator(en),
      messages: en,
      basePath: '/en/console/',
      identity: { id: admin.id, email: admin.email, role: 'admin', district: null },
      reference: {
        categories: [{ code: 'road_cleanliness', name_zh: '道路不洁', name_en: 'Dirty streets' }],
        districts: [{ code: 'dongcheng', name_zh: '东城区', name_en: 'Dongcheng District' }],
        departments: [],
        holidays: new Map(),
      },
    } as unknown as ConsoleContextValue;
    const csv = exportCsv(context, data, true).slice(1).split('\r\n');
    expect(csv[0]?.split(',').slice(-2)).toEqual(["Reporter's phone", "Reporter's email"]);
    expect(csv[1]).toMatch(new RegExp(`^${report.trackingCode},Submitted,Dirty streets,Dongcheng District,`));
    expect(csv[1]).toMatch(/,13600001111,$/);
    expect(exportCsv(context, data, false)).not.toContain('13600001111');
  });
});
