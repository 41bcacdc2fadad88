/**
 * Sessions, rotating refresh tokens and access tokens of the local auth stand-in, kept in auth.sessions,
 * auth.refresh_tokens and auth.mfa_amr_claims like the real server. Access tokens are HS256 JWTs signed with
 * the stack's secret, with the real server's claims, so PostgREST and the storage stand-in accept them and
 * auth.uid()/auth.jwt() see what they would see in production.
 */
import type pg from 'pg';
import { randomInt, randomUUID } from 'node:crypto';
import { host, jwtSecret, ports } from '../config.ts';
import { signJwt } from '../jwt.ts';
import { CommitThenFail, OAuthFailure, badRequest } from './errors.ts';
import { audit, findUserById, isBanned, userJson, type UserRow } from './users.ts';

/** GOTRUE_JWT_EXP default. */
export const ACCESS_TOKEN_SECONDS = 3600;
/** GOTRUE_SECURITY_REFRESH_TOKEN_REUSE_INTERVAL default: a revoked token may be replayed this long. */
const REFRESH_TOKEN_REUSE_SECONDS = 10;
const ISSUER = `http://${host}:${ports.gateway}/auth/v1`;

export interface RequestMeta {
  ip: string;
  userAgent: string;
}

/** 12 random alphanumeric characters, the real server's refresh token format. */
function newRefreshToken(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let token = '';
  for (let i = 0; i < 12; i += 1) token += alphabet[randomInt(alphabet.length)];
  return token;
}

async function insertRefreshToken(
  client: pg.PoolClient,
  userId: string,
  sessionId: string,
  parent: string | null,
): Promise<string> {
  const token = newRefreshToken();
  await client.query(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
     values ('00000000-0000-0000-0000-000000000000', $1, $2, false, now(), now(), $3, $4)`,
    [token, userId, parent, sessionId],
  );
  return token;
}

/** Starts a session for a user who just authenticated with `method` ('password', 'otp'…). */
export async function startSession(
  client: pg.PoolClient,
  user: UserRow,
  method: string,
  meta: RequestMeta,
): Promise<Record<string, unknown>> {
  const sessionId = randomUUID();
  await client.query(
    `insert into auth.sessions (id, user_id, created_at, updated_at, aal, refreshed_at, user_agent, ip)
     values ($1, $2, now(), now(), 'aal1', now() at time zone 'utc', $3, $4)`,
    [sessionId, user.id, meta.userAgent || null, isIp(meta.ip) ? meta.ip : null],
  );
  await client.query(
    `insert into auth.mfa_amr_claims (session_id, created_at, updated_at, authentication_method, id)
     values ($1, now(), now(), $2, $3)`,
    [sessionId, method, randomUUID()],
  );
  await client.query(`update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1`, [
    user.id,
  ]);
  await client.query(
    `update auth.identities set last_sign_in_at = now() where user_id = $1 and provider = 'email'`,
    [user.id],
  );
  const refreshToken = await insertRefreshToken(client, user.id, sessionId, null);
  const fresh = (await findUserById(client, user.id)) ?? user;
  return tokenResponse(client, fresh, sessionId, refreshToken);
}

function isIp(value: string): boolean {
  return /^[0-9a-f.:]+$/i.test(value) && value.length > 0;
}

/** The real server's AccessTokenResponse for a session. */
async function tokenResponse(
  client: pg.PoolClient,
  user: UserRow,
  sessionId: string,
  refreshToken: string,
): Promise<Record<string, unknown>> {
  const { rows: amr } = await client.query<{ method: string; timestamp: number }>(
    `select authentication_method as method, extract(epoch from created_at)::bigint::int as timestamp
       from auth.mfa_amr_claims where session_id = $1 order by created_at`,
    [sessionId],
  );
  const issuedAt = Math.floor(Date.now() / 1000);
  const expiresAt = issuedAt + ACCESS_TOKEN_SECONDS;
  const accessToken = signJwt(
    {
      iss: ISSUER,
      sub: user.id,
      aud: user.aud ?? 'authenticated',
      exp: expiresAt,
      iat: issuedAt,
      email: user.email ?? '',
      phone: user.phone ?? '',
      app_metadata: user.raw_app_meta_data ?? {},
      user_metadata: user.raw_user_meta_data ?? {},
      role: user.role ?? 'authenticated',
      aal: 'aal1',
      amr,
      session_id: sessionId,
      is_anonymous: user.is_anonymous,
    },
    jwtSecret,
  );
  return {
    access_token: accessToken,
    token_type: 'bearer',
    expires_in: ACCESS_TOKEN_SECONDS,
    expires_at: expiresAt,
    refresh_token: refreshToken,
    user: await userJson(client, user),
  };
}

interface RefreshTokenRow {
  id: string;
  token: string;
  user_id: string;
  revoked: boolean;
  parent: string | null;
  session_id: string | null;
  updated_at: Date;
}

/**
 * grant_type=refresh_token with rotation, as the real server does it: a live token is revoked and replaced by
 * a child; replaying the token just replaced returns the current child (a client that lost the response);
 * replaying an older one within the reuse interval is tolerated, after it the whole session's token family is
 * revoked and the answer is refresh_token_already_used.
 */
export async function refreshGrant(
  client: pg.PoolClient,
  given: unknown,
  meta: RequestMeta,
): Promise<Record<string, unknown>> {
  if (typeof given !== 'string' || !given)
    throw new OAuthFailure('invalid_request', 'refresh_token required');
  const { rows } = await client.query<RefreshTokenRow>(
    `select id, token, user_id, revoked, parent, session_id, updated_at
       from auth.refresh_tokens where token = $1 for update`,
    [given],
  );
  const token = rows[0];
  if (!token) throw badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
  const user = await findUserById(client, token.user_id);
  if (!user) throw badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
  if (isBanned(user)) throw badRequest('user_banned', 'Invalid Refresh Token: User Banned');
  const { rows: sessions } = await client.query<{ id: string; not_after: Date | null }>(
    `select id, not_after from auth.sessions where id = $1 for update`,
    [token.session_id],
  );
  const session = sessions[0];
  if (!session) throw badRequest('session_not_found', 'Invalid Refresh Token: No Valid Session Found');
  if (session.not_after && session.not_after.getTime() < Date.now()) {
    throw badRequest('session_expired', 'Invalid Refresh Token: Session Expired');
  }

  let issued: string | null = null;
  if (token.revoked) {
    const { rows: active } = await client.query<{ token: string; parent: string | null }>(
      `select token, parent from auth.refresh_tokens
        where session_id = $1 and revoked = false order by id desc limit 1`,
      [session.id],
    );
    if (active[0] && active[0].parent === token.token) {
      issued = active[0].token;
    } else if (Date.now() > token.updated_at.getTime() + REFRESH_TOKEN_REUSE_SECONDS * 1000) {
      await client.query(
        `update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1`,
        [session.id],
      );
      throw new CommitThenFail(
        badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used'),
      );
    }
  }
  if (!issued) {
    await client.query(`update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1`, [
      token.id,
    ]);
    issued = await insertRefreshToken(client, user.id, session.id, token.token);
  }
  await client.query(
    `update auth.sessions set refreshed_at = now() at time zone 'utc', updated_at = now() where id = $1`,
    [session.id],
  );
  await audit(client, 'token_refreshed', { id: user.id, email: user.email }, meta.ip);
  return tokenResponse(client, user, session.id, issued);
}

/** Ends sessions for POST /logout: 'local' = this one, 'global' = all the user's, 'others' = all but this. */
export async function endSessions(
  client: pg.PoolClient,
  userId: string,
  sessionId: string | null,
  scope: string,
) {
  if (scope === 'local') {
    await client.query(`delete from auth.sessions where id = $1`, [sessionId]);
  } else if (scope === 'others') {
    await client.query(`delete from auth.sessions where user_id = $1 and id is distinct from $2`, [
      userId,
      sessionId,
    ]);
  } else {
    await client.query(`delete from auth.sessions where user_id = $1`, [userId]);
  }
}
