-- What the public report form needs from the database beyond the first report API:
--  * submit_report takes an optional device-generated reporter token (p_reporter_token), so the token
--    survives a lost response: the device makes the secret when it queues the report and keeps it; the server
--    checks its shape and stores only its sha256. Without it the server makes one, as before.
--  * district_centres(): every district with its centre as plain lng/lat, for the form's "choose the
--    district" (the way to give a place without a map) and the service-area check in the browser.

-- submit_report with p_reporter_token --------------------------------------------------------------------------

-- The argument list changes, so the function is replaced rather than redefined (an overload with defaults
-- would make every shorter call ambiguous).
drop function public.submit_report(uuid, text, text, double precision, double precision, text, text, text, text, text[]);

create function public.submit_report(
  p_idempotency_key uuid,
  p_category text,
  p_description text,
  p_lng double precision,
  p_lat double precision,
  p_address text,
  p_district text default null,
  p_contact_phone text default null,
  p_contact_email text default null,
  p_photo_paths text[] default '{}',
  p_reporter_token text default null
)
returns table (tracking_code text, reporter_token text, created boolean)
language plpgsql
volatile
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_existing text;
  v_existing_hash text;
  v_description text := btrim(p_description);
  v_address text := nullif(btrim(p_address), '');
  v_phone text := nullif(regexp_replace(coalesce(p_contact_phone, ''), '[[:space:]()-]', '', 'g'), '');
  v_email text := nullif(lower(btrim(p_contact_email)), '');
  v_photos text[] := coalesce(p_photo_paths, '{}');
  v_path text;
  v_point extensions.geography;
  v_district text;
  v_token text;
  v_id uuid;
  v_code text;
begin
  if p_idempotency_key is null then
    raise exception using errcode = '22023', message = 'invalid_idempotency_key';
  end if;
  -- At least 128 bits as base64url (22 characters); the 64-hex tokens the server makes fit the same shape.
  if p_reporter_token is not null and p_reporter_token !~ '^[A-Za-z0-9_-]{22,128}$' then
    raise exception using errcode = '22023', message = 'invalid_reporter_token',
      detail = '22 to 128 base64url characters (at least 128 random bits).';
  end if;

  -- A retry of a report that was already stored answers first: no validation, no rate limit. The token is
  -- only stored hashed, so it is returned again only to a caller that sends the same one.
  select r.tracking_code, r.reporter_token_hash into v_existing, v_existing_hash
  from public.reports r where r.idempotency_key = p_idempotency_key;
  if found then
    return query select v_existing,
      case when p_reporter_token is not null and private.sha256_hex(p_reporter_token) = v_existing_hash
           then p_reporter_token end,
      false;
    return;
  end if;

  if not exists (select 1 from public.categories c where c.code = p_category and c.active) then
    raise exception using errcode = '22023', message = 'invalid_category';
  end if;
  if v_description is null or char_length(v_description) not between 10 and 2000 then
    raise exception using errcode = '22023', message = 'invalid_description_length',
      detail = 'The description must be 10 to 2000 characters.';
  end if;
  v_point := private.valid_point(p_lng, p_lat);
  if char_length(v_address) > 200 then
    raise exception using errcode = '22023', message = 'invalid_address', detail = 'At most 200 characters.';
  end if;
  if p_district is not null then
    if not exists (select 1 from public.districts d where d.code = p_district) then
      raise exception using errcode = '22023', message = 'invalid_district';
    end if;
    v_district := p_district;
  else
    select d.code into v_district
    from public.districts d
    order by extensions.st_distance(d.centre, v_point), d.code
    limit 1;
  end if;
  if v_phone is not null and v_phone !~ '^(\+86)?(1[3-9][0-9]{9}|0[0-9]{9,11})$' then
    raise exception using errcode = '22023', message = 'invalid_contact', detail = 'Not a mainland China phone number.';
  end if;
  if v_email is not null and (char_length(v_email) > 254 or v_email !~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$') then
    raise exception using errcode = '22023', message = 'invalid_contact', detail = 'Not an email address.';
  end if;
  if cardinality(v_photos) > 3 or (select count(distinct x) from unnest(v_photos) as x) <> cardinality(v_photos) then
    raise exception using errcode = '22023', message = 'invalid_photos', detail = 'At most 3 different photos.';
  end if;
  foreach v_path in array v_photos loop
    if v_path is null or v_path !~ ('^pending/' || p_idempotency_key::text
        || '/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(jpg|png|webp)$') then
      raise exception using errcode = '22023', message = 'invalid_photos',
        detail = 'Photos must be uploaded to pending/<idempotency key>/<uuid>.<jpg|png|webp>.';
    end if;
    if not private.storage_object_exists(v_path) then
      raise exception using errcode = '22023', message = 'invalid_photos', detail = 'A photo was not uploaded.';
    end if;
  end loop;

  perform private.check_rate_limit('submit_report', 10, interval '1 hour');

  v_token := coalesce(p_reporter_token, private.new_secret_token());
  insert into public.reports as r (
    category_code, description, location, address, district_code,
    contact_phone, contact_email, idempotency_key, reporter_token_hash
  )
  values (
    p_category, v_description, v_point, v_address, v_district,
    v_phone, v_email, p_idempotency_key, private.sha256_hex(v_token)
  )
  on conflict (idempotency_key) do nothing
  returning r.id, r.tracking_code into v_id, v_code;

  if v_id is null then
    -- The same key was stored by a concurrent request a moment ago.
    select r.tracking_code, r.reporter_token_hash into v_code, v_existing_hash
    from public.reports r where r.idempotency_key = p_idempotency_key;
    return query select v_code,
      case when p_reporter_token is not null and private.sha256_hex(p_reporter_token) = v_existing_hash
           then p_reporter_token end,
      false;
    return;
  end if;

  insert into public.report_photos (report_id, storage_path, kind, sort_order)
  select v_id, t.path, 'before', (t.ord - 1)::smallint
  from unnest(v_photos) with ordinality as t(path, ord);

  return query select v_code, v_token, true;
end;
$$;
comment on function public.submit_report(uuid, text, text, double precision, double precision, text, text, text, text, text[], text) is
  'Stores a citizen report. Idempotent on p_idempotency_key (a retry returns the same tracking code, created = false, and the reporter token only when the retry sends the same one). p_reporter_token: optional device-generated secret (base64url, >= 128 bits), stored as sha256 only; without it the server makes one. Rate-limited to 10 per hour per client IP.';

revoke execute on function
  public.submit_report(uuid, text, text, double precision, double precision, text, text, text, text, text[], text)
from public, anon, authenticated;
grant execute on function
  public.submit_report(uuid, text, text, double precision, double precision, text, text, text, text, text[], text)
to anon, authenticated, service_role;

-- district_centres -------------------------------------------------------------------------------------------

create function public.district_centres()
returns table (code text, name_zh text, name_en text, sort_order integer, lng double precision, lat double precision)
language sql
stable
security invoker
set search_path = ''
as $$
  select d.code, d.name_zh, d.name_en, d.sort_order,
         extensions.st_x(d.centre::extensions.geometry),
         extensions.st_y(d.centre::extensions.geometry)
  from public.districts d
  order by d.sort_order, d.code
$$;
comment on function public.district_centres() is
  'Every district with its approximate centre as WGS-84 lng/lat, in display order: for choosing a place by district without a map.';

revoke execute on function public.district_centres() from public, anon, authenticated;
grant execute on function public.district_centres() to anon, authenticated, service_role;
