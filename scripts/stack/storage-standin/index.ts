/**
 * LOCAL STORAGE STAND-IN — not Supabase Storage; production uses the real Storage server.
 *
 * Why: no Storage server can run on this machine (it needs Docker or S3-compatible infrastructure that is not
 * available here). This module answers /storage/v1 inside the local gateway with the part of the Storage HTTP
 * API that storage-js 2.119 uses in this app, so the site runs unchanged against a hosted project.
 *
 * Authorisation is the real server's: every read, write and delete of storage.objects runs in a transaction
 * that does `set local role <role from the caller's JWT>` and sets `request.jwt.claims`, so the storage
 * policies from the project's migrations decide; an upload's row is first test-inserted as the caller and
 * rolled back, then written with its metadata by supabase_storage_admin. Bucket file_size_limit and
 * allowed_mime_types are enforced. Bytes live in $STACK_DIR/storage/<bucket>/<name>. Errors use the real
 * server's body and status (HTTP 400 with the meaningful `statusCode` in the body; see errors.ts).
 *
 * Implemented: upload POST (x-upsert) and PUT /object/{bucket}/{name} (multipart or raw body);
 * GET|HEAD /object/{bucket}/{name} and /object/authenticated/{bucket}/{name}; GET /object/public/{bucket}/{name}
 * (public buckets only); POST /object/sign/{bucket}/{name} and POST /object/sign/{bucket} (batch);
 * GET /object/sign/{bucket}/{name}?token=…; DELETE /object/{bucket} (batch, { prefixes }) and
 * DELETE /object/{bucket}/{name}; POST /object/list/{bucket}.
 * Local-only addition: a row that never went through an upload and has no bytes (the seeded demo photos of
 * supabase/seed.sql) is served as a generated demo picture (demo-photo.ts); the real server would answer 404.
 * Not implemented (answer 404 NotSupported): bucket management (/bucket), move, copy, object info, list-v2,
 * signed upload URLs, resumable (TUS) and S3 uploads, image transformations (/render), object versions, CDN.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type pg from 'pg';
import { callerOf } from './caller.ts';
import { ERRORS, renderError } from './errors.ts';
import { readJson } from './files.ts';
import { download, downloadPublic, list, removeMany, removeOne, upload } from './objects.ts';
import { downloadSigned, signMany, signOne } from './signing.ts';

function sendJson(res: ServerResponse, body: unknown) {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function decodeSegments(path: string): string[] {
  try {
    return path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    throw ERRORS.invalidKey(path);
  }
}

async function route(req: IncomingMessage, res: ServerResponse, path: string, db: pg.Pool): Promise<void> {
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://localhost');
  const [area, second, ...rest] = decodeSegments(path);
  if (area !== 'object' || !second) throw ERRORS.notImplemented(`${method} /storage/v1${path}`);
  const bucketAndName = (parts: string[]) => [parts[0] ?? '', parts.slice(1).join('/')] as const;
  const isRead = method === 'GET' || method === 'HEAD';

  if (second === 'public' && isRead) {
    const [bucket, name] = bucketAndName(rest);
    return downloadPublic(db, req, res, bucket, name);
  }
  if (second === 'sign' && rest.length >= 2 && isRead) {
    const [bucket, name] = bucketAndName(rest);
    return downloadSigned(db, req, res, bucket, name, url.searchParams.get('token'));
  }

  const caller = callerOf(req, path);
  if (second === 'sign' && method === 'POST') {
    const body = await readJson(req);
    if (rest.length === 1) return sendJson(res, await signMany(db, caller, rest[0] ?? '', body));
    const [bucket, name] = bucketAndName(rest);
    return sendJson(res, await signOne(db, caller, bucket, name, body));
  }
  if (second === 'list' && method === 'POST' && rest.length === 1) {
    return sendJson(res, await list(db, caller, rest[0] ?? '', await readJson(req)));
  }
  if (second === 'authenticated' && isRead) {
    const [bucket, name] = bucketAndName(rest);
    return download(db, req, res, caller, bucket, name);
  }
  if (
    ['sign', 'list', 'public', 'authenticated', 'info', 'move', 'copy', 'upload', 'list-v2'].includes(second)
  ) {
    throw ERRORS.notImplemented(`${method} /storage/v1${path}`);
  }

  const bucket = second;
  const name = rest.join('/');
  if (name && (method === 'POST' || method === 'PUT'))
    return sendJson(res, await upload(db, req, caller, bucket, name));
  if (name && isRead) return download(db, req, res, caller, bucket, name);
  if (method === 'DELETE') {
    if (name) return sendJson(res, await removeOne(db, caller, bucket, name));
    return sendJson(res, await removeMany(db, caller, bucket, await readJson(req)));
  }
  throw ERRORS.notImplemented(`${method} /storage/v1${path}`);
}

/** Answers one /storage/v1 request; `path` is the part after /storage/v1. */
export async function handleStorage(req: IncomingMessage, res: ServerResponse, path: string, db: pg.Pool) {
  try {
    await route(req, res, path, db);
  } catch (error) {
    renderError(res, error);
  }
}
