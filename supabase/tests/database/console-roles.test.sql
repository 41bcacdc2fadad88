-- Staff console: roles and the staff directory (only admins set roles, audited, never their own), and the
-- response templates (read by staff roles, edited by admins, audited).
begin;
\ir _fixtures.psql

select plan(27);

-- Setting roles ---------------------------------------------------------------------------------------------------

:as_anon
select throws_ok(format('select public.set_user_role(%L, %L)', :'citizen_id', 'staff'), '42501', null, 'visitors cannot set roles');
:as_citizen
select throws_ok(format('select public.set_user_role(%L, %L)', :'citizen_id', 'admin'), '42501', 'forbidden',
  'a citizen cannot give themselves a role');
:as_worker
select throws_ok(format('select public.set_user_role(%L, %L)', :'citizen_id', 'staff'), '42501', 'forbidden', 'workers cannot set roles');
:as_staff
select throws_ok(format('select public.set_user_role(%L, %L)', :'citizen_id', 'staff'), '42501', 'forbidden', 'staff cannot set roles');
:as_service
select throws_ok(format('select public.set_user_role(%L, %L)', :'citizen_id', 'staff'), '42501', null,
  'the service role uses the Auth admin API, not this function');
:as_system
select is((select raw_app_meta_data from auth.users where id = :'citizen_id'), '{}'::jsonb, 'refused attempts change nothing');

:as_admin
select throws_ok(format('select public.set_user_role(%L, %L)', :'citizen_id', 'mayor'), '22023', 'invalid_role', 'only known roles');
select throws_ok(format('select public.set_user_role(%L, %L)', :'citizen_id', 'worker'), '22023', 'invalid_district',
  'a worker needs a district');
select throws_ok(format('select public.set_user_role(%L, %L, %L)', :'citizen_id', 'worker', 'atlantis'), '22023', 'invalid_district',
  'a worker needs a real district');
select throws_ok(format('select public.set_user_role(%L, %L)', :'admin_id', null), 'P0001', 'cannot_change_own_role',
  'an admin cannot change their own role');
select throws_ok(format('select public.set_user_role(%L, %L)', gen_random_uuid(), 'staff'), 'P0001', 'user_not_found',
  'unknown people are reported');
select lives_ok(format('select public.set_user_role(%L, %L, %L)', :'citizen_id', 'worker', 'nanhu'), 'an admin makes a citizen a worker');
:as_system
select is((select raw_app_meta_data from auth.users where id = :'citizen_id'), '{"role": "worker", "district": "nanhu"}'::jsonb,
  'the role and district are in app_metadata');
:as_admin
select lives_ok(format('select public.set_user_role(%L, %L, %L)', :'citizen_id', 'staff', 'nanhu'), 'and then staff');
:as_system
select is((select raw_app_meta_data from auth.users where id = :'citizen_id'), '{"role": "staff"}'::jsonb,
  'staff get no district');
:as_admin
select lives_ok(format('select public.set_user_role(%L, null)', :'citizen_id'), 'and revokes the role');
:as_system
select is((select raw_app_meta_data from auth.users where id = :'citizen_id'), '{}'::jsonb, 'the role is gone');
select results_eq(
  format($$select actor, changes -> 'role' ->> 'old', changes -> 'role' ->> 'new' from public.audit_log
           where table_name = 'users' and record_id = %L order by id$$, :'citizen_id'),
  format($$values (%L::uuid, null::text, 'worker'::text), (%L::uuid, 'worker', 'staff'), (%L::uuid, 'staff', null)$$,
         :'admin_id', :'admin_id', :'admin_id'),
  'every role change is audited with the admin who made it');

-- The directory -----------------------------------------------------------------------------------------------------

:as_staff
select ok((select bool_and(role is not null) from public.staff_directory()), 'the directory lists people with a role');
select results_eq('select role, district from public.staff_directory(''worker-b@'')', $$values ('worker'::text, 'xicheng'::text)$$,
  'searching by email, with the worker''s district');
select throws_ok('select * from public.staff_directory(p_everyone => true)', '42501', 'forbidden', 'only admins search every account');
:as_admin
select results_eq('select role from public.staff_directory(''citizen@test'', true)', $$values (null::text)$$,
  'an admin finds accounts without a role too');

-- Response templates ------------------------------------------------------------------------------------------------

:as_worker
select ok((select count(*) from public.response_templates where to_status = 'resolved' and category_code = 'garbage_pile') = 1,
  'workers read the templates, one per category for resolving');
select throws_ok($$insert into public.response_templates (code, to_status, title_zh, title_en, body_zh, body_en)
                   values ('test.one', 'accepted', '测试', 'Test', '测试', 'Test')$$, '42501', null, 'workers cannot add templates');
:as_admin
select lives_ok($$insert into public.response_templates (code, to_status, title_zh, title_en, body_zh, body_en)
                  values ('test.one', 'accepted', '测试', 'Test', '测试模板', 'A test template')$$, 'admins add templates');
:as_system
select is((select count(*)::int from public.audit_log where table_name = 'response_templates' and action = 'insert'
           and changes ->> 'code' = 'test.one'), 1, 'adding a template is audited');
:as_anon
select throws_ok('select count(*) from public.response_templates', '42501', null, 'visitors cannot read the templates');

select * from finish();
rollback;
