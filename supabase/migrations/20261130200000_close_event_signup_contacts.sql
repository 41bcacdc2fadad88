-- Clean-day sign-up contacts (and cancel-token hashes) are no longer readable straight from the table.
-- Staff and district workers read contacts through event_signups_for_staff(), which writes the audit log,
-- exactly as report contacts are read through view_report_contact(). Every other column stays readable under
-- the existing row-level policies.

revoke select on public.event_signups from authenticated;
grant select (id, event_id, name, party_size, status, created_at, updated_at, attended)
  on public.event_signups to authenticated;

comment on column public.event_signups.contact is
  'Phone or email, normalised (digits or lower case); one active sign-up per contact per event. Not selectable by API roles: read it through event_signups_for_staff(), which audits the read.';
