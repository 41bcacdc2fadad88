-- Reference data every visitor may read: districts, departments and report categories (with their deadlines).
-- The rows are part of the migration, not the seed: production needs them too.
-- Writes: districts and departments change only through migrations; admins may edit categories.

-- Districts ---------------------------------------------------------------------------------------------------

create table public.districts (
  code text primary key check (code ~ '^[a-z][a-z_]{1,30}$'),
  name_zh text not null check (char_length(name_zh) between 1 and 50),
  name_en text not null check (char_length(name_en) between 1 and 80),
  sort_order integer not null default 0,
  centre extensions.geography(point, 4326) not null
);
comment on table public.districts is
  'Districts of Qingshan (fictional demo city). A report without a district gets the one with the nearest centre.';
comment on column public.districts.code is 'Stable lowercase id used in URLs, JWT app_metadata.district and reports.';
comment on column public.districts.centre is 'Approximate centre (WGS-84), used to derive a report''s district and the service area.';

insert into public.districts (code, name_zh, name_en, sort_order, centre) values
  ('dongcheng', '东城区', 'Dongcheng District', 1, extensions.st_geogfromtext('SRID=4326;POINT(114.11 22.59)')),
  ('xicheng', '西城区', 'Xicheng District', 2, extensions.st_geogfromtext('SRID=4326;POINT(114.01 22.60)')),
  ('nanhu', '南湖区', 'Nanhu District', 3, extensions.st_geogfromtext('SRID=4326;POINT(114.06 22.53)')),
  ('beishan', '北山区', 'Beishan District', 4, extensions.st_geogfromtext('SRID=4326;POINT(114.07 22.67)')),
  ('gaoxin', '高新区', 'Gaoxin (High-tech Zone)', 5, extensions.st_geogfromtext('SRID=4326;POINT(113.94 22.55)'));

-- Departments -------------------------------------------------------------------------------------------------

create table public.departments (
  code text primary key check (code ~ '^[a-z][a-z_]{1,40}$'),
  name_zh text not null check (char_length(name_zh) between 1 and 50),
  name_en text not null check (char_length(name_en) between 1 and 120)
);
comment on table public.departments is 'City departments that handle reports (the default one per category, or assigned by staff).';

insert into public.departments (code, name_zh, name_en) values
  ('sanitation', '市环境卫生管理处', 'City Sanitation Office'),
  ('landscaping', '市园林绿化局', 'Landscaping and Greening Bureau'),
  ('health', '市爱国卫生运动委员会办公室', 'Patriotic Health Campaign Office (pest control)'),
  ('urban_management', '市城市管理和综合执法局', 'Urban Management and Law Enforcement Bureau'),
  ('housing', '市住房和城乡建设局', 'Housing and Urban-Rural Development Bureau');

-- Categories --------------------------------------------------------------------------------------------------

create table public.categories (
  code text primary key check (code ~ '^[a-z][a-z_]{1,40}$'),
  name_zh text not null check (char_length(name_zh) between 1 and 30),
  name_en text not null check (char_length(name_en) between 1 and 80),
  hint_zh text not null check (char_length(hint_zh) between 1 and 200),
  hint_en text not null check (char_length(hint_en) between 1 and 300),
  description_zh text not null check (char_length(description_zh) between 1 and 1000),
  description_en text not null check (char_length(description_en) between 1 and 2000),
  icon text not null check (icon ~ '^[a-z][a-z-]{1,30}$'),
  campaign_area text not null check (
    campaign_area in ('environmental_sanitation', 'vector_control', 'ecological_environment')
  ),
  deadline_working_days integer not null check (deadline_working_days between 1 and 60),
  department_code text not null references public.departments (code),
  sort_order integer not null default 0,
  active boolean not null default true
);
comment on table public.categories is 'What a citizen can report, with the handling deadline (办理时限) and the responsible department.';
comment on column public.categories.hint_zh is 'One line shown under the category choice in the report form.';
comment on column public.categories.description_zh is 'Longer explanation for the guide and the category page.';
comment on column public.categories.icon is 'Id of an SVG icon in the site (no emoji): broom, trash, bin-full, toilet, dumping, pest, sorting, tree, facility, other.';
comment on column public.categories.campaign_area is
  'Area of the National Sanitary City standard it serves: environmental_sanitation (市容环境卫生), vector_control (病媒生物预防控制), ecological_environment (生态环境).';
comment on column public.categories.deadline_working_days is 'Working days (Asia/Shanghai, holidays table) from submission to the due time.';
comment on column public.categories.active is 'Inactive categories stay readable for old reports but cannot be chosen for new ones.';
create index categories_department_code_idx on public.categories (department_code);

insert into public.categories
  (code, sort_order, icon, campaign_area, deadline_working_days, department_code,
   name_zh, name_en, hint_zh, hint_en, description_zh, description_en)
values
  ('road_cleanliness', 1, 'broom', 'environmental_sanitation', 2, 'sanitation',
   '道路不洁', 'Dirty streets',
   '路面、人行道有垃圾、泥沙、油污或积水未清扫。',
   'Litter, mud, oil or standing water left on roads or pavements.',
   '主次干道、背街小巷和人行道每天都要清扫保洁，路面应干净、无暴露垃圾。发现路面有明显垃圾、泥沙、油污或积水，或者长时间无人清扫，请拍照反映，环卫部门会安排保洁。',
   'Main roads, side streets and pavements are swept every day and should be free of exposed litter. If you see obvious litter, mud, oil or standing water, or a street that has not been swept for a long time, send a photo and the sanitation office will arrange cleaning.'),
  ('garbage_pile', 2, 'trash', 'environmental_sanitation', 1, 'sanitation',
   '垃圾堆积、清运不及时', 'Rubbish piles and missed collections',
   '垃圾堆在路边、空地或小区里，或收集点过了清运时间还没清运。',
   'Rubbish heaped by the road, on open ground or in a housing estate, or a collection point that was missed.',
   '生活垃圾应当日产日清。垃圾在收集点外堆积、散落，或超过规定时间仍未清运，容易滋生蚊蝇鼠蟑、散发异味，请及时反映。',
   'Household waste should be collected on the day it is put out. Rubbish left outside a collection point, scattered around, or not collected on time attracts flies, mosquitoes, rats and cockroaches and smells. Report it so it can be cleared.'),
  ('overflowing_bin', 3, 'bin-full', 'environmental_sanitation', 1, 'sanitation',
   '垃圾桶满溢', 'Overflowing bins',
   '街边果皮箱或分类垃圾桶已满、溢出，或桶身脏污。',
   'A street litter bin or sorting bin is full, overflowing or filthy.',
   '果皮箱和分类垃圾桶应及时清掏、定期清洗，桶体完好，周边没有散落垃圾。请在描述中写明垃圾桶的大致位置，方便保洁员找到。',
   'Litter bins and sorting bins should be emptied promptly and washed regularly, with no rubbish lying around them. Say roughly where the bin stands so the cleaner can find it.'),
  ('dirty_toilet', 4, 'toilet', 'environmental_sanitation', 1, 'sanitation',
   '公厕不洁', 'Dirty public toilets',
   '公共厕所有异味、地面脏，缺纸巾、洗手液，或无法使用。',
   'A public toilet smells, has dirty floors, has no paper or soap, or cannot be used.',
   '公共厕所应当干净无异味、设施完好、按时开放。请写明公厕名称或附近地标，以及看到的问题，例如地面积水、便器堵塞、没有洗手液、未按时开放。',
   'Public toilets should be clean, free of smells, in working order and open at the posted hours. Give the toilet''s name or a nearby landmark and what you saw: wet floors, a blocked toilet, no soap, closed during opening hours.'),
  ('illegal_dumping', 5, 'dumping', 'environmental_sanitation', 3, 'urban_management',
   '乱倒垃圾', 'Illegal dumping',
   '建筑垃圾、装修垃圾或大件家具被倒在路边、河边或绿地。',
   'Building rubble, renovation waste or old furniture dumped by a road, a river or on green space.',
   '随意倾倒建筑垃圾、装修垃圾和大件垃圾是违法行为，由城管执法部门查处并组织清运。看到正在倾倒的车辆，可以记下车牌号，但请注意安全，不要当面阻拦。',
   'Dumping building, renovation or bulky waste is against the law; the urban management bureau investigates and has it removed. If you see a vehicle dumping, you may note its number plate, but stay safe and do not confront anyone.'),
  ('pests', 6, 'pest', 'vector_control', 5, 'health',
   '病媒生物（鼠、蚊、蝇、蟑）', 'Pests: rats, mosquitoes, flies, cockroaches',
   '看到老鼠或鼠洞，积水里有蚊子幼虫，或苍蝇、蟑螂明显聚集。',
   'Rats or rat holes, mosquito larvae in standing water, or many flies or cockroaches.',
   '病媒生物防制是创建国家卫生城市的重要内容。请反映公共场所的鼠迹、积水容器、蚊蝇孳生地和蟑螂聚集点。家中的虫害请联系物业或专业消杀机构。',
   'Pest control is a core part of the National Sanitary City standard. Report signs of rats, containers holding standing water, places where flies or mosquitoes breed and cockroach infestations in public places. For pests inside your home, contact your property manager or a licensed pest-control company.'),
  ('wrongly_sorted_waste', 7, 'sorting', 'environmental_sanitation', 3, 'sanitation',
   '垃圾分类不规范', 'Waste not sorted properly',
   '分类垃圾桶混投混放、缺少分类桶，或收运时混装混运。',
   'Sorted waste is mixed in the bins, sorting bins are missing, or a truck mixes sorted waste.',
   '生活垃圾分为可回收物、有害垃圾、厨余垃圾和其他垃圾四类。发现投放点长期混投、分类桶缺失，或收运时“先分后混”，请反映，我们会督促整改。不确定怎么分，可以先查垃圾分类指南。',
   'Household waste is sorted into four kinds: recyclables, hazardous waste, food waste and residual waste. Report collection points where waste is regularly mixed, sorting bins are missing, or sorted waste is mixed again during collection. Not sure which bin? Look it up in the waste-sorting guide first.'),
  ('damaged_greenery', 8, 'tree', 'ecological_environment', 5, 'landscaping',
   '绿化损毁', 'Damaged greenery',
   '树木倒伏、枯死，绿地被踩踏、侵占或堆放杂物。',
   'Fallen or dead trees, or green space that is trampled, occupied or used for dumping.',
   '公共绿地和行道树由园林绿化部门养护。请反映倒伏或有安全隐患的树木、枯死苗木，以及被毁坏或侵占的绿地。树木倒伏阻断交通或危及人身安全，请直接拨打 110 或 12345。',
   'Public green spaces and street trees are looked after by the landscaping bureau. Report fallen or unsafe trees, dead plants, and green space that is damaged or occupied. If a fallen tree blocks a road or puts anyone in danger, call 110 or 12345 straight away.'),
  ('broken_facility', 9, 'facility', 'environmental_sanitation', 5, 'sanitation',
   '环卫设施损坏', 'Broken sanitation facilities',
   '垃圾桶、果皮箱、公厕设施或垃圾收集站破损、缺失。',
   'Bins, litter baskets, toilet fittings or waste collection stations that are broken or missing.',
   '垃圾桶、果皮箱、公厕洁具、洗手设施和垃圾收集站应保持完好可用。请说明哪个设施坏了、具体在哪里，例如“公厕男厕第二个蹲位冲水阀坏了”。',
   'Bins, litter baskets, toilet fittings, hand-washing facilities and waste collection stations should be intact and usable. Say what is broken and exactly where, for example "the flush valve of the second cubicle in the men''s toilet is broken".'),
  ('other', 10, 'other', 'environmental_sanitation', 5, 'urban_management',
   '其他环境卫生问题', 'Other sanitation problems',
   '不属于以上类别的市容环境卫生问题。',
   'A street cleanliness or sanitation problem that fits none of the categories above.',
   '例如占道经营留下的垃圾、乱贴小广告、露天焚烧垃圾等。受理后我们会转交负责的部门；不属于本平台受理范围的事项，会告诉您应当联系哪个单位。',
   'For example, litter left by street stalls, illegal flyers and posters, or rubbish burned in the open. Once accepted, we pass your report to the department responsible; if it is outside our remit, we tell you whom to contact.');

-- Privileges and row-level security ---------------------------------------------------------------------------
-- Supabase grants everything on new public tables to the API roles; make the rules explicit instead.

revoke all on public.districts, public.departments, public.categories from anon, authenticated;
grant select on public.districts, public.departments, public.categories to anon, authenticated;
grant insert, update on public.categories to authenticated;

alter table public.districts enable row level security;
alter table public.departments enable row level security;
alter table public.categories enable row level security;

create policy "Visitors can read districts." on public.districts for select to anon using (true);
create policy "Signed-in users can read districts." on public.districts for select to authenticated using (true);
create policy "Visitors can read departments." on public.departments for select to anon using (true);
create policy "Signed-in users can read departments." on public.departments for select to authenticated using (true);
create policy "Visitors can read categories." on public.categories for select to anon using (true);
create policy "Signed-in users can read categories." on public.categories for select to authenticated using (true);
create policy "Admins can add categories." on public.categories for insert to authenticated
  with check ((select public.staff_role()) = 'admin');
create policy "Admins can edit categories." on public.categories for update to authenticated
  using ((select public.staff_role()) = 'admin')
  with check ((select public.staff_role()) = 'admin');
