/** @jsxImportSource react */
/**
 * Accept or assign several selected reports at once. The database decides for each report; the result says
 * which ones changed and why the others did not.
 */
import { useState, type SubmitEvent } from 'react';
import { bulkChangeStatus, type BulkResult, type Person } from '../../lib/supabase/console.ts';
import { errorText, nameIn, useConsole } from './context.ts';
import { ErrorSummary, Field, Notice, type FieldErrors } from './Form.tsx';
import TemplatePicker from './TemplatePicker.tsx';
import NoteFields from './NoteFields.tsx';

interface Props {
  selected: string[];
  people: Person[];
  onDone: () => void;
}

export default function BulkActions({ selected, people, onDone }: Props) {
  const { t, messages, locale, reference } = useConsole();
  const [action, setAction] = useState<'accepted' | 'assigned'>('accepted');
  const [department, setDepartment] = useState('');
  const [assignee, setAssignee] = useState('');
  const [publicNote, setPublicNote] = useState('');
  const [internalNote, setInternalNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<BulkResult[] | null>(null);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setResults(null);
    if (selected.length === 0) {
      setErrors({ 'bulk-accepted': t('console.bulk.error.none') });
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const outcome = await bulkChangeStatus(selected, action, {
        publicNote,
        internalNote,
        department: action === 'assigned' ? department : undefined,
        assignee: action === 'assigned' ? assignee : undefined,
      });
      setResults(outcome);
      if (outcome.some((r) => r.ok)) {
        setPublicNote('');
        setInternalNote('');
      }
      onDone();
    } catch (error) {
      setErrors({ 'bulk-accepted': errorText(t, messages, (error as { key?: string }).key ?? 'unknown') });
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const done = results?.filter((r) => r.ok).length ?? 0;
  return (
    <form className="c-panel c-bulk" noValidate onSubmit={submit} aria-labelledby="bulk-title">
      <h2 id="bulk-title" className="c-panel__title">
        {t('console.bulk.title', { count: selected.length })}
      </h2>
      <ErrorSummary errors={errors} focusKey={attempt} />
      <fieldset className="c-fieldset">
        <legend className="c-label">{t('console.bulk.action')}</legend>
        <div className="c-radios">
          {(['accepted', 'assigned'] as const).map((value) => (
            <div className="c-radio" key={value}>
              <input
                type="radio"
                id={`bulk-${value}`}
                name="bulk-action"
                value={value}
                checked={action === value}
                onChange={() => setAction(value)}
              />
              <label htmlFor={`bulk-${value}`}>
                {t(value === 'accepted' ? 'console.action.accepted' : 'console.action.assigned')}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {action === 'assigned' && (
        <div className="c-grid">
          <Field
            id="bulk-department"
            label={t('console.assign.department')}
            hint={t('console.assign.departmentHint')}
          >
            {(describedBy) => (
              <select
                id="bulk-department"
                className="c-select"
                value={department}
                aria-describedby={describedBy}
                onChange={(e) => setDepartment(e.target.value)}
              >
                <option value="">{t('console.assign.departmentDefault')}</option>
                {reference.departments.map((d) => (
                  <option key={d.code} value={d.code}>
                    {nameIn(locale, reference.departments, d.code)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="bulk-assignee" label={t('console.assign.person')}>
            {(describedBy) => (
              <select
                id="bulk-assignee"
                className="c-select"
                value={assignee}
                aria-describedby={describedBy}
                onChange={(e) => setAssignee(e.target.value)}
              >
                <option value="">{t('console.assign.nobody')}</option>
                {people
                  .filter((p) => p.role)
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
      <TemplatePicker
        id="bulk-template"
        toStatus={action}
        category={null}
        onInsert={(text) => setPublicNote((n) => (n ? `${n}\n${text}` : text))}
      />
      <NoteFields
        idPrefix="bulk"
        publicNote={publicNote}
        onPublicNoteChange={setPublicNote}
        internalNote={internalNote}
        onInternalNoteChange={setInternalNote}
      />
      <button className="button" type="submit" disabled={busy}>
        {t('console.bulk.submit', { count: selected.length })}
      </button>
      {results && (
        <div className="c-bulk__results">
          <Notice
            kind={done === results.length ? 'success' : 'error'}
            message={t('console.bulk.result', { done, count: results.length })}
          />
          <ul>
            {results
              .filter((r) => !r.ok)
              .map((r) => (
                <li key={r.report_id}>
                  {r.tracking_code ?? r.report_id}:{' '}
                  {errorText(t, messages, /^[a-z_]+/.exec(r.error ?? '')?.[0] ?? '')}
                </li>
              ))}
          </ul>
        </div>
      )}
    </form>
  );
}
