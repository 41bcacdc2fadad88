/**
 * Signed URLs of the local storage stand-in. Like the real server, a URL can be signed only for an object the
 * caller may select (checked under their role), and the token is a JWT signed with the project's secret
 * holding `url` ("<bucket>/<name>") and `exp`; fetching it needs no key.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type pg from 'pg';
import { jwtSecret } from '../config.ts';
import { signJwt } from '../jwt.ts';
import { asCaller, verifyToken, type Caller } from './caller.ts';
import { ERRORS } from './errors.ts';
import { checkKey } from './files.ts';
import { findObjectAsAdmin, sendObject } from './objects.ts';

const NOT_FOUND_OR_DENIED = 'Either the object does not exist or you do not have access to it';

function expiresInOf(body: Record<string, unknown>): number {
  const expiresIn = Number(body.expiresIn);
  if (!Number.isFinite(expiresIn) || expiresIn < 1) throw ERRORS.invalidParameter('expiresIn');
  return Math.floor(expiresIn);
}

function signedUrlOf(bucketId: string, name: string, expiresIn: number): string {
  const iat = Math.floor(Date.now() / 1000);
  const url = `${bucketId}/${name}`;
  const token = signJwt({ url, iat, exp: iat + expiresIn }, jwtSecret);
  return `/object/sign/${url}?token=${token}`;
}

async function visibleNames(
  db: pg.Pool,
  caller: Caller,
  bucketId: string,
  names: string[],
): Promise<Set<string>> {
  const rows = await asCaller(db, caller, async (client) => {
    const result = await client.query<{ name: string }>(
      `select name from storage.objects where bucket_id = $1 and name = any($2::text[])`,
      [bucketId, names],
    );
    return result.rows;
  });
  return new Set(rows.map((row) => row.name));
}

/** POST /object/sign/{bucket}/{name} { expiresIn } */
export async function signOne(
  db: pg.Pool,
  caller: Caller,
  bucketId: string,
  name: string,
  body: Record<string, unknown>,
) {
  checkKey(name);
  const expiresIn = expiresInOf(body);
  if (!(await visibleNames(db, caller, bucketId, [name])).has(name)) throw ERRORS.noSuchKey();
  return { signedURL: signedUrlOf(bucketId, name, expiresIn) };
}

/** POST /object/sign/{bucket} { expiresIn, paths } — one entry per path, with an error where not allowed. */
export async function signMany(db: pg.Pool, caller: Caller, bucketId: string, body: Record<string, unknown>) {
  const expiresIn = expiresInOf(body);
  if (!Array.isArray(body.paths)) throw ERRORS.missingParameter('paths');
  const paths = body.paths.map(String);
  const visible = await visibleNames(db, caller, bucketId, paths);
  return paths.map((path) =>
    visible.has(path)
      ? { error: null, path, signedURL: signedUrlOf(bucketId, path, expiresIn) }
      : { error: NOT_FOUND_OR_DENIED, path, signedURL: null },
  );
}

/** GET /object/sign/{bucket}/{name}?token=… — the token must be valid, unexpired and for this very object. */
export async function downloadSigned(
  db: pg.Pool,
  req: IncomingMessage,
  res: ServerResponse,
  bucketId: string,
  name: string,
  token: string | null,
) {
  if (!token) throw ERRORS.missingParameter('token');
  const claims = verifyToken(token);
  if (claims.url !== `${bucketId}/${name}`) throw ERRORS.invalidSignature();
  sendObject(req, res, bucketId, await findObjectAsAdmin(db, bucketId, name));
}
