/**
 * Everything the form says to Supabase, in a chunk of its own that the page loads only when it first needs the
 * server (a nearby check, a send): supabase-js is larger than the whole form.
 */
import { pendingPhotoPath, SendFailure, type OutboxItem } from '../../lib/outbox/index.ts';
import type { SendHooks } from '../../lib/outbox/queue.ts';
import { serverProblem } from '../../lib/report/validation.ts';
import { getPublicSupabase } from '../../lib/supabase/public-client.ts';
import { supabaseSettings } from '../../lib/supabase/settings.ts';

const BUCKET = 'report-photos';

/** Upload progress of one photo, 0–1. */
export type Progress = (itemId: string, photoId: string, fraction: number) => void;

/**
 * Uploads one photo. XMLHttpRequest rather than supabase-js (which uses fetch) because only it reports upload
 * progress; the request is the one storage-js makes (POST /storage/v1/object/<bucket>/<path>, no upsert).
 * An object already there (HTTP 409, or 400 with statusCode "409" / error "Duplicate") is a retried upload
 * that had arrived: done.
 */
function upload(path: string, blob: Blob, onProgress: (fraction: number) => void): Promise<void> {
  const { url, anonKey } = supabaseSettings();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${url}/storage/v1/object/${BUCKET}/${path}`);
    xhr.setRequestHeader('authorization', `Bearer ${anonKey}`);
    xhr.setRequestHeader('apikey', anonKey);
    xhr.setRequestHeader('x-upsert', 'false');
    xhr.setRequestHeader('content-type', blob.type || 'image/jpeg');
    xhr.timeout = 180_000;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: { statusCode?: string; error?: string } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // not JSON: judge by the HTTP status
      }
      const status = Number(body.statusCode ?? xhr.status);
      if ((xhr.status >= 200 && xhr.status < 300) || status === 409 || body.error === 'Duplicate') {
        onProgress(1);
        resolve();
      } else if (status >= 500 || status === 429 || status === 408) {
        reject(new Error(`upload ${status}`)); // worth trying again later
      } else {
        reject(new SendFailure({ field: 'photos', key: 'report.error.photos.upload', retry: false }));
      }
    };
    xhr.onerror = xhr.ontimeout = xhr.onabort = () => reject(new Error('upload failed'));
    xhr.send(blob);
  });
}

/** The outbox's sender: the photos not uploaded yet, then submit_report under the item's idempotency key. */
export async function sendReport(
  item: OutboxItem,
  hooks: SendHooks,
  onProgress: Progress,
): Promise<{ trackingCode: string; reporterToken: string | null }> {
  for (const photo of item.photos) {
    if (photo.uploaded) continue;
    await upload(pendingPhotoPath(item.id, photo.id), photo.blob, (f) => onProgress(item.id, photo.id, f));
    await hooks.photoUploaded(photo.id);
  }
  const d = item.draft;
  const { data, error } = await getPublicSupabase().rpc('submit_report', {
    p_idempotency_key: item.id,
    p_category: d.category,
    p_description: d.description,
    p_lng: d.lng,
    p_lat: d.lat,
    p_address: d.address,
    p_district: d.district ?? undefined,
    p_contact_phone: d.contactPhone ?? undefined,
    p_contact_email: d.contactEmail ?? undefined,
    p_photo_paths: item.photos.map((p) => pendingPhotoPath(item.id, p.id)),
    p_reporter_token: d.reporterToken,
  });
  if (error) throw new SendFailure(serverProblem(error, d));
  const row = data[0];
  if (!row) throw new Error('submit_report returned no row');
  // The device made the token, so it holds it even when this answer carries none.
  return { trackingCode: row.tracking_code, reporterToken: row.reporter_token ?? d.reporterToken ?? null };
}

export interface NearbyReport {
  tracking_code: string;
  category_code: string;
  status: string;
  description: string;
  address: string | null;
  distance_m: number;
  created_at: string;
  confirmations_count: number;
}

/** Open reports of the category within 250 m, nearest first. */
export async function nearbyOpenReports(lng: number, lat: number, category: string): Promise<NearbyReport[]> {
  const { data, error } = await getPublicSupabase().rpc('nearby_open_reports', {
    p_lng: lng,
    p_lat: lat,
    p_category: category,
    p_radius_m: 250,
  });
  if (error) throw new Error(error.message);
  return data;
}

/** "Me too" on an open report, once per device; the new count. */
export async function confirmReport(code: string, deviceId: string): Promise<number> {
  const { data, error } = await getPublicSupabase().rpc('confirm_report', {
    p_code: code,
    p_device_id: deviceId,
  });
  if (error) throw new Error(error.message);
  return data;
}
