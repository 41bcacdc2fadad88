/**
 * Where the local stack lives and which ports it uses. Everything is local-only: the secret below signs
 * development keys and must never be used for a real project.
 * STACK_DIR and STACK_PORT_BASE let two stacks run side by side (e.g. a second checkout).
 */
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const stackDir = path.resolve(repoRoot, process.env.STACK_DIR ?? '.stack');
export const dataDir = path.join(stackDir, 'db');
export const socketDir = path.join(stackDir, 'run');
export const logDir = path.join(stackDir, 'logs');
export const storageDir = path.join(stackDir, 'storage');
export const envFile = path.join(stackDir, '.env');
export const pidFile = path.join(stackDir, 'stack.pid');
export const stateFile = path.join(stackDir, 'state.json');

const base = Number(process.env.STACK_PORT_BASE ?? 54321);
/** Gateway is the one URL the site and tests use; the others are internal. The db port may move if taken. */
export const ports = { gateway: base, db: base + 1, rest: base + 2, restAdmin: base + 3 };
export const host = '127.0.0.1';

export const pgBin = '/usr/lib/postgresql/15/bin';

/** Local-only JWT secret (HS256), the same value Supabase's own local development uses. */
export const jwtSecret = 'super-secret-jwt-token-with-at-least-32-characters-long';
/** Local-only password of the `authenticator` login role PostgREST connects as. */
export const authenticatorPassword = 'local-authenticator-password';

/** Origins allowed by the gateway's CORS: any local dev or preview server (the stack is local-only). */
export function isAllowedOrigin(origin: string): boolean {
  return /^http:\/\/(127\.0\.0\.1|localhost):\d+$/.test(origin);
}

export function databaseUrl(port: number, user = 'postgres'): string {
  return `postgres://${user}@${host}:${port}/postgres?sslmode=disable`;
}
