-- China's public holidays and adjusted working days (调休), and the working-day arithmetic used for report
-- deadlines. A working day is Monday to Friday unless the holidays table says otherwise: a listed day with
-- is_workday = false is a day off, a listed weekend day with is_workday = true is an adjusted working day.
-- All calendar arithmetic happens in Asia/Shanghai.

create table public.holidays (
  day date primary key,
  is_workday boolean not null,
  name_zh text not null check (char_length(name_zh) between 1 and 50),
  name_en text not null check (char_length(name_en) between 1 and 100),
  provisional boolean not null default false
);
comment on table public.holidays is
  'Public holidays (is_workday = false) and adjusted working weekend days (is_workday = true, 调休) in mainland China.';
comment on column public.holidays.provisional is
  'True for rows not yet confirmed by the State Council''s annual notice; replace them when it is published.';

-- 2026: 国务院办公厅关于2026年部分节假日安排的通知.
insert into public.holidays (day, is_workday, name_zh, name_en) values
  ('2026-01-01', false, '元旦', 'New Year''s Day'),
  ('2026-01-02', false, '元旦', 'New Year''s Day'),
  ('2026-01-03', false, '元旦', 'New Year''s Day'),
  ('2026-01-04', true, '元旦调休上班', 'Adjusted working day (New Year)'),
  ('2026-02-14', true, '春节调休上班', 'Adjusted working day (Spring Festival)'),
  ('2026-02-15', false, '春节', 'Spring Festival'),
  ('2026-02-16', false, '春节', 'Spring Festival'),
  ('2026-02-17', false, '春节', 'Spring Festival'),
  ('2026-02-18', false, '春节', 'Spring Festival'),
  ('2026-02-19', false, '春节', 'Spring Festival'),
  ('2026-02-20', false, '春节', 'Spring Festival'),
  ('2026-02-21', false, '春节', 'Spring Festival'),
  ('2026-02-22', false, '春节', 'Spring Festival'),
  ('2026-02-23', false, '春节', 'Spring Festival'),
  ('2026-02-28', true, '春节调休上班', 'Adjusted working day (Spring Festival)'),
  ('2026-04-04', false, '清明节', 'Qingming Festival'),
  ('2026-04-05', false, '清明节', 'Qingming Festival'),
  ('2026-04-06', false, '清明节', 'Qingming Festival'),
  ('2026-05-01', false, '劳动节', 'Labour Day'),
  ('2026-05-02', false, '劳动节', 'Labour Day'),
  ('2026-05-03', false, '劳动节', 'Labour Day'),
  ('2026-05-04', false, '劳动节', 'Labour Day'),
  ('2026-05-05', false, '劳动节', 'Labour Day'),
  ('2026-05-09', true, '劳动节调休上班', 'Adjusted working day (Labour Day)'),
  ('2026-06-19', false, '端午节', 'Dragon Boat Festival'),
  ('2026-06-20', false, '端午节', 'Dragon Boat Festival'),
  ('2026-06-21', false, '端午节', 'Dragon Boat Festival'),
  ('2026-09-20', true, '国庆节调休上班', 'Adjusted working day (National Day)'),
  ('2026-09-25', false, '中秋节', 'Mid-Autumn Festival'),
  ('2026-09-26', false, '中秋节', 'Mid-Autumn Festival'),
  ('2026-09-27', false, '中秋节', 'Mid-Autumn Festival'),
  ('2026-10-01', false, '国庆节', 'National Day'),
  ('2026-10-02', false, '国庆节', 'National Day'),
  ('2026-10-03', false, '国庆节', 'National Day'),
  ('2026-10-04', false, '国庆节', 'National Day'),
  ('2026-10-05', false, '国庆节', 'National Day'),
  ('2026-10-06', false, '国庆节', 'National Day'),
  ('2026-10-07', false, '国庆节', 'National Day'),
  ('2026-10-10', true, '国庆节调休上班', 'Adjusted working day (National Day)');

-- 2027: PROVISIONAL. The State Council's notice for 2027 was not known when this was written. These rows are
-- only the statutory holidays of the 2024 rules (全国年节及纪念日放假办法) on their 2027 dates, without the
-- bridge days and adjusted working days the notice will add. MUST BE UPDATED when the notice is published:
-- an admin can edit the table, or add a migration that replaces the 2027 rows and clears `provisional`.
insert into public.holidays (day, is_workday, name_zh, name_en, provisional) values
  ('2027-01-01', false, '元旦', 'New Year''s Day', true),
  ('2027-02-05', false, '春节（除夕）', 'Spring Festival (New Year''s Eve)', true),
  ('2027-02-06', false, '春节', 'Spring Festival', true),
  ('2027-02-07', false, '春节', 'Spring Festival', true),
  ('2027-02-08', false, '春节', 'Spring Festival', true),
  ('2027-04-05', false, '清明节', 'Qingming Festival', true),
  ('2027-05-01', false, '劳动节', 'Labour Day', true),
  ('2027-05-02', false, '劳动节', 'Labour Day', true),
  ('2027-06-09', false, '端午节', 'Dragon Boat Festival', true),
  ('2027-09-15', false, '中秋节', 'Mid-Autumn Festival', true),
  ('2027-10-01', false, '国庆节', 'National Day', true),
  ('2027-10-02', false, '国庆节', 'National Day', true),
  ('2027-10-03', false, '国庆节', 'National Day', true);

revoke all on public.holidays from anon, authenticated;
grant select on public.holidays to anon;
grant select, insert, update, delete on public.holidays to authenticated;

alter table public.holidays enable row level security;
create policy "Visitors can read holidays." on public.holidays for select to anon using (true);
create policy "Signed-in users can read holidays." on public.holidays for select to authenticated using (true);
create policy "Admins can add holidays." on public.holidays for insert to authenticated
  with check ((select public.staff_role()) = 'admin');
create policy "Admins can edit holidays." on public.holidays for update to authenticated
  using ((select public.staff_role()) = 'admin')
  with check ((select public.staff_role()) = 'admin');
create policy "Admins can delete holidays." on public.holidays for delete to authenticated
  using ((select public.staff_role()) = 'admin');

-- Working-day arithmetic --------------------------------------------------------------------------------------

create or replace function public.is_working_day(p_day date)
returns boolean
language sql
stable
set search_path = ''
as $$
  select coalesce(
    (select h.is_workday from public.holidays h where h.day = p_day),
    extract(isodow from p_day) < 6
  )
$$;
comment on function public.is_working_day(date) is
  'True when the date is a working day in mainland China: Mon-Fri unless a holiday, or an adjusted working weekend day.';

create or replace function public.add_working_days(p_from timestamptz, p_days integer)
returns timestamptz
language sql
stable
set search_path = ''
as $$
  -- The same Asia/Shanghai clock time on the p_days-th working day after the local date of p_from.
  -- A report sent on Friday 15:00 with 2 working days is due on Tuesday 15:00; one sent on a Saturday with 1
  -- working day is due on Monday at the same time. 0 days returns p_from itself.
  select case
    when p_from is null or p_days is null then null
    when p_days < 0 then null
    when p_days = 0 then p_from
    else (
      select (d.day + (p_from at time zone 'Asia/Shanghai')::time) at time zone 'Asia/Shanghai'
      from (
        select g::date as day
        from generate_series(
          (p_from at time zone 'Asia/Shanghai')::date + 1,
          (p_from at time zone 'Asia/Shanghai')::date + p_days * 3 + 30,
          interval '1 day'
        ) as g
        where public.is_working_day(g::date)
        order by g
        offset p_days - 1
        limit 1
      ) as d
    )
  end
$$;
comment on function public.add_working_days(timestamptz, integer) is
  'The same Asia/Shanghai clock time on the n-th working day after the local date of the given time (null for n < 0).';

revoke execute on function public.is_working_day(date), public.add_working_days(timestamptz, integer) from public;
grant execute on function public.is_working_day(date), public.add_working_days(timestamptz, integer)
  to anon, authenticated, service_role;
