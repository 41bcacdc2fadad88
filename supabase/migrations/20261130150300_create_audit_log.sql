-- The audit log: who changed what through staff tools (hiding reports and photos, editing events, categories
-- and holidays). Written only by triggers; staff and admins may read it; nobody may change or delete it.

create table public.audit_log (
  id bigint generated always as identity primary key,
  created_at timestamptz not null default now(),
  actor uuid,
  actor_role text not null,
  action text not null check (action in ('insert', 'update', 'delete')),
  table_name text not null,
  record_id text,
  changes jsonb not null default '{}'::jsonb
);
comment on table public.audit_log is
  'Append-only record of changes made to moderated and reference tables. Written by triggers only.';
comment on column public.audit_log.actor is 'auth.users id of the person who acted (no foreign key: the log outlives accounts).';
comment on column public.audit_log.actor_role is 'worker, staff, admin, system (service role or direct session), reporter or public.';
comment on column public.audit_log.changes is
  'For updates the changed columns as {"column": {"old": …, "new": …}}; for inserts and deletes the row. Secrets are left out.';
create index audit_log_table_record_idx on public.audit_log (table_name, record_id);
create index audit_log_created_at_idx on public.audit_log (created_at desc);

-- Raises for any update, delete or truncate: used by the append-only tables.
create or replace function private.forbid_history_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception using
    errcode = 'P0001',
    message = 'history_is_append_only',
    detail = format('Rows of %s cannot be changed or deleted.', tg_table_name);
end;
$$;
comment on function private.forbid_history_change() is 'Trigger: keeps history tables append-only for every role.';

create trigger audit_log_is_append_only
  before update or delete on public.audit_log
  for each row execute function private.forbid_history_change();
create trigger audit_log_is_not_truncated
  before truncate on public.audit_log
  for each statement execute function private.forbid_history_change();

-- Generic audit trigger. Columns named in TG_ARGV are never logged (e.g. token hashes).
create or replace function private.audit_row_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_old jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  v_new jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
  v_changes jsonb := '{}'::jsonb;
  v_key text;
  v_secret text;
begin
  foreach v_secret in array coalesce(tg_argv, '{}'::text[]) loop
    v_old := v_old - v_secret;
    v_new := v_new - v_secret;
  end loop;
  if tg_op = 'UPDATE' then
    for v_key in select jsonb_object_keys(v_new) loop
      if v_new -> v_key is distinct from v_old -> v_key then
        v_changes := v_changes || jsonb_build_object(v_key, jsonb_build_object('old', v_old -> v_key, 'new', v_new -> v_key));
      end if;
    end loop;
    if v_changes = '{}'::jsonb then
      return null;
    end if;
  else
    v_changes := coalesce(v_new, v_old);
  end if;
  insert into public.audit_log (actor, actor_role, action, table_name, record_id, changes)
  values (
    auth.uid(),
    private.actor_role(),
    lower(tg_op),
    tg_table_name,
    coalesce(v_new, v_old) ->> coalesce((select a.attname from pg_catalog.pg_index i
      join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
      where i.indrelid = tg_relid and i.indisprimary limit 1), 'id'),
    v_changes
  );
  return null;
end;
$$;
comment on function private.audit_row_change() is 'Trigger: appends an audit_log row for the change (secret columns named in the trigger arguments are left out).';

create trigger categories_audit
  after insert or update or delete on public.categories
  for each row execute function private.audit_row_change();
create trigger holidays_audit
  after insert or update or delete on public.holidays
  for each row execute function private.audit_row_change();

revoke all on public.audit_log from anon, authenticated, service_role;
grant select on public.audit_log to authenticated, service_role;

alter table public.audit_log enable row level security;
create policy "Staff can read the audit log." on public.audit_log for select to authenticated
  using ((select public.staff_role()) in ('staff', 'admin'));

revoke execute on all functions in schema private from public;
