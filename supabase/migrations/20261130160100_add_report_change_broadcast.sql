-- Live report pages: where Supabase Realtime is installed (a hosted project), every change of a visible
-- report's public state is broadcast on the public topic 'report:<tracking code>' (event 'changed'), so open
-- report pages refresh at once instead of waiting for their next poll. The message holds only the code and
-- the status, which are public anyway. Without Realtime (the local stack) this migration does nothing and the
-- pages poll.

do $migration$
begin
  if to_regprocedure('realtime.send(jsonb, text, text, boolean)') is null then
    raise notice 'realtime.send not found: report change broadcasts are not installed (pages poll instead).';
    return;
  end if;

  create or replace function private.broadcast_report_change()
  returns trigger
  language plpgsql
  security definer
  set search_path = ''
  as $fn$
  begin
    if not new.hidden then
      perform realtime.send(
        jsonb_build_object('tracking_code', new.tracking_code, 'status', new.status),
        'changed',
        'report:' || new.tracking_code,
        false
      );
    end if;
    return null;
  end;
  $fn$;
  comment on function private.broadcast_report_change() is
    'Announces a change of a visible report on the public Realtime topic report:<tracking code>.';
  revoke execute on function private.broadcast_report_change() from public;

  create trigger reports_broadcast_change
    after update of status, due_at, resolved_at, confirmations_count, hidden on public.reports
    for each row execute function private.broadcast_report_change();
end;
$migration$;
