/**
 * LOCAL AUTH STAND-IN — not Supabase Auth; production uses the real server.
 *
 * Why: the real Auth server (GoTrue, Go module github.com/supabase/auth) cannot be installed on this machine —
 * the Go module proxy answers `go list -m -json github.com/supabase/auth@3235c4cc897f…` with "403 Forbidden —
 * This module version is not available" (the same for @latest, github.com/supabase/gotrue and
 * github.com/netlify/gotrue). This module answers /auth/v1 inside the local gateway with the same HTTP API,
 * JSON shapes and error codes that auth-js 2.119 uses, over the same tables (auth.users, auth.identities,
 * auth.sessions, auth.refresh_tokens, auth.mfa_amr_claims, auth.audit_log_entries), so the site and tests run
 * unchanged against a hosted project.
 *
 * Implemented: POST /signup (email + password, confirmed at once like GOTRUE_MAILER_AUTOCONFIRM=true);
 * POST /token?grant_type=password and grant_type=refresh_token (rotating refresh tokens with the real reuse
 * rules); GET and PUT /user; POST /logout (scope global|local|others); POST /recover (records the request, logs
 * the one-time code because there is no mail server) and POST /verify for type 'recovery'; GET /settings and
 * /health; admin (service_role): POST/GET /admin/users, GET/PUT/DELETE /admin/users/{id}. Access tokens are
 * HS256 JWTs signed with the stack's secret with the real claims (iss, sub, aud, exp, iat, email, phone,
 * app_metadata, user_metadata, role, aal, amr, session_id, is_anonymous); passwords are bcrypt (pgcrypto).
 *
 * Not implemented (answers 404 not_found): phone/SMS, OAuth providers, magic links and OTP sign-in, PKCE,
 * invites, generate_link, MFA, SSO/SAML, anonymous sign-in, identities linking, reauthentication, JWKS,
 * rate limits other than the recovery mail interval, captcha, hooks, and sending any e-mail.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type pg from 'pg';
import { badRequest, notFound, renderError } from './errors.ts';
import { readJson, sendJson } from './http.ts';
import { getUser, logout, recover, signup, token, updateUser, verify } from './account.ts';
import { createUser, deleteUser, getUserById, listUsers, updateUserById } from './admin.ts';

const SETTINGS = {
  external: {
    anonymous_users: false,
    apple: false,
    azure: false,
    bitbucket: false,
    discord: false,
    facebook: false,
    figma: false,
    fly: false,
    github: false,
    gitlab: false,
    google: false,
    keycloak: false,
    kakao: false,
    linkedin_oidc: false,
    notion: false,
    spotify: false,
    slack_oidc: false,
    workos: false,
    twitch: false,
    twitter: false,
    zoom: false,
    email: true,
    phone: false,
  },
  disable_signup: false,
  mailer_autoconfirm: true,
  phone_autoconfirm: false,
  sms_provider: '',
  saml_enabled: false,
};

async function route(req: IncomingMessage, res: ServerResponse, url: URL, db: pg.Pool): Promise<void> {
  const method = req.method ?? 'GET';
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const body = method === 'GET' || method === 'HEAD' ? {} : await readJson(req);

  if (method === 'GET' && path === '/health') {
    return sendJson(res, 200, {
      version: 'local-stand-in',
      name: 'GoTrue',
      description: 'Local auth stand-in for Supabase Auth (see scripts/stack/auth-standin/)',
    });
  }
  if (method === 'GET' && path === '/settings') return sendJson(res, 200, SETTINGS);
  if (method === 'POST' && path === '/signup') return sendJson(res, 200, await signup(db, req, body));
  if (method === 'POST' && path === '/token') {
    return sendJson(res, 200, await token(db, req, url.searchParams.get('grant_type'), body));
  }
  if (method === 'GET' && path === '/user') return sendJson(res, 200, await getUser(db, req));
  if (method === 'PUT' && path === '/user') return sendJson(res, 200, await updateUser(db, req, body));
  if (method === 'POST' && path === '/logout') {
    await logout(db, req, url.searchParams.get('scope'));
    res.writeHead(204);
    return void res.end();
  }
  if (method === 'POST' && path === '/recover') return sendJson(res, 200, await recover(db, req, body));
  if (method === 'POST' && path === '/verify') return sendJson(res, 200, await verify(db, req, body));

  if (path === '/admin/users') {
    if (method === 'GET') {
      const { body: list, headers } = await listUsers(db, req, url.searchParams);
      return sendJson(res, 200, list, headers);
    }
    if (method === 'POST') return sendJson(res, 200, await createUser(db, req, body));
  }
  const adminUser = /^\/admin\/users\/([^/]+)$/.exec(path);
  if (adminUser) {
    const id = decodeURIComponent(adminUser[1] ?? '');
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
      throw badRequest('validation_failed', 'user_id must be an UUID');
    }
    if (method === 'GET') return sendJson(res, 200, await getUserById(db, req, id));
    if (method === 'PUT') return sendJson(res, 200, await updateUserById(db, req, id, body));
    if (method === 'DELETE') return sendJson(res, 200, await deleteUser(db, req, id, body));
  }
  throw notFound('not_found', `${method} /auth/v1${path} is not implemented by the local auth stand-in`);
}

/** Answers one /auth/v1 request; `path` is the part after /auth/v1. */
export async function handleAuth(req: IncomingMessage, res: ServerResponse, path: string, db: pg.Pool) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  url.pathname = path;
  try {
    await route(req, res, url, db);
  } catch (error) {
    renderError(req, res, error);
  }
}
