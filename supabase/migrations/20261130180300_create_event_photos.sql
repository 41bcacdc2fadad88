-- Clean days, part 5: photos of what a clean day achieved, shown with its results.
--
-- * Bucket 'event-photos' is public (results are public; the photos are re-encoded in the browser first, so
--   they carry no location or camera metadata). Paths: <event_id>/<uuid>.jpg, uploaded by the event's organisers
--   (workers: own district; staff, admins: all). Nobody but the service role updates or deletes objects.
-- * event_photos lists the photos of an event in order; written by add_event_photos / remove_event_photo only,
--   which check the caller organises the event and the object is in storage. At most 6 photos per event.

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('event-photos', 'event-photos', true, 5242880, array['image/jpeg', 'image/webp'])
on conflict (id) do update
set public = excluded.public,
    file_size_limit = excluded.file_size_limit,
    allowed_mime_types = excluded.allowed_mime_types;

-- True when the caller organises the event: staff and admins any, a worker those of their district.
create or replace function private.can_organise_event(p_event_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select case public.staff_role()
    when 'staff' then exists (select 1 from public.events e where e.id = p_event_id)
    when 'admin' then exists (select 1 from public.events e where e.id = p_event_id)
    when 'worker' then exists (
      select 1 from public.events e where e.id = p_event_id and e.district_code = public.staff_district()
    )
    else false
  end
$$;
comment on function private.can_organise_event(uuid) is
  'True for staff and admins (any event) and for a worker when the event is in their district.';
revoke execute on function private.can_organise_event(uuid) from public;
grant execute on function private.can_organise_event(uuid) to authenticated;

create policy "Organisers can upload photos of their clean days." on storage.objects
  for insert to authenticated
  with check (
    bucket_id = 'event-photos'
    and name ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(jpg|webp)$'
    and (select public.staff_role()) is not null
    -- CASE keeps the uuid cast from running on names that failed the pattern.
    and case
      when name ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/'
        then private.can_organise_event(split_part(name, '/', 1)::uuid)
      else false
    end
  );

create table public.event_photos (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.events (id) on delete cascade,
  storage_path text not null unique
    check (storage_path ~ '^[0-9a-f-]{36}/[0-9a-f-]{36}\.(jpg|webp)$' and split_part(storage_path, '/', 1) = event_id::text),
  sort_order smallint not null default 0,
  created_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now()
);
comment on table public.event_photos is
  'Photos of a clean day''s results (objects in the public event-photos bucket), in order. Written by add_event_photos and remove_event_photo only.';
create index event_photos_event_id_idx on public.event_photos (event_id, sort_order);

alter table public.event_photos enable row level security;
revoke all on public.event_photos from anon, authenticated;
grant select (id, event_id, storage_path, sort_order, created_at) on public.event_photos to anon, authenticated;

create policy "Visitors can read photos of published events." on public.event_photos
  for select to anon
  using (exists (select 1 from public.events e where e.id = event_id and e.status <> 'draft'));
create policy "Signed-in users can read photos of published events." on public.event_photos
  for select to authenticated
  using (exists (select 1 from public.events e where e.id = event_id and e.status <> 'draft'));
create policy "Staff can read photos of every event." on public.event_photos
  for select to authenticated
  using ((select public.staff_role()) is not null);

create trigger event_photos_audit
  after insert or delete on public.event_photos
  for each row execute function private.audit_row_change();

create or replace function public.add_event_photos(p_event_id uuid, p_paths text[])
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_paths text[] := coalesce(p_paths, '{}');
  v_first smallint;
begin
  perform private.require_event_organiser(p_event_id, true);
  if cardinality(v_paths) = 0
     or (select count(distinct x) from unnest(v_paths) as x) <> cardinality(v_paths)
     or exists (select 1 from unnest(v_paths) as x where x is null or split_part(x, '/', 1) <> p_event_id::text)
     or (select count(*) from public.event_photos p where p.event_id = p_event_id) + cardinality(v_paths) > 6 then
    raise exception using errcode = '22023', message = 'invalid_photos',
      detail = 'Up to 6 different photos per clean day, uploaded to event-photos/<event id>/ first.';
  end if;
  if exists (
    select 1 from unnest(v_paths) as x
    where not exists (select 1 from storage.objects o where o.bucket_id = 'event-photos' and o.name = x)
  ) then
    raise exception using errcode = '22023', message = 'invalid_photos', detail = 'A photo is not in storage.';
  end if;
  select coalesce(max(p.sort_order) + 1, 0) into v_first from public.event_photos p where p.event_id = p_event_id;
  insert into public.event_photos (event_id, storage_path, sort_order, created_by)
  select p_event_id, t.path, (v_first + t.ord - 1)::smallint, auth.uid()
  from unnest(v_paths) with ordinality as t(path, ord);
end;
$$;
comment on function public.add_event_photos(uuid, text[]) is
  'Adds photos (already uploaded to event-photos/<event id>/) to a clean day the caller organises; at most 6 per event.';

create or replace function public.remove_event_photo(p_photo_id uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_event_id uuid;
begin
  perform private.require_staff_role();
  select p.event_id into v_event_id from public.event_photos p where p.id = p_photo_id;
  if v_event_id is null then
    raise exception using errcode = 'P0001', message = 'photo_not_found';
  end if;
  perform private.require_event_organiser(v_event_id, true);
  delete from public.event_photos p where p.id = p_photo_id;
end;
$$;
comment on function public.remove_event_photo(uuid) is 'Takes a photo off a clean day the caller organises (the object stays in storage).';

revoke execute on function public.add_event_photos(uuid, text[]), public.remove_event_photo(uuid) from public, anon;
grant execute on function public.add_event_photos(uuid, text[]), public.remove_event_photo(uuid)
  to authenticated, service_role;
revoke execute on all functions in schema private from public;
grant execute on function private.can_organise_event(uuid) to authenticated;
