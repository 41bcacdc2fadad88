-- The report state machine: every one of the 100 (from, to) status pairs through change_report_status as an
-- admin (legal ones succeed and append exactly one history row; illegal ones raise 'illegal_transition: …'),
-- staff-only reopening, required fields, role and district checks, notes, times and immutable columns.
begin;
\ir _fixtures.psql

-- Attempts p_from → p_to on a fresh report as p_who through change_report_status, with whatever the target
-- status needs. Returns 'ok' when the status changed and one matching history row was appended, else the error.
create function pg_temp.try_transition(p_who text, p_from public.report_status, p_to public.report_status)
returns text language plpgsql as $$
declare
  v_id uuid;
  v_other text;
  v_before integer;
  v_result text;
begin
  perform set_config('request.jwt.claims', '', true);
  reset role;
  v_id := pg_temp.new_report(p_from);
  v_other := pg_temp.code_of(pg_temp.new_report('submitted'));
  select count(*) into v_before from public.report_updates where report_id = v_id;
  begin
    perform set_config('request.jwt.claims', pg_temp.claims_of(p_who), true);
    execute format('set local role %I', pg_temp.db_role_of(p_who));
    perform public.change_report_status(
      v_id, p_to::text,
      p_public_note => '测试说明',
      p_reject_reason => '不属于受理范围',
      p_duplicate_of_code => v_other,
      p_referred_to => '市水务局',
      p_assigned_department => 'housing'
    );
    reset role;
    perform set_config('request.jwt.claims', '', true);
    v_result := case
      when (select status from public.reports where id = v_id) = p_to
       and (select count(*) from public.report_updates where report_id = v_id) = v_before + 1
       and exists (select 1 from public.report_updates
                   where report_id = v_id and from_status = p_from and to_status = p_to and public_note = '测试说明')
      then 'ok'
      else 'changed without a matching history row'
    end;
  exception when others then
    v_result := sqlerrm;
  end;
  reset role;
  perform set_config('request.jwt.claims', '', true);
  return v_result;
end;
$$;

create temp table pairs as
select f.s as from_status, t.s as to_status,
  exists (select 1 from public.report_transitions rt where rt.from_status = f.s and rt.to_status = t.s) as legal
from unnest(enum_range(null::public.report_status)) with ordinality as f(s, fo)
cross join unnest(enum_range(null::public.report_status)) with ordinality as t(s, tor);

select plan(100 + 1 + 4 + 33);

select is((select count(*)::int from public.report_transitions), 26, 'the state machine has 26 allowed transitions');

select is(
  pg_temp.try_transition('admin', from_status, to_status),
  case when legal then 'ok' else format('illegal_transition: %s → %s', from_status, to_status) end,
  format('%s → %s is %s', from_status, to_status, case when legal then 'allowed' else 'refused' end)
)
from pairs
order by from_status, to_status;

-- Staff-only: a worker of the right district cannot reopen closed, rejected, duplicate or referred reports.
select is(pg_temp.try_transition('worker', s, 'reopened'),
  format('illegal_transition: %s → reopened is for staff only', s),
  format('a worker cannot reopen a %s report', s))
from unnest(array['closed', 'rejected', 'duplicate', 'referred']::public.report_status[]) as s;

-- Roles and districts ------------------------------------------------------------------------------------------

select is(pg_temp.try_transition('worker', 'submitted', 'accepted'), 'ok', 'a worker accepts a report in their district');
select is(pg_temp.try_transition('staff', 'closed', 'reopened'), 'ok', 'staff reopen a closed report');
select is(pg_temp.try_transition('worker_b', 'submitted', 'accepted'), 'forbidden',
  'a worker of another district cannot change the report');
select is(pg_temp.try_transition('citizen', 'submitted', 'accepted'), 'forbidden', 'a citizen cannot change a status');
select is(pg_temp.try_transition('anon', 'submitted', 'accepted'), 'permission denied for function change_report_status',
  'anon cannot even call change_report_status');
select is(pg_temp.try_transition('service_role', 'submitted', 'accepted'), 'ok', 'the service role may change a status');

-- Required fields ------------------------------------------------------------------------------------------------

select pg_temp.new_report('submitted') as report_a \gset
select pg_temp.code_of(:'report_a') as code_a \gset
:as_staff
select throws_ok(format($$select public.change_report_status(%L, 'rejected')$$, :'report_a'),
  '22023', 'reject_reason_required', 'rejecting needs a reason');
select throws_ok(format($$select public.change_report_status(%L, 'rejected', p_reject_reason => '   ')$$, :'report_a'),
  '22023', 'reject_reason_required', 'a blank reason is no reason');
select throws_ok(format($$select public.change_report_status(%L, 'duplicate')$$, :'report_a'),
  '22023', 'duplicate_of_required', 'a duplicate needs the original''s code');
select throws_ok(format($$select public.change_report_status(%L, 'duplicate', p_duplicate_of_code => 'QS-0000-0000')$$, :'report_a'),
  '22023', 'duplicate_not_found', 'the original must exist');
select throws_ok(format($$select public.change_report_status(%L, 'duplicate', p_duplicate_of_code => %L)$$, :'report_a', lower(:'code_a')),
  '22023', 'duplicate_of_self', 'a report is not a duplicate of itself');
select throws_ok(format($$select public.change_report_status(%L, 'referred')$$, :'report_a'),
  '22023', 'referred_to_required', 'a referral names the agency');
select throws_ok(format($$select public.change_report_status(%L, 'flying')$$, :'report_a'),
  '22023', 'invalid_status', 'an unknown status is refused');
select throws_ok($$select public.change_report_status('00000000-0000-4000-8000-000000000000', 'accepted')$$,
  'P0001', 'report_not_found', 'an unknown report is refused');
select throws_ok(format($$select public.change_report_status(%L, 'accepted', p_assigned_department => 'nasa')$$, :'report_a'),
  '22023', 'invalid_department', 'an unknown department is refused');
select throws_ok(format($$select public.change_report_status(%L, 'accepted', p_assigned_to => '00000000-0000-4000-8000-000000000000')$$, :'report_a'),
  '22023', 'invalid_assignee', 'an unknown assignee is refused');
select throws_ok(format($$select public.change_report_status(%L, 'submitted')$$, :'report_a'),
  'P0001', 'illegal_transition: submitted → submitted', 'staying in the same status is not a transition');

-- Notes, actors, times ---------------------------------------------------------------------------------------------

select lives_ok(format($$select public.change_report_status(%L, 'accepted', p_public_note => '已受理，请耐心等待', p_internal_note => '联系人很急')$$, :'report_a'),
  'staff accept the report with notes');
select lives_ok(format($$select public.change_report_status(%L, 'assigned')$$, :'report_a'),
  'staff assign it without naming a department');
:as_system
select is((select assigned_department from public.reports where id = :'report_a'), 'sanitation',
  'assigning without a department uses the category''s department');
select results_eq(
  format($$select from_status::text, to_status::text, public_note, internal_note, actor::text, actor_role
           from public.report_updates where report_id = %L order by created_at, id$$, :'report_a'),
  format($$values (null, 'submitted', null, null, null, 'system'),
                  ('submitted', 'accepted', '已受理，请耐心等待', '联系人很急', %L, 'staff'),
                  ('accepted', 'assigned', null, null, %L, 'staff')$$, :'staff_id', :'staff_id'),
  'each change appends one history row with its own notes, the actor and the role'
);
:as_staff
select throws_ok(format($$select public.change_report_status(%L, 'assigned')$$, :'report_a'),
  'P0001', 'no_change', 'reassigning to the same department is refused');
select lives_ok(format($$select public.change_report_status(%L, 'assigned', p_assigned_to => %L)$$, :'report_a', :'worker_id'),
  'reassigning to a person is allowed (assigned → assigned)');
select lives_ok(format($$select public.change_report_status(%L, 'in_progress')$$, :'report_a'), 'work starts');
select lives_ok(format($$select public.change_report_status(%L, 'resolved', p_public_note => '已清理完毕')$$, :'report_a'), 'the report is resolved');
:as_system
select isnt((select resolved_at from public.reports where id = :'report_a'), null, 'resolving sets resolved_at');
update public.reports set status = 'reopened' where id = :'report_a';
select is((select resolved_at from public.reports where id = :'report_a'), null, 'reopening clears resolved_at');
select is((select due_at from public.reports where id = :'report_a'), public.add_working_days(now(), 1),
  'reopening gives a fresh deadline from now');

-- Direct writes obey the same machine ------------------------------------------------------------------------------

select throws_ok(format($$update public.reports set status = 'closed' where id = %L$$, pg_temp.new_report('submitted')),
  'P0001', 'illegal_transition: submitted → closed', 'a direct update to an illegal status is refused too');
select throws_ok(format($$update public.reports set status = 'rejected' where id = %L$$, pg_temp.new_report('submitted')),
  '22023', 'reject_reason_required', 'a direct rejection without a reason is refused');
select throws_ok($$insert into public.reports (category_code, description, location, district_code, idempotency_key, status)
                   values ('other', '一开始就已办结的问题', 'SRID=4326;POINT(114.1 22.6)', 'dongcheng', gen_random_uuid(), 'resolved')$$,
  'P0001', 'illegal_transition: (new) → resolved', 'a new report must start as submitted');
select throws_ok(format($$update public.reports set tracking_code = 'QS-AAAA-AAAA' where id = %L$$, :'report_a'),
  'P0001', 'immutable_column', 'the tracking code never changes');
select throws_ok(format($$update public.reports set reporter_token_hash = repeat('0', 64) where id = %L$$, :'report_a'),
  'P0001', 'immutable_column', 'the reporter token hash never changes');

select * from finish();
rollback;
