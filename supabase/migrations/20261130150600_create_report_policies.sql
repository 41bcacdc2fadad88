-- Who may read and write report data directly (the Data API). The public (anon and signed-in citizens) has no
-- direct access to any report table: it reads through the RPC functions, which return public columns of
-- visible reports only, and writes through them too. Staff read everything; a worker reads the reports of
-- their own district. Staff may hide reports and photos; staff and workers may attach after-photos.
-- Nobody may write the history directly, not even the service role: the state machine trigger does.

-- Helpers for policies (security definer: they look at rows the caller may not read) ------------------------

create or replace function private.can_handle_report(p_report_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select case public.staff_role()
    when 'staff' then true
    when 'admin' then true
    when 'worker' then exists (
      select 1 from public.reports r
      where r.id = p_report_id and r.district_code = public.staff_district()
    )
    else false
  end
$$;
comment on function private.can_handle_report(uuid) is
  'True for staff and admins, and for a worker when the report is in their district.';

create or replace function private.photo_is_public(p_storage_path text)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.report_photos p
    join public.reports r on r.id = p.report_id
    where p.storage_path = p_storage_path and not p.hidden and not r.hidden
  )
$$;
comment on function private.photo_is_public(text) is
  'True when a storage object is a photo attached to a visible report and not hidden itself.';

create or replace function private.storage_object_exists(p_storage_path text)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from storage.objects o where o.bucket_id = 'report-photos' and o.name = p_storage_path
  )
$$;
comment on function private.storage_object_exists(text) is 'True when the report-photos bucket holds an object with this name.';

revoke execute on all functions in schema private from public;
grant execute on function private.can_handle_report(uuid), private.storage_object_exists(text) to authenticated;
grant execute on function private.photo_is_public(text) to anon, authenticated;

-- Privileges ------------------------------------------------------------------------------------------------
-- Start from nothing (Supabase grants all on new tables), then grant exactly what the policies below need.

revoke all on public.reports, public.report_photos, public.report_updates, public.report_confirmations,
  public.report_ratings, public.report_transitions from anon, authenticated;

-- Every column but the reporter token hash, which no API role may ever read. Select columns explicitly:
-- select('*') is refused because of this column grant.
grant select (
  id, tracking_code, category_code, description, location, address, district_code, status, created_at,
  updated_at, due_at, resolved_at, contact_phone, contact_email, is_anonymous, idempotency_key, duplicate_of,
  reject_reason, referred_to, assigned_department, assigned_to, hidden, hidden_reason, confirmations_count
) on public.reports to authenticated;
grant update (hidden, hidden_reason) on public.reports to authenticated;

grant select, insert on public.report_photos to authenticated;
grant update (hidden, hidden_reason) on public.report_photos to authenticated;
grant select on public.report_updates, public.report_confirmations, public.report_ratings to authenticated;
grant select on public.report_transitions to anon, authenticated;

-- History is written by the trigger only.
revoke insert, update, delete, truncate on public.report_updates from service_role;
revoke insert, update, delete, truncate on public.report_transitions from service_role;

-- Row-level security ----------------------------------------------------------------------------------------

alter table public.report_transitions enable row level security;
alter table public.reports enable row level security;
alter table public.report_photos enable row level security;
alter table public.report_updates enable row level security;
alter table public.report_confirmations enable row level security;
alter table public.report_ratings enable row level security;

create policy "Visitors can read the report transitions." on public.report_transitions
  for select to anon using (true);
create policy "Signed-in users can read the report transitions." on public.report_transitions
  for select to authenticated using (true);

create policy "Staff can read all reports." on public.reports
  for select to authenticated
  using ((select public.staff_role()) in ('staff', 'admin'));
create policy "Workers can read reports in their district." on public.reports
  for select to authenticated
  using ((select public.staff_role()) = 'worker' and district_code = (select public.staff_district()));
create policy "Staff can hide and unhide reports." on public.reports
  for update to authenticated
  using ((select public.staff_role()) in ('staff', 'admin'))
  with check ((select public.staff_role()) in ('staff', 'admin'));

create policy "Staff can read all report photos." on public.report_photos
  for select to authenticated
  using ((select public.staff_role()) in ('staff', 'admin'));
create policy "Workers can read photos of reports in their district." on public.report_photos
  for select to authenticated
  using (
    (select public.staff_role()) = 'worker'
    and exists (
      select 1 from public.reports r
      where r.id = report_id and r.district_code = (select public.staff_district())
    )
  );
create policy "Staff and workers can add after-photos to their reports." on public.report_photos
  for insert to authenticated
  with check (
    kind = 'after'
    and (select public.staff_role()) is not null
    and private.can_handle_report(report_id)
    and private.storage_object_exists(storage_path)
  );
create policy "Staff can hide and unhide report photos." on public.report_photos
  for update to authenticated
  using ((select public.staff_role()) in ('staff', 'admin'))
  with check ((select public.staff_role()) in ('staff', 'admin'));

create policy "Staff can read all report history." on public.report_updates
  for select to authenticated
  using ((select public.staff_role()) in ('staff', 'admin'));
create policy "Workers can read the history of reports in their district." on public.report_updates
  for select to authenticated
  using (
    (select public.staff_role()) = 'worker'
    and exists (
      select 1 from public.reports r
      where r.id = report_id and r.district_code = (select public.staff_district())
    )
  );

create policy "Staff can read confirmations." on public.report_confirmations
  for select to authenticated
  using ((select public.staff_role()) in ('staff', 'admin'));

create policy "Staff can read all ratings." on public.report_ratings
  for select to authenticated
  using ((select public.staff_role()) in ('staff', 'admin'));
create policy "Workers can read ratings of reports in their district." on public.report_ratings
  for select to authenticated
  using (
    (select public.staff_role()) = 'worker'
    and exists (
      select 1 from public.reports r
      where r.id = report_id and r.district_code = (select public.staff_district())
    )
  );
