-- The report-photos bucket and its object policies, exercised the way the storage stand-in (and Supabase
-- Storage) does it: by writing and reading storage.objects rows under the caller's role and JWT.
begin;
\ir _fixtures.psql

select plan(26);

select results_eq(
  $$select public, file_size_limit, allowed_mime_types from storage.buckets where id = 'report-photos'$$,
  $$values (false, 10485760::bigint, array['image/jpeg', 'image/png', 'image/webp'])$$,
  'the bucket is private, 10 MB, jpeg/png/webp'
);

insert into storage.buckets (id, name, public) values ('other-bucket', 'other-bucket', false);

select pg_temp.new_report('submitted', 'dongcheng') as report_a \gset
select pg_temp.new_report('submitted', 'xicheng') as report_b \gset
select pg_temp.new_report('submitted', 'dongcheng') as report_hidden \gset
select idempotency_key as key_a from public.reports where id = :'report_a' \gset
select idempotency_key as key_hidden from public.reports where id = :'report_hidden' \gset
\set visible '''pending/' :key_a '/70000000-0000-4000-8000-000000000001.jpg'''
\set hidden_photo '''pending/' :key_a '/70000000-0000-4000-8000-000000000002.jpg'''
\set of_hidden_report '''pending/' :key_hidden '/70000000-0000-4000-8000-000000000003.jpg'''
\set unattached '''pending/70000000-0000-4000-8000-00000000000a/70000000-0000-4000-8000-000000000004.png'''
insert into storage.objects (bucket_id, name) values
  ('report-photos', :visible), ('report-photos', :hidden_photo), ('report-photos', :of_hidden_report),
  ('report-photos', :unattached);
insert into public.report_photos (report_id, storage_path, kind, hidden, hidden_reason) values
  (:'report_a', :visible, 'before', false, null),
  (:'report_a', :hidden_photo, 'before', true, '拍到了车牌'),
  (:'report_hidden', :of_hidden_report, 'before', false, null);
update public.reports set hidden = true, hidden_reason = '恶意举报' where id = :'report_hidden';

-- Uploads -----------------------------------------------------------------------------------------------------

:as_anon
select lives_ok($$insert into storage.objects (bucket_id, name) values
  ('report-photos', 'pending/80000000-0000-4000-8000-000000000001/80000000-0000-4000-8000-000000000002.jpg')$$,
  'anon uploads a photo to pending/<key>/<uuid>.jpg');
select lives_ok($$insert into storage.objects (bucket_id, name) values
  ('report-photos', 'pending/80000000-0000-4000-8000-000000000001/80000000-0000-4000-8000-000000000003.webp')$$,
  'and .webp');
select throws_ok($$insert into storage.objects (bucket_id, name) values ('report-photos', 'pending/not-a-key/photo.jpg')$$,
  '42501', null, 'anon cannot upload outside the pending/<uuid>/<uuid>.<ext> pattern');
select throws_ok($$insert into storage.objects (bucket_id, name) values
  ('report-photos', 'pending/80000000-0000-4000-8000-000000000001/80000000-0000-4000-8000-000000000004.gif')$$,
  '42501', null, 'anon cannot upload other file types');
select throws_ok(format($$insert into storage.objects (bucket_id, name) values ('report-photos', %L)$$,
  'after/' || :'report_a' || '/80000000-0000-4000-8000-000000000005.jpg'),
  '42501', null, 'anon cannot upload after-photos');
select throws_ok($$insert into storage.objects (bucket_id, name) values ('report-photos', 'evil.jpg')$$,
  '42501', null, 'anon cannot upload at the bucket root');
select throws_ok($$insert into storage.objects (bucket_id, name) values
  ('other-bucket', 'pending/80000000-0000-4000-8000-000000000001/80000000-0000-4000-8000-000000000006.jpg')$$,
  '42501', null, 'anon cannot upload to another bucket');

:as_citizen
select lives_ok($$insert into storage.objects (bucket_id, name) values
  ('report-photos', 'pending/80000000-0000-4000-8000-000000000007/80000000-0000-4000-8000-000000000008.png')$$,
  'a signed-in citizen uploads to pending/ too');
select throws_ok(format($$insert into storage.objects (bucket_id, name) values ('report-photos', %L)$$,
  'after/' || :'report_a' || '/80000000-0000-4000-8000-000000000009.jpg'),
  '42501', null, 'a citizen cannot upload after-photos');

:as_worker
select lives_ok(format($$insert into storage.objects (bucket_id, name) values ('report-photos', %L)$$,
  'after/' || :'report_a' || '/80000000-0000-4000-8000-00000000000a.jpg'),
  'a worker uploads an after-photo of a report in their district');
select throws_ok(format($$insert into storage.objects (bucket_id, name) values ('report-photos', %L)$$,
  'after/' || :'report_b' || '/80000000-0000-4000-8000-00000000000b.jpg'),
  '42501', null, 'but not of a report in another district');
select throws_ok($$insert into storage.objects (bucket_id, name) values
  ('report-photos', 'after/not-a-uuid/80000000-0000-4000-8000-00000000000c.jpg')$$,
  '42501', null, 'after-photo folders are report ids');

:as_staff
select lives_ok(format($$insert into storage.objects (bucket_id, name) values ('report-photos', %L)$$,
  'after/' || :'report_b' || '/80000000-0000-4000-8000-00000000000d.jpg'),
  'staff upload after-photos of any report');

-- Reads (signed URLs are only issued where SELECT is allowed) -----------------------------------------------------

:as_anon
select results_eq(format($$select name from storage.objects where name = %L$$, :visible),
  format($$values (%L)$$, :visible), 'anon reads a photo attached to a visible report');
select is_empty(format($$select 1 from storage.objects where name = %L$$, :hidden_photo), 'anon cannot read a hidden photo');
select is_empty(format($$select 1 from storage.objects where name = %L$$, :of_hidden_report),
  'anon cannot read a photo of a hidden report');
select is_empty(format($$select 1 from storage.objects where name = %L$$, :unattached),
  'anon cannot read a pending photo not attached to any report');
select is_empty($$select 1 from storage.objects where name like 'pending/80000000-0000-4000-8000-000000000001/%'$$,
  'anon cannot read back even its own fresh upload');
:as_citizen
select is_empty(format($$select 1 from storage.objects where name in (%L, %L, %L)$$, :hidden_photo, :of_hidden_report, :unattached),
  'a citizen cannot read hidden or unattached photos either');
:as_worker
select is((select count(*)::int from storage.objects where name in (:visible, :hidden_photo, :of_hidden_report, :unattached)), 4,
  'a worker reads every report photo');
:as_staff
select is((select count(*)::int from storage.objects where name in (:visible, :hidden_photo, :of_hidden_report, :unattached)), 4,
  'staff read every report photo');

-- Updates and deletes ---------------------------------------------------------------------------------------------

:as_anon
select is_empty(format($$update storage.objects set name = 'pending/x/y.jpg' where name = %L returning 1$$, :visible),
  'anon cannot rename (or upsert over) a photo');
select is_empty(format($$delete from storage.objects where name = %L returning 1$$, :visible), 'anon cannot delete a photo');
:as_staff
select is_empty(format($$delete from storage.objects where name = %L returning 1$$, :visible),
  'staff do not delete photos either (they hide them)');
:as_service
select isnt_empty(format($$delete from storage.objects where name = %L returning 1$$, :unattached),
  'the service role may delete (e.g. to clean up unattached uploads)');

select * from finish();
rollback;
