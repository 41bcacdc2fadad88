-- The report API (PostgREST /rest/v1/rpc/<name>). Every function validates its input and raises errors whose
-- message is a machine-readable key (listed in supabase/README.md) that the site maps to zh/en text:
--   SQLSTATE 22023 for invalid input, P0001 for a refused action, 42501 for a caller without the role.
-- Public functions are security definer with an empty search_path and fully qualified names: they read
-- tables the public cannot, and return public columns of visible reports only.

-- Rate limiting ---------------------------------------------------------------------------------------------

create or replace function private.check_rate_limit(p_action text, p_max integer, p_window interval)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_subject text := private.hash_identifier('ip', private.client_ip());
  v_count integer;
begin
  -- Serialise concurrent requests of one client for one action, so a burst cannot slip past the count.
  perform pg_advisory_xact_lock(hashtextextended(p_action || ':' || v_subject, 0));
  select count(*) into v_count
  from private.rate_limit_events e
  where e.action = p_action and e.subject_hash = v_subject and e.created_at > now() - p_window;
  if v_count >= p_max then
    raise exception using
      errcode = 'P0001',
      message = 'rate_limited',
      detail = format('At most %s per %s from one address.', p_max, p_window);
  end if;
  delete from private.rate_limit_events e
  where e.action = p_action and e.subject_hash = v_subject and e.created_at < now() - interval '1 day';
  insert into private.rate_limit_events (action, subject_hash) values (p_action, v_subject);
end;
$$;
comment on function private.check_rate_limit(text, integer, interval) is
  'Raises rate_limited when the client (keyed hash of its IP) did the action p_max times within p_window; else logs it.';

-- Shared validation -----------------------------------------------------------------------------------------

-- A WGS-84 point inside the service area (within 15 km of a district centre), or an invalid_location error.
create or replace function private.valid_point(p_lng double precision, p_lat double precision)
returns extensions.geography
language plpgsql
stable
set search_path = ''
as $$
declare
  v_point extensions.geography;
begin
  if p_lng is null or p_lat is null or p_lng = 'NaN'::float8 or p_lat = 'NaN'::float8
     or p_lng not between -180 and 180 or p_lat not between -90 and 90 then
    raise exception using errcode = '22023', message = 'invalid_location', detail = 'Longitude and latitude are required (WGS-84).';
  end if;
  v_point := extensions.st_setsrid(extensions.st_makepoint(p_lng, p_lat), 4326)::extensions.geography;
  if not exists (select 1 from public.districts d where extensions.st_dwithin(d.centre, v_point, 15000)) then
    raise exception using errcode = '22023', message = 'invalid_location', detail = 'The point is outside the city.';
  end if;
  return v_point;
end;
$$;

-- The visible report with this tracking code, locked for update, or a report_not_found error.
create or replace function private.visible_report_for_update(p_code text)
returns public.reports
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_report public.reports;
begin
  select r.* into v_report
  from public.reports r
  where r.tracking_code = private.normalize_tracking_code(p_code) and not r.hidden
  for update;
  if not found then
    raise exception using errcode = 'P0001', message = 'report_not_found';
  end if;
  return v_report;
end;
$$;

create or replace function private.check_reporter_token(p_report public.reports, p_token text)
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if p_report.reporter_token_hash is null or p_token is null
     or private.sha256_hex(p_token) <> p_report.reporter_token_hash then
    raise exception using errcode = 'P0001', message = 'invalid_reporter_token';
  end if;
end;
$$;

-- submit_report ---------------------------------------------------------------------------------------------

create or replace function public.submit_report(
  p_idempotency_key uuid,
  p_category text,
  p_description text,
  p_lng double precision,
  p_lat double precision,
  p_address text,
  p_district text default null,
  p_contact_phone text default null,
  p_contact_email text default null,
  p_photo_paths text[] default '{}'
)
returns table (tracking_code text, reporter_token text, created boolean)
language plpgsql
volatile
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_existing text;
  v_description text := btrim(p_description);
  v_address text := nullif(btrim(p_address), '');
  v_phone text := nullif(regexp_replace(coalesce(p_contact_phone, ''), '[[:space:]()-]', '', 'g'), '');
  v_email text := nullif(lower(btrim(p_contact_email)), '');
  v_photos text[] := coalesce(p_photo_paths, '{}');
  v_path text;
  v_point extensions.geography;
  v_district text;
  v_token text := private.new_secret_token();
  v_id uuid;
  v_code text;
begin
  if p_idempotency_key is null then
    raise exception using errcode = '22023', message = 'invalid_idempotency_key';
  end if;

  -- A retry of a report that was already stored answers first: no validation, no rate limit. The reporter
  -- token is not returned again (it is only stored hashed); see supabase/README.md.
  select r.tracking_code into v_existing from public.reports r where r.idempotency_key = p_idempotency_key;
  if found then
    return query select v_existing, null::text, false;
    return;
  end if;

  if not exists (select 1 from public.categories c where c.code = p_category and c.active) then
    raise exception using errcode = '22023', message = 'invalid_category';
  end if;
  if v_description is null or char_length(v_description) not between 10 and 2000 then
    raise exception using errcode = '22023', message = 'invalid_description_length',
      detail = 'The description must be 10 to 2000 characters.';
  end if;
  v_point := private.valid_point(p_lng, p_lat);
  if char_length(v_address) > 200 then
    raise exception using errcode = '22023', message = 'invalid_address', detail = 'At most 200 characters.';
  end if;
  if p_district is not null then
    if not exists (select 1 from public.districts d where d.code = p_district) then
      raise exception using errcode = '22023', message = 'invalid_district';
    end if;
    v_district := p_district;
  else
    select d.code into v_district
    from public.districts d
    order by extensions.st_distance(d.centre, v_point), d.code
    limit 1;
  end if;
  if v_phone is not null and v_phone !~ '^(\+86)?(1[3-9][0-9]{9}|0[0-9]{9,11})$' then
    raise exception using errcode = '22023', message = 'invalid_contact', detail = 'Not a mainland China phone number.';
  end if;
  if v_email is not null and (char_length(v_email) > 254 or v_email !~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$') then
    raise exception using errcode = '22023', message = 'invalid_contact', detail = 'Not an email address.';
  end if;
  if cardinality(v_photos) > 3 or (select count(distinct x) from unnest(v_photos) as x) <> cardinality(v_photos) then
    raise exception using errcode = '22023', message = 'invalid_photos', detail = 'At most 3 different photos.';
  end if;
  foreach v_path in array v_photos loop
    if v_path is null or v_path !~ ('^pending/' || p_idempotency_key::text
        || '/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(jpg|png|webp)$') then
      raise exception using errcode = '22023', message = 'invalid_photos',
        detail = 'Photos must be uploaded to pending/<idempotency key>/<uuid>.<jpg|png|webp>.';
    end if;
    if not private.storage_object_exists(v_path) then
      raise exception using errcode = '22023', message = 'invalid_photos', detail = 'A photo was not uploaded.';
    end if;
  end loop;

  perform private.check_rate_limit('submit_report', 10, interval '1 hour');

  insert into public.reports as r (
    category_code, description, location, address, district_code,
    contact_phone, contact_email, idempotency_key, reporter_token_hash
  )
  values (
    p_category, v_description, v_point, v_address, v_district,
    v_phone, v_email, p_idempotency_key, private.sha256_hex(v_token)
  )
  on conflict (idempotency_key) do nothing
  returning r.id, r.tracking_code into v_id, v_code;

  if v_id is null then
    -- The same key was stored by a concurrent request a moment ago.
    select r.tracking_code into v_code from public.reports r where r.idempotency_key = p_idempotency_key;
    return query select v_code, null::text, false;
    return;
  end if;

  insert into public.report_photos (report_id, storage_path, kind, sort_order)
  select v_id, t.path, 'before', (t.ord - 1)::smallint
  from unnest(v_photos) with ordinality as t(path, ord);

  return query select v_code, v_token, true;
end;
$$;
comment on function public.submit_report(uuid, text, text, double precision, double precision, text, text, text, text, text[]) is
  'Stores a citizen report. Idempotent on p_idempotency_key (a retry returns the same tracking code, created = false and no token). Rate-limited to 10 per hour per client IP.';

-- report_by_code --------------------------------------------------------------------------------------------

create or replace function public.report_by_code(p_code text)
returns json
language sql
stable
security definer
set search_path = ''
as $$
  select json_build_object(
    'tracking_code', r.tracking_code,
    'category_code', r.category_code,
    'description', r.description,
    'lng', extensions.st_x(r.location::extensions.geometry),
    'lat', extensions.st_y(r.location::extensions.geometry),
    'address', r.address,
    'district_code', r.district_code,
    'status', r.status,
    'created_at', r.created_at,
    'updated_at', r.updated_at,
    'due_at', r.due_at,
    'resolved_at', r.resolved_at,
    'confirmations_count', r.confirmations_count,
    'duplicate_of_code', (
      select d.tracking_code from public.reports d where d.id = r.duplicate_of and not d.hidden
    ),
    'reject_reason', case when r.status = 'rejected' then r.reject_reason end,
    'referred_to', case when r.status = 'referred' then r.referred_to end,
    'photos', coalesce((
      select json_agg(json_build_object('path', p.storage_path, 'kind', p.kind)
                      order by p.kind desc, p.sort_order, p.created_at)
      from public.report_photos p
      where p.report_id = r.id and not p.hidden
    ), '[]'::json),
    'updates', coalesce((
      select json_agg(json_build_object(
               'from_status', u.from_status,
               'to_status', u.to_status,
               'public_note', u.public_note,
               'created_at', u.created_at)
             order by u.created_at, u.id)
      from public.report_updates u
      where u.report_id = r.id
    ), '[]'::json),
    'rating', (
      select json_build_object('score', g.score, 'comment', g.comment)
      from public.report_ratings g
      where g.report_id = r.id
    )
  )
  from public.reports r
  where r.tracking_code = private.normalize_tracking_code(p_code) and not r.hidden
$$;
comment on function public.report_by_code(text) is
  'Public view of one report by tracking code (typed forms accepted), or null when unknown or hidden. Never returns contact details, internal notes or tokens.';

-- reports_in_bbox -------------------------------------------------------------------------------------------

create or replace function public.reports_in_bbox(
  p_west double precision,
  p_south double precision,
  p_east double precision,
  p_north double precision,
  p_status text[] default null,
  p_category text[] default null,
  p_district text[] default null,
  p_from timestamptz default null,
  p_to timestamptz default null,
  p_limit integer default 5000
)
returns table (
  tracking_code text,
  category_code text,
  status public.report_status,
  district_code text,
  lng double precision,
  lat double precision,
  address text,
  created_at timestamptz,
  due_at timestamptz,
  confirmations_count integer
)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
begin
  if p_west is null or p_south is null or p_east is null or p_north is null
     or p_west > p_east or p_south > p_north
     or p_west < -180 or p_east > 180 or p_south < -90 or p_north > 90 then
    raise exception using errcode = '22023', message = 'invalid_bbox',
      detail = 'west <= east and south <= north, in WGS-84 degrees.';
  end if;
  if p_limit is not null and p_limit not between 1 and 5000 then
    raise exception using errcode = '22023', message = 'invalid_limit', detail = '1 to 5000.';
  end if;
  return query
    select r.tracking_code, r.category_code, r.status, r.district_code,
           extensions.st_x(r.location::extensions.geometry),
           extensions.st_y(r.location::extensions.geometry),
           r.address, r.created_at, r.due_at, r.confirmations_count
    from public.reports r
    where not r.hidden
      and r.location::extensions.geometry operator(extensions.&&)
          extensions.st_makeenvelope(p_west, p_south, p_east, p_north, 4326)
      and (p_status is null or r.status::text = any (p_status))
      and (p_category is null or r.category_code = any (p_category))
      and (p_district is null or r.district_code = any (p_district))
      and (p_from is null or r.created_at >= p_from)
      and (p_to is null or r.created_at < p_to)
    order by r.created_at desc, r.tracking_code
    limit coalesce(p_limit, 5000);
end;
$$;
comment on function public.reports_in_bbox(double precision, double precision, double precision, double precision, text[], text[], text[], timestamptz, timestamptz, integer) is
  'Visible reports inside a WGS-84 bounding box for the map, newest first, with optional filters (p_to exclusive).';

-- nearby_open_reports ---------------------------------------------------------------------------------------

create or replace function public.nearby_open_reports(
  p_lng double precision,
  p_lat double precision,
  p_category text,
  p_radius_m double precision default 250
)
returns table (
  tracking_code text,
  category_code text,
  status public.report_status,
  description text,
  address text,
  distance_m double precision,
  created_at timestamptz,
  confirmations_count integer
)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_point extensions.geography := private.valid_point(p_lng, p_lat);
  v_radius double precision := coalesce(p_radius_m, 250);
begin
  if v_radius = 'NaN'::float8 or v_radius not between 1 and 2000 then
    raise exception using errcode = '22023', message = 'invalid_radius', detail = '1 to 2000 metres.';
  end if;
  return query
    select r.tracking_code, r.category_code, r.status, r.description, r.address,
           extensions.st_distance(r.location, v_point) as distance_m,
           r.created_at, r.confirmations_count
    from public.reports r
    where not r.hidden
      and r.status not in ('resolved', 'closed', 'rejected', 'duplicate', 'referred')
      and (p_category is null or r.category_code = p_category)
      and extensions.st_dwithin(r.location, v_point, v_radius)
    order by distance_m, r.created_at desc
    limit 20;
end;
$$;
comment on function public.nearby_open_reports(double precision, double precision, text, double precision) is
  'Up to 20 open visible reports within the radius (metres, default 250, at most 2000), nearest first; p_category null means any. For "is this already reported?" before submitting.';

-- confirm_report --------------------------------------------------------------------------------------------

create or replace function public.confirm_report(p_code text, p_device_id text)
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_device text := btrim(p_device_id);
  v_report public.reports;
begin
  if v_device is null or char_length(v_device) not between 8 and 200 then
    raise exception using errcode = '22023', message = 'invalid_device_id';
  end if;
  v_report := private.visible_report_for_update(p_code);
  if v_report.status in ('resolved', 'closed', 'rejected', 'duplicate', 'referred') then
    raise exception using errcode = 'P0001', message = 'report_not_open';
  end if;
  perform private.check_rate_limit('confirm_report', 60, interval '1 hour');
  insert into public.report_confirmations (report_id, device_hash)
  values (v_report.id, private.hash_identifier('device', v_device))
  on conflict do nothing;
  return (select r.confirmations_count from public.reports r where r.id = v_report.id);
end;
$$;
comment on function public.confirm_report(text, text) is
  '"Me too" for an open report, once per device (keyed hash of the device id). Returns the new count.';

-- rate_report -----------------------------------------------------------------------------------------------

create or replace function public.rate_report(p_code text, p_reporter_token text, p_score integer, p_comment text default null)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_comment text := nullif(btrim(p_comment), '');
  v_report public.reports;
begin
  if p_score is null or p_score not between 1 and 5 then
    raise exception using errcode = '22023', message = 'invalid_score', detail = '1 to 5.';
  end if;
  if char_length(v_comment) > 500 then
    raise exception using errcode = '22023', message = 'invalid_comment', detail = 'At most 500 characters.';
  end if;
  v_report := private.visible_report_for_update(p_code);
  perform private.check_reporter_token(v_report, p_reporter_token);
  if v_report.status not in ('resolved', 'closed') then
    raise exception using errcode = 'P0001', message = 'report_not_resolved';
  end if;
  if exists (select 1 from public.report_ratings g where g.report_id = v_report.id) then
    raise exception using errcode = 'P0001', message = 'already_rated';
  end if;
  insert into public.report_ratings (report_id, score, comment) values (v_report.id, p_score, v_comment);
end;
$$;
comment on function public.rate_report(text, text, integer, text) is
  'The reporter (holding the reporter token) rates a resolved or closed report once: score 1-5, optional comment.';

-- reopen_report ---------------------------------------------------------------------------------------------

create or replace function public.reopen_report(p_code text, p_reporter_token text, p_note text)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_note text := nullif(btrim(p_note), '');
  v_report public.reports;
begin
  if v_note is null or char_length(v_note) > 2000 then
    raise exception using errcode = '22023', message = 'invalid_note', detail = 'Say why, in at most 2000 characters.';
  end if;
  v_report := private.visible_report_for_update(p_code);
  perform private.check_reporter_token(v_report, p_reporter_token);
  if v_report.status <> 'resolved' then
    raise exception using errcode = 'P0001',
      message = format('illegal_transition: %s → reopened', v_report.status),
      detail = 'The reporter can reopen a resolved report only.';
  end if;
  perform private.set_update_context(v_note, null, 'reporter');
  update public.reports r set status = 'reopened' where r.id = v_report.id;
  perform private.set_update_context(null, null, null);
end;
$$;
comment on function public.reopen_report(text, text, text) is
  'The reporter (holding the reporter token) reopens a resolved report, saying why (a public note).';

-- change_report_status --------------------------------------------------------------------------------------

create or replace function public.change_report_status(
  p_report_id uuid,
  p_to text,
  p_public_note text default null,
  p_internal_note text default null,
  p_reject_reason text default null,
  p_duplicate_of_code text default null,
  p_referred_to text default null,
  p_assigned_department text default null,
  p_assigned_to uuid default null
)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_role text := coalesce(
    public.staff_role(),
    case when auth.jwt() is null or auth.role() = 'service_role' then 'system' end
  );
  v_to public.report_status;
  v_report public.reports;
  v_public_note text := nullif(btrim(p_public_note), '');
  v_internal_note text := nullif(btrim(p_internal_note), '');
  v_reject_reason text := nullif(btrim(p_reject_reason), '');
  v_referred_to text := nullif(btrim(p_referred_to), '');
  v_duplicate_of uuid;
  v_department text := nullif(btrim(p_assigned_department), '');
begin
  if v_role is null then
    raise exception using errcode = '42501', message = 'forbidden', detail = 'Only workers, staff and admins change a report''s status.';
  end if;
  if p_to is null or not (p_to = any (enum_range(null::public.report_status)::text[])) then
    raise exception using errcode = '22023', message = 'invalid_status';
  end if;
  v_to := p_to::public.report_status;
  if char_length(v_public_note) > 2000 or char_length(v_internal_note) > 2000 then
    raise exception using errcode = '22023', message = 'invalid_note', detail = 'Notes are at most 2000 characters.';
  end if;

  select r.* into v_report from public.reports r where r.id = p_report_id for update;
  if not found then
    raise exception using errcode = 'P0001', message = 'report_not_found';
  end if;
  if v_role = 'worker' and v_report.district_code is distinct from public.staff_district() then
    raise exception using errcode = '42501', message = 'forbidden', detail = 'Workers handle reports of their own district.';
  end if;
  -- Checked here too (the trigger has the last word) so that an illegal change is reported as such rather
  -- than as a missing field.
  if not exists (
    select 1 from public.report_transitions t where t.from_status = v_report.status and t.to_status = v_to
  ) then
    raise exception using errcode = 'P0001', message = format('illegal_transition: %s → %s', v_report.status, v_to);
  end if;

  if v_to = 'rejected' then
    if v_reject_reason is null then
      raise exception using errcode = '22023', message = 'reject_reason_required';
    elsif char_length(v_reject_reason) > 500 then
      raise exception using errcode = '22023', message = 'invalid_reject_reason', detail = 'At most 500 characters.';
    end if;
  elsif v_to = 'duplicate' then
    if nullif(btrim(p_duplicate_of_code), '') is null then
      raise exception using errcode = '22023', message = 'duplicate_of_required';
    end if;
    select d.id into v_duplicate_of
    from public.reports d
    where d.tracking_code = private.normalize_tracking_code(p_duplicate_of_code);
    if v_duplicate_of is null then
      raise exception using errcode = '22023', message = 'duplicate_not_found';
    elsif v_duplicate_of = v_report.id then
      raise exception using errcode = '22023', message = 'duplicate_of_self';
    end if;
  elsif v_to = 'referred' then
    if v_referred_to is null then
      raise exception using errcode = '22023', message = 'referred_to_required';
    elsif char_length(v_referred_to) > 200 then
      raise exception using errcode = '22023', message = 'invalid_referred_to', detail = 'At most 200 characters.';
    end if;
  end if;

  if v_department is not null and not exists (select 1 from public.departments d where d.code = v_department) then
    raise exception using errcode = '22023', message = 'invalid_department';
  end if;
  if p_assigned_to is not null and not exists (select 1 from auth.users u where u.id = p_assigned_to) then
    raise exception using errcode = '22023', message = 'invalid_assignee';
  end if;
  if v_to = 'assigned' then
    -- Assigned always names a department: the given one, the current one, or the category's.
    v_department := coalesce(
      v_department,
      v_report.assigned_department,
      (select c.department_code from public.categories c where c.code = v_report.category_code)
    );
    if v_report.status = 'assigned'
       and (v_department, coalesce(p_assigned_to, v_report.assigned_to))
           is not distinct from (v_report.assigned_department, v_report.assigned_to) then
      raise exception using errcode = 'P0001', message = 'no_change',
        detail = 'Reassigning needs another department or person.';
    end if;
  end if;

  perform private.set_update_context(v_public_note, v_internal_note, null);
  update public.reports r
  set status = v_to,
      reject_reason = case when v_to = 'rejected' then v_reject_reason else r.reject_reason end,
      duplicate_of = case when v_to = 'duplicate' then v_duplicate_of else r.duplicate_of end,
      referred_to = case when v_to = 'referred' then v_referred_to else r.referred_to end,
      assigned_department = coalesce(v_department, r.assigned_department),
      assigned_to = coalesce(p_assigned_to, r.assigned_to)
  where r.id = v_report.id;
  perform private.set_update_context(null, null, null);
end;
$$;
comment on function public.change_report_status(uuid, text, text, text, text, text, text, text, uuid) is
  'Moves a report through the state machine (workers: own district; staff and admins: all). Appends a history row with the notes.';

-- Execute privileges ----------------------------------------------------------------------------------------

revoke execute on all functions in schema private from public;

revoke execute on function
  public.submit_report(uuid, text, text, double precision, double precision, text, text, text, text, text[]),
  public.report_by_code(text),
  public.reports_in_bbox(double precision, double precision, double precision, double precision, text[], text[], text[], timestamptz, timestamptz, integer),
  public.nearby_open_reports(double precision, double precision, text, double precision),
  public.confirm_report(text, text),
  public.rate_report(text, text, integer, text),
  public.reopen_report(text, text, text),
  public.change_report_status(uuid, text, text, text, text, text, text, text, uuid)
from public, anon, authenticated;

grant execute on function
  public.submit_report(uuid, text, text, double precision, double precision, text, text, text, text, text[]),
  public.report_by_code(text),
  public.reports_in_bbox(double precision, double precision, double precision, double precision, text[], text[], text[], timestamptz, timestamptz, integer),
  public.nearby_open_reports(double precision, double precision, text, double precision),
  public.confirm_report(text, text),
  public.rate_report(text, text, integer, text),
  public.reopen_report(text, text, text)
to anon, authenticated, service_role;

grant execute on function public.change_report_status(uuid, text, text, text, text, text, text, text, uuid)
  to authenticated, service_role;
