-- Clean days, public reads: the list by time window, district and past/upcoming; a person's own sign-up read with
-- the cancel token (waiting-list position, never the contact); the reports linked to an event; the iCalendar
-- SEQUENCE that follows what a calendar shows.
begin;
\ir _fixtures.psql

select plan(24);

insert into public.events (id, title_zh, title_en, description_zh, description_en, starts_at, ends_at, place_zh,
  place_en, location, district_code, capacity, organiser_zh, organiser_en, status)
values
  ('e1000000-0000-4000-8000-000000000001', '东湖清洁日', 'East Lake clean day', '一起打扫', 'Clean up together',
   now() + interval '3 days', now() + interval '3 days 3 hours', '东湖公园', 'East Lake Park',
   'SRID=4326;POINT(114.11 22.59)', 'dongcheng', 2, '东城区爱卫办', 'Dongcheng health office', 'published'),
  ('e1000000-0000-4000-8000-000000000002', '西城清洁日', 'Xicheng clean day', '一起打扫', 'Clean up together',
   now() + interval '5 days', now() + interval '5 days 3 hours', '西山广场', 'West Hill Square',
   'SRID=4326;POINT(114.01 22.60)', 'xicheng', 20, '西城区爱卫办', 'Xicheng health office', 'published'),
  ('e1000000-0000-4000-8000-000000000003', '草稿', 'Draft', '未发布', 'Not published',
   now() + interval '4 days', now() + interval '4 days 2 hours', '某地', 'Somewhere',
   'SRID=4326;POINT(114.11 22.59)', 'dongcheng', 10, '主办', 'Organiser', 'draft'),
  ('e1000000-0000-4000-8000-000000000004', '上周的清洁日', 'Last week''s clean day', '完成了', 'Done',
   now() - interval '7 days', now() - interval '7 days' + interval '3 hours', '东湖公园', 'East Lake Park',
   'SRID=4326;POINT(114.11 22.59)', 'dongcheng', 10, '主办', 'Organiser', 'completed'),
  ('e1000000-0000-4000-8000-000000000005', '上月的清洁日', 'Last month''s clean day', '完成了', 'Done',
   now() - interval '30 days', now() - interval '30 days' + interval '3 hours', '东湖公园', 'East Lake Park',
   'SRID=4326;POINT(114.11 22.59)', 'dongcheng', 10, '主办', 'Organiser', 'completed'),
  ('e1000000-0000-4000-8000-000000000006', '进行中', 'Under way', '正在进行', 'Going on now',
   now() - interval '1 hour', now() + interval '2 hours', '东湖公园', 'East Lake Park',
   'SRID=4326;POINT(114.11 22.59)', 'dongcheng', 10, '主办', 'Organiser', 'published');

-- events_in_range -------------------------------------------------------------------------------------------------

:as_anon
create temp table upcoming as select * from public.events_in_range(p_past => false) where id::text like 'e1000000%';
select results_eq($$select id::text from upcoming$$,
  $$values ('e1000000-0000-4000-8000-000000000006'), ('e1000000-0000-4000-8000-000000000001'), ('e1000000-0000-4000-8000-000000000002')$$,
  'upcoming: not ended yet (an event under way included), soonest first, no drafts');
select results_eq(
  $$select id::text from public.events_in_range(p_past => true) where id::text like 'e1000000%'$$,
  $$values ('e1000000-0000-4000-8000-000000000004'), ('e1000000-0000-4000-8000-000000000005')$$,
  'past: ended events, newest first');
select results_eq(
  $$select id::text from public.events_in_range(p_past => false, p_district => 'xicheng') where id::text like 'e1000000%'$$,
  $$values ('e1000000-0000-4000-8000-000000000002')$$, 'one district');
select results_eq(
  $$select id::text from public.events_in_range(now() + interval '4 days', now() + interval '30 days') where id::text like 'e1000000%'$$,
  $$values ('e1000000-0000-4000-8000-000000000002')$$, 'a time window (a month in the page) takes the events overlapping it');
select is((select count(*)::int from public.events_in_range(p_limit => 1)), 1, 'the limit holds');
select results_eq($$select spots_left, capacity from upcoming where id = 'e1000000-0000-4000-8000-000000000001'$$,
  $$values (2, 2)$$, 'places left come with each event');

-- A person's own sign-up -------------------------------------------------------------------------------------------

set local request.headers = '{"x-forwarded-for": "192.0.2.10"}';
create temp table tokens (who text primary key, status text, token text);
insert into tokens select 'a', * from public.signup_for_event('e1000000-0000-4000-8000-000000000001', '张三', 'a@example.com', 2);
insert into tokens select 'b', * from public.signup_for_event('e1000000-0000-4000-8000-000000000001', '李四', 'b@example.com', 1);
insert into tokens select 'c', * from public.signup_for_event('e1000000-0000-4000-8000-000000000001', '王五', 'c@example.com', 1);

select results_eq(format($$select name, party_size::int, status, waitlist_position from public.event_signup_by_token(%L)$$,
    (select token from tokens where who = 'a')),
  $$values ('张三', 2, 'confirmed', null::int)$$, 'a confirmed sign-up reads its own status');
select results_eq(format($$select status, waitlist_position from public.event_signup_by_token(%L)$$, (select token from tokens where who = 'c')),
  $$values ('waitlisted', 2)$$, 'a waiting-list sign-up reads its position');
select lives_ok(format($$select public.cancel_event_signup(%L)$$, (select token from tokens where who = 'a')), 'the first person cancels');
select results_eq(format($$select status, waitlist_position from public.event_signup_by_token(%L)$$, (select token from tokens where who = 'b')),
  $$values ('confirmed', null::int)$$, 'the next one sees the promotion');
select results_eq(format($$select status from public.event_signup_by_token(%L)$$, (select token from tokens where who = 'a')),
  $$values ('cancelled')$$, 'and the one who cancelled sees that');
select throws_ok($$select * from public.event_signup_by_token(repeat('0', 64))$$, 'P0001', 'signup_not_found', 'an unknown token finds nothing');
select throws_ok($$select * from public.event_signup_by_token('x')$$, 'P0001', 'signup_not_found', 'nor does garbage');
select is_empty($$select 1 from information_schema.routines r join information_schema.parameters p using (specific_name)
                   where r.routine_name = 'event_signup_by_token' and p.parameter_name = 'contact'$$,
  'the contact is never returned');

-- Linked reports ---------------------------------------------------------------------------------------------------

:as_system
select pg_temp.new_report('accepted', 'dongcheng') as report_open \gset
select pg_temp.new_report('submitted', 'dongcheng') as report_hidden \gset
update public.reports set hidden = true, hidden_reason = 'personal_data' where id = :'report_hidden';
select pg_temp.code_of(:'report_open') as code_open \gset
insert into public.event_reports (event_id, report_id) values
  ('e1000000-0000-4000-8000-000000000001', :'report_open'),
  ('e1000000-0000-4000-8000-000000000001', :'report_hidden'),
  ('e1000000-0000-4000-8000-000000000003', :'report_open');
:as_anon
select results_eq($$select tracking_code, status::text from public.event_linked_reports('e1000000-0000-4000-8000-000000000001')$$,
  format($$values (%L, 'accepted')$$, :'code_open'), 'the public sees the visible linked reports');
select is_empty($$select * from public.event_linked_reports('e1000000-0000-4000-8000-000000000003')$$,
  'nothing of a draft event');
select throws_ok($$select * from public.event_reports$$, '42501', null, 'the public cannot read the link table');
:as_worker_b
select is_empty($$select * from public.event_reports$$, 'a worker of another district sees no links of this district');
:as_worker
select is((select count(*)::int from public.event_reports), 3, 'the district''s worker sees them');

-- iCalendar SEQUENCE ------------------------------------------------------------------------------------------------

:as_system
update public.events set capacity = 30 where id = 'e1000000-0000-4000-8000-000000000002';
select is((select ics_sequence from public.events where id = 'e1000000-0000-4000-8000-000000000002'), 0,
  'a new capacity does not change what calendars show');
update public.events set starts_at = starts_at + interval '1 hour', ends_at = ends_at + interval '1 hour'
where id = 'e1000000-0000-4000-8000-000000000002';
select is((select ics_sequence from public.events where id = 'e1000000-0000-4000-8000-000000000002'), 1,
  'a new time raises the sequence');
update public.events set location = 'SRID=4326;POINT(114.02 22.60)' where id = 'e1000000-0000-4000-8000-000000000002';
select is((select ics_sequence from public.events where id = 'e1000000-0000-4000-8000-000000000002'), 2, 'so does a new place');
update public.events set status = 'cancelled' where id = 'e1000000-0000-4000-8000-000000000002';
select is((select ics_sequence from public.events where id = 'e1000000-0000-4000-8000-000000000002'), 3, 'and cancelling');
:as_anon
select results_eq($$select status, cancel_note_zh from public.events_public where id = 'e1000000-0000-4000-8000-000000000002'$$,
  $$values ('cancelled', null::text)$$, 'the public view shows the status and the cancel note');

select * from finish();
rollback;
