-- Extensions, the `private` schema and the role helpers that every policy and function reads.
--
-- Staff roles come from Supabase Auth: auth.jwt() -> 'app_metadata' ->> 'role' is one of worker | staff | admin,
-- and ->> 'district' names a worker's district. app_metadata can only be written with the service role key,
-- so a signed-in citizen cannot grant themselves a role.
--
-- The `private` schema holds internal helpers, secrets and logs. It is not in PostgREST's exposed schemas and
-- no API role has privileges on its tables, so nothing in it is reachable through the Data API.

create extension if not exists pgcrypto with schema extensions;
create extension if not exists postgis with schema extensions;

create schema if not exists private;
comment on schema private is
  'Internal helpers, secrets and logs of the app. Not exposed through the Data API; API roles may only execute the few policy helpers granted below.';
revoke all on schema private from public;
-- Policies evaluated for API roles call a few helpers in this schema (granted one by one).
grant usage on schema private to anon, authenticated, service_role;

-- The role of the signed-in staff member, or null for the public (anon and citizens).
create or replace function public.staff_role()
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select case
    when (auth.jwt() -> 'app_metadata' ->> 'role') in ('worker', 'staff', 'admin')
      then auth.jwt() -> 'app_metadata' ->> 'role'
  end
$$;
comment on function public.staff_role() is
  'Staff role of the caller from the JWT''s app_metadata.role: worker, staff or admin; null for anon and citizens. Used by every policy and function.';

-- The district a worker is responsible for, or null.
create or replace function public.staff_district()
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select case
    when public.staff_role() = 'worker' then auth.jwt() -> 'app_metadata' ->> 'district'
  end
$$;
comment on function public.staff_district() is
  'District code of a worker from the JWT''s app_metadata.district; null for everyone else.';

revoke execute on function public.staff_role(), public.staff_district() from public;
grant execute on function public.staff_role(), public.staff_district() to anon, authenticated, service_role;

-- Who is acting, for history and audit rows. Our functions set qs.actor_role for the reporter (who acts with a
-- device token, not a login); a session without any JWT is a trusted operator (migrations, seed, psql).
create or replace function private.actor_role()
returns text
language sql
stable
set search_path = ''
as $$
  select coalesce(
    nullif(current_setting('qs.actor_role', true), ''),
    public.staff_role(),
    case
      when auth.jwt() is null or auth.role() = 'service_role' then 'system'
      else 'public'
    end
  )
$$;
comment on function private.actor_role() is
  'Role recorded in history and audit rows: reporter, worker, staff, admin, system (service role or a direct database session) or public.';

-- The time an action is recorded at. Only a trusted operator session (no JWT: the seed, psql) may backdate
-- through qs.at, so the demo seed can build realistic timelines through the real state machine.
create or replace function private.action_time()
returns timestamptz
language sql
stable
set search_path = ''
as $$
  select case
    when auth.jwt() is null and nullif(current_setting('qs.at', true), '') is not null
      then current_setting('qs.at', true)::timestamptz
    else now()
  end
$$;
comment on function private.action_time() is
  'now(), or the qs.at setting in a trusted operator session without a JWT (used by the seed to backdate history).';

-- A per-database random pepper for hashing client IPs and device ids, so that the stored hashes cannot be
-- reversed by hashing every IPv4 address.
create table if not exists private.secrets (
  name text primary key,
  value bytea not null
);
comment on table private.secrets is 'Server-side secrets generated at migration time. Never exposed.';
alter table private.secrets enable row level security;
insert into private.secrets (name, value)
values ('hash_pepper', extensions.gen_random_bytes(32))
on conflict (name) do nothing;

create or replace function private.hash_identifier(p_kind text, p_value text)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select encode(
    extensions.hmac(
      convert_to(p_kind || ':' || p_value, 'UTF8'),
      (select s.value from private.secrets s where s.name = 'hash_pepper'),
      'sha256'
    ),
    'hex'
  )
$$;
comment on function private.hash_identifier(text, text) is
  'HMAC-SHA256 (hex) of an identifier (client IP, device id) with the database''s secret pepper.';

-- sha256 hex of a secret token (reporter tokens, signup cancel tokens are 256-bit random values).
create or replace function private.sha256_hex(p_value text)
returns text
language sql
immutable
set search_path = ''
as $$
  select encode(extensions.digest(convert_to(p_value, 'UTF8'), 'sha256'), 'hex')
$$;

-- A new secret token: 32 random bytes as 64 hex characters.
create or replace function private.new_secret_token()
returns text
language sql
volatile
set search_path = ''
as $$
  select encode(extensions.gen_random_bytes(32), 'hex')
$$;

-- The first address of the X-Forwarded-For header PostgREST passes on (the gateway sets it), or 'unknown'
-- for direct database sessions.
create or replace function private.client_ip()
returns text
language sql
stable
set search_path = ''
as $$
  select coalesce(
    nullif(btrim(split_part(
      nullif(current_setting('request.headers', true), '')::json ->> 'x-forwarded-for', ',', 1)), ''),
    'unknown'
  )
$$;
comment on function private.client_ip() is
  'First entry of the request''s X-Forwarded-For header, or ''unknown'' outside an API request.';

-- Functions are executable by PUBLIC by default: nothing in `private` is, unless granted on purpose.
revoke execute on all functions in schema private from public;
