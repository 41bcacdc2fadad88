-- report_stats(): the public aggregates of the stats page. Every existing report is hidden first (rolled back
-- at the end), then reports with known times are created, so each figure can be checked exactly.
begin;
\ir _fixtures.psql
select plan(14);

update public.reports set hidden = true, hidden_reason = 'test: out of the way' where not hidden;

-- A report created at p_created, due at p_due, driven along a normal path to p_status; the last step happens
-- at p_last_step (so resolved_at = p_last_step for resolved and closed reports).
create function pg_temp.stats_report(
  p_status public.report_status,
  p_created timestamptz,
  p_due timestamptz,
  p_last_step timestamptz default null,
  p_district text default 'dongcheng',
  p_category text default 'garbage_pile'
) returns uuid language plpgsql as $$
declare
  v_id uuid;
  v_step public.report_status;
  v_path public.report_status[] := case p_status
    when 'submitted' then '{}'
    when 'in_progress' then '{accepted,in_progress}'
    when 'resolved' then '{accepted,in_progress,resolved}'
    when 'closed' then '{accepted,in_progress,resolved,closed}'
    when 'reopened' then '{accepted,in_progress,resolved,reopened}'
    when 'rejected' then '{rejected}'
  end::public.report_status[];
begin
  insert into public.reports (category_code, description, location, district_code, idempotency_key, created_at)
  values (p_category, '统计测试用的问题描述。', 'SRID=4326;POINT(114.11 22.59)', p_district, gen_random_uuid(), p_created)
  returning id into v_id;
  foreach v_step in array v_path loop
    perform set_config('qs.at', coalesce(p_last_step, p_created)::text, true);
    update public.reports
    set status = v_step,
        reject_reason = case when v_step = 'rejected' then '不属于受理范围' else reject_reason end
    where id = v_id;
  end loop;
  perform set_config('qs.at', '', true);
  -- The deadline is set last: reopening recomputes it.
  update public.reports set due_at = p_due where id = v_id;
  return v_id;
end;
$$;

-- Monday 00:00 of the current week in Shanghai, as a timestamptz.
select (date_trunc('week', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai') as monday \gset

-- Resolved on time after 1 h and 2 h, closed late after 10 h (all this week, 1 h after Monday 00:00).
select pg_temp.stats_report('resolved', :'monday'::timestamptz + interval '1 hour', now() + interval '1 day',
  :'monday'::timestamptz + interval '2 hours', 'xicheng', 'pests');
select pg_temp.stats_report('resolved', :'monday'::timestamptz - interval '7 days', :'monday'::timestamptz,
  :'monday'::timestamptz - interval '7 days' + interval '2 hours', 'xicheng', 'garbage_pile');
select pg_temp.stats_report('closed', :'monday'::timestamptz - interval '14 days',
  :'monday'::timestamptz - interval '14 days' + interval '5 hours',
  :'monday'::timestamptz - interval '14 days' + interval '10 hours', 'nanhu', 'garbage_pile');
-- Open and past due; open and not yet due; reopened and past due; rejected and past due (not counted).
select pg_temp.stats_report('submitted', :'monday'::timestamptz - interval '21 days', now() - interval '1 day');
select pg_temp.stats_report('in_progress', :'monday'::timestamptz + interval '3 hours', now() + interval '2 days');
select pg_temp.stats_report('reopened', :'monday'::timestamptz - interval '84 days', now() - interval '1 hour');
select pg_temp.stats_report('rejected', :'monday'::timestamptz + interval '4 hours', now() - interval '1 day');
-- Hidden: counted nowhere.
select pg_temp.stats_report('resolved', :'monday'::timestamptz + interval '5 hours', now() + interval '1 day',
  :'monday'::timestamptz + interval '6 hours', 'gaoxin', 'other') as hidden_id \gset
update public.reports set hidden = true, hidden_reason = 'test' where id = :'hidden_id';

:as_anon
select public.report_stats() as stats \gset
:as_system

select is((:'stats'::json ->> 'total')::int, 7, 'total counts visible reports only');

select is(
  (select json_object_agg(e ->> 'status', (e ->> 'count')::int)::jsonb from json_array_elements(:'stats'::json -> 'by_status') e),
  '{"submitted":1,"accepted":0,"assigned":0,"in_progress":1,"resolved":2,"closed":1,"rejected":1,"duplicate":0,"referred":0,"reopened":1}'::jsonb,
  'counts by status, every status listed'
);
select is(
  (select array_agg(e ->> 'status') from json_array_elements(:'stats'::json -> 'by_status') e),
  enum_range(null::public.report_status)::text[],
  'statuses come in the order of the state machine'
);
select is(
  (select json_object_agg(e ->> 'code', (e ->> 'count')::int)::jsonb from json_array_elements(:'stats'::json -> 'by_category') e),
  (select jsonb_object_agg(c.code, case c.code when 'pests' then 1 when 'garbage_pile' then 6 else 0 end)
   from public.categories c),
  'counts by category, every category listed'
);
select is(
  (select json_object_agg(e ->> 'code', (e ->> 'count')::int)::jsonb from json_array_elements(:'stats'::json -> 'by_district') e),
  '{"dongcheng":4,"xicheng":2,"nanhu":1,"beishan":0,"gaoxin":0}'::jsonb,
  'counts by district, every district listed'
);
select ok(
  (select bool_and(e ? 'name_zh' and e ? 'name_en') from jsonb_array_elements(:'stats'::jsonb -> 'by_category') e),
  'categories come with their names in both languages'
);
select is(
  (:'stats'::json -> 'on_time')::jsonb - 'rate',
  '{"resolved_on_time":2,"resolved_late":1,"open_overdue":2}'::jsonb,
  'on time: resolved by the due time, resolved late, open and past due (rejected left out)'
);
select is((:'stats'::json -> 'on_time' ->> 'rate')::numeric, 0.4, 'on-time rate is on time / (on time + late + open overdue)');
select is(
  (:'stats'::json -> 'resolution')::jsonb,
  '{"resolved_count":3,"median_seconds":7200}'::jsonb,
  'median time to resolve over resolved and closed reports'
);
select is(json_array_length(:'stats'::json -> 'weekly'), 12, 'twelve weeks');
select is(
  (:'stats'::json -> 'weekly' -> 11 ->> 'week_start')::date,
  (date_trunc('week', now() at time zone 'Asia/Shanghai'))::date,
  'the last week is the current one, starting on Monday in Shanghai'
);
select is(
  (select array_agg(array[(e ->> 'submitted')::int, (e ->> 'resolved')::int]) from json_array_elements(:'stats'::json -> 'weekly') e),
  array[[0,0],[0,0],[0,0],[0,0],[0,0],[0,0],[0,0],[0,0],[1,0],[1,1],[1,1],[3,1]],
  'weekly reports submitted and resolved (the 84-day-old report is outside the 12 weeks)'
);

-- With nothing to count the figures are zero or null, never an error.
update public.reports set hidden = true, hidden_reason = 'test: empty' where not hidden;
:as_anon
select is(
  public.report_stats()::jsonb -> 'on_time' ->> 'rate',
  null,
  'no rate without any report to judge'
);
:as_system
select is(
  has_function_privilege('anon', 'public.report_stats()', 'execute'),
  true,
  'visitors may read the statistics'
);

select * from finish();
rollback;
