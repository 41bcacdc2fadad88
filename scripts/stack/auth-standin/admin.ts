/**
 * The admin endpoints of the local auth stand-in (service_role key only), as auth-js's `auth.admin` calls them:
 * create, list, read, update (app_metadata, user_metadata, password, email, ban) and delete users.
 */
import type { IncomingMessage } from 'node:http';
import type pg from 'pg';
import { AuthFailure, badRequest, forbidden, notFound, unprocessable } from './errors.ts';
import { inAuthTransaction } from './http.ts';
import { requestMeta, requireClaims } from './account.ts';
import {
  audit,
  checkPasswordStrength,
  findUserByEmail,
  findUserById,
  insertUser,
  mergeMetadata,
  setPassword,
  userJson,
  validateEmail,
  type UserRow,
} from './users.ts';

/** GOTRUE_JWT_ADMIN_ROLES default. */
const ADMIN_ROLES = ['service_role', 'supabase_admin'];

export function requireAdmin(req: IncomingMessage): Record<string, unknown> {
  const claims = requireClaims(req);
  if (!ADMIN_ROLES.includes(String(claims.role))) throw forbidden('not_admin', 'User not allowed');
  return claims;
}

const GO_DURATION_UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** ban_duration is a Go duration ("24h", "876000h", "1h30m") or "none" to lift a ban. */
function banUntil(value: unknown): Date | null {
  if (value === 'none') return null;
  const text = typeof value === 'string' ? value : '';
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
  if (!text || parts.map((p) => p[0]).join('') !== text) {
    throw badRequest(
      'validation_failed',
      `invalid format for ban duration: time: invalid duration "${text}"`,
    );
  }
  const ms = parts.reduce((sum, p) => sum + Number(p[1]) * (GO_DURATION_UNITS[p[2] ?? ''] ?? 0), 0);
  return new Date(Date.now() + ms);
}

async function mustFindUser(client: pg.PoolClient, id: string): Promise<UserRow> {
  const user = await findUserById(client, id, true);
  if (!user) throw notFound('user_not_found', 'User not found');
  return user;
}

/** POST /admin/users */
export function createUser(db: pg.Pool, req: IncomingMessage, body: Record<string, unknown>) {
  const claims = requireAdmin(req);
  if (body.phone !== undefined && body.email === undefined) {
    throw badRequest('phone_provider_disabled', 'The local auth stand-in supports email users only');
  }
  const email = validateEmail(body.email);
  const password = body.password === undefined ? undefined : checkPasswordStrength(body.password);
  const bannedUntil = body.ban_duration === undefined ? null : banUntil(body.ban_duration);
  const meta = requestMeta(req);
  return inAuthTransaction(db, async (client) => {
    const user = await insertUser(client, {
      email,
      password,
      confirmed: body.email_confirm === true,
      role: typeof body.role === 'string' && body.role ? body.role : undefined,
      appMetadata: body.app_metadata,
      userMetadata: body.user_metadata,
      bannedUntil,
    });
    await audit(
      client,
      'user_signedup',
      { id: String(claims.sub ?? ''), role: String(claims.role) },
      meta.ip,
      {
        user_id: user.id,
        user_email: email,
        provider: 'email',
      },
    );
    return userJson(client, user);
  });
}

/** GET /admin/users?page=&per_page= — newest first, with the real server's Link and X-Total-Count headers. */
export async function listUsers(db: pg.Pool, req: IncomingMessage, query: URLSearchParams) {
  requireAdmin(req);
  const page = Math.max(1, Number(query.get('page')) || 1);
  const perPage = Math.min(1000, Math.max(1, Number(query.get('per_page')) || 50));
  return inAuthTransaction(db, async (client) => {
    const { rows: ids } = await client.query<{ id: string; total: string }>(
      `select id, count(*) over () as total from auth.users
        where aud = 'authenticated' and deleted_at is null
        order by created_at desc, id limit $1 offset $2`,
      [perPage, (page - 1) * perPage],
    );
    let total = Number(ids[0]?.total ?? 0);
    if (!ids.length) {
      const { rows } = await client.query<{ n: string }>(
        `select count(*) as n from auth.users where aud = 'authenticated' and deleted_at is null`,
      );
      total = Number(rows[0]?.n ?? 0);
    }
    const users = [];
    for (const { id } of ids) {
      const user = await findUserById(client, id);
      if (user) users.push(await userJson(client, user));
    }
    const lastPage = Math.max(1, Math.ceil(total / perPage));
    const links = [];
    if (total > page * perPage) links.push(`</admin/users?page=${page + 1}&per_page=${perPage}>; rel="next"`);
    links.push(`</admin/users?page=${lastPage}&per_page=${perPage}>; rel="last"`);
    return {
      body: { aud: 'authenticated', users },
      headers: { link: links.join(', '), 'x-total-count': String(total) },
    };
  });
}

/** GET /admin/users/{id} */
export function getUserById(db: pg.Pool, req: IncomingMessage, id: string) {
  requireAdmin(req);
  return inAuthTransaction(db, async (client) => userJson(client, await mustFindUser(client, id)));
}

/** PUT /admin/users/{id} — app_metadata and user_metadata are merged (null removes a key), like the real server. */
export function updateUserById(db: pg.Pool, req: IncomingMessage, id: string, body: Record<string, unknown>) {
  const claims = requireAdmin(req);
  const meta = requestMeta(req);
  return inAuthTransaction(db, async (client) => {
    const user = await mustFindUser(client, id);
    if (body.email !== undefined && body.email !== null) {
      const email = validateEmail(body.email);
      const other = await findUserByEmail(client, email);
      if (other && other.id !== user.id) {
        throw unprocessable('email_exists', 'A user with this email address has already been registered');
      }
      await client.query(`update auth.users set email = $2, updated_at = now() where id = $1`, [id, email]);
      await client.query(
        `update auth.identities set identity_data = identity_data || jsonb_build_object('email', $2::text),
           updated_at = now() where user_id = $1 and provider = 'email'`,
        [id, email],
      );
    }
    if (body.email_confirm === true) {
      await client.query(
        `update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()), updated_at = now()
          where id = $1`,
        [id],
      );
    }
    if (body.password !== undefined && body.password !== null) {
      await setPassword(client, id, checkPasswordStrength(body.password));
    }
    if (body.app_metadata !== undefined) {
      await client.query(`update auth.users set raw_app_meta_data = $2, updated_at = now() where id = $1`, [
        id,
        mergeMetadata(user.raw_app_meta_data, body.app_metadata),
      ]);
    }
    if (body.user_metadata !== undefined) {
      await client.query(`update auth.users set raw_user_meta_data = $2, updated_at = now() where id = $1`, [
        id,
        mergeMetadata(user.raw_user_meta_data, body.user_metadata),
      ]);
    }
    if (typeof body.role === 'string' && body.role) {
      await client.query(`update auth.users set role = $2, updated_at = now() where id = $1`, [
        id,
        body.role,
      ]);
    }
    if (body.ban_duration !== undefined) {
      await client.query(`update auth.users set banned_until = $2, updated_at = now() where id = $1`, [
        id,
        banUntil(body.ban_duration),
      ]);
    }
    await audit(
      client,
      'user_modified',
      { id: String(claims.sub ?? ''), role: String(claims.role) },
      meta.ip,
      {
        user_id: id,
        user_email: user.email,
      },
    );
    return userJson(client, await mustFindUser(client, id));
  });
}

/**
 * DELETE /admin/users/{id} — removes the user (sessions and identities cascade). With should_soft_delete the
 * row stays, scrubbed of its email and password and marked deleted_at, as the real server does.
 */
export function deleteUser(db: pg.Pool, req: IncomingMessage, id: string, body: Record<string, unknown>) {
  const claims = requireAdmin(req);
  const meta = requestMeta(req);
  return inAuthTransaction(db, async (client) => {
    const user = await mustFindUser(client, id);
    if (body.should_soft_delete === true) {
      await client.query(`delete from auth.sessions where user_id = $1`, [id]);
      await client.query(`delete from auth.identities where user_id = $1`, [id]);
      await client.query(
        `update auth.users set email = null, phone = null, encrypted_password = '', deleted_at = now(),
           updated_at = now() where id = $1`,
        [id],
      );
    } else {
      // A row elsewhere that references the user without ON DELETE (e.g. an assignment) blocks the delete, as
      // in production, where the real server answers 500 "Database error deleting user".
      await client.query(`delete from auth.users where id = $1`, [id]).catch((error: { code?: string }) => {
        if (error.code === '23503')
          throw new AuthFailure(500, 'unexpected_failure', 'Database error deleting user');
        throw error;
      });
    }
    await audit(
      client,
      'user_deleted',
      { id: String(claims.sub ?? ''), role: String(claims.role) },
      meta.ip,
      {
        user_id: id,
        user_email: user.email,
      },
    );
    return {};
  });
}
