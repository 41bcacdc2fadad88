-- Report behaviour enforced in the database for every writer (API functions, service role, seed, psql):
-- tracking codes, due times from working days, the status state machine, the status history, append-only
-- history, confirmation counts and the rule that only resolved reports can be rated.
--
-- Functions that change status pass notes to the history trigger through transaction-local settings:
-- qs.public_note, qs.internal_note and qs.actor_role (see private.set_update_context).

-- Tracking codes --------------------------------------------------------------------------------------------

create or replace function private.new_tracking_code()
returns text
language plpgsql
volatile
set search_path = ''
as $$
declare
  -- Crockford base32: 0-9 and A-Z without I, L, O, U. 256 is a multiple of 32, so byte % 32 is uniform.
  v_alphabet constant text := '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  v_bytes bytea := extensions.gen_random_bytes(8);
  v_chars text := '';
begin
  for i in 0..7 loop
    v_chars := v_chars || substr(v_alphabet, (get_byte(v_bytes, i) % 32) + 1, 1);
  end loop;
  return 'QS-' || substr(v_chars, 1, 4) || '-' || substr(v_chars, 5, 4);
end;
$$;
comment on function private.new_tracking_code() is 'A random tracking code QS-XXXX-XXXX (40 bits).';

-- Accepts what people type: lower case, spaces, missing dashes, and the letters Crockford base32 reads as
-- digits (I and L as 1, O as 0). Returns null when it cannot be a tracking code.
create or replace function private.normalize_tracking_code(p_code text)
returns text
language sql
immutable
set search_path = ''
as $$
  select case
    when s ~ '^QS[0-9A-HJKMNP-TV-Z]{8}$' then 'QS-' || substr(s, 3, 4) || '-' || substr(s, 7, 4)
    when s ~ '^[0-9A-HJKMNP-TV-Z]{8}$' then 'QS-' || substr(s, 1, 4) || '-' || substr(s, 5, 4)
  end
  from (
    select case when c like 'QS%' then 'QS' || translate(substr(c, 3), 'ILO', '110') else translate(c, 'ILO', '110') end as s
    from (select upper(regexp_replace(coalesce(p_code, ''), '[[:space:]-]', '', 'g')) as c) as typed
  ) as normalized
$$;
comment on function private.normalize_tracking_code(text) is 'Canonical QS-XXXX-XXXX form of a typed tracking code, or null.';

-- Notes and actor for the next status change in this transaction.
create or replace function private.set_update_context(p_public_note text, p_internal_note text, p_actor_role text)
returns void
language sql
volatile
set search_path = ''
as $$
  select set_config('qs.public_note', coalesce(p_public_note, ''), true),
         set_config('qs.internal_note', coalesce(p_internal_note, ''), true),
         set_config('qs.actor_role', coalesce(p_actor_role, ''), true);
$$;

-- Insert ----------------------------------------------------------------------------------------------------

create or replace function private.reports_before_insert()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_days integer;
begin
  if new.status is distinct from 'submitted' then
    raise exception using
      errcode = 'P0001',
      message = format('illegal_transition: (new) → %s', new.status),
      detail = 'A new report always starts as submitted.';
  end if;
  select c.deadline_working_days into v_days from public.categories c where c.code = new.category_code;
  if not found then
    raise exception using errcode = '22023', message = 'invalid_category';
  end if;
  if new.tracking_code is null then
    loop
      new.tracking_code := private.new_tracking_code();
      exit when not exists (select 1 from public.reports r where r.tracking_code = new.tracking_code);
    end loop;
  end if;
  new.created_at := coalesce(new.created_at, now());
  new.updated_at := new.created_at;
  new.due_at := public.add_working_days(new.created_at, v_days);
  new.resolved_at := null;
  new.confirmations_count := 0;
  return new;
end;
$$;

create or replace function private.reports_after_insert()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.report_updates (report_id, from_status, to_status, public_note, actor, actor_role, created_at)
  values (new.id, null, new.status, null, auth.uid(), private.actor_role(), new.created_at);
  return null;
end;
$$;

create trigger reports_before_insert
  before insert on public.reports
  for each row execute function private.reports_before_insert();
create trigger reports_after_insert
  after insert on public.reports
  for each row execute function private.reports_after_insert();

-- Update: the state machine ---------------------------------------------------------------------------------

-- A transition is a status change, or a reassignment of an assigned report (assigned → assigned).
create or replace function private.is_report_transition(p_old public.reports, p_new public.reports)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select p_old.status is distinct from p_new.status
    or (p_old.status = 'assigned' and p_new.status = 'assigned'
        and (p_old.assigned_to, p_old.assigned_department) is distinct from (p_new.assigned_to, p_new.assigned_department))
$$;

create or replace function private.reports_before_update()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_at timestamptz := private.action_time();
  v_staff_only boolean;
  v_days integer;
begin
  if new.id <> old.id or new.tracking_code <> old.tracking_code or new.idempotency_key <> old.idempotency_key
     or new.created_at <> old.created_at or new.reporter_token_hash is distinct from old.reporter_token_hash then
    raise exception using
      errcode = 'P0001',
      message = 'immutable_column',
      detail = 'id, tracking_code, idempotency_key, created_at and reporter_token_hash never change.';
  end if;

  if private.is_report_transition(old, new) then
    select t.staff_only into v_staff_only
    from public.report_transitions t
    where t.from_status = old.status and t.to_status = new.status;
    if not found then
      raise exception using
        errcode = 'P0001',
        message = format('illegal_transition: %s → %s', old.status, new.status),
        detail = 'See public.report_transitions for the allowed changes.';
    end if;
    if v_staff_only and private.actor_role() not in ('staff', 'admin', 'system') then
      raise exception using
        errcode = 'P0001',
        message = format('illegal_transition: %s → %s is for staff only', old.status, new.status);
    end if;

    if new.status = 'rejected' and nullif(btrim(new.reject_reason), '') is null then
      raise exception using errcode = '22023', message = 'reject_reason_required';
    elsif new.status = 'duplicate' and new.duplicate_of is null then
      raise exception using errcode = '22023', message = 'duplicate_of_required';
    elsif new.status = 'duplicate' and new.duplicate_of = new.id then
      raise exception using errcode = '22023', message = 'duplicate_of_self';
    elsif new.status = 'referred' and nullif(btrim(new.referred_to), '') is null then
      raise exception using errcode = '22023', message = 'referred_to_required';
    end if;

    if new.status = 'resolved' then
      new.resolved_at := v_at;
    elsif new.status = 'reopened' then
      -- A reopened report gets a fresh deadline from the moment it is reopened.
      select c.deadline_working_days into v_days from public.categories c where c.code = new.category_code;
      new.resolved_at := null;
      new.due_at := public.add_working_days(v_at, v_days);
    end if;
    new.updated_at := v_at;
  elsif (to_jsonb(new) - 'confirmations_count' - 'updated_at') <> (to_jsonb(old) - 'confirmations_count' - 'updated_at') then
    new.updated_at := v_at;
  end if;
  return new;
end;
$$;

create or replace function private.reports_after_update()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if private.is_report_transition(old, new) then
    insert into public.report_updates
      (report_id, from_status, to_status, public_note, internal_note, actor, actor_role, created_at)
    values (
      new.id,
      old.status,
      new.status,
      nullif(btrim(current_setting('qs.public_note', true)), ''),
      nullif(btrim(current_setting('qs.internal_note', true)), ''),
      auth.uid(),
      private.actor_role(),
      private.action_time()
    );
    -- Notes belong to this one change.
    perform private.set_update_context(null, null, nullif(current_setting('qs.actor_role', true), ''));
  end if;
  return null;
end;
$$;

create trigger reports_before_update
  before update on public.reports
  for each row execute function private.reports_before_update();
create trigger reports_after_update
  after update on public.reports
  for each row execute function private.reports_after_update();

-- Moderation of reports is audited (the state machine has its own history).
create trigger reports_audit_moderation
  after update of hidden, hidden_reason on public.reports
  for each row execute function private.audit_row_change('reporter_token_hash', 'contact_phone', 'contact_email');

-- History is append-only ------------------------------------------------------------------------------------

create trigger report_updates_is_append_only
  before update or delete on public.report_updates
  for each row execute function private.forbid_history_change();
create trigger report_updates_is_not_truncated
  before truncate on public.report_updates
  for each statement execute function private.forbid_history_change();

-- Photos: moderation and after-photos are audited -----------------------------------------------------------------------------

create trigger report_photos_audit
  after update or delete on public.report_photos
  for each row execute function private.audit_row_change();
create trigger report_photos_audit_after_photos
  after insert on public.report_photos
  for each row when (new.kind = 'after') execute function private.audit_row_change();

-- Confirmations keep the report's count -----------------------------------------------------------------------

create or replace function private.report_confirmations_after_insert()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.reports r set confirmations_count = r.confirmations_count + 1 where r.id = new.report_id;
  return null;
end;
$$;

create or replace function private.report_confirmations_after_delete()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.reports r set confirmations_count = greatest(r.confirmations_count - 1, 0) where r.id = old.report_id;
  return null;
end;
$$;

create trigger report_confirmations_count_insert
  after insert on public.report_confirmations
  for each row execute function private.report_confirmations_after_insert();
create trigger report_confirmations_count_delete
  after delete on public.report_confirmations
  for each row execute function private.report_confirmations_after_delete();

-- Ratings only after resolution -----------------------------------------------------------------------------

create or replace function private.report_ratings_before_insert()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not exists (
    select 1 from public.reports r where r.id = new.report_id and r.status in ('resolved', 'closed')
  ) then
    raise exception using errcode = 'P0001', message = 'report_not_resolved';
  end if;
  return new;
end;
$$;

create trigger report_ratings_only_when_resolved
  before insert or update of report_id on public.report_ratings
  for each row execute function private.report_ratings_before_insert();

revoke execute on all functions in schema private from public;
