-- The private bucket for report photos and who may do what with its objects.
--   pending/<idempotency_key>/<uuid>.<jpg|png|webp>  anyone may upload before sending the report
--   after/<report_id>/<uuid>.<jpg|png|webp>          workers (own district), staff and admins may upload
-- Reading (and so signing URLs): the public only for photos attached to a visible report and not hidden
-- themselves; staff roles for all. Nobody but the service role may update or delete objects.
-- Uploads never need SELECT: clients must upload without upsert (upsert needs UPDATE, which is refused).

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('report-photos', 'report-photos', false, 10485760, array['image/jpeg', 'image/png', 'image/webp'])
on conflict (id) do update
set public = excluded.public,
    file_size_limit = excluded.file_size_limit,
    allowed_mime_types = excluded.allowed_mime_types;

create policy "Visitors can upload report photos to a pending folder." on storage.objects
  for insert to anon
  with check (
    bucket_id = 'report-photos'
    and name ~ '^pending/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(jpg|png|webp)$'
  );

create policy "Signed-in users can upload report photos to a pending folder." on storage.objects
  for insert to authenticated
  with check (
    bucket_id = 'report-photos'
    and name ~ '^pending/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(jpg|png|webp)$'
  );

create policy "Staff and workers can upload after-photos of their reports." on storage.objects
  for insert to authenticated
  with check (
    bucket_id = 'report-photos'
    and name ~ '^after/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(jpg|png|webp)$'
    and (select public.staff_role()) is not null
    -- CASE keeps the uuid cast from running on names that failed the pattern.
    and case
      when name ~ '^after/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/'
        then private.can_handle_report(split_part(name, '/', 2)::uuid)
      else false
    end
  );

create policy "Visitors can read photos of visible reports." on storage.objects
  for select to anon
  using (bucket_id = 'report-photos' and private.photo_is_public(name));

create policy "Signed-in users can read photos of visible reports." on storage.objects
  for select to authenticated
  using (bucket_id = 'report-photos' and private.photo_is_public(name));

create policy "Staff can read all report photos in storage." on storage.objects
  for select to authenticated
  using (bucket_id = 'report-photos' and (select public.staff_role()) is not null);
