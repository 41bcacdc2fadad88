/**
 * The local gateway: one URL that routes like a Supabase project's API.
 *   /rest/v1/*    → PostgREST (real)
 *   /auth/v1/*    → local auth stand-in (see auth-standin/: the real Auth server cannot be installed here)
 *   /storage/v1/* → local storage stand-in (see storage-standin/: no Storage server can run here)
 * Like Supabase's gateway it requires a valid `apikey` and answers CORS for the site's origins.
 */
import http from 'node:http';
import pg from 'pg';
import { isAllowedOrigin, databaseUrl, host, jwtSecret, ports } from './config.ts';
import { verifyJwt } from './jwt.ts';
import { handleAuth } from './auth-standin/index.ts';
import { handleStorage } from './storage-standin/index.ts';

function setCors(req: http.IncomingMessage, res: http.ServerResponse) {
  const origin = req.headers.origin;
  if (origin && isAllowedOrigin(origin)) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('vary', 'origin');
    res.setHeader('access-control-allow-methods', 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
    res.setHeader(
      'access-control-allow-headers',
      req.headers['access-control-request-headers'] ?? 'authorization, apikey, content-type, x-client-info',
    );
    res.setHeader(
      'access-control-expose-headers',
      // x-supabase-api-version: auth-js reads it to pick the error-body format (auth stand-in, like the real server).
      'content-range, content-length, content-type, etag, location, x-supabase-api-version',
    );
    res.setHeader('access-control-max-age', '3600');
  }
}

function apiKeyOf(req: http.IncomingMessage, url: URL): string | null {
  const header = req.headers.apikey;
  if (typeof header === 'string') return header;
  return url.searchParams.get('apikey');
}

/** Client address for rate limiting: a proxy's X-Forwarded-For when present, else the socket's address. */
function forwardedFor(req: http.IncomingMessage): string {
  const given = req.headers['x-forwarded-for'];
  return (typeof given === 'string' && given) || req.socket.remoteAddress || '127.0.0.1';
}

function proxyToPostgrest(req: http.IncomingMessage, res: http.ServerResponse, path: string) {
  const headers = { ...req.headers, host: `${host}:${ports.rest}`, 'x-forwarded-for': forwardedFor(req) };
  if (!headers.authorization && typeof req.headers.apikey === 'string') {
    headers.authorization = `Bearer ${req.headers.apikey}`;
  }
  const upstream = http.request({ host, port: ports.rest, method: req.method, path, headers }, (up) => {
    res.writeHead(up.statusCode ?? 502, up.headers);
    up.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: 'PostgREST is not reachable' }));
  });
  req.pipe(upstream);
}

function json(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export function startGateway(dbPort: number): Promise<http.Server> {
  // Connects as the superuser; the stand-ins switch to the caller's JWT role inside each transaction.
  const db = new pg.Pool({ connectionString: databaseUrl(dbPort), max: 10 });
  const server = http.createServer((req, res) => {
    setCors(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname === '/health') return json(res, 200, { ok: true });

    const isPublicDownload =
      url.pathname.startsWith('/storage/v1/object/public/') ||
      url.pathname.startsWith('/storage/v1/object/sign/');
    if (!isPublicDownload) {
      const key = apiKeyOf(req, url);
      if (!key || !verifyJwt(key, jwtSecret)) return json(res, 401, { message: 'Invalid API key' });
    }

    const rest = url.pathname.match(/^\/rest\/v1(\/.*)?$/);
    if (rest) return proxyToPostgrest(req, res, `${rest[1] ?? '/'}${url.search}`);
    const auth = url.pathname.match(/^\/auth\/v1(\/.*)?$/);
    if (auth)
      return void handleAuth(req, res, auth[1] ?? '/', db).catch((e) => json(res, 500, { msg: String(e) }));
    const storage = url.pathname.match(/^\/storage\/v1(\/.*)?$/);
    if (storage) {
      return void handleStorage(req, res, storage[1] ?? '/', db).catch((e) =>
        json(res, 500, { message: String(e) }),
      );
    }
    json(res, 404, { message: 'Not found' });
  });
  server.on('close', () => void db.end());
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(ports.gateway, host, () => resolve(server));
  });
}
