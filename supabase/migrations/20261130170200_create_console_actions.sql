-- Staff console, part 3: actions that go beyond one change_report_status call.
--
-- * resolve_report attaches the after-photos (already uploaded to after/<report_id>/) and resolves the report in
--   one transaction: the console never resolves without a photo, and never leaves a photo on a report whose
--   status change failed. (change_report_status itself still allows resolving without a photo, for the seed and
--   for other tools.)
-- * bulk_change_report_status accepts or assigns several reports at once, each in its own subtransaction, and
--   says for each one whether it worked and, if not, the error key.
-- Both are security invoker: the report_photos insert policy and change_report_status decide who may do what.

create or replace function public.resolve_report(
  p_report_id uuid,
  p_photo_paths text[],
  p_public_note text default null,
  p_internal_note text default null
)
returns void
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  v_paths text[] := coalesce(p_photo_paths, '{}');
  v_first smallint;
begin
  perform private.require_staff_role();
  if cardinality(v_paths) = 0 then
    raise exception using errcode = '22023', message = 'after_photo_required',
      detail = 'Resolving needs at least one after-photo.';
  end if;
  if cardinality(v_paths) > 3 or (select count(distinct x) from unnest(v_paths) as x) <> cardinality(v_paths) then
    raise exception using errcode = '22023', message = 'invalid_photos', detail = 'At most 3 different photos.';
  end if;
  if exists (select 1 from unnest(v_paths) as x where x is null or x !~ ('^after/' || p_report_id::text || '/')) then
    raise exception using errcode = '22023', message = 'invalid_photos',
      detail = 'After-photos are uploaded to after/<report id>/<uuid>.jpg first.';
  end if;

  -- The status change first: it locks the report and refuses illegal moves before any photo is attached.
  perform public.change_report_status(p_report_id, 'resolved', p_public_note, p_internal_note);

  select coalesce(max(p.sort_order) + 1, 0) into v_first
  from public.report_photos p
  where p.report_id = p_report_id and p.kind = 'after';
  -- Row-level security checks the caller handles the report and the object is in storage.
  insert into public.report_photos (report_id, storage_path, kind, sort_order)
  select p_report_id, t.path, 'after', (v_first + t.ord - 1)::smallint
  from unnest(v_paths) with ordinality as t(path, ord);
end;
$$;
comment on function public.resolve_report(uuid, text[], text, text) is
  'Resolves a report with 1-3 after-photos already uploaded to after/<report_id>/, in one transaction, with a public and an optional internal note.';

create or replace function public.bulk_change_report_status(
  p_report_ids uuid[],
  p_to text,
  p_public_note text default null,
  p_internal_note text default null,
  p_assigned_department text default null,
  p_assigned_to uuid default null
)
returns table (report_id uuid, tracking_code text, ok boolean, error text)
language plpgsql
volatile
security invoker
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_id uuid;
  v_code text;
begin
  perform private.require_staff_role();
  if p_to is null or p_to not in ('accepted', 'assigned') then
    raise exception using errcode = '22023', message = 'invalid_bulk_status',
      detail = 'Several reports can be accepted or assigned at once; other changes need one report at a time.';
  end if;
  if coalesce(cardinality(p_report_ids), 0) not between 1 and 100 then
    raise exception using errcode = '22023', message = 'invalid_selection', detail = '1 to 100 reports.';
  end if;
  foreach v_id in array p_report_ids loop
    select r.tracking_code into v_code from public.reports r where r.id = v_id;
    begin
      perform public.change_report_status(
        v_id, p_to, p_public_note, p_internal_note,
        p_assigned_department => p_assigned_department, p_assigned_to => p_assigned_to);
      return query select v_id, v_code, true, null::text;
    exception when others then
      -- Only this report's change is undone; the key (e.g. illegal_transition: …) goes back to the console.
      return query select v_id, v_code, false, sqlerrm;
    end;
  end loop;
end;
$$;
comment on function public.bulk_change_report_status(uuid[], text, text, text, text, uuid) is
  'Accepts or assigns up to 100 reports with the same notes; each report succeeds or fails on its own (ok, error key).';

revoke execute on function
  public.resolve_report(uuid, text[], text, text),
  public.bulk_change_report_status(uuid[], text, text, text, text, uuid)
from public, anon;
grant execute on function
  public.resolve_report(uuid, text[], text, text),
  public.bulk_change_report_status(uuid[], text, text, text, text, uuid)
to authenticated;
