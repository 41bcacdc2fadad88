-- Clean days, organisers: who may create, edit, cancel and duplicate events (workers: their own district), form
-- validation, creating a clean day from open reports, sign-up lists with contacts (audited), attendance, and
-- closing with results, which resolves the linked reports through the state machine with one public note.
begin;
\ir _fixtures.psql

select plan(52);

create temp table form as
select jsonb_build_object(
  'title_zh', '东湖清洁日', 'title_en', 'East Lake clean day',
  'description_zh', '一起捡拾湖边垃圾', 'description_en', 'Pick up litter by the lake',
  'bring_zh', '手套', 'bring_en', 'Gloves',
  'place_zh', '东湖公园南门', 'place_en', 'East Lake Park, south gate',
  'organiser_zh', '东城区爱卫办', 'organiser_en', 'Dongcheng health office',
  'starts_at', (now() + interval '7 days')::text, 'ends_at', (now() + interval '7 days 3 hours')::text,
  'lng', 114.11, 'lat', 22.59, 'district_code', 'dongcheng', 'capacity', 3, 'status', 'published'
) as f;
grant select on form to public;

-- Who may create --------------------------------------------------------------------------------------------------

:as_anon
select throws_ok($$select public.create_event((select f from form))$$, '42501', null, 'the public cannot create events');
:as_citizen
select throws_ok($$select public.create_event((select f from form))$$, '42501', 'forbidden', 'nor can a signed-in citizen');
:as_worker_b
select throws_ok($$select public.create_event((select f from form))$$, '42501', 'forbidden',
  'a worker cannot create an event in another district');
:as_worker
select public.create_event((select f from form)) as event_id \gset
select results_eq(format($$select title_en, district_code, capacity, status, created_by::text from public.events where id = %L$$, :'event_id'),
  $$values ('East Lake clean day', 'dongcheng', 3, 'published', '00000000-0000-4000-a000-00000000c002')$$,
  'the district''s worker creates one, recorded as its creator');
select is((select public.create_event((select f - 'district_code' from form)) is not null), true,
  'a worker''s district is the default');
:as_staff
select lives_ok($$select public.create_event((select f || '{"district_code": "nanhu", "lng": 114.05, "lat": 22.55}' from form))$$,
  'staff create events in any district');

-- Validation -------------------------------------------------------------------------------------------------------

:as_worker
select throws_ok($$select public.create_event((select f || '{"title_zh": "  "}' from form))$$, '22023', 'invalid_title_zh', 'a Chinese title is needed');
select throws_ok($$select public.create_event((select f - 'title_en' from form))$$, '22023', 'invalid_title_en', 'and an English one');
select throws_ok($$select public.create_event((select f || jsonb_build_object('place_zh', repeat('地', 201)) from form))$$,
  '22023', 'invalid_place_zh', 'places are at most 200 characters');
select throws_ok($$select public.create_event((select f || '{"starts_at": "soon"}' from form))$$, '22023', 'invalid_starts_at',
  'a start time that is not a time');
select throws_ok($$select public.create_event((select f || jsonb_build_object('ends_at', f ->> 'starts_at') from form))$$,
  '22023', 'invalid_ends_at', 'the end is after the start');
select throws_ok($$select public.create_event((select f || jsonb_build_object('ends_at', (now() + interval '8 days')::text) from form))$$,
  '22023', 'invalid_ends_at', 'an event lasts at most 12 hours');
select throws_ok($$select public.create_event((select f || '{"lng": 2.35, "lat": 48.85}' from form))$$,
  '22023', 'invalid_location', 'the place is in the city');
select throws_ok($$select public.create_event((select f || '{"capacity": 0}' from form))$$, '22023', 'invalid_capacity', 'at least one place');
select throws_ok($$select public.create_event((select f || '{"capacity": "many"}' from form))$$, '22023', 'invalid_capacity', 'a number of places');
select throws_ok($$select public.create_event((select f || '{"status": "completed"}' from form))$$, '22023', 'invalid_status',
  'new events are drafts or published');

-- Editing ---------------------------------------------------------------------------------------------------------

:as_anon
set local request.headers = '{"x-forwarded-for": "192.0.2.20"}';
create temp table tokens (who text primary key, status text, token text);
grant all on tokens to public;
insert into tokens select 'a', * from public.signup_for_event(:'event_id', '张三', 'a@example.com', 2);
insert into tokens select 'b', * from public.signup_for_event(:'event_id', '李四', '13900139001', 1);
insert into tokens select 'c', * from public.signup_for_event(:'event_id', '王五', 'c@example.com', 2);
:as_worker
select throws_ok(format($$select public.update_event(%L, (select f || '{"capacity": 2}' from form))$$, :'event_id'),
  '22023', 'capacity_below_signups', 'capacity cannot drop below the confirmed places');
select throws_ok(format($$select public.update_event(%L, (select f || '{"status": "draft"}' from form))$$, :'event_id'),
  'P0001', 'event_has_signups', 'an event people signed up for cannot go back to draft');
select lives_ok(format($$select public.update_event(%L, (select f || '{"capacity": 5, "title_en": "East Lake clean-up"}' from form))$$, :'event_id'),
  'the worker edits the event');
select results_eq(format($$select title_en, capacity, spots_taken, waitlist_count from public.events where id = %L$$, :'event_id'),
  $$values ('East Lake clean-up', 5, 5, 0)$$, 'more places promote the waiting list');
:as_worker_b
select throws_ok(format($$select public.update_event(%L, (select f from form))$$, :'event_id'), 'P0001', 'event_not_found',
  'a worker of another district cannot edit it (nor learn it exists)');

-- Sign-up lists and attendance --------------------------------------------------------------------------------------

:as_worker_b
select throws_ok(format($$select * from public.event_signups_for_staff(%L)$$, :'event_id'), 'P0001', 'event_not_found',
  'a worker of another district cannot list the sign-ups');
:as_citizen
select throws_ok(format($$select * from public.event_signups_for_staff(%L)$$, :'event_id'), '42501', 'forbidden',
  'nor can a citizen');
:as_worker
select results_eq(format($$select name, contact, party_size::int, status from public.event_signups_for_staff(%L)$$, :'event_id'),
  $$values ('张三', 'a@example.com', 2, 'confirmed'), ('李四', '13900139001', 1, 'confirmed'), ('王五', 'c@example.com', 2, 'confirmed')$$,
  'the organiser sees names, contacts and statuses');
:as_system
select isnt_empty(format($$select 1 from public.audit_log where action = 'read' and table_name = 'event_signups' and record_id = %L
                           and actor = '00000000-0000-4000-a000-00000000c002'$$, :'event_id'),
  'every read of the contacts is in the audit log');
:as_worker
select throws_ok(format($$select public.mark_attendance((select id from public.event_signups where event_id = %L and name = '张三'), true)$$, :'event_id'),
  'P0001', 'event_not_started', 'attendance waits for the day');

-- Cancelling and duplicating -----------------------------------------------------------------------------------------

select public.duplicate_event(:'event_id', now() + interval '30 days') as copy_id \gset
select results_eq(format($$select status, title_en, spots_taken, ends_at - starts_at from public.events where id = %L$$, :'copy_id'),
  $$values ('draft', 'East Lake clean-up', 0, interval '3 hours')$$, 'a duplicate is a new draft of the same length, without sign-ups');
select throws_ok(format($$select public.duplicate_event(%L, now() - interval '1 day')$$, :'event_id'), '22023', 'invalid_starts_at',
  'a duplicate starts in the future');
select lives_ok(format($$select public.cancel_event(%L, '暴雨预警', 'Rainstorm warning')$$, :'copy_id'), 'the worker cancels the copy');
select results_eq(format($$select status, cancel_note_en from public.events_public where id = %L$$, :'copy_id'),
  $$values ('cancelled', 'Rainstorm warning')$$, 'the public sees it cancelled, with the note');
select throws_ok(format($$select public.update_event(%L, (select f from form))$$, :'copy_id'), 'P0001', 'event_not_editable',
  'a cancelled event cannot be edited');
select throws_ok(format($$select public.cancel_event(%L)$$, :'copy_id'), 'P0001', 'event_not_editable', 'nor cancelled twice');

-- A clean day from reports ---------------------------------------------------------------------------------------------

:as_system
select pg_temp.new_report('submitted', 'dongcheng', 'garbage_pile', 114.100, 22.580) as r1 \gset
select pg_temp.new_report('assigned', 'dongcheng', 'illegal_dumping', 114.102, 22.582) as r2 \gset
select pg_temp.new_report('reopened', 'dongcheng', 'road_cleanliness', 114.104, 22.584) as r3 \gset
select pg_temp.new_report('resolved', 'dongcheng') as r_done \gset
select pg_temp.new_report('submitted', 'xicheng') as r_west \gset
:as_worker
select isnt_empty(format($$select 1 from public.event_candidate_reports() where id = %L$$, :'r1'), 'open reports are candidates');
select is_empty(format($$select 1 from public.event_candidate_reports() where id in (%L, %L)$$, :'r_done', :'r_west'),
  'resolved reports and other districts'' reports are not');
select throws_ok(format($$select public.create_event_from_reports((select f from form), array[%L, %L]::uuid[])$$, :'r1', :'r_done'),
  'P0001', 'report_not_open', 'a resolved report cannot be taken up');
select throws_ok(format($$select public.create_event_from_reports((select f from form), array[%L]::uuid[])$$, :'r_west'),
  'P0001', 'report_not_found', 'nor a report of another district');
select throws_ok($$select public.create_event_from_reports((select f from form), '{}')$$, '22023', 'invalid_reports', 'at least one report');
select public.create_event_from_reports(
  (select f - 'lng' - 'lat' || jsonb_build_object('starts_at', (now() - interval '3 hours')::text,
     'ends_at', (now() - interval '1 hour')::text) from form),
  array[:'r1', :'r2', :'r3']::uuid[]) as day_id \gset
select results_eq(format($$select round(lng::numeric, 3), round(lat::numeric, 3) from public.events_public where id = %L$$, :'day_id'),
  $$values (114.102, 22.582)$$, 'without a place the event is put in the middle of its reports');
select is((select count(*)::int from public.event_reports where event_id = :'day_id'), 3, 'the three reports are linked');
select throws_ok(format($$select public.create_event_from_reports((select f from form), array[%L]::uuid[])$$, :'r1'),
  'P0001', 'report_already_linked', 'a report is taken up by one planned clean day at a time');

:as_system
insert into public.event_signups (event_id, name, contact, party_size, status, cancel_token_hash)
values (:'day_id', '赵六', 'z@example.com', 1, 'confirmed', repeat('7', 64)), (:'day_id', '钱七', 'q@example.com', 1, 'waitlisted', repeat('6', 64));
:as_worker
select lives_ok(format($$select public.mark_attendance((select id from public.event_signups where event_id = %L and name = '赵六'), true)$$, :'day_id'),
  'on the day the organiser marks who came');
select results_eq(format($$select name, attended from public.event_signups_for_staff(%L)$$, :'day_id'),
  $$values ('赵六', true), ('钱七', null::boolean)$$, 'and sees it in the list');
select throws_ok(format($$select public.mark_attendance((select id from public.event_signups where event_id = %L and name = '钱七'), true)$$, :'day_id'),
  'P0001', 'signup_not_confirmed', 'only confirmed sign-ups are marked');

-- Closing with results -------------------------------------------------------------------------------------------------

select throws_ok(format($$select * from public.close_event_with_results(%L, 12, 30, '很成功', 'It went well', null)$$, :'day_id'),
  '22023', 'invalid_public_note', 'resolving the linked reports needs a public note');
select throws_ok(format($$select * from public.close_event_with_results(%L, -1, 30, '很成功', 'It went well', '清洁日已清理')$$, :'day_id'),
  '22023', 'invalid_volunteers', 'volunteers are counted from zero');
select throws_ok(format($$select * from public.close_event_with_results(%L, 12, 30, '很成功', 'It went well', '已清理')$$, :'event_id'),
  'P0001', 'event_not_started', 'an event that has not happened has no results');
select results_eq(
  format($$select previous_status::text, status::text from public.close_event_with_results(%L, 12, 30, '清理了三处垃圾点', 'Three litter spots cleared', '清洁日志愿者已清理干净。Cleared by clean-day volunteers.')
           order by previous_status$$, :'day_id'),
  $$values ('assigned', 'resolved'), ('reopened', 'resolved'), ('submitted', 'resolved')$$,
  'closing resolves every open linked report, from whatever open status');
:as_anon
select results_eq(format($$select status, result_volunteers, result_bags_collected, result_summary_en from public.events_public where id = %L$$, :'day_id'),
  $$values ('completed', 12, 30, 'Three litter spots cleared')$$, 'the public sees the results');
select is((public.report_by_code(:'r1'::text) ->> 'status'), null, 'report_by_code takes tracking codes, not ids');
:as_system
select pg_temp.code_of(:'r1') as code1 \gset
:as_anon
select results_eq(format($$select r ->> 'status', (r -> 'updates' -> -1 ->> 'public_note') from public.report_by_code(%L) as r$$, :'code1'),
  $$values ('resolved', '清洁日志愿者已清理干净。Cleared by clean-day volunteers.')$$,
  'the report page shows it resolved, with the public note');
:as_system
select results_eq(format($$select array_agg(to_status::text order by created_at, id) from public.report_updates where report_id = %L and actor_role = 'worker'$$, :'r1'),
  $$values (array['accepted', 'in_progress', 'resolved'])$$, 'through the state machine, step by step, in the history');
:as_worker
select lives_ok(format($$select * from public.close_event_with_results(%L, 14, 31, '清理了三处垃圾点', 'Three litter spots cleared', null)$$, :'day_id'),
  'results can be corrected afterwards (nothing left to resolve, so no note needed)');

select * from finish();
rollback;
