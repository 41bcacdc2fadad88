-- Clean days, part 4: the organisers' functions (community workers for their district, staff and admins for all).
--
-- Events are written through these functions, which validate every field with a clear error key
-- (invalid_<field>, 22023) and keep workers to their own district; an event another worker's district owns
-- answers event_not_found, as if it did not exist.
--   create_event, create_event_from_reports, update_event, cancel_event, duplicate_event
--   console_events, event_candidate_reports, event_signups_for_staff (contact details: audited read),
--   mark_attendance, close_event_with_results (results + every linked open report resolved through the
--   state machine with one public note, in one transaction).

-- Helpers ----------------------------------------------------------------------------------------------------------

-- An event the caller organises (worker: own district; staff, admin: all), optionally locked; else event_not_found.
create or replace function private.require_event_organiser(p_event_id uuid, p_lock boolean default false)
returns public.events
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_role text := private.require_staff_role();
  v_event public.events;
begin
  if p_lock then
    select e.* into v_event from public.events e where e.id = p_event_id for update;
  else
    select e.* into v_event from public.events e where e.id = p_event_id;
  end if;
  if not found or (v_role = 'worker' and v_event.district_code is distinct from public.staff_district()) then
    raise exception using errcode = 'P0001', message = 'event_not_found';
  end if;
  return v_event;
end;
$$;
comment on function private.require_event_organiser(uuid, boolean) is
  'The event when the caller organises it (workers: their district; staff and admins: all), else event_not_found.';

-- A trimmed text field of an event form; raises invalid_<key> when required and missing, or too long.
create or replace function private.event_text(p_event jsonb, p_key text, p_max integer, p_required boolean)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_value text;
begin
  if jsonb_typeof(p_event -> p_key) not in ('string', 'null') then
    raise exception using errcode = '22023', message = 'invalid_' || p_key;
  end if;
  v_value := nullif(btrim(p_event ->> p_key), '');
  if (p_required and v_value is null) or char_length(v_value) > p_max then
    raise exception using errcode = '22023', message = 'invalid_' || p_key,
      detail = format('%s: %s to %s characters.', p_key, case when p_required then 1 else 0 end, p_max);
  end if;
  return v_value;
end;
$$;

-- The fields of an event form (jsonb with the events column names plus lng and lat), validated.
create or replace function private.event_fields(p_event jsonb)
returns public.events
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v public.events;
  v_lng double precision;
  v_lat double precision;
begin
  if p_event is null or jsonb_typeof(p_event) <> 'object' then
    raise exception using errcode = '22023', message = 'invalid_event';
  end if;
  v.title_zh := private.event_text(p_event, 'title_zh', 100, true);
  v.title_en := private.event_text(p_event, 'title_en', 200, true);
  v.description_zh := private.event_text(p_event, 'description_zh', 4000, true);
  v.description_en := private.event_text(p_event, 'description_en', 8000, true);
  v.bring_zh := private.event_text(p_event, 'bring_zh', 1000, false);
  v.bring_en := private.event_text(p_event, 'bring_en', 2000, false);
  v.place_zh := private.event_text(p_event, 'place_zh', 200, true);
  v.place_en := private.event_text(p_event, 'place_en', 300, true);
  v.organiser_zh := private.event_text(p_event, 'organiser_zh', 100, true);
  v.organiser_en := private.event_text(p_event, 'organiser_en', 200, true);

  begin
    v.starts_at := (p_event ->> 'starts_at')::timestamptz;
  exception when others then
    v.starts_at := null;
  end;
  if v.starts_at is null or v.starts_at < now() - interval '1 year' or v.starts_at > now() + interval '2 years' then
    raise exception using errcode = '22023', message = 'invalid_starts_at',
      detail = 'A start time within a year back and two years ahead.';
  end if;
  begin
    v.ends_at := (p_event ->> 'ends_at')::timestamptz;
  exception when others then
    v.ends_at := null;
  end;
  if v.ends_at is null or v.ends_at <= v.starts_at or v.ends_at > v.starts_at + interval '12 hours' then
    raise exception using errcode = '22023', message = 'invalid_ends_at',
      detail = 'An end time after the start, at most 12 hours later.';
  end if;

  begin
    v_lng := (p_event ->> 'lng')::double precision;
    v_lat := (p_event ->> 'lat')::double precision;
  exception when others then
    v_lng := null;
  end;
  v.location := private.valid_point(v_lng, v_lat);

  v.district_code := coalesce(nullif(btrim(p_event ->> 'district_code'), ''), public.staff_district());
  if v.district_code is null or not exists (select 1 from public.districts d where d.code = v.district_code) then
    raise exception using errcode = '22023', message = 'invalid_district_code';
  end if;
  if public.staff_role() = 'worker' and v.district_code is distinct from public.staff_district() then
    raise exception using errcode = '42501', message = 'forbidden',
      detail = 'Workers organise clean days in their own district.';
  end if;

  begin
    v.capacity := (p_event ->> 'capacity')::integer;
  exception when others then
    v.capacity := null;
  end;
  if v.capacity is null or v.capacity not between 1 and 10000 then
    raise exception using errcode = '22023', message = 'invalid_capacity', detail = '1 to 10000 people.';
  end if;

  v.status := coalesce(nullif(p_event ->> 'status', ''), 'published');
  if v.status not in ('draft', 'published') then
    raise exception using errcode = '22023', message = 'invalid_status', detail = 'draft or published.';
  end if;
  return v;
end;
$$;
comment on function private.event_fields(jsonb) is
  'Validates an event form (titles, descriptions, bring, place, organiser in both languages; starts_at, ends_at, lng, lat, district_code, capacity, status) and returns it as an events row.';

create or replace function private.insert_event(p_event jsonb)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v public.events := private.event_fields(p_event);
  v_id uuid;
begin
  insert into public.events (title_zh, title_en, description_zh, description_en, bring_zh, bring_en, starts_at,
    ends_at, place_zh, place_en, location, district_code, capacity, organiser_zh, organiser_en, status, created_by)
  values (v.title_zh, v.title_en, v.description_zh, v.description_en, v.bring_zh, v.bring_en, v.starts_at,
    v.ends_at, v.place_zh, v.place_en, v.location, v.district_code, v.capacity, v.organiser_zh, v.organiser_en,
    v.status, auth.uid())
  returning id into v_id;
  return v_id;
end;
$$;

-- Creating, editing, cancelling, duplicating -------------------------------------------------------------------------

create or replace function public.create_event(p_event jsonb)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  perform private.require_staff_role();
  return private.insert_event(p_event);
end;
$$;
comment on function public.create_event(jsonb) is
  'Creates a clean day (draft or published) from a form: both languages, times, lng/lat, district, capacity. Workers: own district.';

create or replace function public.create_event_from_reports(p_event jsonb, p_report_ids uuid[])
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_ids uuid[] := coalesce(p_report_ids, '{}');
  v_report record;
  v_event jsonb := coalesce(p_event, '{}'::jsonb);
  v_centre extensions.geometry;
  v_id uuid;
begin
  perform private.require_staff_role();
  if cardinality(v_ids) not between 1 and 50 or array_position(v_ids, null) is not null
     or (select count(distinct x) from unnest(v_ids) as x) <> cardinality(v_ids) then
    raise exception using errcode = '22023', message = 'invalid_reports', detail = '1 to 50 different reports.';
  end if;
  for v_report in
    select r.id, r.tracking_code, r.status, r.hidden, private.can_handle_report(r.id) as handled
    from public.reports r where r.id = any (v_ids)
    order by r.id
    for update
  loop
    if not v_report.handled then
      raise exception using errcode = 'P0001', message = 'report_not_found', detail = v_report.id::text;
    elsif v_report.hidden or not private.is_open_status(v_report.status) then
      raise exception using errcode = 'P0001', message = 'report_not_open', detail = v_report.tracking_code;
    elsif exists (
      select 1 from public.event_reports l join public.events e on e.id = l.event_id
      where l.report_id = v_report.id and e.status in ('draft', 'published')
    ) then
      raise exception using errcode = 'P0001', message = 'report_already_linked', detail = v_report.tracking_code;
    end if;
  end loop;
  if (select count(*) from public.reports r where r.id = any (v_ids)) <> cardinality(v_ids) then
    raise exception using errcode = 'P0001', message = 'report_not_found';
  end if;

  -- Where and which district, unless the form says: the middle of the reports, and their most common district.
  if v_event ->> 'lng' is null or v_event ->> 'lat' is null then
    select extensions.st_centroid(extensions.st_collect(r.location::extensions.geometry)) into v_centre
    from public.reports r where r.id = any (v_ids);
    v_event := v_event || jsonb_build_object('lng', extensions.st_x(v_centre), 'lat', extensions.st_y(v_centre));
  end if;
  if nullif(v_event ->> 'district_code', '') is null and public.staff_district() is null then
    v_event := v_event || jsonb_build_object('district_code', (
      select r.district_code from public.reports r where r.id = any (v_ids)
      group by r.district_code order by count(*) desc, r.district_code limit 1));
  end if;

  v_id := private.insert_event(v_event);
  insert into public.event_reports (event_id, report_id, created_by)
  select v_id, x, auth.uid() from unnest(v_ids) as x;
  return v_id;
end;
$$;
comment on function public.create_event_from_reports(jsonb, uuid[]) is
  'Creates a clean day to deal with 1-50 open reports the caller handles, and links them (place defaults to their centre). Closing the event resolves them.';

create or replace function public.update_event(p_event_id uuid, p_event jsonb)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_old public.events := private.require_event_organiser(p_event_id, true);
  v public.events;
begin
  if v_old.status not in ('draft', 'published') then
    raise exception using errcode = 'P0001', message = 'event_not_editable',
      detail = 'Cancelled and completed events cannot be edited.';
  end if;
  v := private.event_fields(p_event);
  if v.capacity < v_old.spots_taken then
    raise exception using errcode = '22023', message = 'capacity_below_signups',
      detail = format('%s places are already confirmed.', v_old.spots_taken);
  end if;
  if v_old.status = 'published' and v.status = 'draft' and exists (
    select 1 from public.event_signups s where s.event_id = p_event_id and s.status <> 'cancelled'
  ) then
    raise exception using errcode = 'P0001', message = 'event_has_signups',
      detail = 'People have signed up: cancel the event instead of unpublishing it.';
  end if;
  update public.events e
  set title_zh = v.title_zh, title_en = v.title_en, description_zh = v.description_zh,
      description_en = v.description_en, bring_zh = v.bring_zh, bring_en = v.bring_en, starts_at = v.starts_at,
      ends_at = v.ends_at, place_zh = v.place_zh, place_en = v.place_en, location = v.location,
      district_code = v.district_code, capacity = v.capacity, organiser_zh = v.organiser_zh,
      organiser_en = v.organiser_en, status = v.status
  where e.id = p_event_id;
end;
$$;
comment on function public.update_event(uuid, jsonb) is
  'Edits a draft or published event (the same form as create_event). Capacity cannot drop below confirmed places; more places promote the waiting list.';

create or replace function public.cancel_event(p_event_id uuid, p_note_zh text default null, p_note_en text default null)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_old public.events := private.require_event_organiser(p_event_id, true);
  v_note_zh text := nullif(btrim(p_note_zh), '');
  v_note_en text := nullif(btrim(p_note_en), '');
begin
  if v_old.status not in ('draft', 'published') then
    raise exception using errcode = 'P0001', message = 'event_not_editable';
  end if;
  if char_length(v_note_zh) > 500 or char_length(v_note_en) > 1000 then
    raise exception using errcode = '22023', message = 'invalid_cancel_note';
  end if;
  update public.events e
  set status = 'cancelled', cancel_note_zh = v_note_zh, cancel_note_en = v_note_en
  where e.id = p_event_id;
end;
$$;
comment on function public.cancel_event(uuid, text, text) is
  'Cancels a draft or published event with an optional public note in each language. Sign-ups stay, so people see it is off.';

create or replace function public.duplicate_event(p_event_id uuid, p_starts_at timestamptz)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_old public.events := private.require_event_organiser(p_event_id);
  v_id uuid;
begin
  if p_starts_at is null or p_starts_at <= now() or p_starts_at > now() + interval '2 years' then
    raise exception using errcode = '22023', message = 'invalid_starts_at', detail = 'A start time in the next two years.';
  end if;
  insert into public.events (title_zh, title_en, description_zh, description_en, bring_zh, bring_en, starts_at,
    ends_at, place_zh, place_en, location, district_code, capacity, organiser_zh, organiser_en, status, created_by)
  values (v_old.title_zh, v_old.title_en, v_old.description_zh, v_old.description_en, v_old.bring_zh,
    v_old.bring_en, p_starts_at, p_starts_at + (v_old.ends_at - v_old.starts_at), v_old.place_zh, v_old.place_en,
    v_old.location, v_old.district_code, v_old.capacity, v_old.organiser_zh, v_old.organiser_en, 'draft', auth.uid())
  returning id into v_id;
  return v_id;
end;
$$;
comment on function public.duplicate_event(uuid, timestamptz) is
  'Copies an event the caller organises to a new draft starting at p_starts_at (same length, place, capacity; no sign-ups, no results).';

-- Reading, for the console ----------------------------------------------------------------------------------------

create or replace function public.console_events(
  p_past boolean default null,
  p_status text[] default null,
  p_limit integer default 200
)
returns table (
  id uuid,
  title_zh text,
  title_en text,
  starts_at timestamptz,
  ends_at timestamptz,
  place_zh text,
  place_en text,
  lng double precision,
  lat double precision,
  district_code text,
  capacity integer,
  spots_taken integer,
  waitlist_count integer,
  status text,
  linked_reports integer,
  can_edit boolean
)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_role text := private.require_staff_role();
begin
  return query
  select e.id, e.title_zh, e.title_en, e.starts_at, e.ends_at, e.place_zh, e.place_en,
    extensions.st_x(e.location::extensions.geometry), extensions.st_y(e.location::extensions.geometry),
    e.district_code, e.capacity, e.spots_taken, e.waitlist_count, e.status,
    (select count(*)::integer from public.event_reports l where l.event_id = e.id),
    v_role <> 'worker' or e.district_code = public.staff_district()
  from public.events e
  where (p_past is null or (e.ends_at <= now()) = p_past)
    and (coalesce(cardinality(p_status), 0) = 0 or e.status = any (p_status))
  order by case when coalesce(p_past, false) then e.starts_at end desc, e.starts_at, e.id
  limit least(greatest(coalesce(p_limit, 200), 1), 1000);
end;
$$;
comment on function public.console_events(boolean, text[], integer) is
  'Events for the console (drafts included), with counts of places, waiting list and linked reports, and whether the caller may edit each.';

create or replace function public.console_event(p_event_id uuid)
returns table (
  id uuid,
  title_zh text,
  title_en text,
  description_zh text,
  description_en text,
  bring_zh text,
  bring_en text,
  starts_at timestamptz,
  ends_at timestamptz,
  place_zh text,
  place_en text,
  lng double precision,
  lat double precision,
  district_code text,
  capacity integer,
  organiser_zh text,
  organiser_en text,
  status text,
  spots_taken integer,
  waitlist_count integer,
  result_volunteers integer,
  result_bags_collected integer,
  result_summary_zh text,
  result_summary_en text,
  cancel_note_zh text,
  cancel_note_en text,
  can_edit boolean
)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_role text := private.require_staff_role();
begin
  return query
  select e.id, e.title_zh, e.title_en, e.description_zh, e.description_en, e.bring_zh, e.bring_en, e.starts_at,
    e.ends_at, e.place_zh, e.place_en, extensions.st_x(e.location::extensions.geometry),
    extensions.st_y(e.location::extensions.geometry), e.district_code, e.capacity, e.organiser_zh, e.organiser_en,
    e.status, e.spots_taken, e.waitlist_count, e.result_volunteers, e.result_bags_collected, e.result_summary_zh,
    e.result_summary_en, e.cancel_note_zh, e.cancel_note_en,
    v_role <> 'worker' or e.district_code = public.staff_district()
  from public.events e
  where e.id = p_event_id;
end;
$$;
comment on function public.console_event(uuid) is 'One event with every field the console''s edit form needs (drafts included).';

create or replace function public.event_candidate_reports(p_district text default null, p_limit integer default 300)
returns table (
  id uuid,
  tracking_code text,
  category_code text,
  status public.report_status,
  address text,
  district_code text,
  lng double precision,
  lat double precision,
  created_at timestamptz,
  confirmations_count integer
)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.require_staff_role();
  return query
  select r.id, r.tracking_code, r.category_code, r.status, r.address, r.district_code,
    extensions.st_x(r.location::extensions.geometry), extensions.st_y(r.location::extensions.geometry),
    r.created_at, r.confirmations_count
  from public.reports r
  where private.is_open_status(r.status)
    and not r.hidden
    and private.can_handle_report(r.id)
    and (nullif(p_district, '') is null or r.district_code = p_district)
    and not exists (
      select 1 from public.event_reports l join public.events e on e.id = l.event_id
      where l.report_id = r.id and e.status in ('draft', 'published')
    )
  order by r.created_at desc
  limit least(greatest(coalesce(p_limit, 300), 1), 1000);
end;
$$;
comment on function public.event_candidate_reports(text, integer) is
  'Open, visible reports the caller handles that no planned clean day has taken up yet, with lng/lat, newest first.';

create or replace function public.event_signups_for_staff(p_event_id uuid)
returns table (
  id uuid,
  name text,
  contact text,
  party_size smallint,
  status text,
  attended boolean,
  waitlist_position integer,
  created_at timestamptz
)
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_event public.events := private.require_event_organiser(p_event_id);
begin
  -- Contact details are private: every read of them is in the audit log.
  perform private.write_audit('read', 'event_signups', v_event.id::text,
    jsonb_build_object('fields', jsonb_build_array('name', 'contact')));
  return query
  select s.id, s.name, s.contact, s.party_size, s.status, s.attended,
    case when s.status = 'waitlisted' then
      (row_number() over (partition by s.status order by s.created_at, s.id))::integer end,
    s.created_at
  from public.event_signups s
  where s.event_id = v_event.id
  order by case s.status when 'confirmed' then 0 when 'waitlisted' then 1 else 2 end, s.created_at, s.id;
end;
$$;
comment on function public.event_signups_for_staff(uuid) is
  'Sign-ups of an event the caller organises, with contact details (the read is audited) and waiting-list positions.';

-- Running the day ---------------------------------------------------------------------------------------------------

create or replace function public.mark_attendance(p_signup_id uuid, p_attended boolean)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_signup public.event_signups;
  v_event public.events;
begin
  perform private.require_staff_role();
  select s.* into v_signup from public.event_signups s where s.id = p_signup_id;
  if not found then
    raise exception using errcode = 'P0001', message = 'signup_not_found';
  end if;
  v_event := private.require_event_organiser(v_signup.event_id, true);
  if v_signup.status <> 'confirmed' then
    raise exception using errcode = 'P0001', message = 'signup_not_confirmed';
  end if;
  if v_event.starts_at > now() + interval '2 hours' then
    raise exception using errcode = 'P0001', message = 'event_not_started',
      detail = 'Attendance is marked from two hours before the start.';
  end if;
  update public.event_signups s set attended = p_attended where s.id = p_signup_id;
end;
$$;
comment on function public.mark_attendance(uuid, boolean) is
  'Marks a confirmed sign-up as came (true), did not come (false) or not recorded (null), from two hours before the start.';

create or replace function public.close_event_with_results(
  p_event_id uuid,
  p_volunteers integer,
  p_bags_collected integer,
  p_summary_zh text,
  p_summary_en text,
  p_public_note text default null
)
returns table (tracking_code text, previous_status public.report_status, status public.report_status)
language plpgsql
volatile
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_event public.events := private.require_event_organiser(p_event_id, true);
  v_summary_zh text := nullif(btrim(p_summary_zh), '');
  v_summary_en text := nullif(btrim(p_summary_en), '');
  v_note text := nullif(btrim(p_public_note), '');
  v_internal text := format('Clean day %s (%s)', v_event.title_en, v_event.id);
  v_report record;
  v_step public.report_status;
begin
  if v_event.status not in ('published', 'completed') then
    raise exception using errcode = 'P0001', message = 'event_not_closable',
      detail = 'Only published (or completed, to correct them) events get results.';
  end if;
  if v_event.starts_at > now() then
    raise exception using errcode = 'P0001', message = 'event_not_started';
  end if;
  if p_volunteers is null or p_volunteers not between 0 and 100000 then
    raise exception using errcode = '22023', message = 'invalid_volunteers';
  end if;
  if p_bags_collected is null or p_bags_collected not between 0 and 1000000 then
    raise exception using errcode = '22023', message = 'invalid_bags_collected';
  end if;
  if v_summary_zh is null or char_length(v_summary_zh) > 2000 then
    raise exception using errcode = '22023', message = 'invalid_summary_zh';
  end if;
  if v_summary_en is null or char_length(v_summary_en) > 4000 then
    raise exception using errcode = '22023', message = 'invalid_summary_en';
  end if;
  if (v_note is null or char_length(v_note) not between 5 and 2000) and exists (
    select 1 from public.event_reports l join public.reports r on r.id = l.report_id
    where l.event_id = p_event_id and private.is_open_status(r.status)
  ) then
    raise exception using errcode = '22023', message = 'invalid_public_note',
      detail = 'Linked reports are resolved with a public note of 5 to 2000 characters.';
  end if;

  update public.events e
  set status = 'completed', result_volunteers = p_volunteers, result_bags_collected = p_bags_collected,
      result_summary_zh = v_summary_zh, result_summary_en = v_summary_en
  where e.id = p_event_id;

  -- Each open linked report walks the state machine to resolved (change_report_status checks every step and
  -- the caller's district, and writes the history); any refusal rolls the whole close back.
  for v_report in
    select r.id, r.tracking_code, r.status
    from public.event_reports l join public.reports r on r.id = l.report_id
    where l.event_id = p_event_id
    order by r.created_at, r.id
  loop
    tracking_code := v_report.tracking_code;
    previous_status := v_report.status;
    if private.is_open_status(v_report.status) then
      foreach v_step in array (case v_report.status
        when 'submitted' then '{accepted,in_progress,resolved}'
        else case when v_report.status = 'in_progress' then '{resolved}' else '{in_progress,resolved}' end
      end)::public.report_status[] loop
        perform public.change_report_status(v_report.id, v_step::text,
          case when v_step = 'resolved' then v_note end, v_internal);
      end loop;
      status := 'resolved';
    else
      status := v_report.status;
    end if;
    return next;
  end loop;
end;
$$;
comment on function public.close_event_with_results(uuid, integer, integer, text, text, text) is
  'Records the results of a clean day (volunteers, bags, summary in both languages), marks it completed and resolves every open linked report through the state machine with the public note. Returns each linked report''s previous and new status.';

-- Privileges ----------------------------------------------------------------------------------------------------------

revoke execute on function
  public.create_event(jsonb), public.create_event_from_reports(jsonb, uuid[]), public.update_event(uuid, jsonb),
  public.cancel_event(uuid, text, text), public.duplicate_event(uuid, timestamptz),
  public.console_events(boolean, text[], integer), public.console_event(uuid),
  public.event_candidate_reports(text, integer), public.event_signups_for_staff(uuid),
  public.mark_attendance(uuid, boolean), public.close_event_with_results(uuid, integer, integer, text, text, text)
  from public, anon;
grant execute on function
  public.create_event(jsonb), public.create_event_from_reports(jsonb, uuid[]), public.update_event(uuid, jsonb),
  public.cancel_event(uuid, text, text), public.duplicate_event(uuid, timestamptz),
  public.console_events(boolean, text[], integer), public.console_event(uuid),
  public.event_candidate_reports(text, integer), public.event_signups_for_staff(uuid),
  public.mark_attendance(uuid, boolean), public.close_event_with_results(uuid, integer, integer, text, text, text)
  to authenticated, service_role;
revoke execute on all functions in schema private from public;
