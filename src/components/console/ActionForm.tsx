/** @jsxImportSource react */
/**
 * One status change with its public note (templates available) and optional internal note, plus what that
 * change needs: a reason to reject, the original of a duplicate, the agency for a referral, a department and
 * person to assign, an after-photo to resolve. The browser checks the required fields only to answer quickly;
 * the database checks everything again.
 */
import { useState, type SubmitEvent } from 'react';
import type { PreparedPhoto } from '../../lib/images/index.ts';
import type { ReportStatus } from '../../lib/supabase/reports.ts';
import {
  changeStatus,
  resolveReport,
  uploadAfterPhoto,
  type ConsoleReport,
} from '../../lib/supabase/console.ts';
import { dynamicKey } from './messages.ts';
import { errorText, nameIn, useConsole } from './context.ts';
import { useDirectory } from './data.ts';
import { ErrorSummary, Field, type FieldErrors } from './Form.tsx';
import TemplatePicker from './TemplatePicker.tsx';
import AfterPhotoInput from './AfterPhotoInput.tsx';
import NoteFields from './NoteFields.tsx';
import DuplicatePicker from './DuplicatePicker.tsx';

interface Props {
  report: ConsoleReport;
  to: ReportStatus;
  onDone: (to: ReportStatus) => void;
  onCancel: () => void;
}

export default function ActionForm({ report, to, onDone, onCancel }: Props) {
  const { t, messages, locale, reference } = useConsole();
  const people = useDirectory();
  const category = reference.categories.find((c) => c.code === report.category_code);
  const [publicNote, setPublicNote] = useState('');
  const [internalNote, setInternalNote] = useState('');
  const [rejectReason, setRejectReason] = useState('');
  const [referredTo, setReferredTo] = useState('');
  const [duplicateOf, setDuplicateOf] = useState('');
  const [department, setDepartment] = useState(report.assigned_department ?? category?.department_code ?? '');
  const [assignee, setAssignee] = useState(report.assigned_to ?? '');
  const [photo, setPhoto] = useState<PreparedPhoto | null>(null);
  const [photoError, setPhotoError] = useState<string | undefined>();
  const [progress, setProgress] = useState<number | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const actionLabel = t(dynamicKey(messages, `console.action.${to}`, 'console.action.other'));

  const check = (): FieldErrors => {
    const next: FieldErrors = {};
    if (to === 'rejected' && !rejectReason.trim())
      next['action-reject-reason'] = t('console.error.reject_reason_required');
    if (to === 'duplicate' && !duplicateOf.trim())
      next['duplicate-code'] = t('console.error.duplicate_of_required');
    if (to === 'referred' && !referredTo.trim())
      next['action-referred-to'] = t('console.error.referred_to_required');
    if (to === 'resolved' && !photo)
      next['action-photo'] = photoError ?? t('console.error.after_photo_required');
    return next;
  };

  /** Puts a database error next to the field it is about, or on top of the form. */
  const fieldFor = (key: string): string =>
    ({
      reject_reason_required: 'action-reject-reason',
      invalid_reject_reason: 'action-reject-reason',
      duplicate_of_required: 'duplicate-code',
      duplicate_not_found: 'duplicate-code',
      duplicate_of_self: 'duplicate-code',
      referred_to_required: 'action-referred-to',
      invalid_referred_to: 'action-referred-to',
      after_photo_required: 'action-photo',
      invalid_photos: 'action-photo',
      upload_failed: 'action-photo',
      invalid_note: 'action-public-note',
      invalid_department: 'action-department',
      invalid_assignee: 'action-assignee',
      no_change: 'action-assignee',
    })[key] ?? 'action-public-note';

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = check();
    setErrors(next);
    setAttempt((n) => n + 1);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    try {
      if (to === 'resolved' && photo) {
        setProgress(0);
        const path = await uploadAfterPhoto(report.id, photo.blob, setProgress);
        await resolveReport(report.id, [path], { publicNote, internalNote });
      } else {
        await changeStatus(report.id, {
          to,
          publicNote,
          internalNote,
          rejectReason: to === 'rejected' ? rejectReason : undefined,
          duplicateOfCode: to === 'duplicate' ? duplicateOf.trim() : undefined,
          referredTo: to === 'referred' ? referredTo : undefined,
          department: to === 'assigned' ? department : undefined,
          assignee: to === 'assigned' ? assignee : undefined,
        });
      }
      onDone(to);
    } catch (error) {
      const key = (error as { key?: string }).key ?? 'unknown';
      setErrors({ [fieldFor(key)]: errorText(t, messages, key) });
      setAttempt((n) => n + 1);
      setProgress(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="c-panel c-action-form" noValidate onSubmit={submit} aria-labelledby="action-form-title">
      <h3 id="action-form-title" tabIndex={-1}>
        {actionLabel}
      </h3>
      <ErrorSummary errors={errors} focusKey={attempt} />
      {to === 'rejected' && (
        <Field
          id="action-reject-reason"
          label={t('console.reject.reason')}
          hint={t('console.reject.reasonHint')}
          error={errors['action-reject-reason']}
        >
          {(describedBy) => (
            <textarea
              id="action-reject-reason"
              className="c-textarea"
              rows={2}
              maxLength={500}
              value={rejectReason}
              aria-describedby={describedBy}
              aria-invalid={errors['action-reject-reason'] ? true : undefined}
              onChange={(e) => setRejectReason(e.target.value)}
            />
          )}
        </Field>
      )}
      {to === 'duplicate' && (
        <DuplicatePicker
          report={report}
          value={duplicateOf}
          error={errors['duplicate-code']}
          onChange={setDuplicateOf}
        />
      )}
      {to === 'referred' && (
        <Field
          id="action-referred-to"
          label={t('console.refer.agency')}
          hint={t('console.refer.agencyHint')}
          error={errors['action-referred-to']}
        >
          {(describedBy) => (
            <input
              id="action-referred-to"
              className="c-input"
              type="text"
              maxLength={200}
              value={referredTo}
              aria-describedby={describedBy}
              aria-invalid={errors['action-referred-to'] ? true : undefined}
              onChange={(e) => setReferredTo(e.target.value)}
            />
          )}
        </Field>
      )}
      {to === 'assigned' && (
        <div className="c-grid">
          <Field
            id="action-department"
            label={t('console.assign.department')}
            error={errors['action-department']}
          >
            {(describedBy) => (
              <select
                id="action-department"
                className="c-select"
                value={department}
                aria-describedby={describedBy}
                onChange={(e) => setDepartment(e.target.value)}
              >
                {reference.departments.map((d) => (
                  <option key={d.code} value={d.code}>
                    {nameIn(locale, reference.departments, d.code)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id="action-assignee"
            label={t('console.assign.person')}
            hint={t('console.assign.personHint')}
            error={errors['action-assignee']}
          >
            {(describedBy) => (
              <select
                id="action-assignee"
                className="c-select"
                value={assignee}
                aria-describedby={describedBy}
                onChange={(e) => setAssignee(e.target.value)}
              >
                <option value="">{t('console.assign.nobody')}</option>
                {people
                  .filter((p) => p.role && (p.role !== 'worker' || p.district === report.district_code))
                  .map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.email}
                    </option>
                  ))}
              </select>
            )}
          </Field>
        </div>
      )}
      {to === 'resolved' && (
        <AfterPhotoInput
          id="action-photo"
          error={errors['action-photo']}
          progress={progress}
          onChange={(prepared, failure) => {
            setPhoto(prepared);
            setPhotoError(failure);
            setErrors((current) => {
              const next = { ...current };
              if (failure) next['action-photo'] = failure;
              else delete next['action-photo'];
              return next;
            });
          }}
        />
      )}
      <TemplatePicker
        id="action-template"
        toStatus={to}
        category={report.category_code}
        onInsert={(text) => setPublicNote((n) => (n ? `${n}\n${text}` : text))}
      />
      <NoteFields
        idPrefix="action"
        publicNote={publicNote}
        onPublicNoteChange={setPublicNote}
        internalNote={internalNote}
        onInternalNoteChange={setInternalNote}
        publicNoteError={errors['action-public-note']}
      />
      <div className="c-actions">
        <button className="button" type="submit" disabled={busy}>
          {busy ? t('console.action.busy') : actionLabel}
        </button>
        <button type="button" className="c-link-button" onClick={onCancel}>
          {t('console.action.cancel')}
        </button>
      </div>
    </form>
  );
}
