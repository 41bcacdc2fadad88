-- Clean days, part 2: what the public site reads, and the columns the organisers' tools need.
--
-- * events.cancel_note_zh/_en: why an event was cancelled, shown to the people who signed up.
-- * events.ics_sequence: the iCalendar SEQUENCE, raised whenever the time, place, title or status changes, so
--   calendar apps that subscribed replace their copy instead of keeping a stale one.
-- * event_signups.attended: attendance marked by the organiser after the event (null = not recorded).
-- * event_reports: the open reports a clean day was organised to deal with ("create a clean day from reports");
--   closing the event with results resolves them through the report state machine.
-- * events_in_range: the public list (district, time window, upcoming or past) with places left.
-- * event_signup_by_token: the person who signed up reads their own sign-up (status, waiting-list position) with
--   the cancel token kept on their device; never anyone else's, never the contact.
-- * event_linked_reports: the public face of the reports linked to an event.

-- Columns ------------------------------------------------------------------------------------------------------------

alter table public.events
  add column cancel_note_zh text check (char_length(cancel_note_zh) <= 500),
  add column cancel_note_en text check (char_length(cancel_note_en) <= 1000),
  add column ics_sequence integer not null default 0 check (ics_sequence >= 0);
comment on column public.events.cancel_note_zh is 'Why the event was cancelled (public), set by cancel_event.';
comment on column public.events.ics_sequence is
  'iCalendar SEQUENCE: raised by a trigger when the title, time, place or status changes.';

alter table public.event_signups add column attended boolean;
comment on column public.event_signups.attended is
  'Marked by the organiser after the event: true came, false did not come, null not recorded.';

grant select (cancel_note_zh, cancel_note_en, ics_sequence) on public.events to anon;

create or replace function private.events_bump_ics_sequence()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if (new.title_zh, new.title_en, new.starts_at, new.ends_at, new.place_zh, new.place_en, new.status)
     is distinct from (old.title_zh, old.title_en, old.starts_at, old.ends_at, old.place_zh, old.place_en, old.status)
     or not extensions.st_equals(new.location::extensions.geometry, old.location::extensions.geometry) then
    new.ics_sequence := old.ics_sequence + 1;
  else
    new.ics_sequence := old.ics_sequence;
  end if;
  return new;
end;
$$;
comment on function private.events_bump_ics_sequence() is
  'Trigger: raises events.ics_sequence when what a calendar shows changes (RFC 5545 SEQUENCE).';

create trigger events_ics_sequence
  before update on public.events
  for each row execute function private.events_bump_ics_sequence();

-- The public view gains the cancel notes and the last change (columns appended: the view's contract is kept).
create or replace view public.events_public
with (security_invoker = true)
as
select
  e.id, e.title_zh, e.title_en, e.description_zh, e.description_en, e.bring_zh, e.bring_en,
  e.starts_at, e.ends_at, e.place_zh, e.place_en,
  extensions.st_x(e.location::extensions.geometry) as lng,
  extensions.st_y(e.location::extensions.geometry) as lat,
  e.district_code, e.capacity, e.spots_taken,
  greatest(e.capacity - e.spots_taken, 0) as spots_left,
  e.waitlist_count, e.organiser_zh, e.organiser_en, e.status,
  e.result_volunteers, e.result_bags_collected, e.result_summary_zh, e.result_summary_en,
  e.cancel_note_zh, e.cancel_note_en, e.updated_at
from public.events e
where e.status <> 'draft';
comment on view public.events_public is
  'Events for the public site (not drafts), with lng/lat and places left. Security invoker: the events policies apply.';

-- Reports linked to an event -------------------------------------------------------------------------------------

create table public.event_reports (
  event_id uuid not null references public.events (id) on delete cascade,
  report_id uuid not null references public.reports (id) on delete cascade,
  created_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  primary key (event_id, report_id)
);
comment on table public.event_reports is
  'Open reports a clean day was organised to deal with. Written by create_event_from_reports only; closing the event resolves them.';
create index event_reports_report_id_idx on public.event_reports (report_id);

alter table public.event_reports enable row level security;
revoke all on public.event_reports from anon, authenticated;
grant select on public.event_reports to authenticated;

create policy "Staff can read the reports linked to events." on public.event_reports
  for select to authenticated using ((select public.staff_role()) in ('staff', 'admin'));
create policy "Workers can read event report links in their district." on public.event_reports
  for select to authenticated
  using (
    (select public.staff_role()) = 'worker'
    and exists (
      select 1 from public.events e
      where e.id = event_id and e.district_code = (select public.staff_district())
    )
  );

-- Public reads --------------------------------------------------------------------------------------------------

create or replace function public.events_in_range(
  p_from timestamptz default null,
  p_to timestamptz default null,
  p_district text default null,
  p_past boolean default null,
  p_limit integer default 100
)
returns setof public.events_public
language sql
stable
set search_path = ''
as $$
  select v.*
  from public.events_public v
  where (p_from is null or v.ends_at > p_from)
    and (p_to is null or v.starts_at < p_to)
    and (nullif(p_district, '') is null or v.district_code = p_district)
    and (p_past is null or (v.ends_at <= now()) = p_past)
  order by
    case when coalesce(p_past, false) then v.starts_at end desc,
    v.starts_at, v.id
  limit least(greatest(coalesce(p_limit, 100), 1), 500)
$$;
comment on function public.events_in_range(timestamptz, timestamptz, text, boolean, integer) is
  'Public events (not drafts) overlapping [p_from, p_to), in one district or all; p_past true = ended (newest first), false = not ended yet (soonest first), null = both. At most 500.';

create or replace function public.event_signup_by_token(p_cancel_token text)
returns table (
  event_id uuid,
  name text,
  party_size smallint,
  status text,
  waitlist_position integer,
  created_at timestamptz
)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_signup public.event_signups;
begin
  if p_cancel_token is null or p_cancel_token !~ '^[0-9a-f]{64}$' then
    raise exception using errcode = 'P0001', message = 'signup_not_found';
  end if;
  select s.* into v_signup
  from public.event_signups s
  join public.events e on e.id = s.event_id and e.status <> 'draft'
  where s.cancel_token_hash = private.sha256_hex(p_cancel_token);
  if not found then
    raise exception using errcode = 'P0001', message = 'signup_not_found';
  end if;
  return query
  select v_signup.event_id, v_signup.name, v_signup.party_size, v_signup.status,
    case when v_signup.status = 'waitlisted' then (
      select count(*)::integer + 1 from public.event_signups w
      where w.event_id = v_signup.event_id and w.status = 'waitlisted'
        and (w.created_at, w.id) < (v_signup.created_at, v_signup.id)
    ) end,
    v_signup.created_at;
end;
$$;
comment on function public.event_signup_by_token(text) is
  'The sign-up holding this cancel token (its own name, party size, status and waiting-list position); never the contact.';

create or replace function public.event_linked_reports(p_event_id uuid)
returns table (tracking_code text, category_code text, status public.report_status, address text)
language sql
stable
security definer
set search_path = ''
as $$
  select r.tracking_code, r.category_code, r.status, r.address
  from public.event_reports l
  join public.events e on e.id = l.event_id and e.status <> 'draft'
  join public.reports r on r.id = l.report_id and not r.hidden
  where l.event_id = p_event_id
  order by r.created_at, r.tracking_code
$$;
comment on function public.event_linked_reports(uuid) is
  'Public columns of the visible reports linked to a published event (tracking code, category, status, address).';

revoke execute on function public.events_in_range(timestamptz, timestamptz, text, boolean, integer),
  public.event_signup_by_token(text), public.event_linked_reports(uuid) from public;
grant execute on function public.events_in_range(timestamptz, timestamptz, text, boolean, integer),
  public.event_signup_by_token(text), public.event_linked_reports(uuid) to anon, authenticated, service_role;
revoke execute on all functions in schema private from public;
