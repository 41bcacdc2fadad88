/** Minimal HS256 JSON Web Tokens with node:crypto, for local keys and the local auth stand-in. */
import { createHmac, timingSafeEqual } from 'node:crypto';

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export function signJwt(payload: Record<string, unknown>, secret: string): string {
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify(payload));
  const signature = createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url');
  return `${header}.${body}.${signature}`;
}

/** Returns the claims of a valid, unexpired token, or null. */
export function verifyJwt(token: string, secret: string): Record<string, unknown> | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [header, body, signature] = parts as [string, string, string];
  const expected = createHmac('sha256', secret).update(`${header}.${body}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (typeof claims.exp === 'number' && claims.exp < Date.now() / 1000) return null;
    return claims;
  } catch {
    return null;
  }
}

/** The anon and service_role API keys of the local stack (long-lived, like a hosted project's). */
export function apiKeys(secret: string): { anon: string; serviceRole: string } {
  const iat = 1_700_000_000;
  const exp = iat + 20 * 365 * 24 * 3600;
  return {
    anon: signJwt({ iss: 'supabase-local', role: 'anon', iat, exp }, secret),
    serviceRole: signJwt({ iss: 'supabase-local', role: 'service_role', iat, exp }, secret),
  };
}
