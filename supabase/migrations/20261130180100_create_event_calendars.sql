-- Clean days, part 3: iCalendar (RFC 5545) straight from the database, so the static site needs no server.
--
--   GET /rest/v1/rpc/event_ics?p_event_id=<uuid>&p_locale=zh-cn   one event, downloaded ("add to calendar")
--   GET /rest/v1/rpc/events_ics?p_locale=en[&p_district=nanhu]    the feed phones subscribe to
--
-- Both return the domain "*/*", PostgREST 12's "any" media-type handler: it answers whatever Accept header a
-- calendar app sends (often */* or none), and the function sets Content-Type: text/calendar itself. (A domain
-- named "text/calendar" would only answer requests that ask for text/calendar exactly; with */* PostgREST falls
-- back to JSON, which calendar apps cannot read.)
--
-- Calendar apps cannot send headers, so the anon key travels as ?apikey=…; Supabase's gateway reads it there.
-- Both functions accept (and ignore) an `apikey` argument, so PostgREST never takes the key for an unknown
-- function argument whether or not the gateway in front strips it.
--
-- Output rules: CRLF line ends, lines folded at 75 octets (never inside a UTF-8 character), TEXT values escaped,
-- times in UTC (…Z), UID = <event id>@<site host> (stable), DTSTAMP = when the file was produced, SEQUENCE from
-- events.ics_sequence, STATUS:CANCELLED for cancelled events.

create domain "*/*" as bytea;
comment on domain "*/*" is
  'PostgREST''s "any" media-type handler: functions returning it answer every Accept header and set their own Content-Type.';

-- The public site's address (canonical links in calendars). Set per database in production:
--   alter database postgres set app.site_url = 'https://…';
create or replace function private.site_url()
returns text
language sql
stable
set search_path = ''
as $$
  select rtrim(coalesce(nullif(current_setting('app.site_url', true), ''), 'https://chuangwei.qingshan.example'), '/')
$$;
comment on function private.site_url() is
  'Origin of the public site (app.site_url setting, else the demo address), for links and UIDs in calendars.';

-- The page of one event on the public site, in a locale.
create or replace function private.event_page_url(p_event_id uuid, p_locale text)
returns text
language sql
stable
set search_path = ''
as $$
  select private.site_url() || case when p_locale = 'en' then '/en' else '' end || '/events/view/?id=' || p_event_id
$$;

-- A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as \n, other control
-- characters dropped.
create or replace function private.ics_text(p_value text)
returns text
language sql
immutable
set search_path = ''
as $$
  select regexp_replace(
    replace(replace(replace(replace(replace(replace(coalesce(p_value, ''),
      '\', '\\'), ';', '\;'), ',', '\,'), E'\r\n', E'\n'), E'\r', E'\n'), E'\n', '\n'),
    '[\x01-\x08\x0b-\x1f\x7f]', '', 'g')
$$;
comment on function private.ics_text(text) is 'Escapes a value for an iCalendar TEXT property (RFC 5545 3.3.11).';

-- One content line, folded so that no physical line exceeds 75 octets (RFC 5545 3.1), ending in CRLF.
-- Counts octets, not characters: a Chinese character is 3 octets in UTF-8 and is never split.
create or replace function private.ics_line(p_line text)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_parts text[] := array[]::text[];
  v_current text := '';
  v_octets integer := 0;
  v_char text;
  v_size integer;
begin
  if octet_length(p_line) <= 75 then
    return p_line || E'\r\n';
  end if;
  foreach v_char in array regexp_split_to_array(p_line, '') loop
    v_size := octet_length(v_char);
    if v_octets + v_size > 75 then
      v_parts := v_parts || v_current;
      -- A continuation line starts with one space, which counts towards its 75 octets.
      v_current := ' ';
      v_octets := 1;
    end if;
    v_current := v_current || v_char;
    v_octets := v_octets + v_size;
  end loop;
  v_parts := v_parts || v_current;
  return array_to_string(v_parts, E'\r\n') || E'\r\n';
end;
$$;
comment on function private.ics_line(text) is
  'Folds one iCalendar content line at 75 octets (RFC 5545 3.1) without splitting a UTF-8 character; adds CRLF.';

-- A UTC DATE-TIME value, e.g. 20261205T010000Z.
create or replace function private.ics_time(p_at timestamptz)
returns text
language sql
immutable
set search_path = ''
as $$
  select to_char(p_at at time zone 'UTC', 'YYYYMMDD"T"HH24MISS"Z"')
$$;

-- The VEVENT of one event in a locale.
create or replace function private.ics_vevent(p_event public.events, p_locale text)
returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  v_en boolean := p_locale = 'en';
  v_url text := private.event_page_url(p_event.id, p_locale);
  v_description text;
  v_bring text := case when v_en then p_event.bring_en else p_event.bring_zh end;
  v_host text := regexp_replace(private.site_url(), '^[a-z]+://([^/:]+).*$', '\1');
begin
  v_description := concat_ws(E'\n\n',
    case when p_event.status = 'cancelled' then concat_ws(' ',
      case when v_en then 'This clean day has been cancelled.' else '本次清洁日已取消。' end,
      case when v_en then p_event.cancel_note_en else p_event.cancel_note_zh end) end,
    case when v_en then p_event.description_en else p_event.description_zh end,
    case when nullif(btrim(v_bring), '') is not null then
      (case when v_en then 'What to bring: ' else '请携带：' end) || v_bring end,
    (case when v_en then 'Organiser: ' else '主办：' end)
      || case when v_en then p_event.organiser_en else p_event.organiser_zh end,
    (case when v_en then 'Details and sign-up: ' else '详情和报名：' end) || v_url
  );
  return concat(
    private.ics_line('BEGIN:VEVENT'),
    private.ics_line('UID:' || p_event.id || '@' || v_host),
    private.ics_line('DTSTAMP:' || private.ics_time(now())),
    private.ics_line('LAST-MODIFIED:' || private.ics_time(p_event.updated_at)),
    private.ics_line('CREATED:' || private.ics_time(p_event.created_at)),
    private.ics_line('SEQUENCE:' || p_event.ics_sequence),
    private.ics_line('DTSTART:' || private.ics_time(p_event.starts_at)),
    private.ics_line('DTEND:' || private.ics_time(p_event.ends_at)),
    private.ics_line('SUMMARY:' || private.ics_text(case when v_en then p_event.title_en else p_event.title_zh end)),
    private.ics_line('DESCRIPTION:' || private.ics_text(v_description)),
    private.ics_line('LOCATION:' || private.ics_text(case when v_en then p_event.place_en else p_event.place_zh end)),
    private.ics_line('GEO:' || round(extensions.st_y(p_event.location::extensions.geometry)::numeric, 6)
      || ';' || round(extensions.st_x(p_event.location::extensions.geometry)::numeric, 6)),
    private.ics_line('URL:' || v_url),
    private.ics_line('STATUS:' || case when p_event.status = 'cancelled' then 'CANCELLED' else 'CONFIRMED' end),
    private.ics_line('TRANSP:OPAQUE'),
    private.ics_line('END:VEVENT')
  );
end;
$$;
comment on function private.ics_vevent(public.events, text) is 'One event as an iCalendar VEVENT in zh-cn or en.';

-- A whole VCALENDAR around some VEVENTs.
create or replace function private.ics_calendar(p_locale text, p_name text, p_events text)
returns text
language sql
stable
set search_path = ''
as $$
  select concat(
    private.ics_line('BEGIN:VCALENDAR'),
    private.ics_line('VERSION:2.0'),
    private.ics_line('PRODID:-//Qingshan Sanitary City Campaign//Clean days//'
      || case when p_locale = 'en' then 'EN' else 'ZH-CN' end),
    private.ics_line('CALSCALE:GREGORIAN'),
    private.ics_line('METHOD:PUBLISH'),
    private.ics_line('NAME:' || private.ics_text(p_name)),
    private.ics_line('X-WR-CALNAME:' || private.ics_text(p_name)),
    private.ics_line('X-WR-TIMEZONE:Asia/Shanghai'),
    private.ics_line('REFRESH-INTERVAL;VALUE=DURATION:PT6H'),
    private.ics_line('X-PUBLISHED-TTL:PT6H'),
    p_events,
    private.ics_line('END:VCALENDAR')
  )
$$;

create or replace function private.ics_locale(p_locale text)
returns text
language plpgsql
immutable
set search_path = ''
as $$
begin
  if coalesce(lower(p_locale), 'zh-cn') not in ('zh-cn', 'en') then
    raise exception using errcode = '22023', message = 'invalid_locale', detail = 'zh-cn or en.';
  end if;
  return coalesce(lower(p_locale), 'zh-cn');
end;
$$;

-- The API ----------------------------------------------------------------------------------------------------------

create or replace function public.event_ics(p_event_id uuid, p_locale text default 'zh-cn', apikey text default null)
returns "*/*"
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_locale text := private.ics_locale(p_locale);
  v_event public.events;
  v_title text;
begin
  select e.* into v_event from public.events e where e.id = p_event_id and e.status <> 'draft';
  if not found then
    -- PTxxx sets the HTTP status in PostgREST.
    raise exception using errcode = 'PT404', message = 'event_not_found';
  end if;
  v_title := case when v_locale = 'en' then v_event.title_en else v_event.title_zh end;
  perform set_config('response.headers', json_build_array(
    json_build_object('Content-Type', 'text/calendar; charset=utf-8'),
    json_build_object('Content-Disposition',
      format('attachment; filename="clean-day-%s.ics"', left(v_event.id::text, 8))),
    json_build_object('Cache-Control', 'public, max-age=300')
  )::text, true);
  return convert_to(private.ics_calendar(v_locale, v_title, private.ics_vevent(v_event, v_locale)), 'UTF8');
end;
$$;
comment on function public.event_ics(uuid, text, text) is
  'One published, cancelled or completed event as an iCalendar file (text/calendar, RFC 5545) in zh-cn or en. The apikey argument is ignored (see the migration).';

create or replace function public.events_ics(p_locale text default 'zh-cn', p_district text default null, apikey text default null)
returns "*/*"
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_locale text := private.ics_locale(p_locale);
  v_district public.districts;
  v_name text;
  v_events text;
begin
  if nullif(p_district, '') is not null then
    select d.* into v_district from public.districts d where d.code = p_district;
    if not found then
      raise exception using errcode = '22023', message = 'invalid_district';
    end if;
  end if;
  v_name := case when v_locale = 'en'
    then concat_ws(' – ', 'Qingshan clean days', v_district.name_en)
    else concat_ws(' · ', '青山市清洁日', v_district.name_zh) end;
  -- Upcoming events and those of the last 90 days (so they stay in subscribers' calendars), cancelled included.
  select coalesce(string_agg(private.ics_vevent(x.e, v_locale), '' order by (x.e).starts_at, (x.e).id), '')
  into v_events
  from (
    select e
    from public.events e
    where e.status in ('published', 'cancelled', 'completed')
      and e.ends_at > now() - interval '90 days'
      and (v_district.code is null or e.district_code = v_district.code)
    order by e.starts_at
    limit 500
  ) x;
  perform set_config('response.headers', json_build_array(
    json_build_object('Content-Type', 'text/calendar; charset=utf-8'),
    json_build_object('Content-Disposition', 'inline; filename="qingshan-clean-days.ics"'),
    json_build_object('Cache-Control', 'public, max-age=900')
  )::text, true);
  return convert_to(private.ics_calendar(v_locale, v_name, v_events), 'UTF8');
end;
$$;
comment on function public.events_ics(text, text, text) is
  'iCalendar feed (text/calendar, RFC 5545) of upcoming clean days and those of the last 90 days, in zh-cn or en, optionally one district. The apikey argument is ignored (see the migration).';

revoke execute on function public.event_ics(uuid, text, text), public.events_ics(text, text, text) from public;
grant execute on function public.event_ics(uuid, text, text), public.events_ics(text, text, text)
  to anon, authenticated, service_role;
revoke execute on all functions in schema private from public;
