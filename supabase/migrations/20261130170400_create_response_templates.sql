-- Staff console, part 5: response templates for public notes. A template belongs to a status change (the
-- action it is written for) and optionally to one category; both languages always. Staff roles read them;
-- admins edit them (audited). The rows are part of the migration: production needs them as much as the demo.

create table public.response_templates (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[a-z][a-z0-9_.]{1,80}$'),
  to_status public.report_status not null,
  category_code text references public.categories (code),
  title_zh text not null check (char_length(title_zh) between 1 and 50),
  title_en text not null check (char_length(title_en) between 1 and 100),
  body_zh text not null check (char_length(body_zh) between 1 and 1000),
  body_en text not null check (char_length(body_en) between 1 and 2000),
  sort_order integer not null default 0,
  active boolean not null default true
);
comment on table public.response_templates is
  'Ready-made public notes for the console, per status change and optionally per category (null: any category), in zh and en.';
comment on column public.response_templates.code is 'Stable id, e.g. resolved.garbage_pile.';
comment on column public.response_templates.to_status is 'The status change the note is written for.';
create index response_templates_lookup_idx on public.response_templates (to_status, category_code) where active;
create index response_templates_category_code_idx on public.response_templates (category_code);

create trigger response_templates_audit
  after insert or update or delete on public.response_templates
  for each row execute function private.audit_row_change();

revoke all on public.response_templates from anon, authenticated;
grant select on public.response_templates to authenticated;
grant insert (code, to_status, category_code, title_zh, title_en, body_zh, body_en, sort_order, active),
  update (to_status, category_code, title_zh, title_en, body_zh, body_en, sort_order, active)
  on public.response_templates to authenticated;
alter table public.response_templates enable row level security;
create policy "Staff and workers can read response templates." on public.response_templates
  for select to authenticated using ((select public.staff_role()) is not null);
create policy "Admins can add response templates." on public.response_templates
  for insert to authenticated with check ((select public.staff_role()) = 'admin');
create policy "Admins can edit response templates." on public.response_templates
  for update to authenticated
  using ((select public.staff_role()) = 'admin')
  with check ((select public.staff_role()) = 'admin');

insert into public.response_templates
  (code, to_status, category_code, sort_order, title_zh, title_en, body_zh, body_en)
values
  ('accepted.any', 'accepted', null, 1,
   '已受理', 'Accepted',
   '您反映的问题已受理，我们会尽快安排处理，请留意进度更新。',
   'We have accepted your report and will arrange for it to be dealt with soon. Watch this page for updates.'),
  ('assigned.any', 'assigned', null, 1,
   '已派单', 'Passed to the team',
   '已派给负责的部门处理，处理人员会按时限到现场。',
   'Your report has been passed to the department responsible. Their team will visit within the deadline.'),
  ('in_progress.any', 'in_progress', null, 1,
   '正在处理', 'Work under way',
   '处理人员已到现场，正在处理。',
   'The team is on site and the work is under way.'),
  ('resolved.road_cleanliness', 'resolved', 'road_cleanliness', 1,
   '路面已清扫', 'Street cleaned',
   '环卫工人已清扫路面，清除了垃圾和污渍，并加强了这一路段的日常保洁。',
   'Cleaners have swept the street and removed the litter and stains, and the daily cleaning of this stretch has been stepped up.'),
  ('resolved.garbage_pile', 'resolved', 'garbage_pile', 1,
   '垃圾已清运', 'Rubbish cleared',
   '堆积的垃圾已全部清运，周边已冲洗消杀。我们已提醒收运单位按时清运。',
   'The pile of rubbish has been taken away and the area washed and disinfected. The collection contractor has been reminded to keep to the schedule.'),
  ('resolved.overflowing_bin', 'resolved', 'overflowing_bin', 1,
   '垃圾桶已清掏', 'Bin emptied',
   '垃圾桶已清掏并清洗，周边散落垃圾已清理。',
   'The bin has been emptied and washed, and the litter around it cleared.'),
  ('resolved.dirty_toilet', 'resolved', 'dirty_toilet', 1,
   '公厕已保洁', 'Toilet cleaned',
   '公厕已全面清洁消毒，耗材已补齐，管理人员会按时巡查。',
   'The toilet has been cleaned and disinfected and supplies restocked. The attendant will check it on the regular rounds.'),
  ('resolved.illegal_dumping', 'resolved', 'illegal_dumping', 1,
   '倾倒垃圾已清运', 'Dumped waste removed',
   '倾倒的垃圾已清运完毕。城管执法部门已对此事立案调查。',
   'The dumped waste has been removed. The urban management bureau has opened an investigation.'),
  ('resolved.pests', 'resolved', 'pests', 1,
   '已完成消杀', 'Pest control done',
   '已对现场进行病媒生物消杀，清除了积水和孳生地，后续会定期复查。',
   'Pest control has been carried out on site and standing water and breeding spots removed. The site will be checked again regularly.'),
  ('resolved.wrongly_sorted_waste', 'resolved', 'wrongly_sorted_waste', 1,
   '已督促分类整改', 'Sorting put right',
   '已督促投放点和收运单位整改，分类桶已补齐，并安排了分类指导。',
   'The collection point and the collection contractor have been told to put things right, missing sorting bins replaced, and sorting guidance arranged.'),
  ('resolved.damaged_greenery', 'resolved', 'damaged_greenery', 1,
   '绿化已修复', 'Greenery repaired',
   '园林部门已处理倒伏或枯死树木，受损绿地已清理并安排补种。',
   'The landscaping team has dealt with the fallen or dead trees and cleared the damaged green space; replanting is scheduled.'),
  ('resolved.broken_facility', 'resolved', 'broken_facility', 1,
   '设施已修复', 'Facility repaired',
   '损坏的设施已维修或更换，可以正常使用。',
   'The broken facility has been repaired or replaced and can be used again.'),
  ('resolved.other', 'resolved', 'other', 1,
   '问题已处理', 'Dealt with',
   '您反映的问题已处理完毕。感谢您对创卫工作的支持。',
   'The problem you reported has been dealt with. Thank you for helping to keep Qingshan clean.'),
  ('closed.any', 'closed', null, 1,
   '办结归档', 'Closed',
   '此问题已办结归档。如果问题再次出现，请重新反映。',
   'This report is now closed. If the problem comes back, please send a new report.'),
  ('rejected.out_of_scope', 'rejected', null, 1,
   '不属于受理范围', 'Outside our remit',
   '此问题不属于本平台受理范围，请拨打 12345 市民服务热线反映。',
   'This problem is outside what this service handles. Please call the 12345 citizen hotline.'),
  ('rejected.not_found', 'rejected', null, 2,
   '现场未发现问题', 'Nothing found on site',
   '处理人员到现场核查，未发现所反映的问题。如问题仍然存在，请补充照片和更准确的位置后重新反映。',
   'Our team checked the place and could not find the problem. If it is still there, please send a new report with a photo and a more exact location.'),
  ('duplicate.any', 'duplicate', null, 1,
   '重复反映', 'Already reported',
   '此问题已有人反映，我们会在原工单中一并处理，您可以关注原工单的进度。',
   'Someone has already reported this problem. We are dealing with it under the original report, where you can follow the progress.'),
  ('referred.any', 'referred', null, 1,
   '已转办', 'Referred',
   '此问题由其他单位负责，已转交相关单位处理。',
   'Another agency is responsible for this problem, and we have passed your report on to them.'),
  ('reopened.any', 'reopened', null, 1,
   '重新办理', 'Reopened',
   '我们已重新打开此工单，会再次安排处理。',
   'We have reopened this report and will arrange for it to be dealt with again.');
