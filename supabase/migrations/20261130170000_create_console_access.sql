-- Staff console, part 1: what a staff member may see of one report.
--
-- * Reporters' contact details are no longer readable column by column: the console asks for them through
--   view_report_contact, which needs a reason and writes it to the audit log. Direct column reads would let
--   anyone with a role copy every contact without a trace.
-- * report_next_statuses lists the status changes the state machine allows the caller from a report's current
--   status, so the console offers exactly those and never repeats the rules.
-- * report_notes: internal notes on a report that are not tied to a status change (append-only).
-- * console_report: everything about one report a staff member needs, but the contact details.

-- Audit log: reads of private data and exports are recorded too -------------------------------------------------

alter table public.audit_log drop constraint audit_log_action_check;
alter table public.audit_log add constraint audit_log_action_check
  check (action in ('insert', 'update', 'delete', 'read', 'export'));
comment on column public.audit_log.action is
  'insert, update or delete (row changes, by triggers and staff functions); read (private data viewed, with the reason); export (a CSV export of reports).';

-- Writes one audit row for an action a trigger cannot see (a read, an export, a role change in auth.users).
create or replace function private.write_audit(p_action text, p_table text, p_record_id text, p_changes jsonb)
returns void
language sql
volatile
security definer
set search_path = ''
as $$
  insert into public.audit_log (actor, actor_role, action, table_name, record_id, changes)
  values (auth.uid(), private.actor_role(), p_action, p_table, p_record_id, coalesce(p_changes, '{}'::jsonb));
$$;
comment on function private.write_audit(text, text, text, jsonb) is
  'Appends an audit_log row for the calling user (reads of contact details, exports, role changes, redactions).';

-- The caller's staff role, or a 42501 forbidden error. p_roles lists the roles allowed.
create or replace function private.require_staff_role(p_roles text[] default array['worker', 'staff', 'admin'])
returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  v_role text := public.staff_role();
begin
  if v_role is null or not (v_role = any (p_roles)) then
    raise exception using errcode = '42501', message = 'forbidden',
      detail = format('Needs one of the roles: %s.', array_to_string(p_roles, ', '));
  end if;
  return v_role;
end;
$$;
comment on function private.require_staff_role(text[]) is 'Returns the caller''s staff role when it is one of p_roles, else raises forbidden (42501).';

-- A report the caller may handle (worker: own district; staff, admin: all), or report_not_found. A worker asking
-- about another district's report gets the same answer as for a report that does not exist.
create or replace function private.require_handled_report(p_report_id uuid)
returns public.reports
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_report public.reports;
begin
  perform private.require_staff_role();
  select r.* into v_report from public.reports r where r.id = p_report_id;
  if not found or not private.can_handle_report(p_report_id) then
    raise exception using errcode = 'P0001', message = 'report_not_found';
  end if;
  return v_report;
end;
$$;

-- Contact details only through an audited function -------------------------------------------------------------

revoke select (contact_phone, contact_email) on public.reports from authenticated;

create or replace function public.view_report_contact(p_report_id uuid, p_reason text)
returns table (contact_phone text, contact_email text)
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_reason text := nullif(btrim(p_reason), '');
  v_report public.reports := private.require_handled_report(p_report_id);
begin
  if v_reason is null or char_length(v_reason) not between 5 and 500 then
    raise exception using errcode = '22023', message = 'invalid_access_reason',
      detail = 'Say why you need the contact details, in 5 to 500 characters.';
  end if;
  perform private.write_audit('read', 'reports', v_report.id::text, jsonb_build_object(
    'fields', jsonb_build_array('contact_phone', 'contact_email'),
    'reason', v_reason
  ));
  return query select v_report.contact_phone, v_report.contact_email;
end;
$$;
comment on function public.view_report_contact(uuid, text) is
  'The reporter''s contact details for a report the caller handles; the reason (5-500 characters) is written to the audit log first.';

-- The status changes the caller may make ------------------------------------------------------------------------

create or replace function public.report_next_statuses(p_report_id uuid)
returns table (to_status public.report_status)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_report public.reports := private.require_handled_report(p_report_id);
  v_role text := public.staff_role();
begin
  return query
    select t.to_status
    from public.report_transitions t
    where t.from_status = v_report.status
      and (not t.staff_only or v_role in ('staff', 'admin'))
    order by t.to_status;
end;
$$;
comment on function public.report_next_statuses(uuid) is
  'Statuses the caller may move the report to now, from public.report_transitions (staff-only ones left out for workers). The console offers exactly these.';

-- Internal notes -------------------------------------------------------------------------------------------------

create table public.report_notes (
  id bigint generated always as identity primary key,
  report_id uuid not null references public.reports (id) on delete cascade,
  body text not null check (char_length(body) between 1 and 2000),
  author uuid,
  author_role text not null check (author_role in ('worker', 'staff', 'admin', 'system')),
  created_at timestamptz not null default now()
);
comment on table public.report_notes is
  'Internal notes of staff on a report, outside status changes (those carry their own internal note). Never public; append-only.';
comment on column public.report_notes.author is 'auth.users id of the author (no foreign key: notes outlive accounts).';
create index report_notes_report_id_idx on public.report_notes (report_id, created_at);

create trigger report_notes_is_append_only
  before update or delete on public.report_notes
  for each row execute function private.forbid_history_change();
create trigger report_notes_is_not_truncated
  before truncate on public.report_notes
  for each statement execute function private.forbid_history_change();

revoke all on public.report_notes from anon, authenticated;
revoke insert, update, delete, truncate on public.report_notes from service_role;
grant select on public.report_notes to authenticated, service_role;
alter table public.report_notes enable row level security;
create policy "Staff and workers can read notes on reports they handle." on public.report_notes
  for select to authenticated
  using ((select public.staff_role()) is not null and private.can_handle_report(report_id));

create or replace function public.add_report_note(p_report_id uuid, p_body text)
returns bigint
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_body text := nullif(btrim(p_body), '');
  v_report public.reports := private.require_handled_report(p_report_id);
  v_id bigint;
begin
  if v_body is null or char_length(v_body) > 2000 then
    raise exception using errcode = '22023', message = 'invalid_note', detail = '1 to 2000 characters.';
  end if;
  insert into public.report_notes (report_id, body, author, author_role)
  values (v_report.id, v_body, auth.uid(), public.staff_role())
  returning id into v_id;
  return v_id;
end;
$$;
comment on function public.add_report_note(uuid, text) is 'Adds an internal note (1-2000 characters) to a report the caller handles.';

-- One report for the console --------------------------------------------------------------------------------------

create or replace function private.is_open_status(p_status public.report_status)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select p_status not in ('resolved', 'closed', 'rejected', 'duplicate', 'referred')
$$;
comment on function private.is_open_status(public.report_status) is
  'Open means still to be handled: not resolved, closed, rejected, duplicate or referred (as nearby_open_reports).';

create or replace function private.user_email(p_user_id uuid)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select u.email::text from auth.users u where u.id = p_user_id
$$;

create or replace function public.console_report(p_code text)
returns json
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_id uuid;
  v_report public.reports;
begin
  perform private.require_staff_role();
  select r.id into v_id from public.reports r where r.tracking_code = private.normalize_tracking_code(p_code);
  if v_id is null then
    raise exception using errcode = 'P0001', message = 'report_not_found';
  end if;
  v_report := private.require_handled_report(v_id);
  return json_build_object(
    'id', v_report.id,
    'tracking_code', v_report.tracking_code,
    'category_code', v_report.category_code,
    'description', v_report.description,
    'address', v_report.address,
    'district_code', v_report.district_code,
    'lng', extensions.st_x(v_report.location::extensions.geometry),
    'lat', extensions.st_y(v_report.location::extensions.geometry),
    'status', v_report.status,
    'is_open', private.is_open_status(v_report.status),
    'overdue', private.is_open_status(v_report.status) and v_report.due_at < now(),
    'created_at', v_report.created_at,
    'updated_at', v_report.updated_at,
    'due_at', v_report.due_at,
    'resolved_at', v_report.resolved_at,
    'has_contact', not v_report.is_anonymous,
    'duplicate_of_code', (select d.tracking_code from public.reports d where d.id = v_report.duplicate_of),
    'reject_reason', v_report.reject_reason,
    'referred_to', v_report.referred_to,
    'assigned_department', v_report.assigned_department,
    'assigned_to', v_report.assigned_to,
    'assigned_to_email', private.user_email(v_report.assigned_to),
    'hidden', v_report.hidden,
    'hidden_reason', v_report.hidden_reason,
    'confirmations_count', v_report.confirmations_count,
    'last_confirmed_at', (select max(c.created_at) from public.report_confirmations c where c.report_id = v_report.id),
    'photos', coalesce((
      select json_agg(json_build_object(
               'id', p.id, 'path', p.storage_path, 'kind', p.kind, 'hidden', p.hidden,
               'hidden_reason', p.hidden_reason, 'created_at', p.created_at)
             order by p.kind desc, p.sort_order, p.created_at)
      from public.report_photos p
      where p.report_id = v_report.id
    ), '[]'::json),
    'updates', coalesce((
      select json_agg(json_build_object(
               'id', u.id, 'from_status', u.from_status, 'to_status', u.to_status,
               'public_note', u.public_note, 'internal_note', u.internal_note,
               'actor_email', private.user_email(u.actor), 'actor_role', u.actor_role, 'created_at', u.created_at)
             order by u.created_at, u.id)
      from public.report_updates u
      where u.report_id = v_report.id
    ), '[]'::json),
    'notes', coalesce((
      select json_agg(json_build_object(
               'id', n.id, 'body', n.body, 'author_email', private.user_email(n.author),
               'author_role', n.author_role, 'created_at', n.created_at)
             order by n.created_at, n.id)
      from public.report_notes n
      where n.report_id = v_report.id
    ), '[]'::json),
    'rating', (
      select json_build_object('score', g.score, 'comment', g.comment, 'created_at', g.created_at)
      from public.report_ratings g
      where g.report_id = v_report.id
    ),
    'next_statuses', coalesce((
      select json_agg(s.to_status order by s.to_status) from public.report_next_statuses(v_report.id) s
    ), '[]'::json)
  );
end;
$$;
comment on function public.console_report(text) is
  'One report (by tracking code) for a staff member who handles it: public fields, moderation state, assignment, all photos, the full history with internal notes and actors, notes, rating and the allowed next statuses. Never the contact details (see view_report_contact).';

-- Execute privileges -----------------------------------------------------------------------------------------------

revoke execute on all functions in schema private from public;
revoke execute on function
  public.view_report_contact(uuid, text),
  public.report_next_statuses(uuid),
  public.add_report_note(uuid, text),
  public.console_report(text)
from public, anon;
grant execute on function
  public.view_report_contact(uuid, text),
  public.report_next_statuses(uuid),
  public.add_report_note(uuid, text),
  public.console_report(text)
to authenticated;
