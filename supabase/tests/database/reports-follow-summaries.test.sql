-- report_summaries(codes): the current public status of a device's own reports ("my reports").
begin;
\ir _fixtures.psql
select plan(8);

select pg_temp.code_of(pg_temp.new_report('submitted')) as code_a \gset
select pg_temp.code_of(pg_temp.new_report('resolved', 'xicheng')) as code_b \gset
select pg_temp.new_report('in_progress') as hidden_id \gset
select pg_temp.code_of(:'hidden_id') as code_hidden \gset
update public.reports set hidden = true, hidden_reason = 'test' where id = :'hidden_id';

:as_anon
select results_eq(
  format('select tracking_code, status::text, district_code from public.report_summaries(array[%L, %L]) order by 2',
    :'code_a', :'code_b'),
  format('values (%L, %L, %L), (%L, %L, %L)', :'code_b', 'resolved', 'xicheng', :'code_a', 'submitted', 'dongcheng'),
  'visitors get the status of each code'
);
select is(
  (select count(*)::int from public.report_summaries(array[lower(replace(:'code_a', '-', ' '))])),
  1,
  'typed forms of a code (lower case, spaces) are accepted'
);
select is(
  (select count(*)::int from public.report_summaries(array[:'code_hidden', 'QS-0000-0000', 'not a code', null])),
  0,
  'hidden, unknown and malformed codes are left out'
);
select is(
  (select count(*)::int from public.report_summaries('{}')),
  0,
  'no codes, no rows'
);
select throws_ok(
  format('select * from public.report_summaries(array_fill(%L::text, array[101]))', :'code_a'),
  '22023',
  'invalid_codes',
  'at most 100 codes at once'
);
select throws_ok(
  'select * from public.report_summaries(null)',
  '22023',
  'invalid_codes',
  'null is refused'
);
:as_system

select unalike(
  pg_get_function_result('public.report_summaries(text[])'::regprocedure),
  '%contact%',
  'no contact details in the result'
);
select is(
  has_function_privilege('anon', 'public.report_summaries(text[])', 'execute'),
  true,
  'visitors may call it'
);

select * from finish();
rollback;
