-- Clean-day events (志愿清洁日) and sign-ups. Capacity is the sum of the party sizes of confirmed sign-ups; a
-- party that does not fit goes on the waiting list, and is promoted (oldest first, each party that fits)
-- when places free up. Capacity holds under concurrency: every place-changing write locks the event row.
-- Contacts of sign-ups are private: staff (and the district's workers) only.

create table public.events (
  id uuid primary key default gen_random_uuid(),
  title_zh text not null check (char_length(title_zh) between 1 and 100),
  title_en text not null check (char_length(title_en) between 1 and 200),
  description_zh text not null check (char_length(description_zh) between 1 and 4000),
  description_en text not null check (char_length(description_en) between 1 and 8000),
  bring_zh text check (char_length(bring_zh) <= 1000),
  bring_en text check (char_length(bring_en) <= 2000),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  place_zh text not null check (char_length(place_zh) between 1 and 200),
  place_en text not null check (char_length(place_en) between 1 and 300),
  location extensions.geography(point, 4326) not null,
  district_code text not null references public.districts (code),
  capacity integer not null check (capacity between 1 and 10000),
  organiser_zh text not null check (char_length(organiser_zh) between 1 and 100),
  organiser_en text not null check (char_length(organiser_en) between 1 and 200),
  status text not null default 'draft' check (status in ('draft', 'published', 'cancelled', 'completed')),
  result_volunteers integer check (result_volunteers >= 0),
  result_bags_collected integer check (result_bags_collected >= 0),
  result_summary_zh text check (char_length(result_summary_zh) <= 2000),
  result_summary_en text check (char_length(result_summary_en) <= 4000),
  spots_taken integer not null default 0 check (spots_taken >= 0),
  waitlist_count integer not null default 0 check (waitlist_count >= 0),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint events_end_after_start check (ends_at > starts_at)
);
comment on table public.events is
  'Clean-day events. The public reads events that are not drafts (best through the events_public view).';
comment on column public.events.status is 'draft (staff only), published, cancelled or completed (with results).';
comment on column public.events.bring_zh is 'What volunteers should bring or wear.';
comment on column public.events.result_volunteers is 'Results of a completed event: volunteers who came.';
comment on column public.events.result_bags_collected is 'Results of a completed event: bags of rubbish collected.';
comment on column public.events.spots_taken is 'Sum of party sizes of confirmed sign-ups (maintained by triggers).';
comment on column public.events.waitlist_count is 'Number of waiting-list sign-ups (maintained by triggers).';
create index events_starts_at_idx on public.events (starts_at);
create index events_district_code_idx on public.events (district_code);
create index events_status_idx on public.events (status);
create index events_created_by_idx on public.events (created_by);

create table public.event_signups (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.events (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 50),
  contact text not null check (char_length(contact) between 3 and 254),
  party_size smallint not null default 1 check (party_size between 1 and 10),
  status text not null check (status in ('confirmed', 'waitlisted', 'cancelled')),
  cancel_token_hash text not null unique check (cancel_token_hash ~ '^[0-9a-f]{64}$'),
  -- clock_timestamp: the waiting list is first come, first served, even within one transaction.
  created_at timestamptz not null default clock_timestamp(),
  updated_at timestamptz not null default now()
);
comment on table public.event_signups is 'Sign-ups for events. Contact details are private (staff and the district''s workers).';
comment on column public.event_signups.contact is 'Phone or email, normalised (digits or lower case); one active sign-up per contact per event.';
comment on column public.event_signups.cancel_token_hash is 'sha256 hex of the cancel token given once to the person who signed up.';
create unique index event_signups_one_per_contact_idx on public.event_signups (event_id, lower(contact))
  where status <> 'cancelled';
create index event_signups_event_status_idx on public.event_signups (event_id, status, created_at);

-- Behaviour ---------------------------------------------------------------------------------------------------

create or replace function private.events_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    new.created_by := coalesce(new.created_by, auth.uid());
    new.created_at := coalesce(new.created_at, now());
    new.spots_taken := 0;
    new.waitlist_count := 0;
  else
    new.created_by := old.created_by;
    new.created_at := old.created_at;
  end if;
  new.updated_at := now();
  return new;
end;
$$;

-- Promotes waiting-list parties, oldest first, each one that fits in the free places.
create or replace function private.promote_waitlist(p_event_id uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_event public.events;
  v_free integer;
  v_signup record;
begin
  select e.* into v_event from public.events e where e.id = p_event_id for update;
  if not found or v_event.status <> 'published' then
    return;
  end if;
  v_free := v_event.capacity - coalesce((
    select sum(s.party_size) from public.event_signups s where s.event_id = p_event_id and s.status = 'confirmed'
  ), 0);
  for v_signup in
    select s.id, s.party_size
    from public.event_signups s
    where s.event_id = p_event_id and s.status = 'waitlisted'
    order by s.created_at, s.id
  loop
    exit when v_free <= 0;
    if v_signup.party_size <= v_free then
      update public.event_signups s set status = 'confirmed' where s.id = v_signup.id;
      v_free := v_free - v_signup.party_size;
    end if;
  end loop;
end;
$$;
comment on function private.promote_waitlist(uuid) is
  'Confirms waiting-list sign-ups of a published event, oldest first, each party that fits the free places.';

create or replace function private.events_after_update()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.capacity > old.capacity or (new.status = 'published' and old.status <> 'published') then
    perform private.promote_waitlist(new.id);
  end if;
  return null;
end;
$$;

-- Capacity: a sign-up may become (or stay) confirmed only when its party fits.
create or replace function private.event_signups_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_capacity integer;
  v_taken integer;
begin
  if tg_op = 'UPDATE' then
    if new.event_id <> old.event_id or new.cancel_token_hash <> old.cancel_token_hash or new.created_at <> old.created_at then
      raise exception using errcode = 'P0001', message = 'immutable_column';
    end if;
    if old.status = 'cancelled' and new.status <> 'cancelled' then
      raise exception using errcode = 'P0001', message = 'signup_cancelled',
        detail = 'A cancelled sign-up cannot come back; sign up again.';
    end if;
  end if;
  if new.status = 'confirmed' then
    select e.capacity into v_capacity from public.events e where e.id = new.event_id for update;
    select coalesce(sum(s.party_size), 0) into v_taken
    from public.event_signups s
    where s.event_id = new.event_id and s.status = 'confirmed' and s.id <> new.id;
    if v_taken + new.party_size > v_capacity then
      raise exception using errcode = 'P0001', message = 'event_full';
    end if;
  end if;
  new.updated_at := now();
  return new;
end;
$$;

-- Keeps the event's counts, and promotes from the waiting list when confirmed places were given back.
create or replace function private.event_signups_after_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_event_id uuid := coalesce(new.event_id, old.event_id);
begin
  if tg_op in ('UPDATE', 'DELETE') and old.status = 'confirmed'
     and (tg_op = 'DELETE' or new.status <> 'confirmed' or new.party_size < old.party_size) then
    perform private.promote_waitlist(v_event_id);
  end if;
  update public.events e
  set spots_taken = coalesce((
        select sum(s.party_size) from public.event_signups s where s.event_id = v_event_id and s.status = 'confirmed'
      ), 0),
      waitlist_count = (
        select count(*) from public.event_signups s where s.event_id = v_event_id and s.status = 'waitlisted'
      )
  where e.id = v_event_id;
  return null;
end;
$$;

create trigger events_before_write
  before insert or update on public.events
  for each row execute function private.events_before_write();
create trigger events_after_update
  after update on public.events
  for each row execute function private.events_after_update();
create trigger events_audit
  after insert or update or delete on public.events
  for each row execute function private.audit_row_change('spots_taken', 'waitlist_count', 'updated_at');

create trigger event_signups_before_write
  before insert or update on public.event_signups
  for each row execute function private.event_signups_before_write();
create trigger event_signups_after_write
  after insert or update or delete on public.event_signups
  for each row execute function private.event_signups_after_write();
create trigger event_signups_audit
  after update or delete on public.event_signups
  for each row execute function private.audit_row_change('cancel_token_hash', 'contact');

-- Public view -------------------------------------------------------------------------------------------------

create view public.events_public
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
  e.result_volunteers, e.result_bags_collected, e.result_summary_zh, e.result_summary_en
from public.events e
where e.status <> 'draft';
comment on view public.events_public is
  'Events for the public site (not drafts), with lng/lat and places left. Security invoker: the events policies apply.';

-- Privileges and row-level security -----------------------------------------------------------------------------

revoke all on public.events, public.event_signups, public.events_public from anon, authenticated;

grant select (
  id, title_zh, title_en, description_zh, description_en, bring_zh, bring_en, starts_at, ends_at, place_zh,
  place_en, location, district_code, capacity, organiser_zh, organiser_en, status, result_volunteers,
  result_bags_collected, result_summary_zh, result_summary_en, spots_taken, waitlist_count, created_at, updated_at
) on public.events to anon;
grant select on public.events to authenticated;
grant insert (
  title_zh, title_en, description_zh, description_en, bring_zh, bring_en, starts_at, ends_at, place_zh, place_en,
  location, district_code, capacity, organiser_zh, organiser_en, status, result_volunteers, result_bags_collected,
  result_summary_zh, result_summary_en
) on public.events to authenticated;
grant update (
  title_zh, title_en, description_zh, description_en, bring_zh, bring_en, starts_at, ends_at, place_zh, place_en,
  location, district_code, capacity, organiser_zh, organiser_en, status, result_volunteers, result_bags_collected,
  result_summary_zh, result_summary_en
) on public.events to authenticated;
grant delete on public.events to authenticated;
grant select on public.events_public to anon, authenticated;

grant select on public.event_signups to authenticated;
grant update (status) on public.event_signups to authenticated;

alter table public.events enable row level security;
alter table public.event_signups enable row level security;

create policy "Visitors can read published events." on public.events
  for select to anon using (status <> 'draft');
create policy "Signed-in users can read published events." on public.events
  for select to authenticated using (status <> 'draft');
create policy "Staff can read all events." on public.events
  for select to authenticated using ((select public.staff_role()) is not null);
create policy "Staff can create events." on public.events
  for insert to authenticated
  with check (
    (select public.staff_role()) in ('staff', 'admin')
    or ((select public.staff_role()) = 'worker' and district_code = (select public.staff_district()))
  );
create policy "Staff can edit events." on public.events
  for update to authenticated
  using (
    (select public.staff_role()) in ('staff', 'admin')
    or ((select public.staff_role()) = 'worker' and district_code = (select public.staff_district()))
  )
  with check (
    (select public.staff_role()) in ('staff', 'admin')
    or ((select public.staff_role()) = 'worker' and district_code = (select public.staff_district()))
  );
create policy "Staff can delete events." on public.events
  for delete to authenticated using ((select public.staff_role()) in ('staff', 'admin'));

create policy "Staff can read all event sign-ups." on public.event_signups
  for select to authenticated using ((select public.staff_role()) in ('staff', 'admin'));
create policy "Workers can read sign-ups for events in their district." on public.event_signups
  for select to authenticated
  using (
    (select public.staff_role()) = 'worker'
    and exists (
      select 1 from public.events e
      where e.id = event_id and e.district_code = (select public.staff_district())
    )
  );
create policy "Staff can change the status of event sign-ups." on public.event_signups
  for update to authenticated
  using ((select public.staff_role()) in ('staff', 'admin'))
  with check ((select public.staff_role()) in ('staff', 'admin'));
create policy "Workers can change sign-ups for events in their district." on public.event_signups
  for update to authenticated
  using (
    (select public.staff_role()) = 'worker'
    and exists (
      select 1 from public.events e
      where e.id = event_id and e.district_code = (select public.staff_district())
    )
  )
  with check (
    (select public.staff_role()) = 'worker'
    and exists (
      select 1 from public.events e
      where e.id = event_id and e.district_code = (select public.staff_district())
    )
  );

-- API functions ---------------------------------------------------------------------------------------------------

-- Normalises a phone number (digits, optional +86) or email (lower case); raises invalid_contact otherwise.
create or replace function private.normalize_contact(p_contact text)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_raw text := btrim(coalesce(p_contact, ''));
  v_phone text := regexp_replace(v_raw, '[[:space:]()-]', '', 'g');
begin
  if v_phone ~ '^(\+86)?(1[3-9][0-9]{9}|0[0-9]{9,11})$' then
    return v_phone;
  elsif char_length(v_raw) <= 254 and v_raw ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$' then
    return lower(v_raw);
  end if;
  raise exception using errcode = '22023', message = 'invalid_contact', detail = 'A mainland China phone number or an email address.';
end;
$$;

create or replace function public.signup_for_event(
  p_event_id uuid,
  p_name text,
  p_contact text,
  p_party_size integer default 1
)
returns table (status text, cancel_token text)
language plpgsql
volatile
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_name text := btrim(p_name);
  v_contact text;
  v_party integer := coalesce(p_party_size, 1);
  v_event public.events;
  v_taken integer;
  v_status text;
  v_token text := private.new_secret_token();
begin
  if v_name is null or char_length(v_name) not between 1 and 50 then
    raise exception using errcode = '22023', message = 'invalid_name', detail = '1 to 50 characters.';
  end if;
  v_contact := private.normalize_contact(p_contact);
  if v_party not between 1 and 10 then
    raise exception using errcode = '22023', message = 'invalid_party_size', detail = '1 to 10 people.';
  end if;

  -- The row lock serialises sign-ups of one event, so two people can never take the last place twice.
  select e.* into v_event from public.events e where e.id = p_event_id for update;
  if not found or v_event.status = 'draft' then
    raise exception using errcode = 'P0001', message = 'event_not_found';
  end if;
  if v_event.status <> 'published' or v_event.starts_at <= now() then
    raise exception using errcode = 'P0001', message = 'event_not_open';
  end if;
  perform private.check_rate_limit('signup_for_event', 20, interval '1 hour');
  if exists (
    select 1 from public.event_signups s
    where s.event_id = p_event_id and lower(s.contact) = v_contact and s.status <> 'cancelled'
  ) then
    raise exception using errcode = 'P0001', message = 'already_signed_up';
  end if;

  select coalesce(sum(s.party_size), 0) into v_taken
  from public.event_signups s
  where s.event_id = p_event_id and s.status = 'confirmed';
  v_status := case when v_taken + v_party <= v_event.capacity then 'confirmed' else 'waitlisted' end;

  insert into public.event_signups (event_id, name, contact, party_size, status, cancel_token_hash)
  values (p_event_id, v_name, v_contact, v_party, v_status, private.sha256_hex(v_token));

  return query select v_status, v_token;
end;
$$;
comment on function public.signup_for_event(uuid, text, text, integer) is
  'Signs a party (1-10) up for a published upcoming event: confirmed when it fits, else waitlisted. Returns the cancel token once.';

create or replace function public.cancel_event_signup(p_cancel_token text)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_signup public.event_signups;
begin
  if p_cancel_token is null or p_cancel_token !~ '^[0-9a-f]{64}$' then
    raise exception using errcode = 'P0001', message = 'signup_not_found';
  end if;
  select s.* into v_signup
  from public.event_signups s
  where s.cancel_token_hash = private.sha256_hex(p_cancel_token);
  if not found then
    raise exception using errcode = 'P0001', message = 'signup_not_found';
  end if;
  -- Lock the event first (as sign-ups do) so promotion sees a consistent count.
  perform 1 from public.events e where e.id = v_signup.event_id for update;
  if v_signup.status = 'cancelled' then
    raise exception using errcode = 'P0001', message = 'already_cancelled';
  end if;
  update public.event_signups s set status = 'cancelled' where s.id = v_signup.id;
end;
$$;
comment on function public.cancel_event_signup(text) is
  'Cancels the sign-up holding this cancel token; confirmed places go to the waiting list.';

revoke execute on all functions in schema private from public;
revoke execute on function public.signup_for_event(uuid, text, text, integer), public.cancel_event_signup(text)
  from public, anon, authenticated;
grant execute on function public.signup_for_event(uuid, text, text, integer), public.cancel_event_signup(text)
  to anon, authenticated, service_role;
