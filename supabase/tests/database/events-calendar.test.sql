-- Clean days, iCalendar: TEXT escaping, folding at 75 octets without splitting a UTF-8 character, CRLF line ends,
-- one event's file and the feed (what is in it, UTC times, stable UIDs, cancelled events, districts, locales).
begin;
\ir _fixtures.psql

select plan(26);

-- Escaping and folding ----------------------------------------------------------------------------------------------

select is(private.ics_text(E'a\\b;c,d\ne\r\nf'), 'a\\b\;c\,d\ne\nf', 'backslash, semicolon, comma and line breaks are escaped');
select is(private.ics_text(E'bell\x07 tab\t'), E'bell tab\t', 'control characters other than tab are dropped');
select is(private.ics_line('SHORT:ok'), E'SHORT:ok\r\n', 'a short line is left alone and ends in CRLF');

create temp table folded as
select l, private.ics_line(l) as out
from (values
  ('DESCRIPTION:' || repeat('清洁日', 60)),
  ('DESCRIPTION:' || repeat('abc', 100)),
  ('SUMMARY:' || repeat('x', 67)),
  ('SUMMARY:' || repeat('x', 68)),
  ('LOCATION:a' || repeat('湖', 30) || 'b')
) as t(l);
select is_empty($$select 1 from folded, unnest(string_to_array(rtrim(out, E'\r\n'), E'\r\n')) as p where octet_length(p) > 75$$,
  'no physical line is longer than 75 octets');
select is_empty($$select 1 from folded where replace(out, E'\r\n ', '') <> l || E'\r\n'$$,
  'unfolding (removing CRLF + space) gives the line back, so no character was split');
select is((select out from folded where l = 'SUMMARY:' || repeat('x', 67)), 'SUMMARY:' || repeat('x', 67) || E'\r\n',
  'a line of exactly 75 octets is not folded');
select is((select out from folded where l = 'SUMMARY:' || repeat('x', 68)),
  'SUMMARY:' || repeat('x', 67) || E'\r\n x\r\n', 'a line of 76 octets is folded once');

-- Files ---------------------------------------------------------------------------------------------------------

insert into public.events (id, title_zh, title_en, description_zh, description_en, bring_zh, bring_en, starts_at, ends_at,
  place_zh, place_en, location, district_code, capacity, organiser_zh, organiser_en, status, created_at)
values
  ('e2000000-0000-4000-8000-000000000001', '东湖公园清洁日', 'East Lake Park clean day', '一起捡拾湖边垃圾', 'Pick up litter; bring friends, too',
   '手套', 'Gloves', '2030-05-04 09:00+08', '2030-05-04 12:00+08', '东湖公园南门', 'East Lake Park, south gate',
   'SRID=4326;POINT(114.11 22.59)', 'dongcheng', 20, '东城区爱卫办', 'Dongcheng health office', 'published', '2030-01-01 00:00Z'),
  ('e2000000-0000-4000-8000-000000000002', '西城清洁日', 'Xicheng clean day', '下雨取消', 'Rained off', null, null,
   '2030-05-05 09:00+08', '2030-05-05 11:00+08', '西山广场', 'West Hill Square',
   'SRID=4326;POINT(114.01 22.60)', 'xicheng', 20, '西城区爱卫办', 'Xicheng health office', 'cancelled', '2030-01-01 00:00Z'),
  ('e2000000-0000-4000-8000-000000000003', '草稿', 'Draft', '未发布', 'Not published', null, null,
   '2030-05-06 09:00+08', '2030-05-06 11:00+08', '某地', 'Somewhere',
   'SRID=4326;POINT(114.11 22.59)', 'dongcheng', 20, '主办', 'Organiser', 'draft', '2030-01-01 00:00Z'),
  ('e2000000-0000-4000-8000-000000000004', '去年的清洁日', 'Last year''s clean day', '早就结束了', 'Long over', null, null,
   now() - interval '200 days', now() - interval '200 days' + interval '2 hours', '某地', 'Somewhere',
   'SRID=4326;POINT(114.11 22.59)', 'dongcheng', 20, '主办', 'Organiser', 'completed', now() - interval '250 days');
update public.events set cancel_note_zh = '暴雨预警', cancel_note_en = 'Rainstorm warning' where id = 'e2000000-0000-4000-8000-000000000002';

:as_anon
create temp table files as
select 'one_en' as name, convert_from(public.event_ics('e2000000-0000-4000-8000-000000000001', 'en'), 'UTF8') as body
union all
select 'one_zh', convert_from(public.event_ics('e2000000-0000-4000-8000-000000000001'), 'UTF8')
union all
select 'cancelled', convert_from(public.event_ics('e2000000-0000-4000-8000-000000000002', 'en'), 'UTF8')
union all
select 'feed_zh', convert_from(public.events_ics('zh-cn'), 'UTF8')
union all
select 'feed_xicheng', convert_from(public.events_ics('en', 'xicheng'), 'UTF8');

select is_empty($$select name from files where body !~ '^BEGIN:VCALENDAR\r\nVERSION:2.0\r\n' or right(body, 15) <> E'END:VCALENDAR\r\n'$$,
  'every file is one VCALENDAR, version 2.0');
select is_empty($$select name from files where body ~ '[^\r]\n'$$, 'every line ends in CRLF');
select is_empty($$select name from files, unnest(string_to_array(body, E'\r\n')) as l where octet_length(l) > 75$$,
  'no line of any file is longer than 75 octets');
select matches((select replace(body, E'\r\n ', '') from files where name = 'one_en'),
  E'\r\nUID:e2000000-0000-4000-8000-000000000001@chuangwei\\.qingshan\\.example\r\n', 'the UID is the event id at the site''s host');
select matches((select body from files where name = 'one_en'),
  E'\r\nDTSTART:20300504T010000Z\r\nDTEND:20300504T040000Z\r\n', 'times are UTC (09:00 in Qingshan is 01:00Z)');
select matches((select body from files where name = 'one_en'), E'\r\nDTSTAMP:\\d{8}T\\d{6}Z\r\n', 'DTSTAMP is a UTC time');
select matches((select replace(body, E'\r\n ', '') from files where name = 'one_en'),
  'SUMMARY:East Lake Park clean day\s+(.*\s+)*DESCRIPTION:Pick up litter\\; bring friends\\, too\\n\\nWhat to bring: Gloves',
  'English text, escaped');
select matches((select replace(body, E'\r\n ', '') from files where name = 'one_en'),
  E'\r\nURL:https://chuangwei\\.qingshan\\.example/en/events/view/\\?id=e2000000-0000-4000-8000-000000000001\r\n',
  'the English file links the English event page');
select matches((select replace(body, E'\r\n ', '') from files where name = 'one_zh'),
  E'\r\nSUMMARY:东湖公园清洁日\r\n.*\r\nLOCATION:东湖公园南门\r\n.*URL:https://chuangwei\\.qingshan\\.example/events/view/',
  'the Chinese file is in Chinese and links the Chinese page');
select matches((select replace(body, E'\r\n ', '') from files where name = 'cancelled'),
  'DESCRIPTION:This clean day has been cancelled\. Rainstorm warning\\n\\nRained off(.*\s+)*STATUS:CANCELLED\s',
  'a cancelled event says so, with the note');
select is((select count(*)::int from files, regexp_matches(body, 'BEGIN:VEVENT', 'g') where name = 'feed_zh'
            and body ~ 'e2000000-0000-4000-8000-000000000001' and body ~ 'e2000000-0000-4000-8000-000000000002'
            and body !~ 'e2000000-0000-4000-8000-00000000000[34]'),
  (select count(*)::int from public.events where status <> 'draft' and ends_at > now() - interval '90 days'),
  'the feed holds every event not a draft and not over 90 days ago, cancelled ones too');
select matches((select body from files where name = 'feed_zh'), E'\r\nX-WR-CALNAME:青山市清洁日\r\n', 'the feed is named in its language');
select ok((select body !~ 'e2000000-0000-4000-8000-000000000001' and body ~ 'e2000000-0000-4000-8000-000000000002'
             and body ~ E'X-WR-CALNAME:Qingshan clean days – Xicheng' from files where name = 'feed_xicheng'),
  'a district feed holds that district''s events and says which');
select throws_ok($$select public.event_ics('e2000000-0000-4000-8000-000000000003')$$, 'PT404', 'event_not_found',
  'a draft has no calendar file (HTTP 404)');
select throws_ok($$select public.event_ics('e2000000-0000-4000-8000-000000000001', 'fr')$$, '22023', 'invalid_locale',
  'only zh-cn and en');
select throws_ok($$select public.events_ics('en', 'atlantis')$$, '22023', 'invalid_district', 'an unknown district is refused');
select is(public.event_ics('e2000000-0000-4000-8000-000000000001', 'en', 'some-api-key') is not null, true,
  'the apikey argument of a calendar app is accepted and ignored');
select matches(current_setting('response.headers'), 'text/calendar; charset=utf-8', 'the response is text/calendar');

:as_system
update public.events set starts_at = '2030-05-04 10:00+08', ends_at = '2030-05-04 13:00+08'
where id = 'e2000000-0000-4000-8000-000000000001';
:as_anon
select matches(convert_from(public.event_ics('e2000000-0000-4000-8000-000000000001', 'en'), 'UTF8'),
  E'\r\nSEQUENCE:1\r\n(.*\r\n)*DTSTART:20300504T020000Z\r\n', 'a moved event comes with a higher SEQUENCE and the same UID');

select * from finish();
rollback;
