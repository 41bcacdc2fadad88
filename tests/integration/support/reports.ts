/**
 * Report fixtures made the way the site makes them: photos uploaded to the report-photos bucket under
 * pending/<idempotency key>/, then submit_report through PostgREST.
 */
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { sql } from './stack.ts';

export const BUCKET = 'report-photos';

/** A tiny JPEG-looking body; the storage rules look at the declared type and size, not the pixels. */
export function jpegBytes(size = 64): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  bytes[size - 2] = 0xff;
  bytes[size - 1] = 0xd9;
  return bytes;
}

/** A photo as the browser sends it (a File is a Blob with a type). */
export function jpegFile(size = 64): Blob {
  return new Blob([jpegBytes(size)], { type: 'image/jpeg' });
}

export function pendingPath(idempotencyKey: string, extension = 'jpg'): string {
  return `pending/${idempotencyKey}/${randomUUID()}.${extension}`;
}

/** Uploads one photo for a report that is about to be sent; returns its storage path. */
export async function uploadPendingPhoto(client: SupabaseClient, idempotencyKey: string): Promise<string> {
  const path = pendingPath(idempotencyKey);
  const { error } = await client.storage.from(BUCKET).upload(path, jpegFile());
  if (error) throw error;
  return path;
}

/** The centre of a district (a point every report check accepts). */
export async function districtCentre(code: string): Promise<{ lng: number; lat: number }> {
  const [row] = await sql<{ lng: number; lat: number }>(
    `select extensions.st_x(centre::extensions.geometry) as lng, extensions.st_y(centre::extensions.geometry) as lat
       from public.districts where code = $1`,
    [code],
  );
  if (!row) throw new Error(`No district ${code}`);
  return row;
}

export interface SubmittedReport {
  trackingCode: string;
  reporterToken: string;
  idempotencyKey: string;
  photoPaths: string[];
  id: string;
}

/** Sends a report like the site's form: photos first, then submit_report with the same idempotency key. */
export async function submitReport(
  client: SupabaseClient,
  options: { district?: string; photos?: number; contactEmail?: string; contactPhone?: string } = {},
): Promise<SubmittedReport> {
  const district = options.district ?? 'dongcheng';
  const idempotencyKey = randomUUID();
  const photoPaths: string[] = [];
  for (let i = 0; i < (options.photos ?? 0); i += 1)
    photoPaths.push(await uploadPendingPhoto(client, idempotencyKey));
  const { lng, lat } = await districtCentre(district);
  const { data, error } = await client.rpc('submit_report', {
    p_idempotency_key: idempotencyKey,
    p_category: 'road_cleanliness',
    p_description: 'Litter all along the pavement outside the market entrance.',
    p_lng: lng,
    p_lat: lat,
    p_address: 'Test Road 1',
    p_district: district,
    p_contact_email: options.contactEmail ?? null,
    p_contact_phone: options.contactPhone ?? null,
    p_photo_paths: photoPaths,
  });
  if (error) throw error;
  const row = (data as { tracking_code: string; reporter_token: string; created: boolean }[])[0];
  if (!row?.created) throw new Error('submit_report did not create a report');
  const [stored] = await sql<{ id: string }>(`select id from public.reports where tracking_code = $1`, [
    row.tracking_code,
  ]);
  return {
    trackingCode: row.tracking_code,
    reporterToken: row.reporter_token,
    idempotencyKey,
    photoPaths,
    id: stored?.id ?? '',
  };
}
