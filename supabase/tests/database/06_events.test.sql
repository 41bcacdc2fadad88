-- Clean-day sign-ups: capacity counted in people (party sizes), the waiting list, promotion when places free up
-- (oldest first, each party that fits), one active sign-up per contact, cancel tokens, staff changes, the
-- events that cannot be joined, validation and the rate limit.
begin;
\ir _fixtures.psql

select plan(45);

insert into public.events (id, title_zh, title_en, description_zh, description_en, starts_at, ends_at, place_zh,
  place_en, location, district_code, capacity, organiser_zh, organiser_en, status)
values
  ('e0000000-0000-4000-8000-000000000001', '东湖公园清洁日', 'East Lake Park clean day', '一起捡拾湖边垃圾', 'Pick up litter by the lake',
   now() + interval '7 days', now() + interval '7 days 3 hours', '东湖公园南门', 'East Lake Park, south gate',
   'SRID=4326;POINT(114.11 22.59)', 'dongcheng', 5, '东城区爱卫办', 'Dongcheng health office', 'published'),
  ('e0000000-0000-4000-8000-000000000002', '草稿活动', 'Draft event', '未发布', 'Not published',
   now() + interval '9 days', now() + interval '9 days 2 hours', '某地', 'Somewhere',
   'SRID=4326;POINT(114.11 22.59)', 'dongcheng', 10, '主办', 'Organiser', 'draft'),
  ('e0000000-0000-4000-8000-000000000003', '取消的活动', 'Cancelled event', '因天气取消', 'Cancelled for rain',
   now() + interval '9 days', now() + interval '9 days 2 hours', '某地', 'Somewhere',
   'SRID=4326;POINT(114.11 22.59)', 'dongcheng', 10, '主办', 'Organiser', 'cancelled'),
  ('e0000000-0000-4000-8000-000000000004', '已开始的活动', 'Event under way', '已经开始', 'Already started',
   now() - interval '1 hour', now() + interval '2 hours', '某地', 'Somewhere',
   'SRID=4326;POINT(114.11 22.59)', 'dongcheng', 10, '主办', 'Organiser', 'published'),
  ('e0000000-0000-4000-8000-000000000005', '大型活动', 'Big event', '人很多', 'Many people',
   now() + interval '10 days', now() + interval '10 days 4 hours', '体育场', 'Stadium',
   'SRID=4326;POINT(114.01 22.60)', 'xicheng', 1000, '主办', 'Organiser', 'published');
\set event_id 'e0000000-0000-4000-8000-000000000001'

-- Filling up and the waiting list ------------------------------------------------------------------------------------

:as_anon
set local request.headers = '{"x-forwarded-for": "192.0.2.80"}';
create temp table tokens (who text primary key, status text, token text);
insert into tokens select 'a', * from public.signup_for_event(:'event_id', '张三', 'ZhangSan@Example.com', 2);
insert into tokens select 'b', * from public.signup_for_event(:'event_id', '李四', '139 0013 9001', 3);
insert into tokens select 'c', * from public.signup_for_event(:'event_id', '王五家', '13900139002', 4);
insert into tokens select 'd', * from public.signup_for_event(:'event_id', '赵六', 'zhao6@example.com', 1);

select results_eq($$select who, status from tokens order by who$$,
  $$values ('a', 'confirmed'), ('b', 'confirmed'), ('c', 'waitlisted'), ('d', 'waitlisted')$$,
  'parties are confirmed while they fit, then waitlisted');
select is_empty($$select 1 from tokens where token !~ '^[0-9a-f]{64}$'$$, 'each sign-up gets a 256-bit cancel token');
select results_eq(format($$select capacity, spots_taken, spots_left, waitlist_count from public.events_public where id = %L$$, :'event_id'),
  $$values (5, 5, 0, 2)$$, 'the public view counts people, places left and the waiting list');
select throws_ok(format($$select * from public.signup_for_event(%L, '张三', '  zhangsan@EXAMPLE.com ', 1)$$, :'event_id'),
  'P0001', 'already_signed_up', 'one active sign-up per contact (case and spaces do not matter)');
select throws_ok(format($$select * from public.signup_for_event(%L, '李四', '13900139001', 1)$$, :'event_id'),
  'P0001', 'already_signed_up', 'a phone number written differently is the same contact');
select throws_ok($$select * from public.event_signups$$, '42501', null, 'the public cannot read sign-ups and contacts');

-- Cancelling and promotion --------------------------------------------------------------------------------------------

select lives_ok(format($$select public.cancel_event_signup(%L)$$, (select token from tokens where who = 'b')),
  'b cancels three places');
:as_system
select results_eq(format($$select name, status from public.event_signups where event_id = %L order by created_at, id$$, :'event_id'),
  $$values ('张三', 'confirmed'), ('李四', 'cancelled'), ('王五家', 'waitlisted'), ('赵六', 'confirmed')$$,
  'the party of four does not fit in three places; the party of one behind it is promoted');
:as_anon
select lives_ok(format($$select public.cancel_event_signup(%L)$$, (select token from tokens where who = 'a')), 'a cancels two places');
:as_system
select results_eq(format($$select name, status from public.event_signups where event_id = %L order by created_at, id$$, :'event_id'),
  $$values ('张三', 'cancelled'), ('李四', 'cancelled'), ('王五家', 'confirmed'), ('赵六', 'confirmed')$$,
  'now the party of four fits and is promoted');
select results_eq(format($$select spots_taken, waitlist_count from public.events where id = %L$$, :'event_id'),
  $$values (5, 0)$$, 'the counts follow');
:as_anon
select throws_ok(format($$select public.cancel_event_signup(%L)$$, (select token from tokens where who = 'a')),
  'P0001', 'already_cancelled', 'a sign-up is cancelled once');
select throws_ok($$select public.cancel_event_signup(repeat('0', 64))$$, 'P0001', 'signup_not_found', 'an unknown token is refused');
select throws_ok($$select public.cancel_event_signup('not a token')$$, 'P0001', 'signup_not_found', 'garbage is refused');

select is((select status from public.signup_for_event(:'event_id', '张三', 'zhangsan@example.com', 2)), 'waitlisted',
  'after cancelling, the same contact may sign up again (on the waiting list, the event is full)');

-- Staff -------------------------------------------------------------------------------------------------------------

:as_staff
select throws_ok(format($$update public.event_signups set status = 'confirmed' where event_id = %L and name = '张三' and status = 'waitlisted'$$, :'event_id'),
  'P0001', 'event_full', 'staff cannot confirm a party beyond capacity');
select throws_ok(format($$update public.event_signups set status = 'confirmed' where event_id = %L and name = '李四'$$, :'event_id'),
  'P0001', 'signup_cancelled', 'a cancelled sign-up does not come back');
select lives_ok(format($$update public.events set capacity = 7 where id = %L$$, :'event_id'), 'staff raise the capacity to 7');
select results_eq(format($$select status from public.event_signups where event_id = %L and name = '张三' and status <> 'cancelled'$$, :'event_id'),
  $$values ('confirmed')$$, 'raising the capacity promotes from the waiting list');
select lives_ok(format($$update public.event_signups set status = 'cancelled' where event_id = %L and name = '赵六'$$, :'event_id'),
  'staff cancel a sign-up');
select results_eq(format($$select spots_taken, waitlist_count from public.events where id = %L$$, :'event_id'),
  $$values (6, 0)$$, 'the counts follow staff changes');
:as_worker_b
select is_empty(format($$update public.event_signups set status = 'cancelled' where event_id = %L returning 1$$, :'event_id'),
  'a worker of another district cannot touch these sign-ups');
:as_worker
select throws_ok(format($$select contact from public.event_signups where event_id = %L$$, :'event_id'), '42501', null,
  'the district''s worker reads contacts only through the audited event_signups_for_staff()');
:as_system
select is((select contact from public.event_signups where event_id = :'event_id' and name = '李四'), '13900139001',
  'contacts are stored normalised');
select is((select count(*)::int from public.event_signups s join tokens t on s.cancel_token_hash = private.sha256_hex(t.token)), 4,
  'each cancel token is stored as its sha256');
select is_empty($$select 1 from public.event_signups where cancel_token_hash in (select token from tokens)$$,
  'and never as itself');

-- Events that cannot be joined ----------------------------------------------------------------------------------------

:as_anon
set local request.headers = '{"x-forwarded-for": "192.0.2.81"}';
select throws_ok($$select * from public.signup_for_event('e0000000-0000-4000-8000-000000000002', '某人', 'a@example.com')$$,
  'P0001', 'event_not_found', 'a draft event cannot be found');
select throws_ok($$select * from public.signup_for_event('e0000000-0000-4000-8000-000000000009', '某人', 'a@example.com')$$,
  'P0001', 'event_not_found', 'an unknown event cannot be found');
select throws_ok($$select * from public.signup_for_event('e0000000-0000-4000-8000-000000000003', '某人', 'a@example.com')$$,
  'P0001', 'event_not_open', 'a cancelled event cannot be joined');
select throws_ok($$select * from public.signup_for_event('e0000000-0000-4000-8000-000000000004', '某人', 'a@example.com')$$,
  'P0001', 'event_not_open', 'an event that has started cannot be joined');
select is_empty($$select 1 from public.events_public where id = 'e0000000-0000-4000-8000-000000000002'$$,
  'drafts are not in the public view');
select is_empty($$select 1 from public.events where id = 'e0000000-0000-4000-8000-000000000002'$$,
  'drafts are not readable by the public at all');

-- Validation ----------------------------------------------------------------------------------------------------------

select throws_ok($$select * from public.signup_for_event('e0000000-0000-4000-8000-000000000005', '   ', 'a@example.com')$$,
  '22023', 'invalid_name', 'a name is needed');
select throws_ok($$select * from public.signup_for_event('e0000000-0000-4000-8000-000000000005', repeat('名', 51), 'a@example.com')$$,
  '22023', 'invalid_name', 'names are at most 50 characters');
select throws_ok($$select * from public.signup_for_event('e0000000-0000-4000-8000-000000000005', '某人', 'call me')$$,
  '22023', 'invalid_contact', 'a contact is a phone number or an email');
select throws_ok($$select * from public.signup_for_event('e0000000-0000-4000-8000-000000000005', '某人', 'a@example.com', 0)$$,
  '22023', 'invalid_party_size', 'at least one person');
select throws_ok($$select * from public.signup_for_event('e0000000-0000-4000-8000-000000000005', '某人', 'a@example.com', 11)$$,
  '22023', 'invalid_party_size', 'at most ten people');

-- Rate limit ------------------------------------------------------------------------------------------------------------

set local request.headers = '{"x-forwarded-for": "192.0.2.99"}';
select is((select count(*)::int from generate_series(1, 20) as i,
             lateral public.signup_for_event('e0000000-0000-4000-8000-000000000005', '志愿者' || i, 'volunteer' || i || '@example.com')),
  20, 'twenty sign-ups within an hour from one address are accepted');
select throws_ok($$select * from public.signup_for_event('e0000000-0000-4000-8000-000000000005', '志愿者', 'volunteer21@example.com')$$,
  'P0001', 'rate_limited', 'the 21st is refused');

-- Capacity is also enforced for direct writes ---------------------------------------------------------------------------

:as_service
select throws_ok($$insert into public.event_signups (event_id, name, contact, party_size, status, cancel_token_hash)
                   values ('e0000000-0000-4000-8000-000000000001', '插队', 'queue@example.com', 2, 'confirmed', repeat('9', 64))$$,
  'P0001', 'event_full', 'even the service role cannot overfill an event');
select lives_ok($$insert into public.event_signups (event_id, name, contact, party_size, status, cancel_token_hash)
                  values ('e0000000-0000-4000-8000-000000000001', '补位', 'fill@example.com', 1, 'confirmed', repeat('8', 64))$$,
  'a party that fits may be confirmed directly');
select throws_ok($$update public.events set capacity = 0 where id = 'e0000000-0000-4000-8000-000000000001'$$,
  '23514', null, 'capacity is at least one');

-- The audit log saw the staff changes --------------------------------------------------------------------------------

:as_system
select isnt_empty(format($$select 1 from public.audit_log where table_name = 'events' and record_id = %L and actor_role = 'staff'
                           and changes ? 'capacity'$$, :'event_id'),
  'raising the capacity is in the audit log');
select is_empty($$select 1 from public.audit_log where table_name = 'event_signups' and (changes ? 'contact' or changes ? 'cancel_token_hash')$$,
  'the audit log keeps no contacts or token hashes');
select is_empty(format($$select 1 from public.audit_log where table_name = 'events' and record_id = %L
                         and (changes - 'updated_at') ?| array['spots_taken', 'waitlist_count'] and action = 'update'$$, :'event_id'),
  'count updates are not audited');

select * from finish();
rollback;
