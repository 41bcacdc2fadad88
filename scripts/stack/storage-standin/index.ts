/**
 * LOCAL STORAGE STAND-IN (placeholder until implemented): answers /storage/v1 requests.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type pg from 'pg';

export async function handleStorage(_req: IncomingMessage, res: ServerResponse, _path: string, _db: pg.Pool) {
  res.writeHead(501, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ message: 'Storage stand-in not implemented yet' }));
}
