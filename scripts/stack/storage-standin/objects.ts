/**
 * Object operations of the local storage stand-in: upload (POST/PUT), download (authenticated and public),
 * remove and list — each authorised by the storage policies, as the real server does.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type pg from 'pg';
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { asCaller, asStorageAdmin, findBucket, type Bucket, type Caller } from './caller.ts';
import { ERRORS } from './errors.ts';
import { demoPhoto } from './demo-photo.ts';
import { checkKey, etagOf, objectFile, readBody, removeObjectFile, writeObject } from './files.ts';

/** The real server's global upload limit default (FILE_SIZE_LIMIT, 50 MB); a bucket's own limit can lower it. */
const GLOBAL_FILE_SIZE_LIMIT = 50 * 1024 * 1024;
/** Room for the multipart envelope around a file of the maximum size. */
const MULTIPART_OVERHEAD = 64 * 1024;

interface IncomingFile {
  bytes: Buffer;
  mimeType: string;
  cacheControl: string;
  userMetadata: Record<string, unknown> | null;
}

function parseUserMetadata(json: string | null | undefined): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The file in an upload: a multipart form (what storage-js sends for a Blob/File) or a raw body. */
async function incomingFile(req: IncomingMessage, bytes: Buffer): Promise<IncomingFile> {
  const contentType = req.headers['content-type'] ?? '';
  if (contentType.startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(bytes), {
        headers: { 'content-type': contentType },
      }).formData();
    } catch {
      throw ERRORS.noContent();
    }
    let file: Blob | null = null;
    for (const [, value] of form.entries()) {
      if (typeof value !== 'string') {
        file = value;
        break;
      }
    }
    if (!file) throw ERRORS.noContent();
    const cacheTime = form.get('cacheControl');
    const contentTypeField = form.get('contentType');
    const metadata = form.get('metadata') ?? form.get('userMetadata');
    return {
      bytes: Buffer.from(await file.arrayBuffer()),
      mimeType: (typeof contentTypeField === 'string' && contentTypeField) || file.type || 'text/plain',
      cacheControl: typeof cacheTime === 'string' && cacheTime ? `max-age=${cacheTime}` : 'no-cache',
      userMetadata: parseUserMetadata(typeof metadata === 'string' ? metadata : null),
    };
  }
  const encodedMetadata = req.headers['x-metadata'];
  return {
    bytes,
    mimeType: contentType || 'application/octet-stream',
    cacheControl: String(req.headers['cache-control'] ?? 'no-cache'),
    userMetadata:
      typeof encodedMetadata === 'string'
        ? parseUserMetadata(Buffer.from(encodedMetadata, 'base64').toString('utf8'))
        : null,
  };
}

/** The real server's validateMimeType: type and subtype must match an allowed entry (subtype may be '*'). */
function checkMimeType(mimeType: string, allowed: string[]) {
  const [type, subtype] = mimeType.split('/');
  if (subtype === undefined) throw ERRORS.invalidMimeType(mimeType);
  for (const entry of allowed) {
    const [allowedType, allowedSubtype] = entry.split('/');
    if (allowedType === type && (allowedSubtype === '*' || allowedSubtype === subtype)) return;
  }
  throw ERRORS.invalidMimeType(mimeType);
}

function sizeLimitOf(bucket: Bucket): number {
  return bucket.file_size_limit
    ? Math.min(bucket.file_size_limit, GLOBAL_FILE_SIZE_LIMIT)
    : GLOBAL_FILE_SIZE_LIMIT;
}

/**
 * POST /object/{bucket}/{name} (x-upsert: true to replace) and PUT (always replaces). Order of checks as in the
 * real server: bucket exists; the caller may insert (or upsert) the row — tested under their role and rolled
 * back; the mime type is allowed; the size is within the limit. Then the bytes are stored and the row written
 * with its metadata by the storage admin role.
 */
export async function upload(
  db: pg.Pool,
  req: IncomingMessage,
  caller: Caller,
  bucketId: string,
  name: string,
): Promise<{ Id: string; Key: string }> {
  checkKey(name);
  const bucket = await findBucket(db, bucketId);
  const upsert = req.method === 'PUT' || req.headers['x-upsert'] === 'true';
  const version = randomUUID();
  const owner = caller.owner;
  const ownerUuid = owner && /^[0-9a-f-]{36}$/i.test(owner) ? owner : null;

  await asCaller(
    db,
    caller,
    async (client) => {
      await client.query(
        upsert
          ? `insert into storage.objects (bucket_id, name, owner, owner_id, version) values ($1, $2, $3, $4, $5)
             on conflict (name, bucket_id) do update
               set owner = excluded.owner, owner_id = excluded.owner_id, version = excluded.version
             returning id`
          : `insert into storage.objects (bucket_id, name, owner, owner_id, version) values ($1, $2, $3, $4, $5)`,
        [bucketId, name, ownerUuid, owner, version],
      );
    },
    { commit: false },
  );

  const limit = sizeLimitOf(bucket);
  const declared = Number(req.headers['content-length']);
  const { bytes, tooLarge } = await readBody(req, GLOBAL_FILE_SIZE_LIMIT + MULTIPART_OVERHEAD);
  if (tooLarge) throw ERRORS.entityTooLarge();
  const file = await incomingFile(req, bytes);
  if (bucket.allowed_mime_types && bucket.allowed_mime_types.length > 0) {
    checkMimeType(file.mimeType, bucket.allowed_mime_types);
  }
  const isMultipart = String(req.headers['content-type'] ?? '').startsWith('multipart/form-data');
  if (file.bytes.length > limit || (!isMultipart && declared > limit)) throw ERRORS.entityTooLarge();

  writeObject(bucketId, name, file.bytes);
  const now = new Date().toISOString();
  const metadata = {
    eTag: etagOf(file.bytes),
    size: file.bytes.length,
    mimetype: file.mimeType,
    cacheControl: file.cacheControl,
    lastModified: now,
    contentLength: file.bytes.length,
    httpStatusCode: 200,
  };
  const id = await asStorageAdmin(db, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `insert into storage.objects (bucket_id, name, owner, owner_id, version, metadata, user_metadata)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (name, bucket_id) do update
         set owner = excluded.owner, owner_id = excluded.owner_id, version = excluded.version,
             metadata = excluded.metadata, user_metadata = excluded.user_metadata, updated_at = now(),
             last_accessed_at = now()
       returning id`,
      [bucketId, name, ownerUuid, owner, version, metadata, file.userMetadata],
    );
    return rows[0]?.id ?? '';
  });
  return { Id: id, Key: `${bucketId}/${name}` };
}

interface StoredObject {
  id: string;
  name: string;
  metadata: { mimetype?: string; cacheControl?: string; eTag?: string; size?: number } | null;
  updated_at: Date | null;
}

/**
 * Streams an object's bytes with the headers the real server sends. A row that never went through an upload
 * (no eTag: the seeded demo photos) and has no bytes gets a generated demo picture (see demo-photo.ts).
 */
export function sendObject(
  req: IncomingMessage,
  res: ServerResponse,
  bucketId: string,
  object: StoredObject,
) {
  const file = objectFile(bucketId, object.name);
  const stored = fs.existsSync(file);
  if (!stored && object.metadata?.eTag) throw ERRORS.noSuchKey();
  const demo = stored ? null : demoPhoto(object.name);
  const headers: Record<string, string> = {
    'content-type': demo ? 'image/png' : (object.metadata?.mimetype ?? 'application/octet-stream'),
    'content-length': String(demo ? demo.length : fs.statSync(file).size),
    'cache-control': object.metadata?.cacheControl ?? 'no-cache',
    'last-modified': (object.updated_at ?? new Date()).toUTCString(),
  };
  if (object.metadata?.eTag) headers.etag = object.metadata.eTag;
  const url = new URL(req.url ?? '/', 'http://localhost');
  const download = url.searchParams.get('download');
  if (download !== null) {
    const filename = download || object.name.split('/').pop() || 'download';
    headers['content-disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`;
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') return void res.end();
  if (demo) return void res.end(demo);
  fs.createReadStream(file).pipe(res);
}

const OBJECT_COLUMNS = 'id, name, metadata, updated_at';

/** GET|HEAD /object/{bucket}/{name} and /object/authenticated/…: the caller must be allowed to select the row. */
export async function download(
  db: pg.Pool,
  req: IncomingMessage,
  res: ServerResponse,
  caller: Caller,
  bucketId: string,
  name: string,
) {
  checkKey(name);
  const object = await asCaller(db, caller, async (client) => {
    const { rows } = await client.query<StoredObject>(
      `select ${OBJECT_COLUMNS} from storage.objects where bucket_id = $1 and name = $2`,
      [bucketId, name],
    );
    return rows[0];
  });
  if (!object) throw ERRORS.noSuchKey();
  sendObject(req, res, bucketId, object);
}

/** Reads a row without policies (public buckets and valid signed URLs). */
export async function findObjectAsAdmin(db: pg.Pool, bucketId: string, name: string): Promise<StoredObject> {
  checkKey(name);
  const object = await asStorageAdmin(db, async (client) => {
    const { rows } = await client.query<StoredObject>(
      `select ${OBJECT_COLUMNS} from storage.objects where bucket_id = $1 and name = $2`,
      [bucketId, name],
    );
    return rows[0];
  });
  if (!object) throw ERRORS.noSuchKey();
  return object;
}

/** GET /object/public/{bucket}/{name}: only objects of a public bucket, whoever asks. */
export async function downloadPublic(
  db: pg.Pool,
  req: IncomingMessage,
  res: ServerResponse,
  bucketId: string,
  name: string,
) {
  const bucket = await findBucket(db, bucketId);
  if (!bucket.public) throw ERRORS.noSuchBucket();
  sendObject(req, res, bucketId, await findObjectAsAdmin(db, bucketId, name));
}

/**
 * DELETE /object/{bucket} { prefixes } — deletes the rows the caller may see and delete, answers with them
 * (an empty list when none), then removes their bytes.
 */
export async function removeMany(
  db: pg.Pool,
  caller: Caller,
  bucketId: string,
  body: Record<string, unknown>,
) {
  const prefixes = body.prefixes;
  if (!Array.isArray(prefixes) || prefixes.length === 0) throw ERRORS.missingParameter('prefixes');
  const names = prefixes.map((p) =>
    typeof p === 'string' ? p : String((p as { path?: unknown })?.path ?? ''),
  );
  const deleted = await asCaller(db, caller, async (client) => {
    const { rows } = await client.query<{ name: string }>(
      `delete from storage.objects where bucket_id = $1 and name = any($2::text[]) returning *`,
      [bucketId, names],
    );
    return rows;
  });
  for (const row of deleted) removeObjectFile(bucketId, row.name);
  return deleted;
}

/** DELETE /object/{bucket}/{name} */
export async function removeOne(db: pg.Pool, caller: Caller, bucketId: string, name: string) {
  checkKey(name);
  const deleted = await removeMany(db, caller, bucketId, { prefixes: [name] });
  if (deleted.length === 0) throw ERRORS.noSuchKey();
  return { message: 'Successfully deleted' };
}

/**
 * POST /object/list/{bucket} { prefix, limit, offset, search, sortBy } — the caller's visible objects directly
 * under `prefix`, with sub-folders as entries whose id is null, like the real storage.search().
 */
export async function list(db: pg.Pool, caller: Caller, bucketId: string, body: Record<string, unknown>) {
  const prefix = typeof body.prefix === 'string' && body.prefix ? body.prefix.replace(/\/*$/, '/') : '';
  const search = typeof body.search === 'string' ? body.search : '';
  const limit = Math.max(1, Math.min(1000, Number(body.limit) || 100));
  const offset = Math.max(0, Number(body.offset) || 0);
  const sortBy = (body.sortBy ?? {}) as { column?: string; order?: string };
  const column = ['name', 'updated_at', 'created_at', 'last_accessed_at'].includes(String(sortBy.column))
    ? String(sortBy.column)
    : 'name';
  const descending = String(sortBy.order).toLowerCase() === 'desc';
  const rows = await asCaller(db, caller, async (client) => {
    const result = await client.query<Record<string, unknown> & { name: string }>(
      `select id, name, updated_at, created_at, last_accessed_at, metadata from storage.objects
        where bucket_id = $1 and left(name, length($2)) = $2`,
      [bucketId, prefix],
    );
    return result.rows;
  });
  const entries = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const rest = row.name.slice(prefix.length);
    if (search && !rest.toLowerCase().startsWith(search.toLowerCase())) continue;
    const slash = rest.indexOf('/');
    if (slash >= 0) {
      const folder = rest.slice(0, slash);
      entries.set(`d:${folder}`, {
        name: folder,
        id: null,
        updated_at: null,
        created_at: null,
        last_accessed_at: null,
        metadata: null,
      });
    } else {
      entries.set(`f:${rest}`, { ...row, name: rest });
    }
  }
  const sorted = [...entries.values()].sort((a, b) => {
    const x = String(a[column] instanceof Date ? (a[column] as Date).toISOString() : (a[column] ?? ''));
    const y = String(b[column] instanceof Date ? (b[column] as Date).toISOString() : (b[column] ?? ''));
    return (x < y ? -1 : x > y ? 1 : 0) * (descending ? -1 : 1);
  });
  return sorted.slice(offset, offset + limit);
}
