/**
 * LOCAL AUTH STAND-IN (placeholder until implemented): answers /auth/v1 requests.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type pg from 'pg';

export async function handleAuth(_req: IncomingMessage, res: ServerResponse, _path: string, _db: pg.Pool) {
  res.writeHead(501, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ msg: 'Auth stand-in not implemented yet' }));
}
