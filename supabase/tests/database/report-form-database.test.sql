-- What the report form adds to the database: submit_report with a device-generated reporter token (kept
-- across a lost response, stored only as its sha256, shape-checked, optional) and district_centres().
begin;
\ir _fixtures.psql

select plan(22);

-- The signature ------------------------------------------------------------------------------------------------

select has_function('public', 'submit_report',
  array['uuid', 'text', 'text', 'double precision', 'double precision', 'text', 'text', 'text', 'text', 'text[]', 'text'],
  'submit_report takes the reporter token as an eleventh argument');
select hasnt_function('public', 'submit_report',
  array['uuid', 'text', 'text', 'double precision', 'double precision', 'text', 'text', 'text', 'text', 'text[]'],
  'the ten-argument version is gone, so calls cannot be ambiguous');
select is(
  (select p.proargnames[11] from pg_catalog.pg_proc p
   where p.oid = 'public.submit_report(uuid, text, text, double precision, double precision, text, text, text, text, text[], text)'::regprocedure),
  'p_reporter_token', 'the new argument is named p_reporter_token');
select ok(
  has_function_privilege('anon', 'public.submit_report(uuid, text, text, double precision, double precision, text, text, text, text, text[], text)', 'execute')
  and has_function_privilege('authenticated', 'public.submit_report(uuid, text, text, double precision, double precision, text, text, text, text, text[], text)', 'execute'),
  'visitors and signed-in users may still call submit_report');

-- A token made by the device -----------------------------------------------------------------------------------

\set key_a '50000000-0000-4000-8000-00000000000a'
\set token_a 'dGhpcy1pcy1hLXRlc3QtdG9rZW4tb2YtMzItYnl0ZXM'

:as_anon
set local request.headers = '{"x-forwarded-for": "203.0.113.50"}';
create temp table answer_a as
select * from public.submit_report(:'key_a', 'overflowing_bin', '路口的分类垃圾桶已经满出来了', 114.11, 22.59, null,
  p_reporter_token => :'token_a');

select results_eq($$select reporter_token, created from answer_a$$, format($$values (%L, true)$$, :'token_a'),
  'the first call returns the device''s own token');
:as_system
select is((select reporter_token_hash from public.reports where idempotency_key = :'key_a'), private.sha256_hex(:'token_a'),
  'only its sha256 is stored');
select is((select count(*)::int from public.reports where reporter_token_hash = :'token_a'), 0,
  'the token itself is stored nowhere in the report');

:as_anon
set local request.headers = '{"x-forwarded-for": "203.0.113.50"}';
select results_eq(
  format($$select tracking_code, reporter_token, created from public.submit_report(%L, 'overflowing_bin', '路口的分类垃圾桶已经满出来了', 114.11, 22.59, null, p_reporter_token => %L)$$,
         :'key_a', :'token_a'),
  $$select tracking_code, reporter_token, false from answer_a$$,
  'a retry with the same key and token (the first answer was lost) gets the same code and the token back');
select results_eq(
  format($$select tracking_code, reporter_token, created from public.submit_report(%L, 'overflowing_bin', '路口的分类垃圾桶已经满出来了', 114.11, 22.59, null)$$, :'key_a'),
  $$select tracking_code, null::text, false from answer_a$$,
  'a retry without the token gets no token');
select results_eq(
  format($$select tracking_code, reporter_token, created from public.submit_report(%L, 'overflowing_bin', '路口的分类垃圾桶已经满出来了', 114.11, 22.59, null, p_reporter_token => %L)$$,
         :'key_a', 'another-device-guessing-the-key-123456'),
  $$select tracking_code, null::text, false from answer_a$$,
  'a retry with another token learns nothing about the real one');
:as_system
select is((select count(*)::int from public.reports where idempotency_key = :'key_a'), 1, 'the retries stored nothing new');

-- The device's token works where the server's did: rating and reopening need it.
select lives_ok(
  format($$select public.change_report_status((select id from public.reports where idempotency_key = %1$L), 'accepted');
           select public.change_report_status((select id from public.reports where idempotency_key = %1$L), 'in_progress');
           select public.change_report_status((select id from public.reports where idempotency_key = %1$L), 'resolved')$$, :'key_a'),
  'the report is driven to resolved by a trusted session');
:as_anon
select throws_ok(format($$select public.rate_report(%L, 'not-the-token-at-all-0000000', 5)$$, (select tracking_code from answer_a)),
  'P0001', 'invalid_reporter_token', 'a wrong token cannot rate it');
select lives_ok(format($$select public.rate_report(%L, %L, 5)$$, (select tracking_code from answer_a), :'token_a'),
  'the device''s token rates it');

-- Shapes that are refused, and the old way ------------------------------------------------------------------------

set local request.headers = '{"x-forwarded-for": "203.0.113.51"}';
select throws_ok($$select * from public.submit_report(gen_random_uuid(), 'garbage_pile', '路边有一大堆垃圾没人清理', 114.1, 22.6, null,
                   p_reporter_token => 'tooShort-only21-chars')$$,
  '22023', 'invalid_reporter_token', 'a token shorter than 128 bits of base64url is refused');
select throws_ok($$select * from public.submit_report(gen_random_uuid(), 'garbage_pile', '路边有一大堆垃圾没人清理', 114.1, 22.6, null,
                   p_reporter_token => 'has spaces and = padding ==========')$$,
  '22023', 'invalid_reporter_token', 'a token with characters outside base64url is refused');
select throws_ok(format($$select * from public.submit_report(gen_random_uuid(), 'garbage_pile', '路边有一大堆垃圾没人清理', 114.1, 22.6, null,
                   p_reporter_token => %L)$$, repeat('a', 129)),
  '22023', 'invalid_reporter_token', 'a token longer than 128 characters is refused');
select matches(
  (select reporter_token from public.submit_report(gen_random_uuid(), 'garbage_pile', '路边有一大堆垃圾没人清理', 114.1, 22.6, null)),
  '^[0-9a-f]{64}$', 'without a token the server still makes a 256-bit one');

-- district_centres ---------------------------------------------------------------------------------------------

select results_eq(
  $$select code, name_zh, name_en, round(lng::numeric, 4), round(lat::numeric, 4) from public.district_centres()$$,
  $$values ('dongcheng', '东城区', 'Dongcheng District', 114.1100, 22.5900),
           ('xicheng', '西城区', 'Xicheng District', 114.0100, 22.6000),
           ('nanhu', '南湖区', 'Nanhu District', 114.0600, 22.5300),
           ('beishan', '北山区', 'Beishan District', 114.0700, 22.6700),
           ('gaoxin', '高新区', 'Gaoxin (High-tech Zone)', 113.9400, 22.5500)$$,
  'visitors get every district with its centre as lng/lat, in display order');
select lives_ok($$select count(*) from public.district_centres() c, lateral public.nearby_open_reports(c.lng, c.lat, null) n$$,
  'every centre is a valid point for the report API (inside the service area)');
:as_citizen
select is((select count(*)::int from public.district_centres()), 5, 'signed-in users get them too');
:as_system
select is(
  (select p.prosecdef from pg_catalog.pg_proc p where p.oid = 'public.district_centres()'::regprocedure), false,
  'district_centres runs as the caller (the districts table is public), not as its owner');

select * from finish();
rollback;
