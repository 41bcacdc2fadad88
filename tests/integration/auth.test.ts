/**
 * Auth through the gateway with auth-js (supabase-js), as the site and the staff console use it: sign-up,
 * password sign-in and its errors, refresh-token rotation, the signed-in user, sign-out, bans, password
 * recovery, and the admin API that manages staff roles in app_metadata.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anonClient,
  claimsOf,
  closeSql,
  createTestUser,
  deleteTestUsers,
  serviceClient,
  signedInClient,
  sql,
  stack,
  uniqueEmail,
  type TestUser,
} from './support/stack.ts';

let worker: TestUser;

beforeAll(async () => {
  worker = await createTestUser({ role: 'worker', district: 'dongcheng' });
});

afterAll(async () => {
  await deleteTestUsers();
  await closeSql();
});

describe('sign-up', () => {
  it('gives a new resident a session at once (e-mail confirmation is automatic locally)', async () => {
    const email = uniqueEmail('signup');
    const { data, error } = await anonClient().auth.signUp({
      email,
      password: 'a-good-password',
      options: { data: { display_name: '青山居民' } },
    });
    expect(error).toBeNull();
    expect(data.user?.email).toBe(email);
    expect(data.user?.user_metadata).toEqual({ display_name: '青山居民' });
    expect(data.session?.access_token).toBeTruthy();
    await serviceClient().auth.admin.deleteUser(data.user?.id ?? '');
  });

  it('refuses an address that already has an account', async () => {
    const { error } = await anonClient().auth.signUp({ email: worker.email, password: 'another-password' });
    expect(error?.code).toBe('user_already_exists');
    expect(error?.status).toBe(422);
  });

  it('refuses a password shorter than six characters with the weak-password reasons', async () => {
    const { error } = await anonClient().auth.signUp({ email: uniqueEmail('weak'), password: '12345' });
    expect(error?.name).toBe('AuthWeakPasswordError');
    expect(error?.code).toBe('weak_password');
    expect((error as { reasons?: string[] }).reasons).toEqual(['length']);
  });
});

describe('password sign-in', () => {
  it('returns a session whose access token carries the real server’s claims', async () => {
    const client = anonClient();
    const { data, error } = await client.auth.signInWithPassword({
      email: worker.email,
      password: worker.password,
    });
    expect(error).toBeNull();
    const claims = claimsOf(data.session?.access_token ?? '');
    expect(claims).toMatchObject({
      sub: worker.id,
      aud: 'authenticated',
      role: 'authenticated',
      email: worker.email,
      aal: 'aal1',
      app_metadata: { role: 'worker', district: 'dongcheng', provider: 'email' },
      is_anonymous: false,
    });
    const sessions = await sql(`select user_id from auth.sessions where id = $1`, [claims.session_id]);
    expect(sessions).toEqual([{ user_id: worker.id }]);
    expect((claims.amr as { method: string }[])[0]?.method).toBe('password');
    expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
    expect(data.session?.expires_in).toBe(3600);
  });

  it('answers a wrong password with invalid_credentials', async () => {
    const { data, error } = await anonClient().auth.signInWithPassword({
      email: worker.email,
      password: 'not-the-password',
    });
    expect(data.session).toBeNull();
    expect(error?.name).toBe('AuthApiError');
    expect(error?.status).toBe(400);
    expect(error?.code).toBe('invalid_credentials');
    expect(error?.message).toBe('Invalid login credentials');
  });

  it('answers an unknown address exactly like a wrong password', async () => {
    const { error } = await anonClient().auth.signInWithPassword({
      email: uniqueEmail('nobody'),
      password: 'whatever-password',
    });
    expect(error?.code).toBe('invalid_credentials');
    expect(error?.message).toBe('Invalid login credentials');
  });

  it('refuses an account whose e-mail is not confirmed', async () => {
    const unconfirmed = await createTestUser({ confirmed: false, label: 'unconfirmed' });
    const { error } = await anonClient().auth.signInWithPassword({
      email: unconfirmed.email,
      password: unconfirmed.password,
    });
    expect(error?.code).toBe('email_not_confirmed');
  });

  it('sends error bodies in the format of the API version auth-js asks for, and the legacy one otherwise', async () => {
    const request = (headers: Record<string, string>) =>
      fetch(`${stack.url}/auth/v1/token?grant_type=password`, {
        method: 'POST',
        headers: { apikey: stack.anonKey, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ email: worker.email, password: 'wrong-password' }),
      });
    const modern = await request({ 'x-supabase-api-version': '2024-01-01' });
    expect(modern.status).toBe(400);
    expect(modern.headers.get('x-supabase-api-version')).toBe('2024-01-01');
    expect(await modern.json()).toEqual({
      code: 'invalid_credentials',
      message: 'Invalid login credentials',
    });
    const legacy = await request({});
    expect(await legacy.json()).toEqual({
      code: 400,
      error_code: 'invalid_credentials',
      msg: 'Invalid login credentials',
    });
  });
});

describe('sessions', () => {
  it('rotates the refresh token on every refresh and keeps the same session', async () => {
    const client = await signedInClient(worker);
    const first = (await client.auth.getSession()).data.session;
    const { data, error } = await client.auth.refreshSession();
    expect(error).toBeNull();
    expect(data.session?.refresh_token).not.toBe(first?.refresh_token);
    expect(claimsOf(data.session?.access_token ?? '').session_id).toBe(
      claimsOf(first?.access_token ?? '').session_id,
    );
    const rows = await sql<{ revoked: boolean; parent: string | null }>(
      `select revoked, parent from auth.refresh_tokens where token = $1`,
      [data.session?.refresh_token],
    );
    expect(rows[0]).toEqual({ revoked: false, parent: first?.refresh_token });
  });

  it('answers a replay of the token just replaced with the current one (a client that lost the answer)', async () => {
    const client = await signedInClient(worker);
    const old = (await client.auth.getSession()).data.session?.refresh_token ?? '';
    const rotated = (await client.auth.refreshSession()).data.session?.refresh_token;
    const replay = await anonClient().auth.refreshSession({ refresh_token: old });
    expect(replay.error).toBeNull();
    expect(replay.data.session?.refresh_token).toBe(rotated);
  });

  it('revokes the whole session when an old refresh token is reused after the reuse interval', async () => {
    const client = await signedInClient(worker);
    const first = (await client.auth.getSession()).data.session?.refresh_token ?? '';
    await client.auth.refreshSession();
    const current = (await client.auth.refreshSession()).data.session?.refresh_token ?? '';
    // Age the first token past the 10-second reuse interval instead of waiting.
    await sql(`update auth.refresh_tokens set updated_at = now() - interval '1 minute' where token = $1`, [
      first,
    ]);
    const reuse = await anonClient().auth.refreshSession({ refresh_token: first });
    expect(reuse.error?.code).toBe('refresh_token_already_used');
    const family = await sql<{ revoked: boolean }>(
      `select t.revoked from auth.refresh_tokens t
        where t.session_id = (select session_id from auth.refresh_tokens where token = $1)`,
      [current],
    );
    expect(family.length).toBe(3);
    expect(family.every((token) => token.revoked)).toBe(true);
  });

  it('answers an unknown refresh token with refresh_token_not_found', async () => {
    const { error } = await anonClient().auth.refreshSession({ refresh_token: 'nonexistent1' });
    expect(error?.code).toBe('refresh_token_not_found');
  });

  it('returns the signed-in user from getUser, and nothing without a session', async () => {
    const client = await signedInClient(worker);
    const { data, error } = await client.auth.getUser();
    expect(error).toBeNull();
    expect(data.user?.id).toBe(worker.id);
    expect(data.user?.app_metadata.role).toBe('worker');
    const anonymous = await anonClient().auth.getUser();
    expect(anonymous.data.user).toBeNull();
    expect(anonymous.error?.name).toBe('AuthSessionMissingError');
  });

  it('lets a user change their metadata and password, and refuses the same password again', async () => {
    const user = await createTestUser({ label: 'changer' });
    const client = await signedInClient(user);
    const updated = await client.auth.updateUser({ data: { locale: 'en' } });
    expect(updated.error).toBeNull();
    expect(updated.data.user?.user_metadata).toEqual({ locale: 'en' });
    const same = await client.auth.updateUser({ password: user.password });
    expect(same.error?.code).toBe('same_password');
    expect((await client.auth.updateUser({ password: 'a-brand-new-password' })).error).toBeNull();
    const oldPassword = await anonClient().auth.signInWithPassword({
      email: user.email,
      password: user.password,
    });
    expect(oldPassword.error?.code).toBe('invalid_credentials');
    const newPassword = await anonClient().auth.signInWithPassword({
      email: user.email,
      password: 'a-brand-new-password',
    });
    expect(newPassword.error).toBeNull();
  });

  it('ends the session on sign-out: its access and refresh tokens stop working', async () => {
    const client = await signedInClient(worker);
    const session = (await client.auth.getSession()).data.session;
    expect((await client.auth.signOut()).error).toBeNull();
    const stale = await anonClient().auth.getUser(session?.access_token);
    expect(stale.data.user).toBeNull();
    expect(stale.error?.name).toBe('AuthSessionMissingError');
    const refresh = await anonClient().auth.refreshSession({ refresh_token: session?.refresh_token ?? '' });
    expect(refresh.error?.code).toBe('refresh_token_not_found');
  });
});

describe('bans', () => {
  it('keeps a banned user out (sign-in and refresh) until the ban is lifted', async () => {
    const user = await createTestUser({ label: 'banned' });
    const client = await signedInClient(user);
    const refreshToken = (await client.auth.getSession()).data.session?.refresh_token ?? '';
    const admin = serviceClient().auth.admin;
    expect(
      (await admin.updateUserById(user.id, { ban_duration: '24h' })).data.user?.banned_until,
    ).toBeTruthy();

    const signIn = await anonClient().auth.signInWithPassword({ email: user.email, password: user.password });
    expect(signIn.error?.code).toBe('user_banned');
    const refresh = await anonClient().auth.refreshSession({ refresh_token: refreshToken });
    expect(refresh.error?.code).toBe('user_banned');

    await admin.updateUserById(user.id, { ban_duration: 'none' });
    const again = await anonClient().auth.signInWithPassword({ email: user.email, password: user.password });
    expect(again.error).toBeNull();
  });
});

describe('password recovery', () => {
  it('records a request and lets the one-time link sign the user in to set a new password', async () => {
    const user = await createTestUser({ label: 'forgetful' });
    const { error } = await anonClient().auth.resetPasswordForEmail(user.email);
    expect(error).toBeNull();
    const [row] = await sql<{ recovery_token: string; recovery_sent_at: Date | null }>(
      `select recovery_token, recovery_sent_at from auth.users where id = $1`,
      [user.id],
    );
    expect(row?.recovery_sent_at).not.toBeNull();
    expect(row?.recovery_token).toMatch(/^[0-9a-f]{64}$/);

    const client = anonClient();
    const verified = await client.auth.verifyOtp({ token_hash: row?.recovery_token ?? '', type: 'recovery' });
    expect(verified.error).toBeNull();
    expect(verified.data.user?.id).toBe(user.id);
    expect((await client.auth.updateUser({ password: 'recovered-password' })).error).toBeNull();
    const signIn = await anonClient().auth.signInWithPassword({
      email: user.email,
      password: 'recovered-password',
    });
    expect(signIn.error).toBeNull();

    const reused = await anonClient().auth.verifyOtp({
      token_hash: row?.recovery_token ?? '',
      type: 'recovery',
    });
    expect(reused.error?.code).toBe('otp_expired');
  });

  it('answers an unknown address like a known one, and limits requests to one a minute', async () => {
    expect((await anonClient().auth.resetPasswordForEmail(uniqueEmail('unknown'))).error).toBeNull();
    const user = await createTestUser({ label: 'impatient' });
    expect((await anonClient().auth.resetPasswordForEmail(user.email)).error).toBeNull();
    const second = await anonClient().auth.resetPasswordForEmail(user.email);
    expect(second.error?.code).toBe('over_email_send_rate_limit');
    expect(second.error?.status).toBe(429);
  });
});

describe('admin API', () => {
  it('changes a user’s staff role in app_metadata, which the next access token carries', async () => {
    const user = await createTestUser({ label: 'promoted' });
    const client = await signedInClient(user);
    const before = claimsOf((await client.auth.getSession()).data.session?.access_token ?? '');
    expect((before.app_metadata as Record<string, unknown>).role).toBeUndefined();

    const { data, error } = await serviceClient().auth.admin.updateUserById(user.id, {
      app_metadata: { role: 'staff' },
    });
    expect(error).toBeNull();
    expect(data.user?.app_metadata).toMatchObject({ role: 'staff', provider: 'email' });

    const refreshed = await client.auth.refreshSession();
    const after = claimsOf(refreshed.data.session?.access_token ?? '');
    expect((after.app_metadata as Record<string, unknown>).role).toBe('staff');

    await serviceClient().auth.admin.updateUserById(user.id, { app_metadata: { role: null } });
    const demoted = claimsOf((await client.auth.refreshSession()).data.session?.access_token ?? '');
    expect((demoted.app_metadata as Record<string, unknown>).role).toBeUndefined();
  });

  it('lists users a page at a time with the total', async () => {
    await createTestUser({ label: 'listed' });
    const { data, error } = await serviceClient().auth.admin.listUsers({ page: 1, perPage: 1 });
    expect(error).toBeNull();
    expect(data.users).toHaveLength(1);
    const pagination = data as { total?: number; nextPage?: number | null };
    expect(pagination.total).toBeGreaterThanOrEqual(2);
    expect(pagination.nextPage).toBe(2);
  });

  it('refuses the admin API to anyone without the service role key', async () => {
    const { error } = await anonClient().auth.admin.listUsers();
    expect(error?.status).toBe(403);
    expect(error?.code).toBe('not_admin');
  });

  it('deletes a user together with their sessions', async () => {
    const user = await createTestUser({ label: 'leaving' });
    await signedInClient(user);
    const { error } = await serviceClient().auth.admin.deleteUser(user.id);
    expect(error).toBeNull();
    expect(await sql(`select 1 from auth.users where id = $1`, [user.id])).toHaveLength(0);
    expect(await sql(`select 1 from auth.sessions where user_id = $1`, [user.id])).toHaveLength(0);
    const signIn = await anonClient().auth.signInWithPassword({ email: user.email, password: user.password });
    expect(signIn.error?.code).toBe('invalid_credentials');
  });
});

describe('service endpoints', () => {
  it('lets a browser on the site read the API version header that selects the error format', async () => {
    const response = await fetch(`${stack.url}/auth/v1/settings`, {
      headers: { apikey: stack.anonKey, origin: 'http://localhost:4321' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:4321');
    expect(response.headers.get('access-control-expose-headers')).toContain('x-supabase-api-version');
  });

  it('reports health and settings like the real server (e-mail sign-in, autoconfirm)', async () => {
    const headers = { apikey: stack.anonKey };
    expect((await fetch(`${stack.url}/auth/v1/health`, { headers })).status).toBe(200);
    const settings = (await (await fetch(`${stack.url}/auth/v1/settings`, { headers })).json()) as {
      external: { email: boolean };
      mailer_autoconfirm: boolean;
    };
    expect(settings.external.email).toBe(true);
    expect(settings.mailer_autoconfirm).toBe(true);
  });
});
