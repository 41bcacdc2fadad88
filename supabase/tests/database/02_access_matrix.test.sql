-- The whole table × role × operation matrix: for every table of the app, every role (anon, a signed-in
-- citizen, a worker of district A (dongcheng), staff, admin, service_role) and every operation (select,
-- insert, update, delete), what happens when that role tries it directly through the Data API:
--   rows    the operation is allowed and touched the fixture rows
--   none    the statement runs but row-level security leaves it nothing to touch (forbidden in effect)
--   denied  refused outright (SQLSTATE 42501: no privilege, or a row-level security check failed)
--   error:… another error (e.g. the append-only trigger)
-- Each attempt runs in a subtransaction that is rolled back, so attempts never affect each other.
begin;
\ir _fixtures.psql

-- Fixture rows ----------------------------------------------------------------------------------------------

insert into public.districts (code, name_zh, name_en, centre)
values ('zz_fixture', '测试区', 'Test district', 'SRID=4326;POINT(114.0 22.6)');
insert into public.departments (code, name_zh, name_en) values ('zz_fixture', '测试局', 'Test bureau');
insert into public.categories (code, name_zh, name_en, hint_zh, hint_en, description_zh, description_en, icon,
  campaign_area, deadline_working_days, department_code)
values ('zz_fixture', '测试', 'Test', '提示', 'Hint', '说明', 'Description', 'other', 'environmental_sanitation', 1, 'sanitation');
insert into public.holidays (day, is_workday, name_zh, name_en) values ('2030-06-01', false, '测试', 'Test');

select pg_temp.new_report('submitted', 'dongcheng') as report_a \gset
select pg_temp.new_report('submitted', 'xicheng') as report_b \gset
select pg_temp.new_report('resolved', 'dongcheng') as report_c \gset
select pg_temp.new_report('resolved', 'xicheng') as report_d \gset
select idempotency_key as key_a from public.reports where id = :'report_a' \gset

insert into storage.objects (bucket_id, name) values
  ('report-photos', 'pending/' || :'key_a' || '/aaaaaaaa-0000-4000-8000-000000000001.jpg'),
  ('report-photos', 'after/' || :'report_a' || '/aaaaaaaa-0000-4000-8000-000000000002.jpg');
insert into public.report_photos (report_id, storage_path, kind)
values (:'report_a', 'pending/' || :'key_a' || '/aaaaaaaa-0000-4000-8000-000000000001.jpg', 'before');
insert into public.report_confirmations (report_id, device_hash) values (:'report_a', repeat('c', 64));
insert into public.report_ratings (report_id, score, comment) values (:'report_c', 4, '处理得很快');

insert into public.events (id, title_zh, title_en, description_zh, description_en, starts_at, ends_at, place_zh,
  place_en, location, district_code, capacity, organiser_zh, organiser_en, status)
values
  ('eeeeeeee-0000-4000-8000-000000000001', '东城清洁日', 'Dongcheng clean day', '一起打扫', 'Clean up together',
   now() + interval '7 days', now() + interval '7 days 3 hours', '东湖公园', 'East Lake Park',
   'SRID=4326;POINT(114.11 22.59)', 'dongcheng', 20, '东城区爱卫办', 'Dongcheng health office', 'published'),
  ('eeeeeeee-0000-4000-8000-000000000002', '西城清洁日', 'Xicheng clean day', '一起打扫', 'Clean up together',
   now() + interval '8 days', now() + interval '8 days 3 hours', '西山广场', 'West Hill Square',
   'SRID=4326;POINT(114.01 22.60)', 'xicheng', 20, '西城区爱卫办', 'Xicheng health office', 'published');
insert into public.event_signups (event_id, name, contact, party_size, status, cancel_token_hash) values
  ('eeeeeeee-0000-4000-8000-000000000001', '张三', 'zhangsan@example.com', 2, 'confirmed', repeat('1', 64)),
  ('eeeeeeee-0000-4000-8000-000000000002', '李四', '13900139000', 1, 'confirmed', repeat('2', 64));

-- The attempt helper ------------------------------------------------------------------------------------------

create function pg_temp.attempt(p_who text, p_sql text) returns text language plpgsql as $$
declare
  v_rows bigint;
  v_result text;
begin
  begin
    perform set_config('request.jwt.claims', pg_temp.claims_of(p_who), true);
    execute format('set local role %I', pg_temp.db_role_of(p_who));
    if p_sql ~* '^\s*select' then
      execute p_sql into v_rows;
    else
      execute p_sql;
      get diagnostics v_rows = row_count;
    end if;
    v_result := case when v_rows > 0 then 'rows' else 'none' end;
    raise exception using errcode = 'QSX01';
  exception
    when sqlstate 'QSX01' then null;
    when insufficient_privilege then v_result := 'denied';
    when others then v_result := 'error: ' || sqlerrm;
  end;
  return v_result;
end;
$$;

-- Statements per table and operation --------------------------------------------------------------------------

create temp table statements (tbl text, op text, sql text, primary key (tbl, op));
insert into statements values
  ('districts', 'select', 'select count(*) from public.districts'),
  ('districts', 'insert', $$insert into public.districts (code, name_zh, name_en, centre) values ('zz_new', '新区', 'New', 'SRID=4326;POINT(114 22.6)')$$),
  ('districts', 'update', $$update public.districts set sort_order = sort_order where code = 'dongcheng'$$),
  ('districts', 'delete', $$delete from public.districts where code = 'zz_fixture'$$),
  ('departments', 'select', 'select count(*) from public.departments'),
  ('departments', 'insert', $$insert into public.departments (code, name_zh, name_en) values ('zz_new', '新局', 'New')$$),
  ('departments', 'update', $$update public.departments set name_en = name_en where code = 'sanitation'$$),
  ('departments', 'delete', $$delete from public.departments where code = 'zz_fixture'$$),
  ('categories', 'select', 'select count(*) from public.categories'),
  ('categories', 'insert', $$insert into public.categories (code, name_zh, name_en, hint_zh, hint_en, description_zh, description_en, icon, campaign_area, deadline_working_days, department_code) values ('zz_new', '新', 'New', '提示', 'Hint', '说明', 'Text', 'other', 'vector_control', 2, 'health')$$),
  ('categories', 'update', $$update public.categories set deadline_working_days = 3 where code = 'other'$$),
  ('categories', 'delete', $$delete from public.categories where code = 'zz_fixture'$$),
  ('holidays', 'select', 'select count(*) from public.holidays'),
  ('holidays', 'insert', $$insert into public.holidays (day, is_workday, name_zh, name_en) values ('2030-01-01', false, '元旦', 'New Year''s Day')$$),
  ('holidays', 'update', $$update public.holidays set name_en = name_en where day = '2026-10-01'$$),
  ('holidays', 'delete', $$delete from public.holidays where day = '2030-06-01'$$),
  ('report_transitions', 'select', 'select count(*) from public.report_transitions'),
  ('report_transitions', 'insert', $$insert into public.report_transitions (from_status, to_status) values ('closed', 'submitted')$$),
  ('report_transitions', 'update', $$update public.report_transitions set staff_only = true where from_status = 'submitted' and to_status = 'accepted'$$),
  ('report_transitions', 'delete', $$delete from public.report_transitions where from_status = 'submitted' and to_status = 'accepted'$$),
  ('reports', 'select', format('select count(*) from public.reports where id in (%L, %L)', :'report_a', :'report_b')),
  ('reports', 'insert', $$insert into public.reports (category_code, description, location, district_code, idempotency_key) values ('other', '服务端直接插入的测试问题描述', 'SRID=4326;POINT(114.1 22.6)', 'dongcheng', gen_random_uuid())$$),
  ('reports', 'update', format($$update public.reports set hidden = true, hidden_reason = '测试' where id = %L$$, :'report_a')),
  ('reports', 'delete', format('delete from public.reports where id = %L', :'report_a')),
  ('report_photos', 'select', format('select count(*) from public.report_photos where report_id in (%L, %L)', :'report_a', :'report_b')),
  ('report_photos', 'insert', format($$insert into public.report_photos (report_id, storage_path, kind) values (%L, %L, 'after')$$, :'report_a', 'after/' || :'report_a' || '/aaaaaaaa-0000-4000-8000-000000000002.jpg')),
  ('report_photos', 'update', format($$update public.report_photos set hidden = true, hidden_reason = '测试' where report_id = %L$$, :'report_a')),
  ('report_photos', 'delete', format('delete from public.report_photos where report_id = %L', :'report_a')),
  ('report_updates', 'select', format('select count(*) from public.report_updates where report_id in (%L, %L)', :'report_a', :'report_b')),
  ('report_updates', 'insert', format($$insert into public.report_updates (report_id, to_status, actor_role) values (%L, 'accepted', 'staff')$$, :'report_a')),
  ('report_updates', 'update', format($$update public.report_updates set public_note = '改写历史' where report_id = %L$$, :'report_a')),
  ('report_updates', 'delete', format('delete from public.report_updates where report_id = %L', :'report_a')),
  ('report_confirmations', 'select', format('select count(*) from public.report_confirmations where report_id = %L', :'report_a')),
  ('report_confirmations', 'insert', format('insert into public.report_confirmations (report_id, device_hash) values (%L, %L)', :'report_b', repeat('d', 64))),
  ('report_confirmations', 'update', format('update public.report_confirmations set created_at = now() where report_id = %L', :'report_a')),
  ('report_confirmations', 'delete', format('delete from public.report_confirmations where report_id = %L', :'report_a')),
  ('report_ratings', 'select', format('select count(*) from public.report_ratings where report_id = %L', :'report_c')),
  ('report_ratings', 'insert', format('insert into public.report_ratings (report_id, score) values (%L, 5)', :'report_d')),
  ('report_ratings', 'update', format('update public.report_ratings set score = 1 where report_id = %L', :'report_c')),
  ('report_ratings', 'delete', format('delete from public.report_ratings where report_id = %L', :'report_c')),
  ('events', 'select', $$select count(*) from public.events where id in ('eeeeeeee-0000-4000-8000-000000000001', 'eeeeeeee-0000-4000-8000-000000000002')$$),
  ('events', 'insert', $$insert into public.events (title_zh, title_en, description_zh, description_en, starts_at, ends_at, place_zh, place_en, location, district_code, capacity, organiser_zh, organiser_en) values ('新活动', 'New event', '说明', 'Text', now() + interval '1 day', now() + interval '26 hours', '地点', 'Place', 'SRID=4326;POINT(114.1 22.6)', 'dongcheng', 10, '主办', 'Organiser')$$),
  ('events', 'update', $$update public.events set capacity = 25 where id = 'eeeeeeee-0000-4000-8000-000000000001'$$),
  ('events', 'delete', $$delete from public.events where id = 'eeeeeeee-0000-4000-8000-000000000001'$$),
  ('event_signups', 'select', $$select count(*) from public.event_signups where event_id = 'eeeeeeee-0000-4000-8000-000000000001'$$),
  ('event_signups', 'insert', $$insert into public.event_signups (event_id, name, contact, party_size, status, cancel_token_hash) values ('eeeeeeee-0000-4000-8000-000000000001', '王五', 'wangwu@example.com', 1, 'confirmed', repeat('3', 64))$$),
  ('event_signups', 'update', $$update public.event_signups set status = 'cancelled' where event_id = 'eeeeeeee-0000-4000-8000-000000000001'$$),
  ('event_signups', 'delete', $$delete from public.event_signups where event_id = 'eeeeeeee-0000-4000-8000-000000000001'$$),
  ('audit_log', 'select', 'select count(*) from public.audit_log'),
  ('audit_log', 'insert', $$insert into public.audit_log (actor_role, action, table_name) values ('admin', 'insert', 'reports')$$),
  ('audit_log', 'update', $$update public.audit_log set action = 'delete'$$),
  ('audit_log', 'delete', 'delete from public.audit_log');

-- Expected outcome: one row per table and role, the four operations in order select, insert, update, delete.
create temp table expected (tbl text, who text, outcomes text[], primary key (tbl, who));
insert into expected values
  ('districts', 'anon', '{rows,denied,denied,denied}'),
  ('districts', 'citizen', '{rows,denied,denied,denied}'),
  ('districts', 'worker', '{rows,denied,denied,denied}'),
  ('districts', 'staff', '{rows,denied,denied,denied}'),
  ('districts', 'admin', '{rows,denied,denied,denied}'),
  ('districts', 'service_role', '{rows,rows,rows,rows}'),
  ('departments', 'anon', '{rows,denied,denied,denied}'),
  ('departments', 'citizen', '{rows,denied,denied,denied}'),
  ('departments', 'worker', '{rows,denied,denied,denied}'),
  ('departments', 'staff', '{rows,denied,denied,denied}'),
  ('departments', 'admin', '{rows,denied,denied,denied}'),
  ('departments', 'service_role', '{rows,rows,rows,rows}'),
  ('categories', 'anon', '{rows,denied,denied,denied}'),
  ('categories', 'citizen', '{rows,denied,none,denied}'),
  ('categories', 'worker', '{rows,denied,none,denied}'),
  ('categories', 'staff', '{rows,denied,none,denied}'),
  ('categories', 'admin', '{rows,rows,rows,denied}'),
  ('categories', 'service_role', '{rows,rows,rows,rows}'),
  ('holidays', 'anon', '{rows,denied,denied,denied}'),
  ('holidays', 'citizen', '{rows,denied,none,none}'),
  ('holidays', 'worker', '{rows,denied,none,none}'),
  ('holidays', 'staff', '{rows,denied,none,none}'),
  ('holidays', 'admin', '{rows,rows,rows,rows}'),
  ('holidays', 'service_role', '{rows,rows,rows,rows}'),
  ('report_transitions', 'anon', '{rows,denied,denied,denied}'),
  ('report_transitions', 'citizen', '{rows,denied,denied,denied}'),
  ('report_transitions', 'worker', '{rows,denied,denied,denied}'),
  ('report_transitions', 'staff', '{rows,denied,denied,denied}'),
  ('report_transitions', 'admin', '{rows,denied,denied,denied}'),
  ('report_transitions', 'service_role', '{rows,denied,denied,denied}'),
  ('reports', 'anon', '{denied,denied,denied,denied}'),
  ('reports', 'citizen', '{none,denied,none,denied}'),
  ('reports', 'worker', '{rows,denied,none,denied}'),
  ('reports', 'staff', '{rows,denied,rows,denied}'),
  ('reports', 'admin', '{rows,denied,rows,denied}'),
  ('reports', 'service_role', '{rows,rows,rows,"error: history_is_append_only"}'),
  ('report_photos', 'anon', '{denied,denied,denied,denied}'),
  ('report_photos', 'citizen', '{none,denied,none,denied}'),
  ('report_photos', 'worker', '{rows,rows,none,denied}'),
  ('report_photos', 'staff', '{rows,rows,rows,denied}'),
  ('report_photos', 'admin', '{rows,rows,rows,denied}'),
  ('report_photos', 'service_role', '{rows,rows,rows,rows}'),
  ('report_updates', 'anon', '{denied,denied,denied,denied}'),
  ('report_updates', 'citizen', '{none,denied,denied,denied}'),
  ('report_updates', 'worker', '{rows,denied,denied,denied}'),
  ('report_updates', 'staff', '{rows,denied,denied,denied}'),
  ('report_updates', 'admin', '{rows,denied,denied,denied}'),
  ('report_updates', 'service_role', '{rows,denied,denied,denied}'),
  ('report_confirmations', 'anon', '{denied,denied,denied,denied}'),
  ('report_confirmations', 'citizen', '{none,denied,denied,denied}'),
  ('report_confirmations', 'worker', '{none,denied,denied,denied}'),
  ('report_confirmations', 'staff', '{rows,denied,denied,denied}'),
  ('report_confirmations', 'admin', '{rows,denied,denied,denied}'),
  ('report_confirmations', 'service_role', '{rows,rows,rows,rows}'),
  ('report_ratings', 'anon', '{denied,denied,denied,denied}'),
  ('report_ratings', 'citizen', '{none,denied,denied,denied}'),
  ('report_ratings', 'worker', '{rows,denied,denied,denied}'),
  ('report_ratings', 'staff', '{rows,denied,denied,denied}'),
  ('report_ratings', 'admin', '{rows,denied,denied,denied}'),
  ('report_ratings', 'service_role', '{rows,rows,rows,rows}'),
  ('events', 'anon', '{rows,denied,denied,denied}'),
  ('events', 'citizen', '{rows,denied,none,none}'),
  ('events', 'worker', '{rows,rows,rows,none}'),
  ('events', 'staff', '{rows,rows,rows,rows}'),
  ('events', 'admin', '{rows,rows,rows,rows}'),
  ('events', 'service_role', '{rows,rows,rows,rows}'),
  ('event_signups', 'anon', '{denied,denied,denied,denied}'),
  ('event_signups', 'citizen', '{none,denied,none,denied}'),
  ('event_signups', 'worker', '{rows,denied,rows,denied}'),
  ('event_signups', 'staff', '{rows,denied,rows,denied}'),
  ('event_signups', 'admin', '{rows,denied,rows,denied}'),
  ('event_signups', 'service_role', '{rows,rows,rows,rows}'),
  ('audit_log', 'anon', '{denied,denied,denied,denied}'),
  ('audit_log', 'citizen', '{none,denied,denied,denied}'),
  ('audit_log', 'worker', '{none,denied,denied,denied}'),
  ('audit_log', 'staff', '{rows,denied,denied,denied}'),
  ('audit_log', 'admin', '{rows,denied,denied,denied}'),
  ('audit_log', 'service_role', '{rows,denied,denied,denied}');

create temp table cases as
select e.tbl, e.who, o.op, e.outcomes[o.n] as expected, s.sql, o.n,
  (select array_position(array['districts', 'departments', 'categories', 'holidays', 'report_transitions', 'reports',
    'report_photos', 'report_updates', 'report_confirmations', 'report_ratings', 'events', 'event_signups', 'audit_log'], e.tbl)) as tbl_order,
  array_position(array['anon', 'citizen', 'worker', 'staff', 'admin', 'service_role'], e.who) as who_order
from expected e
cross join (values (1, 'select'), (2, 'insert'), (3, 'update'), (4, 'delete')) as o(n, op)
join statements s on s.tbl = e.tbl and s.op = o.op;

select plan((select count(*)::int from cases) + 12);

-- Every table of the core data model is in the matrix, with all six roles. (Tables added by later features
-- carry their own access tests; 01_schema checks the rules every public table must follow.)
select set_eq(
  $$select distinct tbl from expected$$,
  array['districts', 'departments', 'categories', 'holidays', 'report_transitions', 'reports', 'report_photos',
        'report_updates', 'report_confirmations', 'report_ratings', 'events', 'event_signups', 'audit_log'],
  'the matrix covers every table of the core data model'
);
select is((select count(*)::int from cases), 13 * 6 * 4, 'the matrix has 13 tables × 6 roles × 4 operations');

select is(pg_temp.attempt(who, sql), expected, format('%s: %s on %s → %s', who, op, tbl, expected))
from cases
order by tbl_order, who_order, n;

-- Finer points the matrix does not show --------------------------------------------------------------------------

:as_worker
select is((select count(*)::int from public.reports where id in (:'report_a', :'report_b')), 1,
  'a worker sees only the report in their own district');
select is((select district_code from public.reports where id in (:'report_a', :'report_b')), 'dongcheng',
  'the report a worker sees is the one in dongcheng');
select is((select count(*)::int from public.event_signups s join public.events e on e.id = s.event_id where e.district_code <> 'dongcheng'), 0,
  'a worker sees sign-ups of their district''s events only');

:as_staff
select throws_ok($$select reporter_token_hash from public.reports limit 1$$, '42501', null,
  'staff cannot read reporter token hashes');
select throws_ok($$select * from public.reports limit 1$$, '42501', null,
  'select * on reports is refused for staff too (columns must be named)');
select throws_ok(format($$update public.reports set status = 'accepted' where id = %L$$, :'report_a'), '42501', null,
  'staff cannot change a status directly (only through change_report_status)');

:as_citizen
select ok(pg_temp.attempt('citizen', $$select count(*) from public.reports where contact_phone is not null or contact_email is not null$$)
          in ('none', 'denied'), 'a citizen reads no contact details');
select throws_ok($$select reporter_token_hash from public.reports$$, '42501', null, 'a citizen cannot read token hashes');

:as_anon
select is((select count(*)::int from public.events_public where id = 'eeeeeeee-0000-4000-8000-000000000001'), 1,
  'anon reads published events through events_public');
select throws_ok($$select created_by from public.events$$, '42501', null, 'anon cannot read who created an event');

select * from finish();
rollback;
