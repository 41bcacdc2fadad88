/**
 * Shared setup for the integration tests: the running local stack's URL and keys, supabase-js clients for each
 * kind of caller (anonymous visitor, signed-in user, service role), real users created through the Auth admin
 * API, and direct SQL for fixtures. Everything goes through the gateway; nothing is mocked.
 *
 * The stack's settings come from the environment (`set -a; . .stack/.env; set +a`, which `npm test` does), or
 * else from $STACK_DIR/.env of a running stack.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';

export interface StackEnv {
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  databaseUrl: string;
}

function readEnvFile(): Record<string, string> {
  const file = path.resolve(process.env.STACK_DIR ?? '.stack', '.env');
  if (!fs.existsSync(file)) return {};
  return Object.fromEntries(
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

function loadStackEnv(): StackEnv {
  const file = readEnvFile();
  const get = (name: string) => process.env[name] || file[name] || '';
  const env = {
    url: get('PUBLIC_SUPABASE_URL'),
    anonKey: get('PUBLIC_SUPABASE_ANON_KEY'),
    serviceRoleKey: get('SUPABASE_SERVICE_ROLE_KEY'),
    databaseUrl: get('DATABASE_URL'),
  };
  if (!env.url || !env.anonKey || !env.serviceRoleKey || !env.databaseUrl) {
    throw new Error(
      'The integration tests need a running local stack: run `npm run stack:start`, then ' +
        '`set -a; . .stack/.env; set +a` (or set STACK_DIR to the stack folder).',
    );
  }
  return env;
}

export const stack = loadStackEnv();

/** Tests act like separate browsers: no stored session, no background refresh. */
const clientOptions = (headers: Record<string, string> = {}) => ({
  auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  global: { headers },
});

/**
 * A visitor's client (anon key). Each gets its own client address (X-Forwarded-For, which the gateway passes
 * on like a proxy), so per-address rate limits in the database do not make one test depend on another.
 */
export function anonClient(ip: string = randomTestIp()): SupabaseClient {
  return createClient(stack.url, stack.anonKey, clientOptions({ 'x-forwarded-for': ip }));
}

export function serviceClient(): SupabaseClient {
  return createClient(stack.url, stack.serviceRoleKey, clientOptions());
}

/** An address from the benchmarking range 198.18.0.0/15 (RFC 2544), different for (nearly) every call. */
export function randomTestIp(): string {
  const n = Math.floor(Math.random() * 0x1ffff);
  return `198.${18 + (n >> 16)}.${(n >> 8) & 0xff}.${n & 0xff}`;
}

export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.test`;
}

export type StaffRole = 'worker' | 'staff' | 'admin';

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

const createdUsers: string[] = [];

/** Creates a confirmed user through the Auth admin API; staff roles live in app_metadata as in production. */
export async function createTestUser(
  options: { role?: StaffRole; district?: string; confirmed?: boolean; label?: string } = {},
): Promise<TestUser> {
  const email = uniqueEmail(options.label ?? options.role ?? 'citizen');
  const password = `pw-${randomUUID()}`;
  const appMetadata: Record<string, string> = {};
  if (options.role) appMetadata.role = options.role;
  if (options.district) appMetadata.district = options.district;
  const { data, error } = await serviceClient().auth.admin.createUser({
    email,
    password,
    email_confirm: options.confirmed ?? true,
    app_metadata: appMetadata,
  });
  if (error || !data.user) throw error ?? new Error('createUser returned no user');
  createdUsers.push(data.user.id);
  return { id: data.user.id, email, password };
}

/** A client signed in as `user` with email and password, through Auth. */
export async function signedInClient(user: TestUser, ip: string = randomTestIp()): Promise<SupabaseClient> {
  const client = anonClient(ip);
  const { error } = await client.auth.signInWithPassword({ email: user.email, password: user.password });
  if (error) throw error;
  return client;
}

/** Deletes every user createTestUser made in this file (call in afterAll). */
export async function deleteTestUsers(): Promise<void> {
  const admin = serviceClient();
  for (const id of createdUsers.splice(0)) {
    const { error } = await admin.auth.admin.deleteUser(id);
    if (error && error.status !== 404) throw error;
  }
}

let pool: pg.Pool | undefined;

/** Direct SQL as the database owner, for fixtures and for checking what the API did. */
export async function sql<Row extends pg.QueryResultRow = Record<string, unknown>>(
  text: string,
  params: unknown[] = [],
): Promise<Row[]> {
  pool ??= new pg.Pool({ connectionString: stack.databaseUrl, max: 2 });
  return (await pool.query<Row>(text, params)).rows;
}

export async function closeSql(): Promise<void> {
  await pool?.end();
  pool = undefined;
}

/** The claims of an access token (already verified by whoever issued or accepted it). */
export function claimsOf(accessToken: string): Record<string, unknown> {
  const payload = accessToken.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}
