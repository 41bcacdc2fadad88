-- Staff console, part 6: people and organisation.
--
-- * staff_directory lists the people with a staff role (to assign reports to a person); admins may also search
--   every account, to grant a role to someone new.
-- * set_user_role grants, changes or revokes a role. Roles live in auth.users.raw_app_meta_data (which becomes the
--   JWT's app_metadata and which no user can write themselves), so this is the one place that writes it, for
--   admins only, and every change is audited. A new role reaches a person's requests when their session next
--   refreshes its access token (at most an hour; signing in again applies it at once).

create or replace function public.staff_directory(p_search text default null, p_everyone boolean default false)
returns table (
  id uuid,
  email text,
  role text,
  district text,
  last_sign_in_at timestamptz,
  created_at timestamptz
)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_role text := private.require_staff_role();
  v_term text := nullif(btrim(p_search), '');
begin
  if coalesce(p_everyone, false) and v_role <> 'admin' then
    raise exception using errcode = '42501', message = 'forbidden', detail = 'Only admins may list every account.';
  end if;
  return query
    select u.id, u.email::text,
           case when u.raw_app_meta_data ->> 'role' in ('worker', 'staff', 'admin') then u.raw_app_meta_data ->> 'role' end,
           case when u.raw_app_meta_data ->> 'role' = 'worker' then u.raw_app_meta_data ->> 'district' end,
           u.last_sign_in_at, u.created_at
    from auth.users u
    where u.deleted_at is null
      and (coalesce(p_everyone, false) or u.raw_app_meta_data ->> 'role' in ('worker', 'staff', 'admin'))
      and (v_term is null or u.email ilike '%' || private.like_escape(v_term) || '%')
    order by (u.raw_app_meta_data ->> 'role') nulls last, u.email
    limit 200;
end;
$$;
comment on function public.staff_directory(text, boolean) is
  'People with a staff role (email, role, worker district), optionally searched by email; admins may pass p_everyone to search all accounts. At most 200 rows.';

create or replace function public.set_user_role(p_user_id uuid, p_role text, p_district text default null)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_role text := nullif(btrim(p_role), '');
  v_district text := nullif(btrim(p_district), '');
  v_meta jsonb;
begin
  perform private.require_staff_role(array['admin']);
  if p_user_id is not distinct from auth.uid() then
    raise exception using errcode = 'P0001', message = 'cannot_change_own_role',
      detail = 'Another admin must change your role, so the console always keeps an admin.';
  end if;
  if v_role is not null and v_role not in ('worker', 'staff', 'admin') then
    raise exception using errcode = '22023', message = 'invalid_role';
  end if;
  if v_role = 'worker' then
    if v_district is null or not exists (select 1 from public.districts d where d.code = v_district) then
      raise exception using errcode = '22023', message = 'invalid_district', detail = 'A worker needs a district.';
    end if;
  else
    v_district := null;
  end if;

  select coalesce(u.raw_app_meta_data, '{}'::jsonb) into v_meta
  from auth.users u
  where u.id = p_user_id and u.deleted_at is null
  for update;
  if not found then
    raise exception using errcode = 'P0001', message = 'user_not_found';
  end if;
  if (v_meta ->> 'role', v_meta ->> 'district') is not distinct from (v_role, v_district) then
    return;
  end if;

  update auth.users u
  set raw_app_meta_data = (v_meta - 'role' - 'district')
        || jsonb_strip_nulls(jsonb_build_object('role', v_role, 'district', v_district)),
      updated_at = now()
  where u.id = p_user_id;

  perform private.write_audit('update', 'users', p_user_id::text, jsonb_build_object(
    'role', jsonb_build_object('old', v_meta -> 'role', 'new', to_jsonb(v_role)),
    'district', jsonb_build_object('old', v_meta -> 'district', 'new', to_jsonb(v_district))
  ));
end;
$$;
comment on function public.set_user_role(uuid, text, text) is
  'Admins grant (worker with a district, staff, admin), change or revoke (null) another person''s role in auth.users app_metadata. Audited; an admin cannot change their own role.';

revoke execute on function public.staff_directory(text, boolean), public.set_user_role(uuid, text, text)
  from public, anon;
grant execute on function public.staff_directory(text, boolean), public.set_user_role(uuid, text, text)
  to authenticated;
