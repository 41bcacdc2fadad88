-- Staff console, part 2: the triage queue, its counts per status and the CSV export.
--
-- One filter helper serves all three, so the export always holds exactly the list the console shows.
-- The queue and the counts are security invoker: row-level security decides what each caller sees (a worker
-- only their district). The export is security definer because an admin may include contact details; it
-- applies the same access rule itself (private.can_handle_report) and writes every export to the audit log.

-- Escapes LIKE wildcards in typed text.
create or replace function private.like_escape(p_text text)
returns text
language sql
immutable
set search_path = ''
as $$
  select replace(replace(replace(p_text, '\', '\\'), '%', '\%'), '_', '\_')
$$;

-- Ids of the reports that match the console's filters (null or empty filters match everything). Runs with the
-- rights of whoever calls it: row-level security applies under an invoker, not under a definer.
create or replace function private.console_report_ids(
  p_status text[],
  p_category text[],
  p_district text[],
  p_assigned_to_me boolean,
  p_search text
)
returns setof uuid
language sql
stable
set search_path = ''
as $$
  select r.id
  from public.reports r
  cross join (select nullif(btrim(p_search), '') as term) s
  where (coalesce(cardinality(p_status), 0) = 0 or r.status::text = any (p_status))
    and (coalesce(cardinality(p_category), 0) = 0 or r.category_code = any (p_category))
    and (coalesce(cardinality(p_district), 0) = 0 or r.district_code = any (p_district))
    and (not coalesce(p_assigned_to_me, false) or r.assigned_to = auth.uid())
    and (
      s.term is null
      or r.tracking_code = private.normalize_tracking_code(s.term)
      or r.description ilike '%' || private.like_escape(s.term) || '%'
      or r.address ilike '%' || private.like_escape(s.term) || '%'
    )
$$;
comment on function private.console_report_ids(text[], text[], text[], boolean, text) is
  'Reports matching the console filters: statuses, categories, districts, assigned to the caller, and a search (tracking code in any typed form, or text in the description or address).';

-- The queue --------------------------------------------------------------------------------------------------------

create or replace function public.console_reports(
  p_status text[] default null,
  p_category text[] default null,
  p_district text[] default null,
  p_assigned_to_me boolean default false,
  p_search text default null,
  p_limit integer default 50,
  p_offset integer default 0
)
returns table (
  id uuid,
  tracking_code text,
  category_code text,
  status public.report_status,
  description text,
  address text,
  district_code text,
  created_at timestamptz,
  updated_at timestamptz,
  due_at timestamptz,
  resolved_at timestamptz,
  is_open boolean,
  overdue boolean,
  assigned_department text,
  assigned_to uuid,
  confirmations_count integer,
  hidden boolean,
  total_count bigint
)
language plpgsql
stable
security invoker
set search_path = ''
as $$
#variable_conflict use_column
begin
  perform private.require_staff_role();
  if p_limit is null or p_limit not between 1 and 500 or p_offset is null or p_offset < 0 then
    raise exception using errcode = '22023', message = 'invalid_page', detail = 'Limit 1 to 500, offset 0 or more.';
  end if;
  return query
    select r.id, r.tracking_code, r.category_code, r.status, left(r.description, 200), r.address, r.district_code,
           r.created_at, r.updated_at, r.due_at, r.resolved_at,
           private.is_open_status(r.status),
           private.is_open_status(r.status) and r.due_at < now(),
           r.assigned_department, r.assigned_to, r.confirmations_count, r.hidden,
           count(*) over ()
    from public.reports r
    where r.id in (select private.console_report_ids(p_status, p_category, p_district, p_assigned_to_me, p_search))
    -- Open reports first by due time (so the overdue ones lead), then finished ones, latest change first.
    order by private.is_open_status(r.status) desc,
             case when private.is_open_status(r.status) then r.due_at end asc,
             r.updated_at desc,
             r.tracking_code
    limit p_limit offset p_offset;
end;
$$;
comment on function public.console_reports(text[], text[], text[], boolean, text, integer, integer) is
  'The staff triage queue: reports the caller may read (row-level security: workers their district), filtered, open ones first by due time (overdue first), with the total for paging. Description cut to 200 characters; no contact details.';

create or replace function public.console_status_counts(
  p_category text[] default null,
  p_district text[] default null,
  p_assigned_to_me boolean default false,
  p_search text default null
)
returns table (status public.report_status, total bigint, overdue bigint)
language plpgsql
stable
security invoker
set search_path = ''
as $$
#variable_conflict use_column
begin
  perform private.require_staff_role();
  return query
    select s.status, count(r.id), count(r.id) filter (where private.is_open_status(r.status) and r.due_at < now())
    from unnest(enum_range(null::public.report_status)) as s(status)
    left join public.reports r
      on r.status = s.status
     and r.id in (select private.console_report_ids(null, p_category, p_district, p_assigned_to_me, p_search))
    group by s.status
    order by s.status;
end;
$$;
comment on function public.console_status_counts(text[], text[], boolean, text) is
  'Number of reports (and overdue ones) per status under the console''s other filters, for every status (zero included).';

-- The export --------------------------------------------------------------------------------------------------------

create or replace function public.export_reports(
  p_status text[] default null,
  p_category text[] default null,
  p_district text[] default null,
  p_assigned_to_me boolean default false,
  p_search text default null,
  p_with_contact boolean default false
)
returns table (
  tracking_code text,
  status public.report_status,
  category_code text,
  district_code text,
  address text,
  description text,
  lng double precision,
  lat double precision,
  created_at timestamptz,
  due_at timestamptz,
  resolved_at timestamptz,
  overdue boolean,
  assigned_department text,
  assigned_to_email text,
  confirmations_count integer,
  hidden boolean,
  contact_phone text,
  contact_email text
)
language plpgsql
volatile
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_role text := private.require_staff_role();
  v_with_contact boolean := coalesce(p_with_contact, false);
  v_count bigint;
begin
  if v_with_contact and v_role <> 'admin' then
    raise exception using errcode = '42501', message = 'forbidden',
      detail = 'Only admins may export contact details.';
  end if;
  select count(*) into v_count
  from public.reports r
  where r.id in (select private.console_report_ids(p_status, p_category, p_district, p_assigned_to_me, p_search))
    -- The rule row-level security applies to the queue: workers their district, staff and admins all.
    and private.can_handle_report(r.id);

  perform private.write_audit('export', 'reports', null, jsonb_build_object(
    'rows', v_count,
    'with_contact', v_with_contact,
    'filters', jsonb_strip_nulls(jsonb_build_object(
      'status', p_status, 'category', p_category, 'district', p_district,
      'assigned_to_me', coalesce(p_assigned_to_me, false), 'search', nullif(btrim(p_search), '')))
  ));

  return query
    select r.tracking_code, r.status, r.category_code, r.district_code, r.address, r.description,
           extensions.st_x(r.location::extensions.geometry), extensions.st_y(r.location::extensions.geometry),
           r.created_at, r.due_at, r.resolved_at,
           private.is_open_status(r.status) and r.due_at < now(),
           r.assigned_department, private.user_email(r.assigned_to), r.confirmations_count, r.hidden,
           case when v_with_contact then r.contact_phone end,
           case when v_with_contact then r.contact_email end
    from public.reports r
    where r.id in (select private.console_report_ids(p_status, p_category, p_district, p_assigned_to_me, p_search))
      and private.can_handle_report(r.id)
    order by private.is_open_status(r.status) desc,
             case when private.is_open_status(r.status) then r.due_at end asc,
             r.updated_at desc,
             r.tracking_code;
end;
$$;
comment on function public.export_reports(text[], text[], text[], boolean, text, boolean) is
  'Rows for a CSV export of the console''s filtered list, in queue order. Every export is written to the audit log (filters and row count). Contact columns are filled only for admins who ask for them (p_with_contact); others get an error when they ask.';

revoke execute on all functions in schema private from public;
-- The invoker functions run these helpers with the caller's rights.
grant execute on function
  private.require_staff_role(text[]),
  private.is_open_status(public.report_status),
  private.like_escape(text),
  private.normalize_tracking_code(text),
  private.console_report_ids(text[], text[], text[], boolean, text)
to authenticated;

revoke execute on function
  public.console_reports(text[], text[], text[], boolean, text, integer, integer),
  public.console_status_counts(text[], text[], boolean, text),
  public.export_reports(text[], text[], text[], boolean, text, boolean)
from public, anon;
grant execute on function
  public.console_reports(text[], text[], text[], boolean, text, integer, integer),
  public.console_status_counts(text[], text[], boolean, text),
  public.export_reports(text[], text[], text[], boolean, text, boolean)
to authenticated;
