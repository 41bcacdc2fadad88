-- Defence in depth for the "trusted operator session" rule. History and audit rows label a session without
-- any JWT as `system`, and only such a session may backdate history through qs.at (the seed does). PostgREST
-- always sets JWT claims (anon requests get {"role":"anon"}), so an API caller never looked trusted; this
-- makes it so even if a gateway forgot the claims: a session acting as anon or authenticated (SET ROLE, which
-- security definer functions do not change) is never trusted.

create or replace function private.is_trusted_session()
returns boolean
language sql
stable
set search_path = ''
as $$
  select auth.jwt() is null
    and coalesce(nullif(current_setting('role', true), 'none'), session_user::text) not in ('anon', 'authenticated')
$$;
comment on function private.is_trusted_session() is
  'True for a direct database session of an operator (migrations, seed, psql): no JWT and not acting as an API role.';

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
      when auth.role() = 'service_role' or private.is_trusted_session() then 'system'
      else 'public'
    end
  )
$$;

create or replace function private.action_time()
returns timestamptz
language sql
stable
set search_path = ''
as $$
  select case
    when private.is_trusted_session() and nullif(current_setting('qs.at', true), '') is not null
      then current_setting('qs.at', true)::timestamptz
    else now()
  end
$$;

revoke execute on all functions in schema private from public;
