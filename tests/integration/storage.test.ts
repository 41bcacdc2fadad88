/**
 * The report-photos bucket through storage-js and the gateway: the project's storage policies and bucket
 * limits decide who may upload, read, sign and delete what (see
 * supabase/migrations/*_create_report_photos_bucket.sql). Errors come back as the real Storage server sends
 * them: HTTP 400 with the meaningful status in `statusCode`.
 */
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signJwt } from '../../scripts/stack/jwt.ts';
import { jwtSecret } from '../../scripts/stack/config.ts';
import {
  anonClient,
  closeSql,
  createTestUser,
  deleteTestUsers,
  serviceClient,
  signedInClient,
  sql,
  stack,
} from './support/stack.ts';
import {
  BUCKET,
  jpegBytes,
  jpegFile,
  pendingPath,
  submitReport,
  uploadPendingPhoto,
} from './support/reports.ts';

const TEN_MB = 10 * 1024 * 1024;

let visitor: SupabaseClient;
let staff: SupabaseClient;
let worker: SupabaseClient;
let citizen: SupabaseClient;
let pendingPhoto: string;

beforeAll(async () => {
  visitor = anonClient();
  staff = await signedInClient(await createTestUser({ role: 'staff' }));
  worker = await signedInClient(await createTestUser({ role: 'worker', district: 'dongcheng' }));
  citizen = await signedInClient(await createTestUser());
  pendingPhoto = await uploadPendingPhoto(visitor, randomUUID());
});

afterAll(async () => {
  await deleteTestUsers();
  await closeSql();
});

const photos = (client: SupabaseClient) => client.storage.from(BUCKET);

describe('uploading', () => {
  it('lets a visitor upload a photo to a pending folder, stored with its type, size and no owner', async () => {
    const path = pendingPath(randomUUID());
    const { data, error } = await photos(visitor).upload(path, jpegFile(1000));
    expect(error).toBeNull();
    expect(data?.fullPath).toBe(`${BUCKET}/${path}`);
    const [row] = await sql<{ owner: string | null; metadata: { mimetype: string; size: number } }>(
      `select owner, metadata from storage.objects where bucket_id = $1 and name = $2`,
      [BUCKET, path],
    );
    expect(row?.owner).toBeNull();
    expect(row?.metadata).toMatchObject({ mimetype: 'image/jpeg', size: 1000 });
    const stored = await photos(serviceClient()).download(path);
    expect(Buffer.from(await (stored.data as Blob).arrayBuffer())).toEqual(Buffer.from(jpegBytes(1000)));
  });

  it('lets a signed-in citizen upload to a pending folder too, as the owner', async () => {
    const path = pendingPath(randomUUID(), 'png');
    const { error } = await photos(citizen).upload(path, new Blob([jpegBytes()], { type: 'image/png' }));
    expect(error).toBeNull();
    const [row] = await sql<{ owner: string | null }>(
      `select owner from storage.objects where bucket_id = $1 and name = $2`,
      [BUCKET, path],
    );
    expect(row?.owner).toBeTruthy();
  });

  it.each([
    ['outside the pending folders', `uploads/${randomUUID()}.jpg`],
    ['into a folder that is not an idempotency key', `pending/not-a-key/${randomUUID()}.jpg`],
    ['with a file name that is not a UUID', `pending/${randomUUID()}/holiday.jpg`],
    ['with an extension the bucket does not expect', `pending/${randomUUID()}/${randomUUID()}.gif`],
    ['as an after-photo', `after/${randomUUID()}/${randomUUID()}.jpg`],
  ])('refuses a visitor’s upload %s', async (_case, path) => {
    const { data, error } = await photos(visitor).upload(path, jpegFile());
    expect(data).toBeNull();
    expect(error).toMatchObject({
      status: 400,
      statusCode: '403',
      message: 'new row violates row-level security policy',
    });
    expect(
      await sql(`select 1 from storage.objects where bucket_id = $1 and name = $2`, [BUCKET, path]),
    ).toHaveLength(0);
  });

  it('refuses a file over the bucket’s 10 MB limit', async () => {
    const path = pendingPath(randomUUID());
    const { error } = await photos(visitor).upload(path, jpegFile(TEN_MB + 1));
    expect(error).toMatchObject({ status: 400, statusCode: '413' });
    expect(await sql(`select 1 from storage.objects where name = $1`, [path])).toHaveLength(0);
  });

  it('accepts a file of exactly 10 MB', async () => {
    const { error } = await photos(visitor).upload(pendingPath(randomUUID()), jpegFile(TEN_MB));
    expect(error).toBeNull();
  });

  it.each([
    ['a text file', new Blob(['not a photo'], { type: 'text/plain' })],
    ['a GIF', new Blob([jpegBytes()], { type: 'image/gif' })],
    ['an SVG', new Blob(['<svg/>'], { type: 'image/svg+xml' })],
  ])('refuses %s (types other than JPEG, PNG and WebP)', async (_case, file) => {
    const { error } = await photos(visitor).upload(pendingPath(randomUUID()), file);
    expect(error).toMatchObject({ status: 400, statusCode: '415' });
  });

  it('checks the declared type of a raw (non-form) upload as well', async () => {
    const raw = await photos(visitor).upload(pendingPath(randomUUID()), jpegBytes(), {
      contentType: 'application/pdf',
    });
    expect(raw.error).toMatchObject({ statusCode: '415' });
    const ok = await photos(visitor).upload(pendingPath(randomUUID()), jpegBytes(), {
      contentType: 'image/webp',
    });
    expect(ok.error).toBeNull();
  });

  it('does not let a visitor overwrite a pending photo, with or without upsert', async () => {
    const again = await photos(visitor).upload(pendingPhoto, jpegFile());
    expect(again.error).toMatchObject({ statusCode: '409' });
    const upsert = await photos(visitor).upload(pendingPhoto, jpegFile(), { upsert: true });
    expect(upsert.error).toMatchObject({ statusCode: '403' });
    const update = await photos(visitor).update(pendingPhoto, jpegFile());
    expect(update.error).toMatchObject({ statusCode: '403' });
  });
});

describe('reading pending photos', () => {
  it('hides a pending photo from visitors and citizens', async () => {
    for (const client of [visitor, citizen]) {
      const { data, error } = await photos(client).download(pendingPhoto);
      expect(data).toBeNull();
      expect(error).toMatchObject({ status: 400, statusCode: '404' });
    }
  });

  it('does not sign a URL for a pending photo for visitors', async () => {
    const batch = await photos(visitor).createSignedUrls([pendingPhoto], 3600);
    expect(batch.error).toBeNull();
    expect(batch.data?.[0]).toMatchObject({ path: pendingPhoto, signedUrl: null });
    expect(batch.data?.[0]?.error).toBeTruthy();
    const single = await photos(visitor).createSignedUrl(pendingPhoto, 3600);
    expect(single.error).toMatchObject({ statusCode: '404' });
  });

  it('lets staff and workers read and sign any report photo', async () => {
    for (const client of [staff, worker]) {
      const { data, error } = await photos(client).download(pendingPhoto);
      expect(error).toBeNull();
      expect((data as Blob).type).toBe('image/jpeg');
      const signed = await photos(client).createSignedUrl(pendingPhoto, 60);
      expect(signed.error).toBeNull();
      const response = await fetch(signed.data?.signedUrl ?? '');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/jpeg');
    }
  });

  it('does not serve a private bucket’s objects on the public route', async () => {
    const response = await fetch(`${stack.url}/storage/v1/object/public/${BUCKET}/${pendingPhoto}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ statusCode: '404', error: 'Bucket not found' });
  });
});

describe('photos of a visible report', () => {
  let report: Awaited<ReturnType<typeof submitReport>>;

  beforeAll(async () => {
    report = await submitReport(anonClient(), { photos: 2 });
  });

  it('can be read by anyone once attached to a visible report', async () => {
    const { data, error } = await photos(anonClient()).download(report.photoPaths[0] ?? '');
    expect(error).toBeNull();
    expect((data as Blob).size).toBe(64);
  });

  it('get signed URLs in one batch, as the site shows them, which work without any key', async () => {
    const { data, error } = await photos(anonClient()).createSignedUrls(report.photoPaths, 3600);
    expect(error).toBeNull();
    expect(data?.map((entry) => entry.error)).toEqual([null, null]);
    for (const entry of data ?? []) {
      const response = await fetch(entry.signedUrl ?? '');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/jpeg');
    }
  });

  it('refuses a signed URL that was tampered with, used for another object, or expired', async () => {
    const [path, other] = report.photoPaths as [string, string];
    const { data } = await photos(anonClient()).createSignedUrl(path, 3600);
    const url = new URL(data?.signedUrl ?? '');
    const token = url.searchParams.get('token') ?? '';

    const tampered = await fetch(`${url.origin}${url.pathname}?token=${token.slice(0, -2)}xx`);
    expect(await tampered.json()).toMatchObject({ statusCode: '400', code: 'InvalidJWT' });

    const elsewhere = await fetch(`${stack.url}/storage/v1/object/sign/${BUCKET}/${other}?token=${token}`);
    expect(await elsewhere.json()).toMatchObject({ code: 'InvalidSignature' });

    const past = Math.floor(Date.now() / 1000) - 60;
    const expired = signJwt({ url: `${BUCKET}/${path}`, iat: past - 60, exp: past }, jwtSecret);
    const late = await fetch(`${stack.url}/storage/v1/object/sign/${BUCKET}/${path}?token=${expired}`);
    expect(await late.json()).toMatchObject({ code: 'InvalidJWT', message: 'jwt expired' });
  });

  it('cannot be deleted by a visitor or a citizen (nothing is removed)', async () => {
    for (const client of [anonClient(), citizen]) {
      const { data, error } = await photos(client).remove(report.photoPaths);
      expect(error).toBeNull();
      expect(data).toEqual([]);
    }
    const rows = await sql(`select 1 from storage.objects where bucket_id = $1 and name = any($2)`, [
      BUCKET,
      report.photoPaths,
    ]);
    expect(rows).toHaveLength(2);
  });
});

describe('after-photos', () => {
  it('may be uploaded by a worker for a report in their district, not another district', async () => {
    const own = await submitReport(anonClient(), { district: 'dongcheng' });
    const other = await submitReport(anonClient(), { district: 'xicheng' });
    const ownUpload = await photos(worker).upload(`after/${own.id}/${randomUUID()}.jpg`, jpegFile());
    expect(ownUpload.error).toBeNull();
    const otherUpload = await photos(worker).upload(`after/${other.id}/${randomUUID()}.jpg`, jpegFile());
    expect(otherUpload.error).toMatchObject({ statusCode: '403' });
    const staffUpload = await photos(staff).upload(`after/${other.id}/${randomUUID()}.jpg`, jpegFile());
    expect(staffUpload.error).toBeNull();
  });
});

describe('listing', () => {
  it('shows staff the photos in a pending folder and visitors nothing', async () => {
    const key = randomUUID();
    const first = await uploadPendingPhoto(anonClient(), key);
    const second = await uploadPendingPhoto(anonClient(), key);
    const listed = await photos(staff).list(`pending/${key}`);
    expect(listed.error).toBeNull();
    expect(listed.data?.map((file) => `pending/${key}/${file.name}`).sort()).toEqual([first, second].sort());
    const folders = await photos(staff).list('pending', { limit: 1000 });
    expect(folders.data?.find((entry) => entry.name === key)).toMatchObject({ id: null });
    const hidden = await photos(visitor).list(`pending/${key}`);
    expect(hidden.error).toBeNull();
    expect(hidden.data).toEqual([]);
  });
});

describe('seeded demo photos (local stand-in only)', () => {
  it('serve a generated picture for a row that was seeded without bytes', async () => {
    const path = pendingPath(randomUUID());
    await sql(
      `insert into storage.objects (bucket_id, name, metadata) values ($1, $2, '{"mimetype": "image/jpeg"}')`,
      [BUCKET, path],
    );
    const { data, error } = await photos(staff).download(path);
    expect(error).toBeNull();
    const bytes = Buffer.from(await (data as Blob).arrayBuffer());
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect((data as Blob).type).toBe('image/png');
    const again = await photos(staff).download(path);
    expect(Buffer.from(await (again.data as Blob).arrayBuffer())).toEqual(bytes);
    await sql(`delete from storage.objects where bucket_id = $1 and name = $2`, [BUCKET, path]);
  });
});

describe('removal', () => {
  it('is left to the service role, which removes the object', async () => {
    const path = await uploadPendingPhoto(anonClient(), randomUUID());
    const { data, error } = await photos(serviceClient()).remove([path]);
    expect(error).toBeNull();
    expect(data?.map((object) => object.name)).toEqual([path]);
    const gone = await photos(serviceClient()).download(path);
    expect(gone.error).toMatchObject({ statusCode: '404' });
  });
});
