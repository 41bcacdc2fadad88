-- Citizen reports and everything attached to them: photos, the status history, "me too" confirmations and
-- the reporter's rating. Also the allowed status transitions and the rate-limit log.
-- Behaviour (tracking codes, deadlines, the state machine, history) is in the next migration; privileges and
-- policies after that; the API functions last.

create type public.report_status as enum (
  'submitted', 'accepted', 'assigned', 'in_progress', 'resolved', 'closed',
  'rejected', 'duplicate', 'referred', 'reopened'
);
comment on type public.report_status is
  'submitted 已提交, accepted 受理, assigned 派单, in_progress 处置中, resolved 办结, closed 已关闭, rejected 不予受理, duplicate 重复, referred 转办, reopened 重新办理.';

-- Allowed transitions ---------------------------------------------------------------------------------------

create table public.report_transitions (
  from_status public.report_status not null,
  to_status public.report_status not null,
  staff_only boolean not null default false,
  primary key (from_status, to_status)
);
comment on table public.report_transitions is
  'The report state machine: every allowed status change. The trigger on reports rejects all others. staff_only transitions need a staff or admin (not a worker, not the reporter).';

insert into public.report_transitions (from_status, to_status, staff_only) values
  ('submitted', 'accepted', false),
  ('submitted', 'rejected', false),
  ('submitted', 'duplicate', false),
  ('submitted', 'referred', false),
  ('accepted', 'assigned', false),
  ('accepted', 'in_progress', false),
  ('accepted', 'rejected', false),
  ('accepted', 'duplicate', false),
  ('accepted', 'referred', false),
  ('assigned', 'assigned', false),
  ('assigned', 'in_progress', false),
  ('assigned', 'referred', false),
  ('assigned', 'rejected', false),
  ('in_progress', 'resolved', false),
  ('in_progress', 'assigned', false),
  ('resolved', 'closed', false),
  ('resolved', 'reopened', false),
  ('reopened', 'accepted', false),
  ('reopened', 'assigned', false),
  ('reopened', 'in_progress', false),
  ('reopened', 'rejected', false),
  ('reopened', 'duplicate', false),
  ('closed', 'reopened', true),
  ('rejected', 'reopened', true),
  ('duplicate', 'reopened', true),
  ('referred', 'reopened', true);

-- Reports ---------------------------------------------------------------------------------------------------

create table public.reports (
  id uuid primary key default gen_random_uuid(),
  tracking_code text not null unique
    check (tracking_code ~ '^QS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$'),
  category_code text not null references public.categories (code),
  description text not null check (char_length(description) between 10 and 2000),
  location extensions.geography(point, 4326) not null,
  address text check (char_length(address) <= 200),
  district_code text not null references public.districts (code),
  status public.report_status not null default 'submitted',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  due_at timestamptz not null,
  resolved_at timestamptz,
  contact_phone text check (contact_phone ~ '^(\+86)?(1[3-9][0-9]{9}|0[0-9]{9,11})$'),
  contact_email text check (char_length(contact_email) <= 254 and contact_email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
  is_anonymous boolean generated always as (contact_phone is null and contact_email is null) stored,
  idempotency_key uuid not null unique,
  duplicate_of uuid references public.reports (id),
  reject_reason text check (char_length(reject_reason) <= 500),
  referred_to text check (char_length(referred_to) <= 200),
  assigned_department text references public.departments (code),
  assigned_to uuid references auth.users (id) on delete set null,
  reporter_token_hash text check (reporter_token_hash ~ '^[0-9a-f]{64}$'),
  hidden boolean not null default false,
  hidden_reason text check (char_length(hidden_reason) <= 500),
  confirmations_count integer not null default 0 check (confirmations_count >= 0),
  constraint reports_rejected_needs_reason check (status <> 'rejected' or reject_reason is not null),
  constraint reports_duplicate_needs_original check (status <> 'duplicate' or duplicate_of is not null),
  constraint reports_not_duplicate_of_itself check (duplicate_of <> id),
  constraint reports_referred_needs_agency check (status <> 'referred' or referred_to is not null),
  constraint reports_hidden_needs_reason check (not hidden or hidden_reason is not null)
);
comment on table public.reports is
  'Citizen reports (工单). The public reads them only through RPC functions that return public columns of visible reports.';
comment on column public.reports.tracking_code is
  'Public tracking code QS-XXXX-XXXX: 8 random Crockford base32 characters (no I, L, O, U) from gen_random_bytes.';
comment on column public.reports.location is 'Where the problem is, WGS-84 (convert to GCJ-02 only for display on Chinese basemaps).';
comment on column public.reports.due_at is 'Deadline: the category''s working days after submission (or after reopening).';
comment on column public.reports.resolved_at is 'When the report was last resolved; cleared when it is reopened.';
comment on column public.reports.contact_phone is 'Optional reporter phone (private: staff and the district''s workers only).';
comment on column public.reports.contact_email is 'Optional reporter email (private: staff and the district''s workers only).';
comment on column public.reports.is_anonymous is 'True when the reporter left no contact details.';
comment on column public.reports.idempotency_key is 'Client-generated key: sending the same report twice creates it once.';
comment on column public.reports.reject_reason is 'Why the report was rejected (shown to the public).';
comment on column public.reports.referred_to is 'The agency the report was referred to (shown to the public).';
comment on column public.reports.reporter_token_hash is
  'sha256 hex of the secret reporter token given to the reporting device once. Never readable through the API.';
comment on column public.reports.hidden is 'Hidden by moderation: invisible to the public everywhere, photos included.';
comment on column public.reports.confirmations_count is 'Number of "me too" confirmations, maintained by a trigger.';

create index reports_location_idx on public.reports using gist (location) where not hidden;
create index reports_location_geometry_idx on public.reports
  using gist ((location::extensions.geometry)) where not hidden;
create index reports_district_code_idx on public.reports (district_code);
create index reports_category_code_idx on public.reports (category_code);
create index reports_status_idx on public.reports (status);
create index reports_created_at_idx on public.reports (created_at desc);
create index reports_duplicate_of_idx on public.reports (duplicate_of) where duplicate_of is not null;
create index reports_assigned_to_idx on public.reports (assigned_to) where assigned_to is not null;
create index reports_assigned_department_idx on public.reports (assigned_department);

-- Photos ----------------------------------------------------------------------------------------------------

create table public.report_photos (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references public.reports (id) on delete cascade,
  storage_path text not null unique,
  kind text not null check (kind in ('before', 'after')),
  sort_order smallint not null default 0 check (sort_order between 0 and 20),
  hidden boolean not null default false,
  hidden_reason text check (char_length(hidden_reason) <= 500),
  created_at timestamptz not null default now(),
  constraint report_photos_path_matches_kind check (
    (kind = 'before' and storage_path ~ '^pending/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(jpg|png|webp)$')
    or (kind = 'after' and storage_path ~ ('^after/' || report_id::text || '/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(jpg|png|webp)$'))
  ),
  constraint report_photos_hidden_needs_reason check (not hidden or hidden_reason is not null)
);
comment on table public.report_photos is
  'Photos of a report in the report-photos bucket: before (sent by the reporter, under pending/<idempotency_key>/) and after (by workers, under after/<report_id>/).';
comment on column public.report_photos.storage_path is 'Object name in the report-photos bucket.';
create index report_photos_report_id_idx on public.report_photos (report_id, sort_order);

-- Status history --------------------------------------------------------------------------------------------

create table public.report_updates (
  id bigint generated always as identity primary key,
  report_id uuid not null references public.reports (id) on delete cascade,
  from_status public.report_status,
  to_status public.report_status not null,
  public_note text check (char_length(public_note) <= 2000),
  internal_note text check (char_length(internal_note) <= 2000),
  actor uuid,
  actor_role text not null check (actor_role in ('public', 'reporter', 'worker', 'staff', 'admin', 'system')),
  created_at timestamptz not null default now()
);
comment on table public.report_updates is
  'Append-only status history of each report, written by the state machine trigger. from_status is null for the submission itself.';
comment on column public.report_updates.internal_note is 'Note for staff only; never returned to the public.';
comment on column public.report_updates.actor is 'auth.users id of the staff member, null for the public and the reporter (no foreign key: history outlives accounts).';
create index report_updates_report_id_idx on public.report_updates (report_id, created_at, id);

-- Confirmations and ratings ---------------------------------------------------------------------------------

create table public.report_confirmations (
  report_id uuid not null references public.reports (id) on delete cascade,
  device_hash text not null check (device_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now(),
  primary key (report_id, device_hash)
);
comment on table public.report_confirmations is '"Me too" confirmations of an open report, one per device (keyed hash of a device id).';

create table public.report_ratings (
  report_id uuid primary key references public.reports (id) on delete cascade,
  score smallint not null check (score between 1 and 5),
  comment text check (char_length(comment) <= 500),
  created_at timestamptz not null default now()
);
comment on table public.report_ratings is 'The reporter''s satisfaction rating (满意度 1-5) after resolution, one per report.';

-- Rate-limit log (private) ----------------------------------------------------------------------------------

create table private.rate_limit_events (
  id bigint generated always as identity primary key,
  action text not null,
  subject_hash text not null,
  created_at timestamptz not null default now()
);
comment on table private.rate_limit_events is
  'Recent rate-limited actions per client (keyed hash of the IP). Rows older than a day are pruned as new ones arrive.';
create index rate_limit_events_lookup_idx on private.rate_limit_events (action, subject_hash, created_at);
alter table private.rate_limit_events enable row level security;
