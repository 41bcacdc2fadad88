-- Staff console, part 4: moderation. Staff and admins hide a report or a single photo from the public (with a
-- reason) and redact personal details someone typed into a description. Hiding is audited by the triggers on
-- reports and report_photos; redaction writes its own audit row.
--
-- Redaction only removes: the caller names the exact phrases (a phone number, a name…) and each occurrence is
-- replaced by ***, so nobody can put words in a citizen's mouth. The audit row records how many places were
-- redacted and why, not the removed text (keeping it would defeat the redaction).

create or replace function private.valid_moderation_reason(p_reason text)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_reason text := nullif(btrim(p_reason), '');
begin
  if v_reason is null or char_length(v_reason) > 500 then
    raise exception using errcode = '22023', message = 'invalid_moderation_reason',
      detail = 'Give a reason, in at most 500 characters.';
  end if;
  return v_reason;
end;
$$;

create or replace function public.hide_report(p_report_id uuid, p_reason text)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_reason text;
begin
  perform private.require_staff_role(array['staff', 'admin']);
  v_reason := private.valid_moderation_reason(p_reason);
  update public.reports r set hidden = true, hidden_reason = v_reason where r.id = p_report_id;
  if not found then
    raise exception using errcode = 'P0001', message = 'report_not_found';
  end if;
end;
$$;
comment on function public.hide_report(uuid, text) is 'Staff and admins hide a report (and so its photos) from the public, with a reason. Audited.';

create or replace function public.unhide_report(p_report_id uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  perform private.require_staff_role(array['staff', 'admin']);
  update public.reports r set hidden = false, hidden_reason = null where r.id = p_report_id;
  if not found then
    raise exception using errcode = 'P0001', message = 'report_not_found';
  end if;
end;
$$;
comment on function public.unhide_report(uuid) is 'Staff and admins show a hidden report to the public again. Audited.';

create or replace function public.hide_photo(p_photo_id uuid, p_reason text)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_reason text;
begin
  perform private.require_staff_role(array['staff', 'admin']);
  v_reason := private.valid_moderation_reason(p_reason);
  update public.report_photos p set hidden = true, hidden_reason = v_reason where p.id = p_photo_id;
  if not found then
    raise exception using errcode = 'P0001', message = 'photo_not_found';
  end if;
end;
$$;
comment on function public.hide_photo(uuid, text) is
  'Staff and admins hide one photo from the public (report_by_code, signed URLs), with a reason. Audited.';

create or replace function public.unhide_photo(p_photo_id uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  perform private.require_staff_role(array['staff', 'admin']);
  update public.report_photos p set hidden = false, hidden_reason = null where p.id = p_photo_id;
  if not found then
    raise exception using errcode = 'P0001', message = 'photo_not_found';
  end if;
end;
$$;
comment on function public.unhide_photo(uuid) is 'Staff and admins show a hidden photo to the public again. Audited.';

create or replace function public.redact_description(p_report_id uuid, p_phrases text[], p_reason text)
returns text
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_reason text;
  v_phrase text;
  v_description text;
  v_places integer := 0;
begin
  perform private.require_staff_role(array['staff', 'admin']);
  v_reason := private.valid_moderation_reason(p_reason);
  if coalesce(cardinality(p_phrases), 0) not between 1 and 20 then
    raise exception using errcode = '22023', message = 'invalid_phrases', detail = '1 to 20 phrases to redact.';
  end if;
  select r.description into v_description from public.reports r where r.id = p_report_id for update;
  if not found then
    raise exception using errcode = 'P0001', message = 'report_not_found';
  end if;
  -- Longest first, so a phrase inside another one does not leave part of the longer one behind.
  for v_phrase in
    select p from (select distinct btrim(x) as p from unnest(p_phrases) as x) d
    order by char_length(p) desc, p
  loop
    if v_phrase is null or char_length(v_phrase) < 2 then
      raise exception using errcode = '22023', message = 'invalid_phrases', detail = 'Each phrase has 2 characters or more.';
    end if;
    if strpos(v_description, v_phrase) = 0 then
      raise exception using errcode = '22023', message = 'phrase_not_found', detail = v_phrase;
    end if;
    v_places := v_places + (char_length(v_description) - char_length(replace(v_description, v_phrase, ''))) / char_length(v_phrase);
    v_description := replace(v_description, v_phrase, '***');
  end loop;
  if char_length(v_description) < 10 then
    raise exception using errcode = '22023', message = 'invalid_description_length',
      detail = 'After redaction the description would be shorter than 10 characters; hide the report instead.';
  end if;
  update public.reports r set description = v_description where r.id = p_report_id;
  perform private.write_audit('update', 'reports', p_report_id::text, jsonb_build_object(
    'description', jsonb_build_object('redacted_places', v_places, 'reason', v_reason)
  ));
  return v_description;
end;
$$;
comment on function public.redact_description(uuid, text[], text) is
  'Staff and admins replace every occurrence of the given phrases (personal details) in a report''s description by ***, with a reason; returns the new description. Audited without the removed text.';

revoke execute on all functions in schema private from public;
revoke execute on function
  public.hide_report(uuid, text),
  public.unhide_report(uuid),
  public.hide_photo(uuid, text),
  public.unhide_photo(uuid),
  public.redact_description(uuid, text[], text)
from public, anon;
grant execute on function
  public.hide_report(uuid, text),
  public.unhide_report(uuid),
  public.hide_photo(uuid, text),
  public.unhide_photo(uuid),
  public.redact_description(uuid, text[], text)
to authenticated;
