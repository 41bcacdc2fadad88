-- Staff console: what each role may see of a report. Contact details only through view_report_contact (with a
-- reason, audited); the allowed next statuses come from the state machine table; console_report, notes, the
-- queue with its filters and order, counts per status, and the audited CSV export.
begin;
\ir _fixtures.psql

select plan(49);

select pg_temp.new_report('submitted', 'dongcheng') as report_a \gset
select pg_temp.new_report('submitted', 'xicheng') as report_b \gset
select pg_temp.new_report('closed', 'dongcheng') as report_closed \gset
select pg_temp.code_of(:'report_a') as code_a \gset
select pg_temp.code_of(:'report_b') as code_b \gset
-- An old report in dongcheng: its deadline has passed, so it leads the queue.
insert into public.reports (category_code, description, location, address, district_code, idempotency_key, created_at)
values ('garbage_pile', '很久以前反映的垃圾堆，一直没有处理。', 'SRID=4326;POINT(114.11 22.59)', '旧街 1 号', 'dongcheng',
  gen_random_uuid(), now() - interval '60 days')
returning id as report_old \gset
select pg_temp.code_of(:'report_old') as code_old \gset

-- Contact details -----------------------------------------------------------------------------------------------

:as_staff
select throws_ok($$select contact_phone from public.reports limit 1$$, '42501', null,
  'staff cannot read contact phone numbers column by column');
select throws_ok($$select contact_email from public.reports limit 1$$, '42501', null,
  'staff cannot read contact emails column by column');
select lives_ok($$select id, tracking_code, is_anonymous from public.reports limit 1$$,
  'staff still read the other columns, including whether there is a contact');
:as_worker
select throws_ok($$select contact_phone from public.reports limit 1$$, '42501', null,
  'a worker cannot read contact details column by column');

:as_anon
select throws_ok(format('select * from public.view_report_contact(%L, %L)', :'report_a', '回访核实情况'), '42501', null,
  'visitors cannot call view_report_contact');
:as_citizen
select throws_ok(format('select * from public.view_report_contact(%L, %L)', :'report_a', '回访核实情况'), '42501', 'forbidden',
  'a citizen without a role is refused');
:as_worker_b
select throws_ok(format('select * from public.view_report_contact(%L, %L)', :'report_a', '回访核实情况'), 'P0001', 'report_not_found',
  'a worker of another district is told the report does not exist');
:as_staff
select throws_ok(format('select * from public.view_report_contact(%L, %L)', :'report_a', '  '), '22023', 'invalid_access_reason',
  'a reason is required');
:as_system
select is((select count(*)::int from public.audit_log where action = 'read' and record_id = :'report_a'), 0,
  'refused attempts leave no read in the audit log');
:as_staff
select results_eq(format('select contact_phone, contact_email from public.view_report_contact(%L, %L)', :'report_a', '回访核实处理情况'),
  $$values ('13800138000'::text, null::text)$$, 'staff get the contact details with a reason');
:as_worker
select results_eq(format('select contact_phone from public.view_report_contact(%L, %L)', :'report_a', '到现场前电话确认位置'),
  $$values ('13800138000'::text)$$, 'a worker gets the contact details of a report in their district');
:as_system
select results_eq(
  format($$select actor, actor_role, table_name, record_id, changes ->> 'reason' from public.audit_log
           where action = 'read' and record_id = %L order by id$$, :'report_a'),
  format($$values (%L::uuid, 'staff'::text, 'reports'::text, %L::text, '回访核实处理情况'::text),
                  (%L::uuid, 'worker'::text, 'reports'::text, %L::text, '到现场前电话确认位置'::text)$$,
         :'staff_id', :'report_a', :'worker_id', :'report_a'),
  'each read is in the audit log with who, which report and why');

-- Next statuses -----------------------------------------------------------------------------------------------------

:as_worker
select results_eq(format('select to_status::text from public.report_next_statuses(%L)', :'report_a'),
  $$values ('accepted'), ('rejected'), ('duplicate'), ('referred')$$,
  'a submitted report can be accepted, rejected, marked duplicate or referred');
select is_empty(format('select * from public.report_next_statuses(%L)', :'report_closed'),
  'a worker may not reopen a closed report (staff only)');
:as_staff
select results_eq(format('select to_status::text from public.report_next_statuses(%L)', :'report_closed'),
  $$values ('reopened')$$, 'staff may reopen a closed report');
select is(
  (select array_agg(s.to_status::text order by s.to_status) from public.report_next_statuses(:'report_a') s),
  (select array_agg(t.to_status::text order by t.to_status) from public.report_transitions t where t.from_status = 'submitted'),
  'the next statuses are read from the state machine table');
:as_worker_b
select throws_ok(format('select * from public.report_next_statuses(%L)', :'report_a'), 'P0001', 'report_not_found',
  'a worker of another district gets nothing about the report');

-- console_report and notes --------------------------------------------------------------------------------------------

:as_worker
select is((public.console_report(lower(replace(:'code_a', '-', ''))) ->> 'id')::uuid, :'report_a'::uuid,
  'console_report finds a report by its tracking code typed loosely');
select ok(not (public.console_report(:'code_a')::jsonb ?| array['contact_phone', 'contact_email', 'reporter_token_hash']),
  'console_report never returns contact details or the token hash');
select is((public.console_report(:'code_a') ->> 'has_contact')::boolean, true, 'but it says there is a contact');
select is((public.console_report(:'code_a') -> 'next_statuses')::jsonb, '["accepted", "rejected", "duplicate", "referred"]'::jsonb,
  'console_report includes the allowed next statuses');
select throws_ok(format('select public.console_report(%L)', :'code_b'), 'P0001', 'report_not_found',
  'a worker cannot open a report of another district');
select isnt(public.add_report_note(:'report_a', '  已电话联系，明早处理。 '), null, 'a worker adds an internal note');
select is((public.console_report(:'code_a') -> 'notes' -> 0 ->> 'body'), '已电话联系，明早处理。', 'the note is trimmed and shown');
select is((public.console_report(:'code_a') -> 'notes' -> 0 ->> 'author_email'), 'worker@test.example', 'with its author');
select throws_ok(format('select public.add_report_note(%L, %L)', :'report_b', '看不到的工单'), 'P0001', 'report_not_found',
  'a worker cannot add notes to another district''s report');
:as_citizen
select throws_ok(format('select public.console_report(%L)', :'code_a'), '42501', 'forbidden', 'a citizen cannot open the console view');
select is_empty('select * from public.report_notes', 'a citizen reads no notes');
:as_system
select throws_ok('update public.report_notes set body = ''改写''', 'P0001', 'history_is_append_only', 'notes are append-only');

-- The queue -------------------------------------------------------------------------------------------------------------

:as_worker
select is((select count(*)::int from public.console_reports() where district_code <> 'dongcheng'), 0,
  'a worker''s queue holds only their district');
select is((select count(*)::int from public.console_reports() where id = :'report_b'), 0,
  'a worker''s queue does not hold another district''s report');
:as_staff
select is((select count(*)::int from unnest(array[:'code_a', :'code_b', :'code_old', pg_temp.code_of(:'report_closed')]) as c(code)
           cross join lateral public.console_reports(p_status => '{}', p_search => c.code)), 4,
  'staff see every district');
select ok((select max(n) filter (where overdue) < min(n) filter (where is_open and not overdue)
           from public.console_reports(p_limit => 500) with ordinality as q(id, tracking_code, category_code, status,
             description, address, district_code, created_at, updated_at, due_at, resolved_at, is_open, overdue,
             assigned_department, assigned_to, confirmations_count, hidden, total_count, n)),
  'overdue reports come first');
select is((select overdue from public.console_reports() where id = :'report_old'), true, 'the old report is overdue');
select ok((select max(n) filter (where is_open) < min(n) filter (where not is_open)
           from public.console_reports(p_limit => 500) with ordinality as q(id, tracking_code, category_code, status,
             description, address, district_code, created_at, updated_at, due_at, resolved_at, is_open, overdue,
             assigned_department, assigned_to, confirmations_count, hidden, total_count, n)),
  'finished reports come after the open ones');
select results_eq(format('select id from public.console_reports(p_search => %L)', lower(:'code_b')),
  format('values (%L::uuid)', :'report_b'), 'search finds a tracking code');
select results_eq('select id from public.console_reports(p_search => ''旧街 1'')',
  format('values (%L::uuid)', :'report_old'), 'search finds text in the address');
select is((select count(*)::int from public.console_reports(p_search => '%')), 0, 'LIKE wildcards in a search are plain characters');
select results_eq(
  format($$select bool_and(status = 'closed' and district_code = 'dongcheng'), bool_or(id = %L)
           from public.console_reports(p_status => '{closed}', p_district => '{dongcheng}')$$, :'report_closed'),
  $$values (true, true)$$, 'status and district filters combine');
select is((select total_count from public.console_reports(p_limit => 1) limit 1), (select count(*) from public.reports),
  'every row carries the total for paging');
select is((select total from public.console_status_counts(p_district => '{dongcheng}') where status = 'submitted'),
  (select count(*) from public.reports where status = 'submitted' and district_code = 'dongcheng'),
  'counts per status follow the other filters');
select is((select count(*)::int from public.console_status_counts()), 10, 'every status has a count, zero included');
select throws_ok('select * from public.console_reports(p_limit => 0)', '22023', 'invalid_page', 'the page size is checked');
:as_citizen
select throws_ok('select * from public.console_reports()', '42501', 'forbidden', 'a citizen has no queue');

-- The export ---------------------------------------------------------------------------------------------------------------

:as_staff
select throws_ok('select * from public.export_reports(p_with_contact => true)', '42501', 'forbidden',
  'staff cannot export contact details');
select is((select count(*)::int from public.export_reports(p_district => '{dongcheng}') where contact_phone is not null), 0,
  'a staff export has no contact details');
:as_worker
select is((select count(*)::int from public.export_reports() where district_code <> 'dongcheng'), 0,
  'a worker exports only their district');
:as_admin
select is((select contact_phone from public.export_reports(p_search => :'code_a', p_with_contact => true)), '13800138000',
  'an admin may export contact details');
:as_system
select results_eq(
  format($$select actor_role, (changes ->> 'with_contact')::boolean from public.audit_log
           where action = 'export' and actor in (%L, %L, %L) order by id$$, :'staff_id', :'worker_id', :'admin_id'),
  $$values ('staff'::text, false), ('worker'::text, false), ('admin'::text, true)$$,
  'every export is audited, with whether it held contact details');

select * from finish();
rollback;
