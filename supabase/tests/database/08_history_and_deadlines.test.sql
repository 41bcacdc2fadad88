-- History cannot be rewritten by anyone (report_updates and audit_log are append-only for every role, the
-- superuser included), deadlines follow China's working days and adjusted working days (调休), and tracking
-- codes look right and are read forgivingly.
begin;
\ir _fixtures.psql

select plan(28);

-- Append-only history ------------------------------------------------------------------------------------------

select pg_temp.new_report('resolved') as report_a \gset

select throws_ok(format($$update public.report_updates set public_note = '改写' where report_id = %L$$, :'report_a'),
  'P0001', 'history_is_append_only', 'even the superuser cannot edit report history');
select throws_ok(format($$delete from public.report_updates where report_id = %L$$, :'report_a'),
  'P0001', 'history_is_append_only', 'or delete it');
select throws_ok($$truncate public.report_updates cascade$$, 'P0001', 'history_is_append_only', 'or truncate it');
select throws_ok(format($$delete from public.reports where id = %L$$, :'report_a'),
  'P0001', 'history_is_append_only', 'so a report with history cannot be deleted (hide it instead)');
select throws_ok($$update public.audit_log set actor_role = 'admin'$$, 'P0001', 'history_is_append_only',
  'the audit log cannot be edited');
select throws_ok($$delete from public.audit_log$$, 'P0001', 'history_is_append_only', 'or deleted');
:as_service
select throws_ok(format($$update public.report_updates set public_note = '改写' where report_id = %L$$, :'report_a'),
  '42501', null, 'the service role has no write privilege on history');
select throws_ok(format($$insert into public.report_updates (report_id, to_status, actor_role) values (%L, 'closed', 'staff')$$, :'report_a'),
  '42501', null, 'nor may it forge history rows');
:as_system
select is((select count(*)::int from public.report_updates where report_id = :'report_a'), 4,
  'a resolved report has four history rows (submitted, accepted, in progress, resolved)');

-- Only a trusted operator session may backdate history ----------------------------------------------------------

-- An API role without any JWT claims (a misconfigured gateway) is still the public, and cannot backdate.
set local role anon;
set local request.jwt.claims = '';
set local request.headers = '{"x-forwarded-for": "192.0.2.200"}';
set local qs.at = '2020-01-01 00:00+00';
select lives_ok($$select * from public.submit_report('90000000-0000-4000-8000-000000000001', 'other', '没有身份令牌的匿名请求', 114.1, 22.6, null)$$,
  'a request without claims can still submit');
:as_system
select results_eq(
  $$select u.actor_role, u.created_at > now() - interval '1 minute' from public.report_updates u
    join public.reports r on r.id = u.report_id where r.idempotency_key = '90000000-0000-4000-8000-000000000001'$$,
  $$values ('public', true)$$,
  'it is recorded as the public, at the real time (qs.at is ignored)');

-- Hiding is audited ------------------------------------------------------------------------------------------------

:as_staff
update public.reports set hidden = true, hidden_reason = '包含个人隐私' where id = :'report_a';
:as_system
select results_eq(
  format($$select actor::text, actor_role, action, changes -> 'hidden' ->> 'new' from public.audit_log
           where table_name = 'reports' and record_id = %L$$, :'report_a'),
  format($$values (%L, 'staff', 'update', 'true')$$, :'staff_id'),
  'hiding a report is in the audit log with who did it');
select is_empty(format($$select 1 from public.audit_log where record_id = %L and (changes ? 'contact_phone' or changes ? 'reporter_token_hash')$$, :'report_a'),
  'the audit log keeps no contact details or token hashes');

-- Working days ------------------------------------------------------------------------------------------------------

select is(public.add_working_days('2026-11-27 15:00+08', 2), '2026-12-01 15:00+08'::timestamptz,
  'Friday 15:00 + 2 working days is Tuesday 15:00');
select is(public.add_working_days('2026-11-28 10:00+08', 1), '2026-11-30 10:00+08'::timestamptz,
  'a Saturday report + 1 working day is Monday');
select is(public.add_working_days('2026-02-13 10:00+08', 1), '2026-02-14 10:00+08'::timestamptz,
  'Saturday 14 February 2026 is an adjusted working day');
select is(public.add_working_days('2026-02-13 10:00+08', 2), '2026-02-24 10:00+08'::timestamptz,
  'then the Spring Festival holiday runs to 23 February');
select is(public.add_working_days('2026-09-30 10:00+08', 2), '2026-10-09 10:00+08'::timestamptz,
  'National Day: 1-7 October off, 8 and 9 October are the next working days');
select is(public.add_working_days('2026-09-30 10:00+08', 3), '2026-10-10 10:00+08'::timestamptz,
  'and Saturday 10 October is an adjusted working day');
select is(public.add_working_days('2026-12-31 23:30+08', 1), '2027-01-04 23:30+08'::timestamptz,
  'a report late on New Year''s Eve: 1 January 2027 is a holiday, then the weekend');
select is(public.add_working_days('2026-11-27 15:00+08', 0), '2026-11-27 15:00+08'::timestamptz, '0 days is the same time');
select is(public.add_working_days('2026-11-27 15:00+08', -1), null, 'negative days give null');
select ok(public.is_working_day('2026-09-20') and not public.is_working_day('2026-10-01') and not public.is_working_day('2026-11-29'),
  'is_working_day knows adjusted Sundays, holidays and plain weekends');

select pg_temp.new_report('submitted', 'dongcheng', 'damaged_greenery') as report_g \gset
select is((select due_at - created_at from public.reports where id = :'report_g'),
  (select public.add_working_days(created_at, 5) - created_at from public.reports where id = :'report_g'),
  'a report is due the category''s working days after it was created');
select pg_temp.new_report('submitted', 'dongcheng', 'garbage_pile') as report_p \gset
select is((select due_at from public.reports where id = :'report_p'),
  public.add_working_days(now(), 1), 'garbage piles are due in 1 working day');

-- Tracking codes ------------------------------------------------------------------------------------------------------

select is((select count(distinct c)::int from (select private.new_tracking_code() as c from generate_series(1, 2000)) as g
           where c ~ '^QS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$'), 2000,
  '2000 new codes are all well-formed and different');
select is(private.normalize_tracking_code(' qs-ab1o-lmi0 '), 'QS-AB10-1M10', 'codes are read in upper case, with O as 0 and I, L as 1');
select is(private.normalize_tracking_code('ABCD EFGH'), 'QS-ABCD-EFGH', 'the QS- prefix and dashes may be left out');

select * from finish();
rollback;
