/** Request and response helpers of the local auth stand-in. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type pg from 'pg';
import { AuthFailure, CommitThenFail } from './errors.ts';

/** Largest JSON body accepted (the real server's default limit is far larger than anything sent here). */
const MAX_BODY_BYTES = 1024 * 1024;

export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new AuthFailure(413, 'request_too_large', 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch (error) {
    throw new AuthFailure(400, 'bad_json', `Could not parse request body as JSON: ${String(error)}`);
  }
  throw new AuthFailure(400, 'bad_json', 'Could not parse request body as JSON: expected an object');
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** The caller's address as the real server logs it: the first X-Forwarded-For entry, else the socket's. */
export function clientIp(req: IncomingMessage): string {
  const forwarded = req.headers['x-forwarded-for'];
  const first = typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : undefined;
  return first || req.socket.remoteAddress || '';
}

export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/**
 * Runs `work` in one transaction as supabase_auth_admin, the role the real Auth server uses, so triggers on
 * auth tables behave as in production. Rolls back on any error, except CommitThenFail (commits, then throws
 * the failure it carries), as the real server does when it revokes a reused refresh token's family.
 */
export async function inAuthTransaction<T>(
  db: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await db.connect();
  try {
    await client.query('begin');
    await client.query('set local role supabase_auth_admin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    if (error instanceof CommitThenFail) {
      await client.query('commit');
      throw error.failure;
    }
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
