-- The shape of the schema and the rules every table and function must follow, whoever adds them:
-- RLS everywhere, policies named as sentences for anon or authenticated only with (select …) helper calls,
-- no `for all`, no public write grants, security definer functions with an empty search_path.
begin;

select plan(51);

-- Tables, views, types ------------------------------------------------------------------------------------------

select has_table('public', t, format('table public.%s exists', t))
from unnest(array['districts', 'departments', 'categories', 'holidays', 'report_transitions', 'reports', 'report_photos',
                  'report_updates', 'report_confirmations', 'report_ratings', 'events', 'event_signups', 'audit_log']) as t;
select has_view('public', 'events_public', 'view public.events_public exists');
select enum_has_labels('public', 'report_status',
  array['submitted', 'accepted', 'assigned', 'in_progress', 'resolved', 'closed', 'rejected', 'duplicate', 'referred', 'reopened'],
  'report_status has the ten statuses in order');
select col_type_is('public', 'reports', 'location', 'geography(Point,4326)', 'reports.location is a WGS-84 geography point');

-- Rules for every table and policy ---------------------------------------------------------------------------------

select is_empty(
  $$select n.nspname || '.' || c.relname from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where n.nspname in ('public', 'private', 'storage') and c.relkind in ('r', 'p') and not c.relrowsecurity$$,
  'row-level security is enabled on every table in public, private and storage');
select is_empty(
  $$select tablename || ': ' || policyname from pg_catalog.pg_policies where schemaname in ('public', 'storage') and cmd = 'ALL'$$,
  'no policy is FOR ALL');
select is_empty(
  $$select tablename || ': ' || policyname from pg_catalog.pg_policies
    where schemaname in ('public', 'storage') and not (roles <@ array['anon', 'authenticated']::name[])$$,
  'every policy is for anon or authenticated (never public)');
select is_empty(
  $$select tablename || ': ' || policyname from pg_catalog.pg_policies
    where schemaname in ('public', 'storage') and policyname !~ '^[A-Z][^.]*[a-z-]\.$'$$,
  'every policy is named as a sentence');
select is_empty(
  $$select tablename || ': ' || policyname from pg_catalog.pg_policies
    where schemaname in ('public', 'storage')
      and regexp_replace(coalesce(qual, '') || ' ' || coalesce(with_check, ''),
                         'SELECT (public\.|auth\.)?(staff_role|staff_district|uid|jwt)\(\)', '', 'g')
          ~ '(staff_role|staff_district|auth\.uid|auth\.jwt)\(\)'$$,
  'policies call the role helpers and auth.uid() as (select …), evaluated once per statement');
select is_empty(
  $$select table_name || ' ' || privilege_type from information_schema.role_table_grants
    where grantee = 'anon' and table_schema = 'public'
      and privilege_type in ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER')$$,
  'anon may not write any public table directly');
select is_empty(
  $$select table_name || '.' || column_name || ' ' || privilege_type from information_schema.column_privileges
    where grantee = 'anon' and table_schema = 'public' and privilege_type in ('INSERT', 'UPDATE', 'REFERENCES')$$,
  'nor any public column');
select is_empty(
  $$select table_name || ' ' || privilege_type || ' to ' || grantee from information_schema.role_table_grants
    where grantee in ('anon', 'authenticated') and table_schema = 'private'$$,
  'API roles have no privileges on private tables');
select is_empty(
  $$select table_name || ' ' || privilege_type from information_schema.role_table_grants
    where grantee = 'authenticated' and table_schema = 'public' and privilege_type in ('TRUNCATE', 'REFERENCES', 'TRIGGER')$$,
  'signed-in users may not truncate, reference or trigger public tables');
select is_empty(
  $$select c.relname from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'v', 'p') and obj_description(c.oid, 'pg_class') is null$$,
  'every public table and view has a comment');
select is_empty(
  $$select p.oid::regprocedure::text from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
    where n.nspname in ('public', 'private') and p.prosecdef
      and not coalesce(p.proconfig @> array['search_path=""'], false)$$,
  'every security definer function has an empty search_path');
select is_empty(
  $$select p.oid::regprocedure::text from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'private' and has_function_privilege('anon', p.oid, 'execute')
      and p.proname not in ('photo_is_public')$$,
  'anon may execute only the one private policy helper it needs');
select is_empty(
  $$select viewname from pg_catalog.pg_views v join pg_catalog.pg_class c on c.relname = v.viewname
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace and n.nspname = v.schemaname
    where v.schemaname = 'public' and not coalesce(c.reloptions @> array['security_invoker=true'], false)$$,
  'every public view is security_invoker, so the policies of its tables apply');

-- The API functions of the contract ----------------------------------------------------------------------------------

select has_function('public', 'submit_report',
  array['uuid', 'text', 'text', 'double precision', 'double precision', 'text', 'text', 'text', 'text', 'text[]', 'text'], 'submit_report exists');
select has_function('public', 'report_by_code', array['text'], 'report_by_code exists');
select has_function('public', 'reports_in_bbox',
  array['double precision', 'double precision', 'double precision', 'double precision', 'text[]', 'text[]', 'text[]',
        'timestamp with time zone', 'timestamp with time zone', 'integer'], 'reports_in_bbox exists');
select has_function('public', 'nearby_open_reports', array['double precision', 'double precision', 'text', 'double precision'],
  'nearby_open_reports exists');
select has_function('public', 'confirm_report', array['text', 'text'], 'confirm_report exists');
select has_function('public', 'rate_report', array['text', 'text', 'integer', 'text'], 'rate_report exists');
select has_function('public', 'reopen_report', array['text', 'text', 'text'], 'reopen_report exists');
select has_function('public', 'change_report_status',
  array['uuid', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'uuid'], 'change_report_status exists');
select has_function('public', 'signup_for_event', array['uuid', 'text', 'text', 'integer'], 'signup_for_event exists');
select has_function('public', 'cancel_event_signup', array['text'], 'cancel_event_signup exists');
select has_function('public', 'staff_role', array[]::text[], 'staff_role exists');
select has_function('public', 'add_working_days', array['timestamp with time zone', 'integer'], 'add_working_days exists');
select is(
  (select array_agg(n order by o) from pg_catalog.pg_proc p, unnest(p.proargnames) with ordinality as a(n, o)
   where p.oid = 'public.submit_report(uuid, text, text, double precision, double precision, text, text, text, text, text[], text)'::regprocedure
     and o <= 10),
  array['p_idempotency_key', 'p_category', 'p_description', 'p_lng', 'p_lat', 'p_address', 'p_district',
        'p_contact_phone', 'p_contact_email', 'p_photo_paths']::text[],
  'submit_report has the argument names of the contract');

-- Indexes --------------------------------------------------------------------------------------------------------------

select has_index('public', 'reports', 'reports_location_geometry_idx', 'GiST index for bounding-box queries');
select has_index('public', 'reports', 'reports_location_idx', 'GiST index for distance queries');
select has_index('public', 'reports', 'reports_district_code_idx', 'index on the column worker policies filter by');
select has_index('public', 'report_photos', 'report_photos_report_id_idx', 'index on report_photos.report_id');
select has_index('public', 'report_updates', 'report_updates_report_id_idx', 'index on report_updates.report_id');

-- Reference data ---------------------------------------------------------------------------------------------------------

select set_eq($$select code from public.categories where code <> 'zz_fixture'$$,
  array['road_cleanliness', 'garbage_pile', 'overflowing_bin', 'dirty_toilet', 'illegal_dumping', 'pests',
        'wrongly_sorted_waste', 'damaged_greenery', 'broken_facility', 'other'],
  'the ten categories of the contract');
select set_eq($$select code from public.districts$$, array['dongcheng', 'xicheng', 'nanhu', 'beishan', 'gaoxin'],
  'the five demo districts');
select is((select count(*)::int from public.holidays where day between '2026-01-01' and '2026-12-31' and not is_workday), 33,
  '2026 has 33 days off in the State Council notice');
select is((select count(*)::int from public.holidays where day between '2026-01-01' and '2026-12-31' and is_workday), 6,
  'and 6 adjusted working days');

select * from finish();
rollback;
