-- Staff console actions: resolving with after-photos in one transaction, bulk accept/assign with a result per
-- report, and moderation (hiding reports and photos, redacting descriptions), each audited.
begin;
\ir _fixtures.psql

select plan(29);

select pg_temp.new_report('in_progress', 'dongcheng') as report_a \gset
select pg_temp.new_report('submitted', 'dongcheng') as report_s \gset
select pg_temp.new_report('submitted', 'dongcheng') as bulk_1 \gset
select pg_temp.new_report('submitted', 'xicheng') as bulk_2 \gset
select pg_temp.new_report('resolved', 'dongcheng') as bulk_3 \gset
select pg_temp.code_of(:'report_a') as code_a \gset
select idempotency_key as key_a from public.reports where id = :'report_a' \gset

\set after_1 'after/' :report_a '/bbbbbbbb-0000-4000-8000-000000000001.jpg'
\set after_missing 'after/' :report_a '/bbbbbbbb-0000-4000-8000-000000000002.jpg'
\set before_1 'pending/' :key_a '/bbbbbbbb-0000-4000-8000-000000000003.jpg'
insert into storage.objects (bucket_id, name) values ('report-photos', :'after_1'), ('report-photos', :'before_1');
insert into public.report_photos (report_id, storage_path, kind) values (:'report_a', :'before_1', 'before');
select id as before_photo from public.report_photos where storage_path = :'before_1' \gset

-- Resolving -------------------------------------------------------------------------------------------------------

:as_worker
select throws_ok(format('select public.resolve_report(%L, %L)', :'report_a', '{}'), '22023', 'after_photo_required',
  'resolving needs an after-photo');
select throws_ok(format('select public.resolve_report(%L, %L)', :'report_a', array[:'before_1']), '22023', 'invalid_photos',
  'a before-photo is not an after-photo');
select throws_ok(format('select public.resolve_report(%L, %L)', :'report_a', array[:'after_missing']), '42501', null,
  'an after-photo must have been uploaded');
:as_system
select is((select status::text from public.reports where id = :'report_a'), 'in_progress', 'a refused resolve changes nothing');
:as_worker
select throws_ok(format('select public.resolve_report(%L, %L)', :'report_s', array['after/' || :'report_s' || '/bbbbbbbb-0000-4000-8000-000000000004.jpg']),
  'P0001', 'illegal_transition: submitted → resolved', 'a submitted report cannot be resolved');
select lives_ok(format('select public.resolve_report(%L, %L, %L, %L)', :'report_a', array[:'after_1'], '已清理完毕', '用了两小时'),
  'a worker resolves a report of their district with an after-photo');
:as_anon
select is((public.report_by_code(:'code_a') ->> 'status'), 'resolved', 'the public sees it resolved');
select ok((public.report_by_code(:'code_a') -> 'photos')::jsonb @> jsonb_build_array(jsonb_build_object('path', :'after_1', 'kind', 'after')),
  'the public sees the after-photo');
select is((public.report_by_code(:'code_a') -> 'updates' -> -1 ->> 'public_note'), '已清理完毕', 'with the public note');
:as_system
select is((select internal_note from public.report_updates where report_id = :'report_a' order by id desc limit 1), '用了两小时',
  'the internal note is kept in the history');
select is((select count(*)::int from public.audit_log where table_name = 'report_photos' and action = 'insert' and record_id =
  (select id::text from public.report_photos where storage_path = :'after_1')), 1, 'the after-photo is audited');
:as_worker_b
select throws_ok(format('select public.resolve_report(%L, %L)', :'report_a', array[:'after_1']), '42501', 'forbidden',
  'a worker of another district cannot resolve it');

-- Bulk -----------------------------------------------------------------------------------------------------------------

:as_worker
select throws_ok(format('select * from public.bulk_change_report_status(%L, %L)', array[:'bulk_1'], 'resolved'), '22023', 'invalid_bulk_status',
  'only accepting and assigning can be done in bulk');
select results_eq(
  format('select tracking_code, ok, error from public.bulk_change_report_status(%L, %L, %L)', array[:'bulk_1', :'bulk_2', :'bulk_3'], 'accepted', '已受理'),
  format($$values (%L, true, null::text), (%L, false, 'forbidden'), (%L, false, 'illegal_transition: resolved → accepted')$$,
         pg_temp.code_of(:'bulk_1'), null, pg_temp.code_of(:'bulk_3')),
  'each report succeeds or fails on its own: other districts and illegal moves are refused');
:as_system
select results_eq(format('select status::text from public.reports where id in (%L, %L, %L) order by created_at, id', :'bulk_1', :'bulk_2', :'bulk_3'),
  format('select s from (values (%L::uuid, %L), (%L::uuid, %L), (%L::uuid, %L)) v(id, s) join public.reports r on r.id = v.id order by r.created_at, r.id',
    :'bulk_1', 'accepted', :'bulk_2', 'submitted', :'bulk_3', 'resolved'),
  'only the allowed change was made');
:as_staff
select results_eq(
  format('select ok from public.bulk_change_report_status(%L, %L, p_assigned_department => %L, p_assigned_to => %L)',
    array[:'bulk_1'], 'assigned', 'sanitation', :'worker_id'),
  $$values (true)$$, 'staff assign in bulk to a department and a person');
:as_system
select results_eq(format('select assigned_department, assigned_to from public.reports where id = %L', :'bulk_1'),
  format('values (%L, %L::uuid)', 'sanitation', :'worker_id'), 'the assignment is stored');

-- Moderation ---------------------------------------------------------------------------------------------------------------

:as_worker
select throws_ok(format('select public.hide_photo(%L, %L)', :'before_photo', '拍到了人脸'), '42501', 'forbidden',
  'workers cannot hide photos');
:as_staff
select throws_ok(format('select public.hide_photo(%L, %L)', :'before_photo', ' '), '22023', 'invalid_moderation_reason',
  'hiding needs a reason');
select lives_ok(format('select public.hide_photo(%L, %L)', :'before_photo', '照片拍到了路人的脸'), 'staff hide a photo');
:as_anon
select ok(not ((public.report_by_code(:'code_a') -> 'photos')::jsonb @> jsonb_build_array(jsonb_build_object('path', :'before_1'))),
  'the hidden photo is gone from the public report');
:as_system
select is((select changes -> 'hidden' ->> 'new' from public.audit_log where table_name = 'report_photos' and action = 'update'
           and record_id = :'before_photo'), 'true', 'hiding the photo is audited');
:as_staff
select lives_ok(format('select public.hide_report(%L, %L)', :'report_a', '含有侮辱性内容'), 'staff hide a report');
:as_anon
select ok(public.report_by_code(:'code_a') is null, 'the hidden report is gone from the public');
:as_system
select is((select changes -> 'hidden_reason' ->> 'new' from public.audit_log where table_name = 'reports' and action = 'update'
           and record_id = :'report_a'), '含有侮辱性内容', 'hiding the report is audited with the reason');
:as_staff
select lives_ok(format('select public.unhide_report(%L)', :'report_a'), 'and show it again');

select throws_ok(format('select public.redact_description(%L, %L, %L)', :'report_s', array['13912345678'], '个人电话'),
  '22023', 'phrase_not_found', 'only text that is there can be redacted');
:as_system
update public.reports set description = '楼下垃圾堆了三天，请联系我 13912345678，我叫张三。13912345678' where id = :'report_s';
:as_staff
select is(public.redact_description(:'report_s', array['13912345678', '张三'], '含有反映人的电话和姓名'),
  '楼下垃圾堆了三天，请联系我 ***，我叫***。***', 'every occurrence of each phrase becomes ***');
:as_system
select results_eq(format($$select changes -> 'description' ->> 'redacted_places', changes -> 'description' ->> 'reason',
                  changes::text like '%%13912345678%%' from public.audit_log where action = 'update' and table_name = 'reports'
                  and record_id = %L$$, :'report_s'),
  $$values ('3'::text, '含有反映人的电话和姓名'::text, false)$$,
  'the redaction is audited with the count and reason, without the removed text');

select * from finish();
rollback;
