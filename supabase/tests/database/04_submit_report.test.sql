-- submit_report as the public calls it: what it stores, idempotency on the key, every validation error,
-- photos, and the rate limit by a keyed hash of the client IP from the X-Forwarded-For request header.
begin;
\ir _fixtures.psql

select plan(47);

\set key_1 '10000000-0000-4000-8000-000000000001'
\set photo_1 'pending/10000000-0000-4000-8000-000000000001/20000000-0000-4000-8000-000000000001.jpg'
\set photo_2 'pending/10000000-0000-4000-8000-000000000001/20000000-0000-4000-8000-000000000002.webp'
insert into storage.objects (bucket_id, name) values ('report-photos', :'photo_1'), ('report-photos', :'photo_2');

-- A report as anon --------------------------------------------------------------------------------------------

:as_anon
set local request.headers = '{"x-forwarded-for": "203.0.113.10, 10.0.0.1"}';

create temp table first_answer as
select * from public.submit_report(
  :'key_1', 'overflowing_bin', '  地铁站B出口的分类垃圾桶已经满出来了，旁边堆了很多袋子。  ', 114.112, 22.591,
  '东城区青山大道地铁站B出口', null, '138-0013 8000', null, array[:'photo_1', :'photo_2']
);

select ok((select created from first_answer), 'the first call creates the report');
select matches((select tracking_code from first_answer), '^QS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$',
  'the tracking code has the QS-XXXX-XXXX form in Crockford base32');
select matches((select reporter_token from first_answer), '^[0-9a-f]{64}$', 'a 256-bit reporter token is returned once');

select results_eq(
  format($$select tracking_code, reporter_token, created from public.submit_report(%L, 'garbage_pile', '完全不同的内容也没关系', 114.0, 22.6, null)$$, :'key_1'),
  $$select tracking_code, null::text, false from first_answer$$,
  'the same key again returns the same tracking code, created = false and no token'
);

:as_system
select is((select count(*)::int from public.reports where idempotency_key = :'key_1'), 1, 'the retry stored nothing new');
select results_eq(
  format($$select category_code, description, address, district_code, status::text, contact_phone, contact_email, is_anonymous
           from public.reports where idempotency_key = %L$$, :'key_1'),
  $$values ('overflowing_bin', '地铁站B出口的分类垃圾桶已经满出来了，旁边堆了很多袋子。', '东城区青山大道地铁站B出口',
            'dongcheng', 'submitted', '13800138000', null::text, false)$$,
  'the report is stored trimmed, with a normalised phone and the district of the nearest centre'
);
select is((select reporter_token_hash from public.reports where idempotency_key = :'key_1'),
  private.sha256_hex((select reporter_token from first_answer)), 'only the sha256 of the reporter token is stored');
select is((select due_at from public.reports where idempotency_key = :'key_1'),
  public.add_working_days((select created_at from public.reports where idempotency_key = :'key_1'), 1),
  'due_at is the category''s working days after submission');
select results_eq(
  format($$select storage_path, kind, sort_order::int from public.report_photos p join public.reports r on r.id = p.report_id
           where r.idempotency_key = %L order by sort_order$$, :'key_1'),
  format($$values (%L, 'before', 0), (%L, 'before', 1)$$, :'photo_1', :'photo_2'),
  'the photos are attached as before-photos in the given order'
);
select results_eq(
  format($$select from_status::text, to_status::text, actor_role from public.report_updates u join public.reports r on r.id = u.report_id
           where r.idempotency_key = %L$$, :'key_1'),
  $$values (null::text, 'submitted', 'public')$$,
  'the submission is the first history row, by the public'
);

-- Validation ------------------------------------------------------------------------------------------------

:as_anon
set local request.headers = '{"x-forwarded-for": "203.0.113.11"}';
select throws_ok($$select * from public.submit_report(null, 'garbage_pile', '路边有一大堆垃圾没人清理', 114.1, 22.6, null)$$,
  '22023', 'invalid_idempotency_key', 'a key is required');
select throws_ok($$select * from public.submit_report(gen_random_uuid(), 'space_junk', '路边有一大堆垃圾没人清理', 114.1, 22.6, null)$$,
  '22023', 'invalid_category', 'an unknown category is refused');
select throws_ok($$select * from public.submit_report(gen_random_uuid(), null, '路边有一大堆垃圾没人清理', 114.1, 22.6, null)$$,
  '22023', 'invalid_category', 'a category is required');
select throws_ok($$select * from public.submit_report(gen_random_uuid(), 'garbage_pile', '太短了', 114.1, 22.6, null)$$,
  '22023', 'invalid_description_length', 'a description under 10 characters is refused');
select throws_ok($$select * from public.submit_report(gen_random_uuid(), 'garbage_pile', '   短        ', 114.1, 22.6, null)$$,
  '22023', 'invalid_description_length', 'spaces do not count towards the length');
select throws_ok($$select * from public.submit_report(gen_random_uuid(), 'garbage_pile', repeat('脏', 2001), 114.1, 22.6, null)$$,
  '22023', 'invalid_description_length', 'a description over 2000 characters is refused');
select lives_ok($$select * from public.submit_report(gen_random_uuid(), 'garbage_pile', repeat('脏', 2000), 114.1, 22.6, null)$$,
  '2000 characters are fine');
select throws_ok($$select * from public.submit_report(gen_random_uuid(), 'garbage_pile', '路边有一大堆垃圾没人清理', null, 22.6, null)$$,
  '22023', 'invalid_location', 'a location is required');
select throws_ok($$select * from public.submit_report(gen_random_uuid(), 'garbage_pile', '路边有一大堆垃圾没人清理', 116.4, 39.9, null)$$,
  '22023', 'invalid_location', 'a point outside the city is refused');
select throws_ok($$select * from public.submit_report(gen_random_uuid(), 'garbage_pile', '路边有一大堆垃圾没人清理', 'NaN', 22.6, null)$$,
  '22023', 'invalid_location', 'NaN is not a coordinate');
select throws_ok($$select * from public.submit_report(gen_random_uuid(), 'garbage_pile', '路边有一大堆垃圾没人清理', 114.1, 22.6, repeat('路', 201))$$,
  '22023', 'invalid_address', 'an address over 200 characters is refused');
select throws_ok($$select * from public.submit_report(gen_random_uuid(), 'garbage_pile', '路边有一大堆垃圾没人清理', 114.1, 22.6, null, 'atlantis')$$,
  '22023', 'invalid_district', 'an unknown district is refused');
select throws_ok($$select * from public.submit_report(gen_random_uuid(), 'garbage_pile', '路边有一大堆垃圾没人清理', 114.1, 22.6, null, null, '12345')$$,
  '22023', 'invalid_contact', 'a phone number must look like one');
select throws_ok($$select * from public.submit_report(gen_random_uuid(), 'garbage_pile', '路边有一大堆垃圾没人清理', 114.1, 22.6, null, null, null, 'not-an-email')$$,
  '22023', 'invalid_contact', 'an email must look like one');
select throws_ok($$select * from public.submit_report(gen_random_uuid(), 'garbage_pile', '路边有一大堆垃圾没人清理', 114.1, 22.6, null, null, null, null,
                   array['pending/a/1.jpg', 'pending/a/2.jpg', 'pending/a/3.jpg', 'pending/a/4.jpg'])$$,
  '22023', 'invalid_photos', 'at most 3 photos');
select throws_ok(format($$select * from public.submit_report(gen_random_uuid(), 'garbage_pile', '路边有一大堆垃圾没人清理', 114.1, 22.6, null, null, null, null,
                   array[%L])$$, :'photo_1'),
  '22023', 'invalid_photos', 'photos must be in the folder of this report''s key');
select throws_ok($$select * from public.submit_report('30000000-0000-4000-8000-000000000001', 'garbage_pile', '路边有一大堆垃圾没人清理', 114.1, 22.6, null, null, null, null,
                   array['pending/30000000-0000-4000-8000-000000000001/20000000-0000-4000-8000-000000000009.jpg'])$$,
  '22023', 'invalid_photos', 'photos must have been uploaded');
select throws_ok($$select * from public.submit_report('30000000-0000-4000-8000-000000000001', 'garbage_pile', '路边有一大堆垃圾没人清理', 114.1, 22.6, null, null, null, null,
                   array['pending/30000000-0000-4000-8000-000000000001/photo.gif'])$$,
  '22023', 'invalid_photos', 'photo names are <uuid>.<jpg|png|webp>');

:as_system
update public.categories set active = false where code = 'other';
:as_anon
set local request.headers = '{"x-forwarded-for": "203.0.113.11"}';
select throws_ok($$select * from public.submit_report(gen_random_uuid(), 'other', '路边有一大堆垃圾没人清理', 114.1, 22.6, null)$$,
  '22023', 'invalid_category', 'an inactive category cannot be chosen');

-- Contacts and districts ----------------------------------------------------------------------------------------

select lives_ok($$select * from public.submit_report('40000000-0000-4000-8000-000000000001', 'pests', '公园湖边草丛里经常看到老鼠', 114.01, 22.60, null,
                  null, null, '  Resident@Example.COM ')$$, 'an email contact is accepted');
select lives_ok($$select * from public.submit_report('40000000-0000-4000-8000-000000000002', 'pests', '公园湖边草丛里经常看到老鼠', 114.11, 22.59, null,
                  'gaoxin', '+86 139 0013 9000')$$, 'a district given by the reporter is kept');
select lives_ok($$select * from public.submit_report('40000000-0000-4000-8000-000000000003', 'pests', '公园湖边草丛里经常看到老鼠', 114.11, 22.59, '  ',
                  null, ' ', '')$$, 'blank contact fields and address count as none');
:as_system
select results_eq(
  $$select idempotency_key::text, district_code, contact_phone, contact_email, address, is_anonymous from public.reports
    where idempotency_key::text like '40000000-%' order by idempotency_key$$,
  $$values ('40000000-0000-4000-8000-000000000001', 'xicheng', null, 'resident@example.com', null, false),
           ('40000000-0000-4000-8000-000000000002', 'gaoxin', '+8613900139000', null, null, false),
           ('40000000-0000-4000-8000-000000000003', 'dongcheng', null, null, null, true)$$,
  'emails are lower-cased, phones keep +86, blanks become null, anonymous means no contact'
);

-- Rate limit ------------------------------------------------------------------------------------------------

:as_anon
set local request.headers = '{"x-forwarded-for": "198.51.100.7"}';
select lives_ok(
  $$select count(*) from generate_series(1, 10) as i,
      lateral public.submit_report(gen_random_uuid(), 'road_cleanliness', '人行道上散落了很多碎玻璃和纸屑' || i, 114.05, 22.55, null)$$,
  'ten reports within an hour from one address are accepted'
);
select throws_ok($$select * from public.submit_report(gen_random_uuid(), 'road_cleanliness', '人行道上散落了很多碎玻璃和纸屑', 114.05, 22.55, null)$$,
  'P0001', 'rate_limited', 'the eleventh from the same address is refused');
set local request.headers = '{"x-forwarded-for": "198.51.100.7, 10.1.1.1"}';
select throws_ok($$select * from public.submit_report(gen_random_uuid(), 'road_cleanliness', '人行道上散落了很多碎玻璃和纸屑', 114.05, 22.55, null)$$,
  'P0001', 'rate_limited', 'the first X-Forwarded-For entry is the client, whatever proxies follow');
select lives_ok(format($$select * from public.submit_report(%L, 'garbage_pile', '重试时不受频率限制', 114.0, 22.6, null)$$, :'key_1'),
  'a retry of an existing key still answers while rate-limited');
set local request.headers = '{"x-forwarded-for": "198.51.100.8"}';
select lives_ok($$select * from public.submit_report(gen_random_uuid(), 'road_cleanliness', '人行道上散落了很多碎玻璃和纸屑', 114.05, 22.55, null)$$,
  'another address is not affected');

:as_system
select is((select count(*)::int from private.rate_limit_events where action = 'submit_report'
           and subject_hash = private.hash_identifier('ip', '198.51.100.7')), 10, 'the log holds the ten accepted submissions');
select is_empty($$select 1 from private.rate_limit_events where subject_hash like '%198.51%' or subject_hash !~ '^[0-9a-f]{64}$'$$,
  'the log stores keyed hashes, never the address');
select isnt(private.hash_identifier('ip', '198.51.100.7'), private.sha256_hex('ip:198.51.100.7'),
  'the hash is keyed with the database''s pepper, not a plain sha256');

-- An old entry falls out of the window.
update private.rate_limit_events set created_at = now() - interval '61 minutes'
where subject_hash = private.hash_identifier('ip', '198.51.100.7')
  and id = (select min(id) from private.rate_limit_events where subject_hash = private.hash_identifier('ip', '198.51.100.7'));
:as_anon
set local request.headers = '{"x-forwarded-for": "198.51.100.7"}';
select lives_ok($$select * from public.submit_report(gen_random_uuid(), 'road_cleanliness', '人行道上散落了很多碎玻璃和纸屑', 114.05, 22.55, null)$$,
  'once an hour has passed since the oldest, the address may send again');

-- Privileges ------------------------------------------------------------------------------------------------

:as_anon
select throws_ok($$select * from public.reports$$, '42501', null, 'anon still cannot read the reports table');
select throws_ok($$select * from private.rate_limit_events$$, '42501', null, 'anon cannot read the rate-limit log');
select throws_ok($$select private.hash_identifier('ip', '1.2.3.4')$$, '42501', null, 'anon cannot call private helpers');
:as_citizen
set local request.headers = '{"x-forwarded-for": "203.0.113.99"}';
select lives_ok($$select * from public.submit_report(gen_random_uuid(), 'dirty_toilet', '公厕地面很脏，洗手液也没有了', 114.06, 22.53, null)$$,
  'a signed-in citizen can submit too');
:as_system
select is((select actor_role from public.report_updates u join public.reports r on r.id = u.report_id
           where r.description = '公厕地面很脏，洗手液也没有了'), 'public', 'a citizen acts as the public');

select * from finish();
rollback;
