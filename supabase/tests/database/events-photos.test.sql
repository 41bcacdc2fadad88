-- Clean days, photos of the results: the public event-photos bucket, who may upload where (organisers of the
-- event: workers their district's, staff and admins all), adding and removing photos, and what the public reads.
begin;
\ir _fixtures.psql

select plan(18);

select results_eq($$select public, file_size_limit, allowed_mime_types from storage.buckets where id = 'event-photos'$$,
  $$values (true, 5242880::bigint, array['image/jpeg', 'image/webp'])$$, 'the bucket is public, 5 MB, jpeg/webp');

insert into public.events (id, title_zh, title_en, description_zh, description_en, starts_at, ends_at, place_zh,
  place_en, location, district_code, capacity, organiser_zh, organiser_en, status)
values
  ('e3000000-0000-4000-8000-000000000001', '东城清洁日', 'Dongcheng clean day', '打扫', 'Clean up',
   now() - interval '1 day', now() - interval '21 hours', '东湖公园', 'East Lake Park',
   'SRID=4326;POINT(114.11 22.59)', 'dongcheng', 20, '主办', 'Organiser', 'completed'),
  ('e3000000-0000-4000-8000-000000000002', '草稿', 'Draft', '未发布', 'Not published',
   now() + interval '5 days', now() + interval '5 days 2 hours', '某地', 'Somewhere',
   'SRID=4326;POINT(114.11 22.59)', 'dongcheng', 20, '主办', 'Organiser', 'draft');
\set day 'e3000000-0000-4000-8000-000000000001'
\set draft 'e3000000-0000-4000-8000-000000000002'

-- Uploads --------------------------------------------------------------------------------------------------------

:as_anon
select throws_ok(format($$insert into storage.objects (bucket_id, name) values ('event-photos', %L)$$,
  :'day' || '/90000000-0000-4000-8000-000000000001.jpg'), '42501', null, 'the public cannot upload event photos');
:as_worker_b
select throws_ok(format($$insert into storage.objects (bucket_id, name) values ('event-photos', %L)$$,
  :'day' || '/90000000-0000-4000-8000-000000000001.jpg'), '42501', null, 'nor a worker of another district');
:as_worker
select throws_ok($$insert into storage.objects (bucket_id, name) values ('event-photos', 'photo.jpg')$$,
  '42501', null, 'uploads go to <event id>/<uuid>.jpg');
select throws_ok(format($$insert into storage.objects (bucket_id, name) values ('event-photos', %L)$$,
  :'day' || '/90000000-0000-4000-8000-000000000001.png'), '42501', null, 'as JPEG or WebP');
select lives_ok(format($$insert into storage.objects (bucket_id, name) values ('event-photos', %L), ('event-photos', %L)$$,
  :'day' || '/90000000-0000-4000-8000-000000000001.jpg', :'day' || '/90000000-0000-4000-8000-000000000002.jpg'),
  'the district''s worker uploads photos of the clean day');

-- Adding and removing --------------------------------------------------------------------------------------------

select throws_ok(format($$select public.add_event_photos(%L, array[%L])$$, :'day', :'day' || '/90000000-0000-4000-8000-000000000009.jpg'),
  '22023', 'invalid_photos', 'a photo must be in storage first');
select throws_ok(format($$select public.add_event_photos(%L, array[%L])$$, :'draft', :'day' || '/90000000-0000-4000-8000-000000000001.jpg'),
  '22023', 'invalid_photos', 'and in the event''s own folder');
select lives_ok(format($$select public.add_event_photos(%L, array[%L, %L])$$, :'day',
  :'day' || '/90000000-0000-4000-8000-000000000001.jpg', :'day' || '/90000000-0000-4000-8000-000000000002.jpg'),
  'the worker adds them to the clean day');
select results_eq(format($$select sort_order::int from public.event_photos where event_id = %L order by sort_order$$, :'day'),
  $$values (0), (1)$$, 'in the order given');
:as_system
insert into storage.objects (bucket_id, name)
select 'event-photos', :'day' || '/9' || lpad(i::text, 7, '0') || '-0000-4000-8000-000000000000.jpg' from generate_series(1, 5) as i;
:as_worker
select throws_ok(format($$select public.add_event_photos(%L, (select array_agg(name) from storage.objects where bucket_id = 'event-photos' and name like %L || '/9%%-0000-4000-8000-000000000000.jpg'))$$,
  :'day', :'day'), '22023', 'invalid_photos', 'at most six photos per clean day');
:as_worker_b
select throws_ok(format($$select public.add_event_photos(%L, array[%L])$$, :'day', :'day' || '/90000000-0000-4000-8000-000000000001.jpg'),
  'P0001', 'event_not_found', 'a worker of another district cannot add photos');
select throws_ok(format($$select public.remove_event_photo((select id from public.event_photos where event_id = %L limit 1))$$, :'day'),
  'P0001', 'event_not_found', 'nor remove them');

-- Reading -----------------------------------------------------------------------------------------------------------

:as_anon
select results_eq(format($$select storage_path from public.event_photos where event_id = %L order by sort_order$$, :'day'),
  format($$values (%L), (%L)$$, :'day' || '/90000000-0000-4000-8000-000000000001.jpg', :'day' || '/90000000-0000-4000-8000-000000000002.jpg'),
  'the public reads the photos of a published clean day');
select throws_ok($$select created_by from public.event_photos$$, '42501', null, 'but not who added them');
select throws_ok(format($$select public.add_event_photos(%L, array[]::text[])$$, :'day'), '42501', null,
  'and cannot add any');

:as_worker
select lives_ok(format($$select public.remove_event_photo((select id from public.event_photos where event_id = %L order by sort_order limit 1))$$, :'day'),
  'the organiser removes a photo');
:as_anon
select is((select count(*)::int from public.event_photos where event_id = :'day'), 1, 'it is gone from the page');

select * from finish();
rollback;
