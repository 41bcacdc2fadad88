-- Read functions for following reports in public: the current status of a device's own reports ("my reports"),
-- and the public statistics page (counts, on-time completion rate 按期办结率, time to resolve, weekly trend).
-- Both are security definer and return only public columns and aggregates of visible reports.

-- report_summaries ------------------------------------------------------------------------------------------

create or replace function public.report_summaries(p_codes text[])
returns table (
  tracking_code text,
  category_code text,
  status public.report_status,
  district_code text,
  address text,
  created_at timestamptz,
  updated_at timestamptz,
  due_at timestamptz,
  resolved_at timestamptz
)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
begin
  if p_codes is null or cardinality(p_codes) > 100 then
    raise exception using errcode = '22023', message = 'invalid_codes', detail = '1 to 100 tracking codes.';
  end if;
  return query
    select r.tracking_code, r.category_code, r.status, r.district_code, r.address,
           r.created_at, r.updated_at, r.due_at, r.resolved_at
    from public.reports r
    where not r.hidden
      and r.tracking_code in (select private.normalize_tracking_code(c) from unnest(p_codes) as c)
    order by r.created_at desc;
end;
$$;
comment on function public.report_summaries(text[]) is
  'Current public status of up to 100 visible reports by tracking code (typed forms accepted), newest first. For "my reports" on a device; unknown or hidden codes are left out.';

-- report_stats ----------------------------------------------------------------------------------------------

-- Definitions (the stats page explains them in words):
--   counts             visible reports by current status, category and district (every row, zeros included).
--   on-time rate       resolved_on_time / (resolved_on_time + resolved_late + open_overdue), where resolved means
--                      status resolved or closed (resolved_on_time: resolved_at <= due_at), and open_overdue are
--                      reports still being handled (submitted, accepted, assigned, in_progress, reopened) whose
--                      due time has passed. Rejected, duplicate and referred reports are not the city's to
--                      resolve and are left out. null when the denominator is 0.
--   time to resolve    median of resolved_at - created_at over resolved and closed reports, in seconds.
--   weekly trend       the last 12 weeks (Monday to Sunday, Asia/Shanghai), the current week last: reports
--                      submitted that week and reports whose (latest) resolution fell in that week.
create or replace function public.report_stats()
returns json
language sql
stable
security definer
set search_path = ''
as $$
  with visible as (
    select r.status, r.category_code, r.district_code, r.created_at, r.due_at, r.resolved_at
    from public.reports r
    where not r.hidden
  ),
  this_week as (
    select date_trunc('week', now() at time zone 'Asia/Shanghai')::date as monday
  ),
  weeks as (
    select (w.monday - 7 * n)::date as week_start
    from this_week w, generate_series(0, 11) as n
  )
  select json_build_object(
    'generated_at', now(),
    'total', (select count(*) from visible),
    'by_status', (
      select json_agg(json_build_object('status', s.status, 'count', coalesce(n.count, 0)) order by s.ord)
      from unnest(enum_range(null::public.report_status)) with ordinality as s(status, ord)
      left join (select v.status, count(*) from visible v group by v.status) as n on n.status = s.status
    ),
    'by_category', (
      select json_agg(json_build_object('code', c.code, 'name_zh', c.name_zh, 'name_en', c.name_en,
               'count', coalesce(n.count, 0)) order by c.sort_order, c.code)
      from public.categories c
      left join (select v.category_code, count(*) from visible v group by v.category_code) as n
        on n.category_code = c.code
    ),
    'by_district', (
      select json_agg(json_build_object('code', d.code, 'name_zh', d.name_zh, 'name_en', d.name_en,
               'count', coalesce(n.count, 0)) order by d.sort_order, d.code)
      from public.districts d
      left join (select v.district_code, count(*) from visible v group by v.district_code) as n
        on n.district_code = d.code
    ),
    'on_time', (
      select json_build_object(
        'resolved_on_time', t.on_time,
        'resolved_late', t.late,
        'open_overdue', t.overdue,
        'rate', case when t.on_time + t.late + t.overdue > 0
                  then t.on_time::numeric / (t.on_time + t.late + t.overdue) end
      )
      from (
        select
          count(*) filter (where v.status in ('resolved', 'closed') and v.resolved_at <= v.due_at) as on_time,
          count(*) filter (where v.status in ('resolved', 'closed') and v.resolved_at > v.due_at) as late,
          count(*) filter (where v.status in ('submitted', 'accepted', 'assigned', 'in_progress', 'reopened')
                             and v.due_at < now()) as overdue
        from visible v
      ) as t
    ),
    'resolution', (
      select json_build_object(
        'resolved_count', count(*),
        'median_seconds', percentile_cont(0.5) within group (
          order by extract(epoch from v.resolved_at - v.created_at))
      )
      from visible v
      where v.status in ('resolved', 'closed') and v.resolved_at is not null
    ),
    'weekly', (
      select json_agg(json_build_object(
               'week_start', w.week_start,
               'submitted', coalesce(s.count, 0),
               'resolved', coalesce(d.count, 0)
             ) order by w.week_start)
      from weeks w
      left join (
        select date_trunc('week', v.created_at at time zone 'Asia/Shanghai')::date as week_start, count(*)
        from visible v group by 1
      ) as s on s.week_start = w.week_start
      left join (
        select date_trunc('week', v.resolved_at at time zone 'Asia/Shanghai')::date as week_start, count(*)
        from visible v where v.resolved_at is not null group by 1
      ) as d on d.week_start = w.week_start
    )
  )
$$;
comment on function public.report_stats() is
  'Public aggregates of visible reports for the stats page: counts by status/category/district, on-time completion rate, median time to resolve, and a 12-week trend. Definitions in the migration header.';

-- Execute privileges ----------------------------------------------------------------------------------------

revoke execute on function public.report_summaries(text[]), public.report_stats() from public, anon, authenticated;
grant execute on function public.report_summaries(text[]), public.report_stats()
  to anon, authenticated, service_role;
