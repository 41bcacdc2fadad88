/**
 * Users of the local auth stand-in: rows of auth.users (and their email identity in auth.identities), rendered
 * as the real server's user JSON. Passwords are bcrypt hashes made and checked in SQL with extensions.crypt(),
 * the same format the real server writes, so seeded users work with either.
 */
import type pg from 'pg';
import { randomUUID } from 'node:crypto';
import { AuthFailure, badRequest, unprocessable } from './errors.ts';

export interface UserRow {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  email_confirmed_at: Date | null;
  phone: string | null;
  phone_confirmed_at: Date | null;
  confirmation_sent_at: Date | null;
  recovery_sent_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  created_at: Date | null;
  updated_at: Date | null;
  banned_until: Date | null;
  deleted_at: Date | null;
  is_anonymous: boolean;
  has_password: boolean;
}

interface IdentityRow {
  id: string;
  provider_id: string;
  user_id: string;
  identity_data: Record<string, unknown>;
  provider: string;
  last_sign_in_at: Date | null;
  created_at: Date | null;
  updated_at: Date | null;
  email: string | null;
}

const USER_COLUMNS = `id, aud, role, email, email_confirmed_at, phone, phone_confirmed_at, confirmation_sent_at,
  recovery_sent_at, last_sign_in_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at, banned_until,
  deleted_at, is_anonymous, coalesce(encrypted_password, '') <> '' as has_password`;

/** The real server's minimum password length default (GOTRUE_PASSWORD_MIN_LENGTH). */
const MIN_PASSWORD_LENGTH = 6;

export async function findUserById(client: pg.PoolClient, id: string, lock = false): Promise<UserRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const { rows } = await client.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users where id = $1 and deleted_at is null${lock ? ' for update' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export async function findUserByEmail(client: pg.PoolClient, email: string): Promise<UserRow | null> {
  const { rows } = await client.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users
      where lower(email) = lower($1) and aud = 'authenticated' and is_sso_user = false and deleted_at is null`,
    [email],
  );
  return rows[0] ?? null;
}

/** Same checks and messages as the real server's validateEmail; returns the address lowercased. */
export function validateEmail(value: unknown): string {
  const email = typeof value === 'string' ? value.trim() : '';
  if (!email) throw badRequest('validation_failed', 'An email address is required');
  if (email.length > 255) throw badRequest('validation_failed', 'An email address is too long');
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw badRequest('email_address_invalid', 'Unable to validate email address: invalid format');
  }
  return email.toLowerCase();
}

export function checkPasswordStrength(value: unknown): string {
  const password = typeof value === 'string' ? value : '';
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AuthFailure(
      422,
      'weak_password',
      `Password should be at least ${MIN_PASSWORD_LENGTH} characters.`,
      ['length'],
    );
  }
  return password;
}

export async function setPassword(client: pg.PoolClient, userId: string, password: string) {
  await client.query(
    `update auth.users set encrypted_password = extensions.crypt($2, extensions.gen_salt('bf', 10)),
       updated_at = now() where id = $1`,
    [userId, password],
  );
}

export async function passwordMatches(
  client: pg.PoolClient,
  userId: string,
  password: string,
): Promise<boolean> {
  const { rows } = await client.query<{ ok: boolean }>(
    `select coalesce(encrypted_password, '') <> '' and encrypted_password = extensions.crypt($2, encrypted_password) as ok
       from auth.users where id = $1`,
    [userId, password],
  );
  return rows[0]?.ok === true;
}

export function isBanned(user: UserRow): boolean {
  return user.banned_until !== null && user.banned_until.getTime() > Date.now();
}

/** The real server's metadata update: keys with a null value are removed, others set. */
export function mergeMetadata(
  current: Record<string, unknown> | null,
  updates: unknown,
): Record<string, unknown> {
  if (updates === undefined || updates === null) return current ?? {};
  if (typeof updates !== 'object' || Array.isArray(updates)) {
    throw badRequest('validation_failed', 'Metadata must be a JSON object');
  }
  const merged: Record<string, unknown> = { ...(current ?? {}) };
  for (const [key, value] of Object.entries(updates)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

export interface NewUser {
  email: string;
  password?: string;
  confirmed: boolean;
  role?: string;
  appMetadata?: unknown;
  userMetadata?: unknown;
  bannedUntil?: Date | null;
}

/** Inserts a user with its email identity; app_metadata starts as the real server's provider fields. */
export async function insertUser(client: pg.PoolClient, input: NewUser): Promise<UserRow> {
  const existing = await findUserByEmail(client, input.email);
  if (existing) {
    throw unprocessable('email_exists', 'A user with this email address has already been registered');
  }
  const id = randomUUID();
  const appMetadata = mergeMetadata({ provider: 'email', providers: ['email'] }, input.appMetadata);
  const userMetadata = mergeMetadata({}, input.userMetadata);
  await client.query(
    `insert into auth.users (instance_id, id, aud, role, email, email_confirmed_at, raw_app_meta_data,
        raw_user_meta_data, banned_until, created_at, updated_at)
     values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', $2, $3,
        case when $4 then now() end, $5, $6, $7, now(), now())`,
    [
      id,
      input.role ?? 'authenticated',
      input.email,
      input.confirmed,
      appMetadata,
      userMetadata,
      input.bannedUntil ?? null,
    ],
  );
  if (input.password !== undefined) await setPassword(client, id, input.password);
  await client.query(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
     values ($1, $2, $3, 'email', now(), now())`,
    [id, id, { sub: id, email: input.email, email_verified: input.confirmed, phone_verified: false }],
  );
  const user = await findUserById(client, id);
  if (!user) throw new Error('user vanished after insert');
  return user;
}

const iso = (value: Date | null) => (value ? value.toISOString() : undefined);

/** The real server's user JSON (models.User): optional timestamps are left out when unset. */
export async function userJson(client: pg.PoolClient, user: UserRow): Promise<Record<string, unknown>> {
  const { rows: identities } = await client.query<IdentityRow>(
    `select id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at, email
       from auth.identities where user_id = $1 order by created_at`,
    [user.id],
  );
  const confirmedTimes = [user.email_confirmed_at, user.phone_confirmed_at].filter((d): d is Date => !!d);
  const confirmedAt = confirmedTimes.length
    ? new Date(Math.min(...confirmedTimes.map((d) => d.getTime())))
    : null;
  const json: Record<string, unknown> = {
    id: user.id,
    aud: user.aud ?? '',
    role: user.role ?? '',
    email: user.email ?? '',
    email_confirmed_at: iso(user.email_confirmed_at),
    phone: user.phone ?? '',
    phone_confirmed_at: iso(user.phone_confirmed_at),
    confirmation_sent_at: iso(user.confirmation_sent_at),
    confirmed_at: iso(confirmedAt),
    recovery_sent_at: iso(user.recovery_sent_at),
    last_sign_in_at: iso(user.last_sign_in_at),
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    identities: identities.map((identity) => ({
      identity_id: identity.id,
      id: identity.provider_id,
      user_id: identity.user_id,
      identity_data: identity.identity_data,
      provider: identity.provider,
      last_sign_in_at: iso(identity.last_sign_in_at),
      created_at: iso(identity.created_at),
      updated_at: iso(identity.updated_at),
      email: identity.email ?? undefined,
    })),
    banned_until: iso(user.banned_until),
    created_at: iso(user.created_at),
    updated_at: iso(user.updated_at),
    is_anonymous: user.is_anonymous,
  };
  return json;
}

/** Appends to auth.audit_log_entries with the real server's payload shape. */
export async function audit(
  client: pg.PoolClient,
  action: string,
  actor: { id?: string; email?: string | null; role?: string },
  ip: string,
  traits: Record<string, unknown> = {},
) {
  const payload = {
    actor_id: actor.id ?? '',
    actor_username: actor.email ?? '',
    actor_via_sso: false,
    action,
    log_type: logTypeOf(action),
    traits,
  };
  await client.query(
    `insert into auth.audit_log_entries (instance_id, id, payload, created_at, ip_address)
     values ('00000000-0000-0000-0000-000000000000', $1, $2, now(), $3)`,
    [randomUUID(), payload, ip.slice(0, 64)],
  );
}

/** The real server's ActionLogTypeMap, for the actions the stand-in records. */
const LOG_TYPES: Record<string, string> = {
  login: 'account',
  logout: 'account',
  user_signedup: 'team',
  user_deleted: 'team',
  token_refreshed: 'token',
  token_revoked: 'token',
  user_modified: 'user',
  user_recovery_requested: 'user',
  user_updated_password: 'user',
};

function logTypeOf(action: string): string {
  return LOG_TYPES[action] ?? 'user';
}
