/**
 * Fixtures for the browser tests of the public report pages (map and list, report page, track, stats).
 * Reports are made the way the site makes them (photo upload to pending/, then submit_report through the
 * gateway) at a random spot in an area the demo seed leaves empty, so tests never read or change seed
 * reports; staff changes go through change_report_status with the service role; each file hides its own
 * reports at the end (reports cannot be deleted: their history is append-only).
 *
 * The stack's settings, clients and SQL are the integration tests' (tests/integration/support/stack.ts).
 */
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import en from '../../src/i18n/en.json' with { type: 'json' };
import zhCN from '../../src/i18n/zh-CN.json' with { type: 'json' };
import { anonClient, closeSql, serviceClient, sql, stack } from '../integration/support/stack.ts';

export { anonClient, closeSql, serviceClient, sql, stack };
export { randomTestIp as randomIp } from '../integration/support/stack.ts';

const dictionaries = { 'zh-cn': zhCN, en } as Record<'zh-cn' | 'en', Record<string, string>>;
/** Text from the dictionaries (not copies), with {{placeholders}} filled in. */
export function text(
  locale: 'zh-cn' | 'en',
  key: string,
  vars: Record<string, string | number> = {},
): string {
  const template = dictionaries[locale][key];
  if (template === undefined) throw new Error(`No message ${key}`);
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars[name] ?? `{{${name}}}`));
}

/** A random spot in an area of Dongcheng's service zone that the demo seed leaves empty. */
export function emptySpot(): { lng: number; lat: number } {
  return { lng: 114.155 + Math.random() * 0.04, lat: 22.625 + Math.random() * 0.05 };
}

export interface FixtureReport {
  id: string;
  code: string;
  token: string;
  lng: number;
  lat: number;
  description: string;
}

const created: string[] = [];

/** Sends a report like the site's form (optionally with a real JPEG photo), as an anonymous visitor. */
export async function createReport(
  at: { lng: number; lat: number },
  extra: { category?: string; description?: string; address?: string; photo?: boolean } = {},
): Promise<FixtureReport> {
  const client = anonClient();
  const key = randomUUID();
  const photos: string[] = [];
  if (extra.photo) {
    const photoPath = `pending/${key}/${randomUUID()}.jpg`;
    const bytes = fs.readFileSync('tests/fixtures/photo-rotated.jpg');
    const upload = await client.storage
      .from('report-photos')
      .upload(photoPath, new Blob([bytes], { type: 'image/jpeg' }));
    if (upload.error) throw upload.error;
    photos.push(photoPath);
  }
  const description = extra.description ?? `测试报告 ${key.slice(0, 8)}：人行道上有很多垃圾。`;
  const { data, error } = await client.rpc('submit_report', {
    p_idempotency_key: key,
    p_category: extra.category ?? 'garbage_pile',
    p_description: description,
    p_lng: at.lng,
    p_lat: at.lat,
    p_address: extra.address ?? '东城区测试路 1 号',
    p_district: 'dongcheng',
    p_photo_paths: photos,
  });
  if (error) throw error;
  const row = (data as { tracking_code: string; reporter_token: string }[])[0];
  if (!row) throw new Error('submit_report returned nothing');
  const [stored] = await sql<{ id: string }>('select id from public.reports where tracking_code = $1', [
    row.tracking_code,
  ]);
  if (!stored) throw new Error('report not stored');
  created.push(stored.id);
  return { id: stored.id, code: row.tracking_code, token: row.reporter_token, ...at, description };
}

/** A status change as staff make it (service role through the gateway: the same function and trigger). */
export async function changeStatus(
  report: FixtureReport,
  to: string,
  extra: { note?: string; rejectReason?: string; duplicateOf?: string; referredTo?: string } = {},
): Promise<void> {
  const { error } = await serviceClient().rpc('change_report_status', {
    p_report_id: report.id,
    p_to: to,
    p_public_note: extra.note ?? null,
    p_reject_reason: extra.rejectReason ?? null,
    p_duplicate_of_code: extra.duplicateOf ?? null,
    p_referred_to: extra.referredTo ?? null,
  });
  if (error) throw new Error(`${to}: ${error.message}`);
}

/** Drives a report along accepted → in_progress → resolved. */
export async function resolve(report: FixtureReport): Promise<void> {
  for (const to of ['accepted', 'in_progress', 'resolved'])
    await changeStatus(report, to, { note: `测试：${to}` });
}

/** Hides every report this file created (the public never sees them again). */
export async function hideCreatedReports(): Promise<void> {
  if (created.length === 0) return;
  await sql(
    `update public.reports set hidden = true, hidden_reason = 'e2e fixture' where id = any($1) and not hidden`,
    [created.splice(0)],
  );
}

/** Puts a report into this browser's "my reports", as the report form does after sending. */
export async function rememberOnDevice(
  page: Page,
  reports: { code: string; token: string | null }[],
): Promise<void> {
  const entries = reports.map((r) => ({
    trackingCode: r.code,
    reporterToken: r.token,
    createdAt: new Date().toISOString(),
  }));
  await page.addInitScript((value) => {
    if (!localStorage.getItem('qingshan.myReports.v1')) localStorage.setItem('qingshan.myReports.v1', value);
  }, JSON.stringify(entries));
}

/** Axe with the tags the project requires. */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The report page of a code. */
export const reportUrl = (code: string, locale: 'zh-cn' | 'en' = 'zh-cn') =>
  `${locale === 'en' ? '/en' : ''}/reports/view/?code=${encodeURIComponent(code)}`;
