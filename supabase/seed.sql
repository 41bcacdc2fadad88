-- Demo data for local development: the fictional city of Qingshan (青山市). LOCAL ONLY — never run against a
-- real project (it creates accounts with a published password).
--
-- * Demo accounts (password demo-password-1): citizen@, worker@ (dongcheng), worker.xicheng@ (xicheng),
--   staff@, admin@demo.qingshan.example.
-- * 180 reports over the last 90 days across every category, district and status. Their history is made by
--   driving the real state machine (the triggers validate every step and write report_updates), backdated
--   with the qs.at setting that only a trusted session without a JWT may use.
-- * Everything is deterministic (ids, tracking codes, photo paths, tokens come from md5/sha256 of the report
--   number) except times, which are relative to now() so the data always looks current.
-- * Photos: report_photos rows and storage.objects rows; the image bytes are provided by the storage stand-in.
--   List: select storage_path from public.report_photos order by storage_path;
-- * A seeded report's reporter token is encode(sha256(convert_to('qingshan-demo-' || n, 'UTF8')), 'hex').

begin;

-- Demo accounts -------------------------------------------------------------------------------------------------

insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  confirmation_token, recovery_token, email_change_token_new, email_change,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
select '00000000-0000-0000-0000-000000000000', u.id, 'authenticated', 'authenticated', u.email,
  extensions.crypt('demo-password-1', extensions.gen_salt('bf')), now() - interval '120 days',
  '', '', '', '',
  u.app_meta, jsonb_build_object('display_name', u.display_name), now() - interval '120 days', now()
from (values
  ('d0000000-0000-4000-8000-000000000001'::uuid, 'citizen@demo.qingshan.example',
   '{"provider": "email", "providers": ["email"]}'::jsonb, '市民小陈'),
  ('d0000000-0000-4000-8000-000000000002'::uuid, 'worker@demo.qingshan.example',
   '{"provider": "email", "providers": ["email"], "role": "worker", "district": "dongcheng"}'::jsonb, '东城区网格员王师傅'),
  ('d0000000-0000-4000-8000-000000000003'::uuid, 'worker.xicheng@demo.qingshan.example',
   '{"provider": "email", "providers": ["email"], "role": "worker", "district": "xicheng"}'::jsonb, '西城区网格员李师傅'),
  ('d0000000-0000-4000-8000-000000000004'::uuid, 'staff@demo.qingshan.example',
   '{"provider": "email", "providers": ["email"], "role": "staff"}'::jsonb, '创卫办刘科长'),
  ('d0000000-0000-4000-8000-000000000005'::uuid, 'admin@demo.qingshan.example',
   '{"provider": "email", "providers": ["email"], "role": "admin"}'::jsonb, '系统管理员')
) as u(id, email, app_meta, display_name);

insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
select u.id::text, u.id, jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true),
  'email', null, u.created_at, u.created_at
from auth.users u
where u.email like '%@demo.qingshan.example';

-- Helpers (temporary, gone at the end of the session) ------------------------------------------------------------

-- A deterministic number in [0, 1) for a key.
create function pg_temp.rnd(p_key text) returns double precision language sql immutable as $$
  select ('x' || substr(md5(p_key), 1, 8))::bit(32)::bigint / 4294967296.0
$$;

-- A deterministic element of an array for a key.
create function pg_temp.pick(p_items text[], p_key text) returns text language sql immutable as $$
  select p_items[1 + floor(pg_temp.rnd(p_key) * cardinality(p_items))::int]
$$;

-- A deterministic tracking code for seeded report n (same alphabet and form as the real ones).
create function pg_temp.seed_code(p_n integer) returns text language sql immutable as $$
  select 'QS-' || substr(c, 1, 4) || '-' || substr(c, 5, 4)
  from (
    select string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ',
             (('x' || substr(md5('qs-seed-code-' || p_n), i * 2 + 1, 2))::bit(8)::int % 32) + 1, 1), '' order by i) as c
    from generate_series(0, 7) as i
  ) as chars
$$;

-- Moves a seeded report one step at a given time, by a given actor, through the real state machine.
create function pg_temp.step(
  p_id uuid, p_to public.report_status, p_at timestamptz, p_actor uuid, p_actor_role text,
  p_public_note text, p_internal_note text default null,
  p_reject_reason text default null, p_duplicate_of uuid default null, p_referred_to text default null,
  p_department text default null, p_assignee uuid default null
) returns void language plpgsql as $$
begin
  perform set_config('qs.at', p_at::text, true);
  perform set_config('request.jwt.claim.sub', coalesce(p_actor::text, ''), true);
  perform private.set_update_context(p_public_note, p_internal_note, p_actor_role);
  update public.reports
  set status = p_to,
      reject_reason = coalesce(p_reject_reason, reject_reason),
      duplicate_of = coalesce(p_duplicate_of, duplicate_of),
      referred_to = coalesce(p_referred_to, referred_to),
      assigned_department = coalesce(p_department, assigned_department),
      assigned_to = coalesce(p_assignee, assigned_to)
  where id = p_id;
  perform private.set_update_context(null, null, null);
  perform set_config('request.jwt.claim.sub', '', true);
  perform set_config('qs.at', '', true);
end;
$$;

-- Places per district (zh, en) ------------------------------------------------------------------------------------

create temp table seed_places (district_code text, n integer, place_zh text, place_en text);
insert into seed_places values
  ('dongcheng', 1, '青山大道与人民路交叉口', 'Qingshan Avenue at Renmin Road'),
  ('dongcheng', 2, '东湖公园南门', 'East Lake Park, south gate'),
  ('dongcheng', 3, '东城菜市场', 'Dongcheng food market'),
  ('dongcheng', 4, '解放路公交站', 'Jiefang Road bus stop'),
  ('dongcheng', 5, '青山路地铁站B出口', 'Qingshan Road metro station, exit B'),
  ('dongcheng', 6, '和平里小区北门', 'Hepingli estate, north gate'),
  ('xicheng', 1, '文昌路', 'Wenchang Road'),
  ('xicheng', 2, '西山广场', 'West Hill Square'),
  ('xicheng', 3, '建设路与文化路口', 'Jianshe Road at Wenhua Road'),
  ('xicheng', 4, '西城体育馆', 'Xicheng Gymnasium'),
  ('xicheng', 5, '老城区梧桐巷', 'Wutong Lane in the old town'),
  ('xicheng', 6, '西城中学后门', 'Xicheng Middle School, back gate'),
  ('nanhu', 1, '南湖公园', 'Nanhu Park'),
  ('nanhu', 2, '滨湖路', 'Binhu Road'),
  ('nanhu', 3, '南湖步行街', 'Nanhu pedestrian street'),
  ('nanhu', 4, '南湖长途汽车站', 'Nanhu coach station'),
  ('nanhu', 5, '湖滨社区', 'Hubin community'),
  ('nanhu', 6, '南湖夜市', 'Nanhu night market'),
  ('beishan', 1, '北山森林公园入口', 'Beishan Forest Park entrance'),
  ('beishan', 2, '山前路', 'Shanqian Road'),
  ('beishan', 3, '北山农贸市场', 'Beishan farmers'' market'),
  ('beishan', 4, '北环路', 'North Ring Road'),
  ('beishan', 5, '北山小学', 'Beishan Primary School'),
  ('beishan', 6, '翠屏社区', 'Cuiping community'),
  ('gaoxin', 1, '科技园一路', 'Science Park Road 1'),
  ('gaoxin', 2, '创新大道', 'Innovation Avenue'),
  ('gaoxin', 3, '高新区管委会', 'Gaoxin administration building'),
  ('gaoxin', 4, '软件园', 'Software Park'),
  ('gaoxin', 5, '高新地铁站', 'Gaoxin metro station'),
  ('gaoxin', 6, '工业园宿舍区', 'industrial park dormitories');

-- What people write, per category ({p} is the place) ----------------------------------------------------------------

create temp table seed_texts (category_code text, lang text, body text);
insert into seed_texts values
  ('road_cleanliness', 'zh', '{p}人行道上有很多烟头和纸屑，好几天没人扫了。'),
  ('road_cleanliness', 'zh', '{p}路面有一大片油污，下雨后很滑，有老人差点摔倒。'),
  ('road_cleanliness', 'zh', '{p}施工车辆带出的泥土洒了一路，车一过尘土飞扬。'),
  ('road_cleanliness', 'zh', '{p}路边积水发臭，上面漂着塑料袋和泡沫盒。'),
  ('road_cleanliness', 'zh', '{p}早上收摊后路面留下很多烂菜叶和塑料袋，一直没人清扫。'),
  ('road_cleanliness', 'en', 'Cigarette ends and paper all over the pavement at {p}; nobody has swept it for days.'),
  ('garbage_pile', 'zh', '{p}的垃圾收集点已经两天没清运了，垃圾堆到了路边。'),
  ('garbage_pile', 'zh', '{p}旁边有人把生活垃圾堆在绿化带边上，越堆越多。'),
  ('garbage_pile', 'zh', '{p}门口的垃圾堆引来很多苍蝇，气味很重，路过都要捂鼻子。'),
  ('garbage_pile', 'zh', '{p}夜宵摊收摊后垃圾没带走，堆在树下。'),
  ('garbage_pile', 'zh', '{p}附近空地上堆了很多生活垃圾，居民反映很久了。'),
  ('garbage_pile', 'en', 'The collection point at {p} has not been emptied for two days and bags are piling up on the pavement.'),
  ('overflowing_bin', 'zh', '{p}的果皮箱满了，垃圾掉了一地。'),
  ('overflowing_bin', 'zh', '{p}旁的分类垃圾桶已经溢出来，桶盖都合不上。'),
  ('overflowing_bin', 'zh', '{p}的几个垃圾桶又满又脏，周围很多苍蝇。'),
  ('overflowing_bin', 'zh', '{p}周末人多，垃圾桶中午就满了，建议增加清掏次数。'),
  ('overflowing_bin', 'en', 'The litter bins at {p} are overflowing again; rubbish is blowing across the square.'),
  ('dirty_toilet', 'zh', '{p}附近公厕男厕地面积水，气味很大。'),
  ('dirty_toilet', 'zh', '{p}公共厕所没有洗手液，也没有卫生纸。'),
  ('dirty_toilet', 'zh', '{p}公厕有两个蹲位堵塞，已经好几天了。'),
  ('dirty_toilet', 'zh', '{p}公厕牌子上写早上6点开放，7点了还锁着门。'),
  ('dirty_toilet', 'en', 'The public toilet near {p} has no soap or paper and the floor is wet and dirty.'),
  ('illegal_dumping', 'zh', '{p}附近河边被人倒了一大堆建筑垃圾。'),
  ('illegal_dumping', 'zh', '{p}晚上有货车偷偷倾倒装修垃圾，已经连续好几晚了。'),
  ('illegal_dumping', 'zh', '{p}旁边的绿地里被扔了旧沙发和床垫。'),
  ('illegal_dumping', 'zh', '{p}路边被倒了几十袋碎砖和水泥块，占了半条人行道。'),
  ('illegal_dumping', 'en', 'Someone has dumped old furniture and a mattress on the green next to {p}.'),
  ('pests', 'zh', '{p}的绿化带里晚上经常有老鼠跑来跑去。'),
  ('pests', 'zh', '{p}花坛边的废旧轮胎里有积水，蚊子很多。'),
  ('pests', 'zh', '{p}附近垃圾站苍蝇特别多。'),
  ('pests', 'zh', '{p}餐馆后巷晚上有很多蟑螂爬出来。'),
  ('pests', 'zh', '{p}墙角发现好几个鼠洞，还有咬过的痕迹。'),
  ('pests', 'en', 'Rats run through the flower beds at {p} every evening.'),
  ('wrongly_sorted_waste', 'zh', '{p}的厨余垃圾桶里混了很多塑料瓶和快递盒。'),
  ('wrongly_sorted_waste', 'zh', '{p}的投放点只有其他垃圾桶，没有可回收物桶。'),
  ('wrongly_sorted_waste', 'zh', '在{p}看到收运车把分好类的垃圾倒进了同一辆车。'),
  ('wrongly_sorted_waste', 'zh', '{p}的有害垃圾回收箱坏了，废电池被扔进了其他垃圾桶。'),
  ('wrongly_sorted_waste', 'en', 'At {p} the food-waste bin is full of plastic bottles and delivery boxes.'),
  ('damaged_greenery', 'zh', '{p}一棵行道树被风刮歪了，靠在路灯杆上。'),
  ('damaged_greenery', 'zh', '{p}的绿地被踩出一条路，草都死了。'),
  ('damaged_greenery', 'zh', '{p}的花坛被人种了菜，还堆了杂物。'),
  ('damaged_greenery', 'zh', '{p}几棵新种的树苗已经枯死，一直没有补种。'),
  ('damaged_greenery', 'en', 'A street tree at {p} was bent over by the wind and is leaning on a lamp post.'),
  ('broken_facility', 'zh', '{p}的分类垃圾桶桶盖坏了，雨水都灌进去了。'),
  ('broken_facility', 'zh', '{p}公厕洗手池的水龙头坏了，一直在漏水。'),
  ('broken_facility', 'zh', '{p}的果皮箱被车撞倒，底座断了。'),
  ('broken_facility', 'zh', '{p}的垃圾收集站门关不上，臭味散出来。'),
  ('broken_facility', 'en', 'The lid of the sorting bin at {p} is broken and rain gets in.'),
  ('other', 'zh', '{p}的电线杆和墙上贴满了小广告。'),
  ('other', 'zh', '{p}附近有人在空地上焚烧垃圾，烟很大。'),
  ('other', 'zh', '{p}的早餐摊占道经营，油污和垃圾留在路面上。'),
  ('other', 'zh', '有人在{p}附近河边洗拖把，把脏水倒进雨水口。'),
  ('other', 'en', 'Flyers and stickers cover every lamp post at {p}.');

create temp table seed_resolutions (category_code text, note text);
insert into seed_resolutions values
  ('road_cleanliness', '已安排保洁员清扫冲洗，路面恢复干净。'),
  ('garbage_pile', '垃圾已全部清运，已要求收运公司按时清运。'),
  ('overflowing_bin', '已清掏并清洗垃圾桶，周末增加一次清掏。'),
  ('dirty_toilet', '已保洁消毒并补充洗手液和纸巾。'),
  ('illegal_dumping', '已清运建筑垃圾，城管中队已加强夜间巡查。'),
  ('pests', '已清理积水容器并投放灭鼠毒饵站，将持续监测。'),
  ('wrongly_sorted_waste', '已补齐分类桶并约谈收运单位，要求分类运输。'),
  ('damaged_greenery', '已扶正加固树木，枯死苗木将在本月补种。'),
  ('broken_facility', '已更换损坏的设施。'),
  ('other', '已清理现场，相关部门已督促整改。');

-- Reports -------------------------------------------------------------------------------------------------------------

do $seed$
declare
  v_staff constant uuid := 'd0000000-0000-4000-8000-000000000004';
  v_worker_dongcheng constant uuid := 'd0000000-0000-4000-8000-000000000002';
  v_worker_xicheng constant uuid := 'd0000000-0000-4000-8000-000000000003';
  -- Weighted: rubbish and bins come up most often, as in real 12345 data.
  v_categories constant text[] := array[
    'road_cleanliness', 'road_cleanliness', 'road_cleanliness', 'garbage_pile', 'garbage_pile', 'garbage_pile',
    'overflowing_bin', 'overflowing_bin', 'dirty_toilet', 'dirty_toilet', 'illegal_dumping', 'pests', 'pests',
    'wrongly_sorted_waste', 'wrongly_sorted_waste', 'damaged_greenery', 'broken_facility', 'other'];
  v_districts constant text[] := array['dongcheng', 'dongcheng', 'xicheng', 'xicheng', 'nanhu', 'nanhu', 'beishan', 'gaoxin'];
  v_n integer;
  v_id uuid;
  v_key uuid;
  v_cat text;
  v_district text;
  v_centre extensions.geometry;
  v_place record;
  v_text record;
  v_angle double precision;
  v_radius_km double precision;
  v_age interval;
  v_created timestamptz;
  v_target public.report_status;
  v_r double precision;
  v_at timestamptz;
  v_step public.report_status;
  v_path public.report_status[];
  v_worker uuid;
  v_department text;
  v_original uuid;
  v_photo_count integer;
  v_resolved_at timestamptz;
  v_status public.report_status;
  v_i integer;
begin
  for v_n in 1..180 loop
    v_id := md5('qs-seed-report-' || v_n)::uuid;
    v_key := md5('qs-seed-key-' || v_n)::uuid;
    v_cat := pg_temp.pick(v_categories, 'cat' || v_n);
    v_district := pg_temp.pick(v_districts, 'district' || v_n);
    select d.centre::extensions.geometry into v_centre from public.districts d where d.code = v_district;
    select * into v_place from seed_places
    where district_code = v_district and n = 1 + floor(pg_temp.rnd('place' || v_n) * 6)::int;
    select * into v_text from seed_texts
    where category_code = v_cat and lang = case when pg_temp.rnd('lang' || v_n) < 0.12 then 'en' else 'zh' end
    order by md5(body || v_n) limit 1;

    -- Within about 3.5 km of the district centre, denser near it.
    v_angle := pg_temp.rnd('angle' || v_n) * 2 * pi();
    v_radius_km := 3.5 * sqrt(pg_temp.rnd('radius' || v_n));
    -- Ages from 2 hours to 90 days, more of them recent.
    v_age := make_interval(mins => (120 + power(pg_temp.rnd('age' || v_n), 1.7) * (90 * 24 * 60 - 120))::int);
    v_created := now() - v_age;

    insert into public.reports (id, tracking_code, category_code, description, location, address, district_code,
      created_at, contact_phone, contact_email, idempotency_key, reporter_token_hash)
    values (
      v_id, pg_temp.seed_code(v_n), v_cat,
      replace(v_text.body, '{p}', case when v_text.lang = 'en' then v_place.place_en else v_place.place_zh end),
      extensions.st_setsrid(extensions.st_makepoint(
        extensions.st_x(v_centre) + v_radius_km * cos(v_angle) / (111.32 * cos(radians(extensions.st_y(v_centre)))),
        extensions.st_y(v_centre) + v_radius_km * sin(v_angle) / 110.57), 4326)::extensions.geography,
      (select name_zh from public.districts where code = v_district) || v_place.place_zh
        || case when pg_temp.rnd('near' || v_n) < 0.5 then '附近' else '' end,
      v_district, v_created,
      case when pg_temp.rnd('contact' || v_n) < 0.3 then '1380013' || lpad((8000 + v_n)::text, 4, '0') end,
      case when pg_temp.rnd('contact' || v_n) between 0.3 and 0.45 then 'resident' || v_n || '@example.com' end,
      v_key,
      encode(extensions.digest(convert_to('qingshan-demo-' || v_n, 'UTF8'), 'sha256'), 'hex')
    );

    -- Where it is heading, by age: recent reports are still moving, older ones mostly finished, a few stuck
    -- (overdue). Resolved reports close 7 days later unless that is still in the future.
    v_r := pg_temp.rnd('status' || v_n);
    v_target := case
      when v_age < interval '6 hours' then case when v_r < 0.7 then 'submitted' else 'accepted' end
      when v_age < interval '2 days' then
        case when v_r < 0.2 then 'accepted' when v_r < 0.5 then 'assigned' when v_r < 0.75 then 'in_progress'
             when v_r < 0.9 then 'closed' else 'rejected' end
      when v_age < interval '14 days' then
        case when v_r < 0.05 then 'accepted' when v_r < 0.12 then 'assigned' when v_r < 0.22 then 'in_progress'
             when v_r < 0.75 then 'closed' when v_r < 0.82 then 'rejected' when v_r < 0.87 then 'duplicate'
             when v_r < 0.92 then 'referred' else 'reopened' end
      else
        case when v_r < 0.02 then 'accepted' when v_r < 0.05 then 'in_progress' when v_r < 0.71 then 'closed'
             when v_r < 0.79 then 'rejected' when v_r < 0.86 then 'duplicate' when v_r < 0.92 then 'referred'
             else 'reopened' end
    end::public.report_status;
    v_path := case v_target
      when 'submitted' then '{}'
      when 'accepted' then '{accepted}'
      when 'assigned' then '{accepted,assigned}'
      when 'in_progress' then '{accepted,assigned,in_progress}'
      when 'closed' then '{accepted,assigned,in_progress,resolved,closed}'
      when 'rejected' then '{rejected}'
      when 'duplicate' then '{duplicate}'
      when 'referred' then '{accepted,referred}'
      -- Reopened by the reporter; older ones were handled again and closed.
      when 'reopened' then case when v_age < interval '14 days'
        then '{accepted,assigned,in_progress,resolved,reopened}'
        else '{accepted,assigned,in_progress,resolved,reopened,in_progress,resolved,closed}' end
    end::public.report_status[];

    v_worker := case v_district when 'dongcheng' then v_worker_dongcheng when 'xicheng' then v_worker_xicheng end;
    select c.department_code into v_department from public.categories c where c.code = v_cat;
    v_at := v_created;
    v_resolved_at := null;
    for v_i in 1..coalesce(cardinality(v_path), 0) loop
      v_step := v_path[v_i];
      -- Time to this step; timelines that would reach into the future stop where "now" falls.
      v_at := v_at + case v_step
        when 'accepted' then make_interval(mins => (20 + pg_temp.rnd('t-acc' || v_n) * 400)::int)
        when 'assigned' then make_interval(mins => (30 + pg_temp.rnd('t-asg' || v_n) * 600)::int)
        when 'in_progress' then make_interval(mins => (60 + pg_temp.rnd('t-inp' || v_n || '-' || v_i) * 1400)::int)
        when 'resolved' then make_interval(mins => (120 + pg_temp.rnd('t-res' || v_n || '-' || v_i) * 4000)::int)
        when 'closed' then interval '7 days' + make_interval(mins => (pg_temp.rnd('t-clo' || v_n) * 60)::int)
        when 'reopened' then make_interval(mins => (600 + pg_temp.rnd('t-reo' || v_n) * 2000)::int)
        else make_interval(mins => (30 + pg_temp.rnd('t-other' || v_n) * 500)::int)
      end;
      exit when v_at > now() - interval '10 minutes';

      if v_step = 'duplicate' then
        select r.id into v_original from public.reports r
        where r.category_code = v_cat and r.district_code = v_district and r.created_at < v_created and r.id <> v_id
          and r.status <> 'duplicate'
        order by r.created_at desc limit 1;
        if v_original is null then
          perform pg_temp.step(v_id, 'rejected', v_at, v_staff, 'staff', '经核实，现场未发现所反映的问题。',
            p_reject_reason => '现场核查未发现所反映的问题。');
          exit;
        end if;
        perform pg_temp.step(v_id, 'duplicate', v_at, v_staff, 'staff',
          '与工单 ' || (select tracking_code from public.reports where id = v_original) || ' 反映的是同一问题，合并处理。',
          p_duplicate_of => v_original);
      elsif v_step = 'rejected' then
        perform pg_temp.step(v_id, 'rejected', v_at, v_staff, 'staff', null,
          p_reject_reason => pg_temp.pick(array[
            '经核实，该位置属于私人小区内部，请联系小区物业处理。',
            '现场核查未发现所反映的问题。',
            '反映的内容不属于环境卫生问题，请拨打12345市民热线。'], 'reject' || v_n));
      elsif v_step = 'referred' then
        perform pg_temp.step(v_id, 'referred', v_at, v_staff, 'staff', '该问题不属于本平台受理范围，已转交相关单位。',
          p_referred_to => pg_temp.pick(array['市水务局', '区交通运输局', '市供电公司', '区市场监督管理局'], 'referred' || v_n));
      elsif v_step = 'accepted' then
        perform pg_temp.step(v_id, 'accepted', v_at, v_staff, 'staff', '已受理，正在安排处理。',
          case when pg_temp.rnd('inote' || v_n) < 0.15 then '联系人要求处理后电话回访。' end);
      elsif v_step = 'assigned' then
        perform pg_temp.step(v_id, 'assigned', v_at, v_staff, 'staff',
          '已派单至' || (select name_zh from public.departments where code = v_department) || '。', null,
          p_department => v_department, p_assignee => v_worker);
      elsif v_step = 'in_progress' then
        perform pg_temp.step(v_id, 'in_progress', v_at, coalesce(v_worker, v_staff),
          case when v_worker is null then 'staff' else 'worker' end,
          case when v_i > 4 then '已重新安排人员复查处理。' else '工作人员已到现场处理。' end);
      elsif v_step = 'resolved' then
        perform pg_temp.step(v_id, 'resolved', v_at, coalesce(v_worker, v_staff),
          case when v_worker is null then 'staff' else 'worker' end,
          (select note from seed_resolutions where category_code = v_cat));
        v_resolved_at := v_at;
      elsif v_step = 'closed' then
        perform pg_temp.step(v_id, 'closed', v_at, null, 'system', '办结后7天内无异议，工单关闭。');
      elsif v_step = 'reopened' then
        perform pg_temp.step(v_id, 'reopened', v_at, null, 'reporter',
          pg_temp.pick(array['处理后第二天又出现了同样的问题。', '只清理了一半，角落里还有很多垃圾。',
                             'The same problem came back two days later.'], 'reopen' || v_n));
      end if;
    end loop;

    select r.status into v_status from public.reports r where r.id = v_id;

    -- Before-photos for about a third of the reports (one in a few has two).
    if pg_temp.rnd('photo' || v_n) < 0.32 then
      v_photo_count := case when pg_temp.rnd('photo2' || v_n) < 0.3 then 2 else 1 end;
      for i in 1..v_photo_count loop
        insert into storage.objects (bucket_id, name, metadata, created_at, updated_at)
        values ('report-photos', 'pending/' || v_key || '/' || md5('qs-seed-photo-' || v_n || '-' || i)::uuid || '.jpg',
          '{"mimetype": "image/jpeg"}', v_created, v_created);
        insert into public.report_photos (report_id, storage_path, kind, sort_order, created_at)
        values (v_id, 'pending/' || v_key || '/' || md5('qs-seed-photo-' || v_n || '-' || i)::uuid || '.jpg',
          'before', i - 1, v_created);
      end loop;
    end if;
    -- After-photos for some resolved reports.
    if v_resolved_at is not null and pg_temp.rnd('after' || v_n) < 0.45 then
      insert into storage.objects (bucket_id, name, metadata, created_at, updated_at)
      values ('report-photos', 'after/' || v_id || '/' || md5('qs-seed-after-' || v_n)::uuid || '.jpg',
        '{"mimetype": "image/jpeg"}', v_resolved_at, v_resolved_at);
      insert into public.report_photos (report_id, storage_path, kind, sort_order, created_at)
      values (v_id, 'after/' || v_id || '/' || md5('qs-seed-after-' || v_n)::uuid || '.jpg', 'after', 0, v_resolved_at);
    end if;

    -- "Me too" on open reports.
    if v_status not in ('resolved', 'closed', 'rejected', 'duplicate', 'referred')
       and pg_temp.rnd('confirm' || v_n) < 0.45 then
      insert into public.report_confirmations (report_id, device_hash, created_at)
      select v_id, encode(extensions.digest(convert_to('qs-seed-device-' || v_n || '-' || k, 'UTF8'), 'sha256'), 'hex'),
        v_created + (now() - v_created) * pg_temp.rnd('confirm-at' || v_n || '-' || k)
      from generate_series(1, 1 + floor(pg_temp.rnd('confirm-n' || v_n) * 9)::int) as k;
    end if;

    -- Satisfaction ratings on most finished reports.
    if v_status in ('resolved', 'closed') and pg_temp.rnd('rate' || v_n) < 0.65 then
      v_r := pg_temp.rnd('score' || v_n);
      insert into public.report_ratings (report_id, score, comment, created_at)
      values (
        v_id,
        case when v_r < 0.5 then 5 when v_r < 0.8 then 4 when v_r < 0.9 then 3 when v_r < 0.96 then 2 else 1 end,
        case when pg_temp.rnd('comment' || v_n) < 0.55 then
          case when v_r < 0.5 then pg_temp.pick(array['处理很及时，点赞！', '当天就清理干净了，谢谢。', 'Fixed within a day. Thank you!'], 'c5' || v_n)
               when v_r < 0.8 then pg_temp.pick(array['处理得不错，希望保持。', '比以前快多了。'], 'c4' || v_n)
               when v_r < 0.9 then '处理了，但过了好几天。'
               else pg_temp.pick(array['只是临时清理，过两天又脏了。', '没有人联系我，问题只解决了一部分。'], 'c1' || v_n)
          end
        end,
        least(v_resolved_at + make_interval(mins => (60 + pg_temp.rnd('rate-at' || v_n) * 2000)::int), now())
      );
    end if;
  end loop;

  -- Moderation examples: two hidden reports and one hidden photo.
  update public.reports set hidden = true, hidden_reason = '描述中含有他人的电话号码和姓名。'
  where id = md5('qs-seed-report-37')::uuid;
  update public.reports set hidden = true, hidden_reason = '同一设备短时间内重复提交的无关内容。'
  where id = md5('qs-seed-report-101')::uuid;
  update public.report_photos set hidden = true, hidden_reason = '照片中可以辨认出路人的面部。'
  where id = (select p.id from public.report_photos p
              join public.reports r on r.id = p.report_id and not r.hidden
              where p.kind = 'before' order by p.storage_path limit 1);
end;
$seed$;

-- Events ----------------------------------------------------------------------------------------------------------------

-- The Saturday p_weeks after the next one (0 = the coming Saturday, -1 = the one before), at p_time in Asia/Shanghai.
create function pg_temp.saturday(p_weeks integer, p_time time default '09:00') returns timestamptz language sql stable as $$
  select ((d + case when extract(isodow from d)::int = 6 then 7 else (6 - extract(isodow from d)::int + 7) % 7 end
             + 7 * p_weeks) + p_time) at time zone 'Asia/Shanghai'
  from (select (now() at time zone 'Asia/Shanghai')::date as d) as today
$$;

insert into public.events (id, title_zh, title_en, description_zh, description_en, bring_zh, bring_en, starts_at, ends_at,
  place_zh, place_en, location, district_code, capacity, organiser_zh, organiser_en, status, created_by, created_at)
values
  ('e5000000-0000-4000-8000-000000000001', '东湖公园湖岸清洁日', 'East Lake shoreline clean-up',
   '沿东湖湖岸捡拾垃圾、清理水边漂浮物。适合家庭参加，儿童需由家长陪同。活动结束后在南门广场集中分类。',
   'Pick up litter along the East Lake shore and clear rubbish from the water''s edge. Families are welcome; children must come with an adult. We sort what we collect at the south gate square at the end.',
   '请穿防滑鞋，自带水杯。手套、垃圾袋和拾物夹由主办方提供。', 'Wear non-slip shoes and bring a water bottle. Gloves, bags and litter pickers are provided.',
   pg_temp.saturday(0), pg_temp.saturday(0, '11:30'), '东湖公园南门广场', 'East Lake Park, south gate square',
   'SRID=4326;POINT(114.112 22.588)', 'dongcheng', 40, '东城区爱卫办', 'Dongcheng Patriotic Health Office', 'published',
   'd0000000-0000-4000-8000-000000000004', now() - interval '12 days'),
  ('e5000000-0000-4000-8000-000000000002', '老城区背街小巷大扫除', 'Old town back-lane clean-up',
   '和社区居民一起清扫梧桐巷一带的背街小巷，清理卫生死角和楼道杂物。',
   'Sweep the back lanes around Wutong Lane with local residents and clear neglected corners and cluttered stairwells.',
   '请穿长袖长裤。扫帚、簸箕和手套由社区提供。', 'Wear long sleeves and trousers. Brooms, dustpans and gloves are provided by the community.',
   pg_temp.saturday(0, '08:30'), pg_temp.saturday(0, '11:00'), '梧桐巷口（老城区）', 'Entrance of Wutong Lane, old town',
   'SRID=4326;POINT(114.004 22.603)', 'xicheng', 30, '西城区梧桐社区', 'Wutong Community, Xicheng', 'published',
   'd0000000-0000-4000-8000-000000000004', now() - interval '10 days'),
  ('e5000000-0000-4000-8000-000000000003', '南湖夜市“烟头不落地”', 'Nanhu night market: no cigarette ends on the ground',
   '夜市开市时段，在摊位间宣传文明经营，捡拾烟头，向摊主发放垃圾袋。',
   'During market hours, talk to stallholders about keeping their pitches clean, pick up cigarette ends and hand out rubbish bags.',
   '请穿志愿者马甲（现场发放），自带手电筒。', 'Volunteer vests are handed out on the spot; bring a torch.',
   pg_temp.saturday(1, '19:00') - interval '1 day', pg_temp.saturday(1, '21:00') - interval '1 day',
   '南湖夜市东入口', 'Nanhu night market, east entrance',
   'SRID=4326;POINT(114.061 22.528)', 'nanhu', 25, '南湖区城管执法局', 'Nanhu Urban Management Bureau', 'published',
   'd0000000-0000-4000-8000-000000000004', now() - interval '8 days'),
  ('e5000000-0000-4000-8000-000000000004', '北山森林公园步道捡拾', 'Beishan Forest Park trail litter pick',
   '沿北山主步道上山，捡拾游客遗留的垃圾，全程约5公里，中等强度。',
   'Walk the main Beishan trail and pick up litter left by visitors: about 5 km, moderate effort.',
   '请穿运动鞋，带水和防晒用品。', 'Wear trainers and bring water and sun protection.',
   pg_temp.saturday(1), pg_temp.saturday(1, '12:00'), '北山森林公园入口', 'Beishan Forest Park entrance',
   'SRID=4326;POINT(114.068 22.676)', 'beishan', 50, '北山区爱卫办', 'Beishan Patriotic Health Office', 'published',
   'd0000000-0000-4000-8000-000000000004', now() - interval '6 days'),
  ('e5000000-0000-4000-8000-000000000005', '科技园垃圾分类宣传日', 'Science Park waste-sorting day',
   '在园区食堂和快递点设摊，教大家分清厨余垃圾和其他垃圾，回收快递纸箱。',
   'Run stands at the canteens and parcel points of the Science Park, show people how to tell food waste from residual waste, and collect delivery boxes for recycling.',
   '无需自带物品。', 'Nothing to bring.',
   pg_temp.saturday(1, '10:00'), pg_temp.saturday(1, '12:00'), '科技园一路中心食堂门口', 'Central canteen, Science Park Road 1',
   'SRID=4326;POINT(113.938 22.552)', 'gaoxin', 20, '高新区管委会', 'Gaoxin Administration', 'published',
   'd0000000-0000-4000-8000-000000000004', now() - interval '5 days'),
  ('e5000000-0000-4000-8000-000000000006', '翠屏社区灭蚊行动：清理积水容器', 'Cuiping mosquito action: empty standing water',
   '入户宣传并清理楼顶、花盆、废旧轮胎里的积水，从源头减少蚊虫孳生。',
   'Visit homes and empty standing water on roofs, in flower pots and old tyres, to stop mosquitoes breeding at the source.',
   '请穿长袖，带驱蚊液。', 'Wear long sleeves and bring insect repellent.',
   pg_temp.saturday(2), pg_temp.saturday(2, '11:00'), '翠屏社区服务中心', 'Cuiping community service centre',
   'SRID=4326;POINT(114.079 22.664)', 'beishan', 30, '北山区爱卫办', 'Beishan Patriotic Health Office', 'published',
   'd0000000-0000-4000-8000-000000000004', now() - interval '4 days'),
  ('e5000000-0000-4000-8000-000000000007', '滨湖路河岸清洁', 'Binhu Road riverbank clean-up',
   '清理滨湖路沿河护栏内外的垃圾和漂浮物。',
   'Clear rubbish and floating debris along the railings of the Binhu Road riverbank.',
   '请穿防滑鞋。', 'Wear non-slip shoes.',
   pg_temp.saturday(3), pg_temp.saturday(3, '11:30'), '滨湖路与南湖路交叉口', 'Binhu Road at Nanhu Road',
   'SRID=4326;POINT(114.052 22.534)', 'nanhu', 35, '南湖区湖滨社区', 'Hubin Community, Nanhu', 'published',
   'd0000000-0000-4000-8000-000000000004', now() - interval '2 days'),
  ('e5000000-0000-4000-8000-000000000008', '东城区冬季大扫除（筹备中）', 'Dongcheng winter clean-up (in preparation)',
   '时间地点待定。', 'Date and place to be confirmed.', null, null,
   pg_temp.saturday(5), pg_temp.saturday(5, '12:00'), '待定', 'To be confirmed',
   'SRID=4326;POINT(114.11 22.59)', 'dongcheng', 100, '东城区爱卫办', 'Dongcheng Patriotic Health Office', 'draft',
   'd0000000-0000-4000-8000-000000000004', now() - interval '1 day'),
  ('e5000000-0000-4000-8000-000000000009', '西山广场清洁日（因天气取消）', 'West Hill Square clean day (cancelled: rain)',
   '受台风影响，本次活动取消，请关注下次活动。', 'Cancelled because of the typhoon warning. Watch for the next one.', null, null,
   pg_temp.saturday(1, '14:00'), pg_temp.saturday(1, '16:30'),
   '西山广场', 'West Hill Square',
   'SRID=4326;POINT(114.012 22.598)', 'xicheng', 40, '西城区爱卫办', 'Xicheng Patriotic Health Office', 'cancelled',
   'd0000000-0000-4000-8000-000000000004', now() - interval '15 days');

-- Past events with results.
insert into public.events (id, title_zh, title_en, description_zh, description_en, starts_at, ends_at, place_zh, place_en,
  location, district_code, capacity, organiser_zh, organiser_en, status, result_volunteers, result_bags_collected,
  result_summary_zh, result_summary_en, created_by, created_at)
values
  ('e5000000-0000-4000-8000-000000000011', '南湖公园环湖清洁', 'Nanhu Park lakeside clean-up',
   '环南湖公园捡拾垃圾。', 'Litter pick all the way round Nanhu Park.',
   pg_temp.saturday(-1), pg_temp.saturday(-1, '11:30'), '南湖公园北门', 'Nanhu Park, north gate',
   'SRID=4326;POINT(114.058 22.534)', 'nanhu', 40, '南湖区爱卫办', 'Nanhu Patriotic Health Office', 'completed',
   36, 58, '36位志愿者用两个半小时清理了环湖步道，共收集垃圾58袋，其中可回收物12袋。',
   '36 volunteers cleared the lakeside path in two and a half hours and collected 58 bags of rubbish, 12 of them recyclables.',
   'd0000000-0000-4000-8000-000000000004', now() - interval '40 days'),
  ('e5000000-0000-4000-8000-000000000012', '文昌路商业街清洁行动', 'Wenchang Road shopping street clean-up',
   '清理商业街的口香糖和小广告。', 'Remove chewing gum and flyers from the shopping street.',
   pg_temp.saturday(-3), pg_temp.saturday(-3, '11:00'), '文昌路步行街入口', 'Wenchang Road pedestrian street entrance',
   'SRID=4326;POINT(114.015 22.606)', 'xicheng', 25, '西城区城管执法局', 'Xicheng Urban Management Bureau', 'completed',
   22, 31, '22位志愿者铲除口香糖印迹300余处，清理小广告约500张。',
   '22 volunteers scraped off more than 300 pieces of chewing gum and removed about 500 flyers.',
   'd0000000-0000-4000-8000-000000000004', now() - interval '55 days'),
  ('e5000000-0000-4000-8000-000000000013', '高新区创新大道绿化带清洁', 'Innovation Avenue green-belt clean-up',
   '清理绿化带中的垃圾和枯枝。', 'Clear litter and dead branches from the green belt.',
   pg_temp.saturday(-6), pg_temp.saturday(-6, '11:30'), '创新大道软件园段', 'Innovation Avenue by the Software Park',
   'SRID=4326;POINT(113.945 22.548)', 'gaoxin', 60, '高新区管委会', 'Gaoxin Administration', 'completed',
   48, 75, '48位志愿者清理了2公里绿化带，收集垃圾75袋，发现并上报3处绿化损毁。',
   '48 volunteers cleaned 2 km of green belt, collected 75 bags of rubbish and reported 3 places of damaged greenery.',
   'd0000000-0000-4000-8000-000000000004', now() - interval '80 days');

-- Sign-ups: the Science Park day (20 places) is full with a waiting list; the others have a few.
insert into public.event_signups (event_id, name, contact, party_size, status, cancel_token_hash, created_at)
select e.event_id, e.name, e.contact, e.party_size,
  e.status, encode(extensions.digest(convert_to('qingshan-demo-cancel-' || e.k, 'UTF8'), 'sha256'), 'hex'),
  now() - make_interval(hours => 100 - e.k)
from (values
  (1, 'e5000000-0000-4000-8000-000000000005'::uuid, '陈小明', 'chenxm@example.com', 4, 'confirmed'),
  (2, 'e5000000-0000-4000-8000-000000000005'::uuid, '林芳', '13800138101', 2, 'confirmed'),
  (3, 'e5000000-0000-4000-8000-000000000005'::uuid, '张伟一家', '13800138102', 5, 'confirmed'),
  (4, 'e5000000-0000-4000-8000-000000000005'::uuid, '软件园志愿队', 'volunteers@software-park.example', 8, 'confirmed'),
  (5, 'e5000000-0000-4000-8000-000000000005'::uuid, '王磊', 'wanglei@example.com', 1, 'confirmed'),
  (6, 'e5000000-0000-4000-8000-000000000005'::uuid, '赵静', '13800138103', 2, 'waitlisted'),
  (7, 'e5000000-0000-4000-8000-000000000005'::uuid, 'Tom Li', 'tom.li@example.com', 1, 'waitlisted'),
  (8, 'e5000000-0000-4000-8000-000000000001'::uuid, '刘洋', '13800138104', 2, 'confirmed'),
  (9, 'e5000000-0000-4000-8000-000000000001'::uuid, '周敏', 'zhoumin@example.com', 1, 'confirmed'),
  (10, 'e5000000-0000-4000-8000-000000000001'::uuid, '青山一中环保社', 'eco-club@qingshan-no1.example', 10, 'confirmed'),
  (11, 'e5000000-0000-4000-8000-000000000002'::uuid, '黄丽', '13800138105', 3, 'confirmed'),
  (12, 'e5000000-0000-4000-8000-000000000004'::uuid, '户外爱好者协会', 'hiking@example.com', 10, 'confirmed'),
  (13, 'e5000000-0000-4000-8000-000000000004'::uuid, 'Anna Zhou', 'anna.zhou@example.com', 2, 'confirmed'),
  (14, 'e5000000-0000-4000-8000-000000000006'::uuid, '孙阿姨', '13800138106', 1, 'confirmed'),
  (15, 'e5000000-0000-4000-8000-000000000011'::uuid, '吴强', '13800138107', 2, 'confirmed'),
  (16, 'e5000000-0000-4000-8000-000000000011'::uuid, '郑爽', 'zhengshuang@example.com', 1, 'confirmed')
) as e(k, event_id, name, contact, party_size, status)
order by e.k;

commit;
