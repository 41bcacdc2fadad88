/**
 * Who is calling the local storage stand-in, and running SQL as them: like Supabase Storage, every read and
 * write of storage.objects happens inside a transaction that first does `set local role <role from the JWT>`
 * and sets `request.jwt.claims`, so the project's storage policies (row-level security) decide.
 */
import type { IncomingMessage } from 'node:http';
import type pg from 'pg';
import { jwtSecret } from '../config.ts';
import { verifyJwt } from '../jwt.ts';
import { ERRORS, StorageFailure, fromDbError } from './errors.ts';

/** The database roles a JWT may switch to (the API roles of a Supabase project). */
const API_ROLES = ['anon', 'authenticated', 'service_role'] as const;
type ApiRole = (typeof API_ROLES)[number];

export interface Caller {
  role: ApiRole;
  claims: Record<string, unknown>;
  /** The user id (`sub`), stored as the object's owner. */
  owner: string | null;
  method: string;
  path: string;
  headers: Record<string, string>;
}

function decodePayload(token: string): Record<string, unknown> | null {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
  } catch {
    return null;
  }
}

/** Verifies an HS256 token signed with the stack's secret; failures carry the real server's messages. */
export function verifyToken(token: string): Record<string, unknown> {
  const claims = verifyJwt(token, jwtSecret);
  if (claims) return claims;
  const payload = decodePayload(token);
  if (!payload) throw ERRORS.invalidJwt('jwt malformed');
  if (typeof payload.exp === 'number' && payload.exp < Date.now() / 1000)
    throw ERRORS.invalidJwt('jwt expired');
  throw ERRORS.invalidJwt('invalid signature');
}

/** The caller from `Authorization: Bearer …` (supabase-js always sends it; the apikey is the fallback). */
export function callerOf(req: IncomingMessage, path: string): Caller {
  const header = req.headers.authorization;
  const bearer = typeof header === 'string' ? /^bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
  const apikey = typeof req.headers.apikey === 'string' ? req.headers.apikey : undefined;
  const token = bearer ?? apikey;
  if (!token) throw ERRORS.accessDenied('Missing authorization header');
  const claims = verifyToken(token);
  const role = String(claims.role ?? '');
  if (!(API_ROLES as readonly string[]).includes(role))
    throw ERRORS.invalidJwt(`role "${role}" is not allowed`);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string' && name !== 'authorization' && name !== 'apikey') headers[name] = value;
  }
  return {
    role: role as ApiRole,
    claims,
    owner: typeof claims.sub === 'string' ? claims.sub : null,
    method: req.method ?? 'GET',
    path,
    headers,
  };
}

async function transaction<T>(
  db: pg.Pool,
  setup: (client: pg.PoolClient) => Promise<void>,
  work: (client: pg.PoolClient) => Promise<T>,
  commit: boolean,
): Promise<T> {
  const client = await db.connect();
  try {
    await client.query('begin');
    await setup(client);
    const result = await work(client);
    await client.query(commit ? 'commit' : 'rollback');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error instanceof StorageFailure ? error : fromDbError(error);
  } finally {
    client.release();
  }
}

/**
 * Runs `work` as the caller: role and claims set for the transaction only. `commit: false` tests a permission
 * and rolls back, as the real server's testPermission does before it accepts an upload.
 */
export function asCaller<T>(
  db: pg.Pool,
  caller: Caller,
  work: (client: pg.PoolClient) => Promise<T>,
  options: { commit?: boolean } = {},
): Promise<T> {
  return transaction(
    db,
    async (client) => {
      // The role is one of API_ROLES (checked above), so quoting it as an identifier is safe.
      await client.query(`set local role "${caller.role}"`);
      await client.query(
        `select set_config('request.jwt.claims', $1, true), set_config('request.jwt.claim.sub', $2, true),
                set_config('request.jwt.claim.role', $3, true), set_config('request.method', $4, true),
                set_config('request.path', $5, true), set_config('request.headers', $6, true)`,
        [
          JSON.stringify(caller.claims),
          caller.owner ?? '',
          caller.role,
          caller.method,
          caller.path,
          JSON.stringify(caller.headers),
        ],
      );
    },
    work,
    options.commit ?? true,
  );
}

/**
 * Runs `work` as supabase_storage_admin, the role the real server uses for its own reads and writes (bucket
 * settings, object metadata once a permission check passed); it owns the storage tables, so RLS does not apply.
 */
export function asStorageAdmin<T>(db: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return transaction(
    db,
    async (client) => {
      await client.query('set local role supabase_storage_admin');
    },
    work,
    true,
  );
}

export interface Bucket {
  id: string;
  public: boolean;
  file_size_limit: number | null;
  allowed_mime_types: string[] | null;
}

export async function findBucket(db: pg.Pool, id: string): Promise<Bucket> {
  const bucket = await asStorageAdmin(db, async (client) => {
    const { rows } = await client.query<Bucket>(
      `select id, public, file_size_limit::float8 as file_size_limit, allowed_mime_types
         from storage.buckets where id = $1`,
      [id],
    );
    return rows[0];
  });
  if (!bucket) throw ERRORS.noSuchBucket();
  return bucket;
}
