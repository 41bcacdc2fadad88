/**
 * The public endpoints of the local auth stand-in: sign-up, the password and refresh-token grants, the
 * signed-in user, sign-out, password recovery and its verification.
 */
import type { IncomingMessage } from 'node:http';
import type pg from 'pg';
import { createHash, randomInt } from 'node:crypto';
import { jwtSecret } from '../config.ts';
import { verifyJwt } from '../jwt.ts';
import { AuthFailure, badRequest, forbidden, unprocessable } from './errors.ts';
import { bearerToken, clientIp, inAuthTransaction } from './http.ts';
import { endSessions, refreshGrant, startSession, type RequestMeta } from './tokens.ts';
import {
  audit,
  checkPasswordStrength,
  findUserByEmail,
  findUserById,
  insertUser,
  isBanned,
  mergeMetadata,
  passwordMatches,
  setPassword,
  userJson,
  validateEmail,
  type UserRow,
} from './users.ts';

const INVALID_LOGIN = 'Invalid login credentials';
/** GOTRUE_SMTP_MAX_FREQUENCY default: one recovery mail per address per minute. */
const RECOVERY_MIN_INTERVAL_SECONDS = 60;
/** GOTRUE_MAILER_OTP_EXP default. */
const RECOVERY_VALID_SECONDS = 3600;

export function requestMeta(req: IncomingMessage): RequestMeta {
  return { ip: clientIp(req), userAgent: String(req.headers['user-agent'] ?? '') };
}

/** Verified claims of the bearer token, with the real server's errors for a missing or bad token. */
export function requireClaims(req: IncomingMessage): Record<string, unknown> {
  const token = bearerToken(req);
  if (!token) throw new AuthFailure(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
  const claims = verifyJwt(token, jwtSecret);
  if (!claims) {
    throw forbidden(
      'bad_jwt',
      'invalid JWT: unable to parse or verify signature, token is malformed, expired or wrongly signed',
    );
  }
  return claims;
}

/** The signed-in user behind the bearer token, and its session (which must still exist). */
async function requireUser(
  client: pg.PoolClient,
  req: IncomingMessage,
): Promise<{ user: UserRow; sessionId: string | null }> {
  const claims = requireClaims(req);
  if (typeof claims.sub !== 'string' || !claims.sub) {
    throw forbidden('bad_jwt', 'invalid claim: missing sub claim');
  }
  const user = await findUserById(client, claims.sub, true);
  if (!user) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
  const sessionId = typeof claims.session_id === 'string' ? claims.session_id : null;
  if (sessionId) {
    const { rowCount } = await client.query(`select 1 from auth.sessions where id = $1`, [sessionId]);
    if (!rowCount)
      throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist');
  }
  return { user, sessionId };
}

/** POST /signup — email + password; email confirmation is automatic locally (GOTRUE_MAILER_AUTOCONFIRM). */
export function signup(db: pg.Pool, req: IncomingMessage, body: Record<string, unknown>) {
  if (body.phone !== undefined && body.email === undefined) {
    throw badRequest('phone_provider_disabled', 'Phone signups are disabled');
  }
  const email = validateEmail(body.email);
  const password = checkPasswordStrength(body.password);
  const meta = requestMeta(req);
  return inAuthTransaction(db, async (client) => {
    if (await findUserByEmail(client, email)) {
      throw unprocessable('user_already_exists', 'User already registered');
    }
    const user = await insertUser(client, {
      email,
      password,
      confirmed: true,
      userMetadata: body.data ?? {},
    });
    await audit(client, 'user_signedup', { id: user.id, email }, meta.ip, { provider: 'email' });
    return startSession(client, user, 'password', meta);
  });
}

/** POST /token?grant_type=password|refresh_token */
export function token(
  db: pg.Pool,
  req: IncomingMessage,
  grantType: string | null,
  body: Record<string, unknown>,
) {
  const meta = requestMeta(req);
  if (grantType === 'refresh_token') {
    return inAuthTransaction(db, (client) => refreshGrant(client, body.refresh_token, meta));
  }
  if (grantType !== 'password') throw badRequest('invalid_credentials', 'unsupported_grant_type');
  if (body.email && body.phone) {
    throw badRequest(
      'validation_failed',
      'Only an email address or phone number should be provided on login.',
    );
  }
  if (body.phone) throw unprocessable('phone_provider_disabled', 'Phone logins are disabled');
  if (typeof body.email !== 'string' || !body.email) {
    throw badRequest('validation_failed', 'missing email or phone');
  }
  const email = body.email.trim();
  const password = typeof body.password === 'string' ? body.password : '';
  return inAuthTransaction(db, async (client) => {
    const user = await findUserByEmail(client, email);
    if (!user || !user.has_password) throw badRequest('invalid_credentials', INVALID_LOGIN);
    if (isBanned(user)) throw badRequest('user_banned', 'User is banned');
    if (!(await passwordMatches(client, user.id, password))) {
      throw badRequest('invalid_credentials', INVALID_LOGIN);
    }
    if (!user.email_confirmed_at) throw badRequest('email_not_confirmed', 'Email not confirmed');
    await audit(client, 'login', { id: user.id, email: user.email }, meta.ip, { provider: 'email' });
    return startSession(client, user, 'password', meta);
  });
}

/** GET /user */
export function getUser(db: pg.Pool, req: IncomingMessage) {
  return inAuthTransaction(db, async (client) => userJson(client, (await requireUser(client, req)).user));
}

/** PUT /user — password, email (applied at once: autoconfirm) and user_metadata (`data`). */
export function updateUser(db: pg.Pool, req: IncomingMessage, body: Record<string, unknown>) {
  const meta = requestMeta(req);
  return inAuthTransaction(db, async (client) => {
    const { user } = await requireUser(client, req);
    if (body.phone !== undefined) throw unprocessable('phone_provider_disabled', 'Phone logins are disabled');
    if (body.password !== undefined && body.password !== null) {
      const password = checkPasswordStrength(body.password);
      if (await passwordMatches(client, user.id, password)) {
        throw unprocessable('same_password', 'New password should be different from the old password.');
      }
      await setPassword(client, user.id, password);
      await audit(client, 'user_updated_password', { id: user.id, email: user.email }, meta.ip);
    }
    if (body.email !== undefined && body.email !== null) {
      const email = validateEmail(body.email);
      if (email !== user.email) {
        const other = await findUserByEmail(client, email);
        if (other && other.id !== user.id) {
          throw unprocessable('email_exists', 'A user with this email address has already been registered');
        }
        await client.query(
          `update auth.users set email = $2, email_confirmed_at = now(), updated_at = now() where id = $1`,
          [user.id, email],
        );
        await client.query(
          `update auth.identities set identity_data = identity_data || jsonb_build_object('email', $2::text),
             updated_at = now() where user_id = $1 and provider = 'email'`,
          [user.id, email],
        );
      }
    }
    if (body.data !== undefined) {
      await client.query(`update auth.users set raw_user_meta_data = $2, updated_at = now() where id = $1`, [
        user.id,
        mergeMetadata(user.raw_user_meta_data, body.data),
      ]);
    }
    await audit(client, 'user_modified', { id: user.id, email: user.email }, meta.ip);
    const updated = await findUserById(client, user.id);
    return userJson(client, updated ?? user);
  });
}

/** POST /logout?scope=global|local|others */
export async function logout(db: pg.Pool, req: IncomingMessage, scope: string | null) {
  const meta = requestMeta(req);
  const chosen = scope ?? 'global';
  if (!['global', 'local', 'others'].includes(chosen)) {
    throw badRequest('validation_failed', `Unsupported logout scope "${chosen}"`);
  }
  await inAuthTransaction(db, async (client) => {
    const { user, sessionId } = await requireUser(client, req);
    await endSessions(client, user.id, sessionId, chosen);
    await audit(client, 'logout', { id: user.id, email: user.email }, meta.ip);
  });
}

const tokenHash = (email: string, otp: string) =>
  createHash('sha256')
    .update(email + otp)
    .digest('hex');

/**
 * POST /recover — records a recovery request like the real server (a hashed one-time code in
 * auth.users.recovery_token). There is no mail server locally: the code and token hash are written to the
 * stack log instead, for verifyOtp({ email, token, type: 'recovery' }) or ({ token_hash, type: 'recovery' }).
 * Unknown addresses get the same empty answer, so the endpoint does not reveal who has an account.
 */
export function recover(db: pg.Pool, req: IncomingMessage, body: Record<string, unknown>) {
  const email = validateEmail(body.email);
  const meta = requestMeta(req);
  return inAuthTransaction(db, async (client) => {
    const user = await findUserByEmail(client, email);
    if (!user) return {};
    if (user.recovery_sent_at) {
      const wait = Math.ceil(
        RECOVERY_MIN_INTERVAL_SECONDS - (Date.now() - user.recovery_sent_at.getTime()) / 1000,
      );
      if (wait > 0) {
        throw new AuthFailure(
          429,
          'over_email_send_rate_limit',
          `For security purposes, you can only request this after ${wait} seconds.`,
        );
      }
    }
    const otp = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const hash = tokenHash(email, otp);
    await client.query(
      `update auth.users set recovery_token = $2, recovery_sent_at = now(), updated_at = now() where id = $1`,
      [user.id, hash],
    );
    await audit(client, 'user_recovery_requested', { id: user.id, email }, meta.ip);
    console.log(
      `[auth stand-in] Password recovery requested for ${email} (no mail is sent locally): ` +
        `one-time code ${otp}, token_hash ${hash}`,
    );
    return {};
  });
}

/** POST /verify — only type 'recovery' (the flow /recover starts); answers with a session like the real server. */
export function verify(db: pg.Pool, req: IncomingMessage, body: Record<string, unknown>) {
  if (body.type !== 'recovery') {
    throw badRequest('validation_failed', 'The local auth stand-in verifies only type "recovery"');
  }
  const meta = requestMeta(req);
  let hash: string;
  if (typeof body.token_hash === 'string' && body.token_hash) {
    hash = body.token_hash;
  } else if (typeof body.token === 'string' && body.token) {
    hash = tokenHash(validateEmail(body.email), body.token.trim());
  } else {
    throw badRequest('validation_failed', 'Verify requires either a token or a token hash');
  }
  return inAuthTransaction(db, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `select id from auth.users where recovery_token = $1 and deleted_at is null
          and recovery_sent_at > now() - make_interval(secs => $2) for update`,
      [hash, RECOVERY_VALID_SECONDS],
    );
    const user = rows[0] ? await findUserById(client, rows[0].id) : null;
    if (!user) throw forbidden('otp_expired', 'Email link is invalid or has expired');
    if (isBanned(user)) throw forbidden('user_banned', 'User is banned');
    await client.query(
      `update auth.users set recovery_token = '', email_confirmed_at = coalesce(email_confirmed_at, now()),
         updated_at = now() where id = $1`,
      [user.id],
    );
    await audit(client, 'login', { id: user.id, email: user.email }, meta.ip, { provider: 'email' });
    return startSession(client, user, 'otp', meta);
  });
}
