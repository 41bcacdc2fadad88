-- What the public can read and do with existing reports: report_by_code, reports_in_bbox,
-- nearby_open_reports, confirm_report, rate_report and reopen_report. Private fields never come out,
-- hidden reports and photos never appear.
begin;
\ir _fixtures.psql

select plan(51);

-- Fixtures: a resolved report with contact, internal note and photos (one hidden), an open one, a hidden one.
select pg_temp.new_report('submitted', 'nanhu', 'dirty_toilet', 114.1701, 22.6401) as open_id \gset
select pg_temp.new_report('submitted', 'nanhu', 'dirty_toilet', 114.1703, 22.6402) as hidden_id \gset
select pg_temp.new_report('accepted', 'nanhu', 'dirty_toilet', 114.1702, 22.6403) as done_id \gset
select pg_temp.code_of(:'open_id') as open_code, pg_temp.code_of(:'hidden_id') as hidden_code,
  pg_temp.code_of(:'done_id') as done_code, idempotency_key as done_key
from public.reports where id = :'done_id' \gset
select private.sha256_hex('test-reporter-token') as token_hash \gset

select private.set_update_context('已安排保洁员', '举报人是物业经理，别透露', null);
update public.reports set status = 'in_progress' where id = :'done_id';
update public.reports set status = 'resolved' where id = :'done_id';
update public.reports set hidden = true, hidden_reason = '含有个人信息' where id = :'hidden_id';
update public.reports set contact_email = 'secret-reporter@example.com' where id = :'done_id';

\set done_photo '''pending/' :done_key '/50000000-0000-4000-8000-000000000001.jpg'''
\set hidden_photo '''pending/' :done_key '/50000000-0000-4000-8000-000000000002.jpg'''
insert into storage.objects (bucket_id, name) values ('report-photos', :done_photo), ('report-photos', :hidden_photo);
insert into public.report_photos (report_id, storage_path, kind, sort_order, hidden, hidden_reason) values
  (:'done_id', :done_photo, 'before', 0, false, null),
  (:'done_id', :hidden_photo, 'before', 1, true, '拍到了人脸');

-- report_by_code --------------------------------------------------------------------------------------------

:as_anon
create temp table shown as select public.report_by_code(:'done_code')::jsonb as j;

select set_eq($$select jsonb_object_keys(j) from shown$$,
  array['tracking_code', 'category_code', 'description', 'lng', 'lat', 'address', 'district_code', 'status',
        'created_at', 'updated_at', 'due_at', 'resolved_at', 'confirmations_count', 'duplicate_of_code',
        'reject_reason', 'referred_to', 'photos', 'updates', 'rating'],
  'report_by_code returns exactly the public fields');
select is((select j ->> 'status' from shown), 'resolved', 'with the current status');
select is((select (j ->> 'lng')::numeric from shown), 114.1702, 'and plain lng');
select is((select (j ->> 'lat')::numeric from shown), 22.6403, 'and plain lat');
select unalike((select j::text from shown), '%13800138000%', 'no contact phone');
select unalike((select j::text from shown), '%secret-reporter%', 'no contact email');
select unalike((select j::text from shown), '%别透露%', 'no internal note');
select unalike((select j::text from shown), '%' || :'token_hash' || '%', 'no reporter token hash');
select unalike((select j::text from shown), '%idempotency%', 'no idempotency key field');
select is((select jsonb_array_length(j -> 'updates') from shown), 4, 'the whole public history');
select is((select j -> 'updates' -> 2 ->> 'public_note' from shown), '已安排保洁员', 'with public notes');
select is((select j -> 'updates' -> 2 ->> 'internal_note' from shown), null, 'and no internal notes');
select is((select j -> 'photos' from shown), jsonb_build_array(jsonb_build_object('path', :done_photo, 'kind', 'before')),
  'visible photos only');
select is(public.report_by_code(lower(replace(:'done_code', '-', ' ')))::jsonb ->> 'tracking_code', :'done_code',
  'a code typed in lower case with spaces is found');
select is(public.report_by_code(:'hidden_code')::jsonb, null, 'a hidden report is not found');
select is(public.report_by_code('QS-0000-0000')::jsonb, null, 'an unknown code is not found');
select is(public.report_by_code('drop table reports')::jsonb, null, 'garbage is not found');

-- reports_in_bbox ---------------------------------------------------------------------------------------------

select set_eq($$select tracking_code from public.reports_in_bbox(114.17, 22.64, 114.1705, 22.6405)$$,
  array[:'open_code', :'done_code'], 'the box returns visible reports only');
select results_eq(
  format($$select lng, lat, status::text from public.reports_in_bbox(114.17, 22.64, 114.1705, 22.6405) where tracking_code = %L$$, :'open_code'),
  $$values (114.1701::float8, 22.6401::float8, 'submitted')$$,
  'with lng/lat as numbers'
);
select set_eq($$select tracking_code from public.reports_in_bbox(114.17, 22.64, 114.1705, 22.6405, p_status => array['resolved'])$$,
  array[:'done_code'], 'filtered by status');
select is_empty($$select 1 from public.reports_in_bbox(114.17, 22.64, 114.1705, 22.6405, p_category => array['pests'])$$,
  'filtered by category');
select is_empty($$select 1 from public.reports_in_bbox(114.17, 22.64, 114.1705, 22.6405, p_district => array['beishan'])$$,
  'filtered by district');
select is_empty($$select 1 from public.reports_in_bbox(114.17, 22.64, 114.1705, 22.6405, p_from => now() + interval '1 minute')$$,
  'filtered by time');
select is((select count(*)::int from public.reports_in_bbox(114.17, 22.64, 114.1705, 22.6405, p_limit => 1)), 1, 'limited');
select throws_ok($$select * from public.reports_in_bbox(114.2, 22.5, 113.9, 22.7)$$, '22023', 'invalid_bbox', 'west must not exceed east');
select throws_ok($$select * from public.reports_in_bbox(null, 22.5, 113.9, 22.7)$$, '22023', 'invalid_bbox', 'all four edges are needed');
select throws_ok($$select * from public.reports_in_bbox(113.9, 22.5, 114.2, 22.7, p_limit => 5001)$$, '22023', 'invalid_limit', 'at most 5000');

-- nearby_open_reports -----------------------------------------------------------------------------------------

select results_eq(
  $$select tracking_code from public.nearby_open_reports(114.1701, 22.6401, 'dirty_toilet')$$,
  array[:'open_code'], 'nearby open reports of the category: not the resolved one, not the hidden one');
select is_empty($$select 1 from public.nearby_open_reports(114.1701, 22.6401, 'pests')$$, 'other categories are left out');
select ok((select distance_m < 1 from public.nearby_open_reports(114.1701, 22.6401, null) limit 1), 'distance in metres, nearest first');
select is_empty($$select 1 from public.nearby_open_reports(114.1801, 22.6401, 'dirty_toilet', 250)$$, 'outside the radius');
select throws_ok($$select * from public.nearby_open_reports(114.17, 22.64, null, 5000)$$, '22023', 'invalid_radius', 'radius at most 2000 m');
select throws_ok($$select * from public.nearby_open_reports(0, 0, null)$$, '22023', 'invalid_location', 'a point in the city');

-- confirm_report ----------------------------------------------------------------------------------------------

set local request.headers = '{"x-forwarded-for": "192.0.2.50"}';
select is(public.confirm_report(:'open_code', 'device-aaaaaaaaaaaa'), 1, 'a confirmation counts');
select is(public.confirm_report(:'open_code', 'device-aaaaaaaaaaaa'), 1, 'the same device counts once');
select is(public.confirm_report(lower(:'open_code'), 'device-bbbbbbbbbbbb'), 2, 'another device counts');
select throws_ok(format($$select public.confirm_report(%L, 'device-aaaaaaaaaaaa')$$, :'done_code'),
  'P0001', 'report_not_open', 'a resolved report cannot be confirmed');
select throws_ok(format($$select public.confirm_report(%L, 'device-aaaaaaaaaaaa')$$, :'hidden_code'),
  'P0001', 'report_not_found', 'a hidden report cannot be confirmed');
select throws_ok(format($$select public.confirm_report(%L, 'x')$$, :'open_code'), '22023', 'invalid_device_id', 'a device id is needed');

-- rate_report ---------------------------------------------------------------------------------------------------

select throws_ok(format($$select public.rate_report(%L, 'wrong-token', 5)$$, :'done_code'),
  'P0001', 'invalid_reporter_token', 'rating needs the reporter token');
select throws_ok(format($$select public.rate_report(%L, 'test-reporter-token', 5)$$, :'open_code'),
  'P0001', 'report_not_resolved', 'only a resolved report can be rated');
select throws_ok(format($$select public.rate_report(%L, 'test-reporter-token', 6)$$, :'done_code'),
  '22023', 'invalid_score', 'scores are 1 to 5');
select throws_ok(format($$select public.rate_report(%L, 'test-reporter-token', 5, repeat('好', 501))$$, :'done_code'),
  '22023', 'invalid_comment', 'comments are at most 500 characters');
select lives_ok(format($$select public.rate_report(%L, 'test-reporter-token', 5, '当天就处理好了，谢谢！')$$, :'done_code'),
  'the reporter rates the resolved report');
select is(public.report_by_code(:'done_code')::jsonb -> 'rating', '{"score": 5, "comment": "当天就处理好了，谢谢！"}'::jsonb,
  'the rating is public');
select throws_ok(format($$select public.rate_report(%L, 'test-reporter-token', 1)$$, :'done_code'),
  'P0001', 'already_rated', 'once only');

-- reopen_report -------------------------------------------------------------------------------------------------

select throws_ok(format($$select public.reopen_report(%L, 'test-reporter-token', '  ')$$, :'done_code'),
  '22023', 'invalid_note', 'reopening needs a reason');
select throws_ok(format($$select public.reopen_report(%L, 'wrong-token', '还是很脏')$$, :'done_code'),
  'P0001', 'invalid_reporter_token', 'reopening needs the reporter token');
select throws_ok(format($$select public.reopen_report(%L, 'test-reporter-token', '还是很脏')$$, :'open_code'),
  'P0001', 'illegal_transition: submitted → reopened', 'only a resolved report can be reopened by the reporter');
select lives_ok(format($$select public.reopen_report(%L, 'test-reporter-token', '第二天又脏了，请再来看看')$$, :'done_code'),
  'the reporter reopens a resolved report');
:as_system
select results_eq(
  format($$select to_status::text, public_note, actor_role from public.report_updates where report_id = %L order by created_at desc, id desc limit 1$$, :'done_id'),
  $$values ('reopened', '第二天又脏了，请再来看看', 'reporter')$$,
  'the reopening is in the history, by the reporter, with the reason as public note');

select * from finish();
rollback;
