-- The report change broadcast (migration 20261130160100) where Realtime exists. The local stack has no
-- Realtime, so this test stands in a realtime.send that records its calls, runs the migration again inside
-- the transaction, and checks what would be broadcast. Everything is rolled back.
begin;
\ir _fixtures.psql
select plan(6);

select pg_temp.new_report('submitted') as report_id \gset
select pg_temp.code_of(:'report_id') as report_code \gset
select pg_temp.new_report('submitted') as hidden_id \gset
update public.reports set hidden = true, hidden_reason = 'test' where id = :'hidden_id';

create schema realtime;
create table realtime.sent (payload jsonb, event text, topic text, private boolean);
create function realtime.send(payload jsonb, event text, topic text, private boolean default true)
returns void language sql as $$ insert into realtime.sent values (payload, event, topic, private) $$;

select is(to_regprocedure('private.broadcast_report_change()'), null, 'not installed without Realtime');
\ir ../../migrations/20261130160100_add_report_change_broadcast.sql
select isnt(to_regprocedure('private.broadcast_report_change()'), null, 'installed where Realtime exists');

select public.change_report_status(:'report_id', 'accepted', p_public_note => '已受理');
select results_eq(
  'select event, topic, private, payload from realtime.sent',
  format($$values ('changed', 'report:' || %L, false, jsonb_build_object('tracking_code', %L, 'status', 'accepted'))$$,
    :'report_code', :'report_code'),
  'a status change is broadcast on the report''s public topic, with the code and status only'
);

delete from realtime.sent;
:as_anon
select public.confirm_report(:'report_code', 'device-for-broadcast-test');
:as_system
select is((select count(*)::int from realtime.sent), 1, 'a "me too" is broadcast too (the count changed)');

delete from realtime.sent;
update public.reports set description = '只改了描述，状态没有变化。' where id = :'report_id';
select is((select count(*)::int from realtime.sent), 0, 'other edits are not broadcast');

update public.reports set status = 'accepted' where id = :'hidden_id';
select is((select count(*)::int from realtime.sent), 0, 'hidden reports are never broadcast');

select * from finish();
rollback;
