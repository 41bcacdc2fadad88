/** @jsxImportSource react */
/**
 * The clean-day form of the console (new, edit, from reports): both languages side by side, times in city time,
 * the meeting place on a map or as coordinates, district, places and publishing. GOV.UK pattern: errors in a
 * summary at the top and next to each field; nothing typed is lost. The database checks everything again and
 * its answer lands next to the field it names.
 */
import { useState } from 'react';
import { fromCityDateTimeInput, toCityDateTimeInput } from '../../../lib/dates/index.ts';
import type { EventFields } from '../../../lib/events/console.ts';
import type { LngLat } from '../../../lib/geo/index.ts';
import { nameIn, useConsole } from '../context.ts';
import { ErrorSummary, Field, type FieldErrors } from '../Form.tsx';
import type { ConsoleKey } from '../messages.ts';
import ConsoleMap from './ConsoleMap.tsx';
import type { ReportPin } from './console-map.ts';
import { organiserErrorText } from './format.ts';

/** What the form holds: text as typed. */
export interface EventDraft {
  title_zh: string;
  title_en: string;
  description_zh: string;
  description_en: string;
  bring_zh: string;
  bring_en: string;
  place_zh: string;
  place_en: string;
  organiser_zh: string;
  organiser_en: string;
  starts_at: string;
  ends_at: string;
  lng: string;
  lat: string;
  district_code: string;
  capacity: string;
  status: 'draft' | 'published';
}

type TextField = Exclude<keyof EventDraft, 'status'>;

const PAIRS: [TextField, TextField, boolean][] = [
  ['title_zh', 'title_en', false],
  ['description_zh', 'description_en', true],
  ['bring_zh', 'bring_en', true],
  ['place_zh', 'place_en', false],
  ['organiser_zh', 'organiser_en', false],
];
const REQUIRED: TextField[] = [
  'title_zh',
  'title_en',
  'description_zh',
  'description_en',
  'place_zh',
  'place_en',
  'organiser_zh',
  'organiser_en',
];

export const fieldId = (field: string) => `ev-${field}`;

/** An empty form: next week, 09:00 to 11:30 city time, in the worker's district. */
export function blankDraft(district: string | null): EventDraft {
  const start = new Date(Date.now() + 7 * 86_400_000);
  const day = toCityDateTimeInput(start).slice(0, 10);
  return {
    title_zh: '',
    title_en: '',
    description_zh: '',
    description_en: '',
    bring_zh: '',
    bring_en: '',
    place_zh: '',
    place_en: '',
    organiser_zh: '',
    organiser_en: '',
    starts_at: `${day}T09:00`,
    ends_at: `${day}T11:30`,
    lng: '',
    lat: '',
    district_code: district ?? '',
    capacity: '30',
    status: 'published',
  };
}

/** Checks what the form can check alone; returns the fields to send, or the errors by field. */
export function readDraft(
  draft: EventDraft,
  t: (key: ConsoleKey) => string,
  locationOptional: boolean,
): { fields: EventFields } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  for (const field of REQUIRED)
    if (!draft[field].trim())
      errors[fieldId(field)] = t(`console.events.form.${field}`) + ': ' + t('console.events.form.required');
  const starts = fromCityDateTimeInput(draft.starts_at);
  const ends = fromCityDateTimeInput(draft.ends_at);
  if (!starts) errors[fieldId('starts_at')] = t('console.events.form.invalidTime');
  if (!ends) errors[fieldId('ends_at')] = t('console.events.form.invalidTime');
  else if (starts && (ends <= starts || ends.getTime() - starts.getTime() > 12 * 3_600_000)) {
    errors[fieldId('ends_at')] = t('console.events.form.endBeforeStart');
  }
  const bothEmpty = !draft.lng.trim() && !draft.lat.trim();
  const lng = Number(draft.lng);
  const lat = Number(draft.lat);
  if (
    !(locationOptional && bothEmpty) &&
    (!draft.lng.trim() || !Number.isFinite(lng) || !draft.lat.trim() || !Number.isFinite(lat))
  ) {
    errors[fieldId('lng')] = t('console.events.error.invalid_location');
  }
  if (!draft.district_code)
    errors[fieldId('district_code')] = t('console.events.error.invalid_district_code');
  const capacity = Number(draft.capacity);
  if (!/^\s*\d+\s*$/.test(draft.capacity) || capacity < 1 || capacity > 10000) {
    errors[fieldId('capacity')] = t('console.events.error.invalid_capacity');
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    fields: {
      title_zh: draft.title_zh,
      title_en: draft.title_en,
      description_zh: draft.description_zh,
      description_en: draft.description_en,
      bring_zh: draft.bring_zh,
      bring_en: draft.bring_en,
      place_zh: draft.place_zh,
      place_en: draft.place_en,
      organiser_zh: draft.organiser_zh,
      organiser_en: draft.organiser_en,
      starts_at: starts!.toISOString(),
      ends_at: ends!.toISOString(),
      lng: bothEmpty ? null : lng,
      lat: bothEmpty ? null : lat,
      district_code: draft.district_code,
      capacity,
      status: draft.status,
    },
  };
}

/** The field a database error key belongs to (invalid_title_zh → title_zh), or null for the form. */
function fieldOfKey(key: string): string | null {
  if (key === 'invalid_location') return 'lng';
  if (key === 'capacity_below_signups') return 'capacity';
  const match =
    /^invalid_(title|description|bring|place|organiser)_(zh|en)$|^invalid_(starts_at|ends_at|district_code|capacity)$/.exec(
      key,
    );
  if (!match) return null;
  return match[3] ?? `${match[1]}_${match[2]}`;
}

interface Props {
  initial: EventDraft;
  submitLabel: ConsoleKey;
  /** Creating from reports: an empty place means "the middle of the reports". */
  locationOptional?: boolean;
  reportPins?: ReportPin[];
  /** Sends the fields; a rejection with { key, detail } is shown next to its field. */
  onSubmit: (fields: EventFields) => Promise<void>;
  children?: React.ReactNode;
}

export default function EventForm({
  initial,
  submitLabel,
  locationOptional = false,
  reportPins,
  onSubmit,
  children,
}: Props) {
  const { t, messages, locale, identity, reference } = useConsole();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);

  const set = (field: TextField) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setDraft((d) => ({ ...d, [field]: value }));
  };
  const pick = (p: LngLat) => setDraft((d) => ({ ...d, lng: p.lng.toFixed(6), lat: p.lat.toFixed(6) }));
  const place: LngLat | null =
    draft.lng.trim() &&
    draft.lat.trim() &&
    Number.isFinite(Number(draft.lng)) &&
    Number.isFinite(Number(draft.lat))
      ? { lng: Number(draft.lng), lat: Number(draft.lat) }
      : null;

  const submit = async (event: { preventDefault: () => void }) => {
    event.preventDefault();
    if (saving) return;
    const read = readDraft(draft, t, locationOptional);
    setAttempt((n) => n + 1);
    setFormError(null);
    if ('errors' in read) return setErrors(read.errors);
    setErrors({});
    setSaving(true);
    try {
      await onSubmit(read.fields);
    } catch (failure) {
      const error = failure as { key?: string; detail?: string };
      const field = fieldOfKey(error.key ?? '');
      if (field) setErrors({ [fieldId(field)]: organiserErrorText(t, messages, error) });
      else setFormError(organiserErrorText(t, messages, error));
    } finally {
      setSaving(false);
    }
  };

  const text = (field: TextField, multiline: boolean, hint?: ConsoleKey) => (
    <Field
      key={field}
      id={fieldId(field)}
      label={t(`console.events.form.${field}` as ConsoleKey)}
      hint={hint ? t(hint) : undefined}
      error={errors[fieldId(field)]}
    >
      {(describedBy) =>
        multiline ? (
          <textarea
            id={fieldId(field)}
            className="c-textarea"
            rows={4}
            value={draft[field]}
            onChange={set(field)}
            aria-describedby={describedBy}
            aria-invalid={errors[fieldId(field)] ? true : undefined}
          />
        ) : (
          <input
            id={fieldId(field)}
            className="c-input"
            type="text"
            value={draft[field]}
            onChange={set(field)}
            aria-describedby={describedBy}
            aria-invalid={errors[fieldId(field)] ? true : undefined}
          />
        )
      }
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate className="c-events-form">
      <ErrorSummary errors={errors} focusKey={attempt} />
      {formError && (
        <p className="c-notice c-notice--error" role="alert">
          {formError}
        </p>
      )}
      {children}
      {PAIRS.map(([zh, en, multiline]) => (
        <div className="c-grid" key={zh}>
          {text(zh, multiline, zh === 'place_zh' ? 'console.events.form.placeHint' : undefined)}
          {text(en, multiline)}
        </div>
      ))}

      <div className="c-grid">
        {(['starts_at', 'ends_at'] as const).map((field) => (
          <Field
            key={field}
            id={fieldId(field)}
            label={t(`console.events.form.${field}`)}
            hint={t('console.events.form.timeHint')}
            error={errors[fieldId(field)]}
          >
            {(describedBy) => (
              <input
                id={fieldId(field)}
                className="c-input"
                type="datetime-local"
                value={draft[field]}
                onChange={set(field)}
                aria-describedby={describedBy}
                aria-invalid={errors[fieldId(field)] ? true : undefined}
              />
            )}
          </Field>
        ))}
      </div>

      <fieldset className="c-fieldset">
        <legend className="c-label">{t('console.events.form.location')}</legend>
        <p className="c-hint" id="ev-location-hint">
          {t('console.events.form.locationHint')}{' '}
          {locationOptional && t('console.events.form.locationFromReports')}
        </p>
        <ConsoleMap
          label={t('console.events.form.mapLabel')}
          reports={reportPins}
          place={place}
          onPick={pick}
        />
        <div className="c-grid">
          {(['lng', 'lat'] as const).map((field) => (
            <Field
              key={field}
              id={fieldId(field)}
              label={t(`console.events.form.${field}`)}
              error={field === 'lng' ? errors[fieldId('lng')] : undefined}
            >
              {(describedBy) => (
                <input
                  id={fieldId(field)}
                  className="c-input"
                  type="text"
                  inputMode="decimal"
                  value={draft[field]}
                  onChange={set(field)}
                  aria-describedby={[describedBy, 'ev-location-hint'].filter(Boolean).join(' ')}
                  aria-invalid={field === 'lng' && errors[fieldId('lng')] ? true : undefined}
                />
              )}
            </Field>
          ))}
        </div>
      </fieldset>

      <div className="c-grid">
        <Field
          id={fieldId('district_code')}
          label={t('console.events.form.district_code')}
          error={errors[fieldId('district_code')]}
        >
          {(describedBy) => (
            <select
              id={fieldId('district_code')}
              className="c-select"
              value={draft.district_code}
              onChange={set('district_code')}
              disabled={identity.role === 'worker'}
              aria-describedby={describedBy}
            >
              <option value="">—</option>
              {reference.districts.map((d) => (
                <option key={d.code} value={d.code}>
                  {nameIn(locale, reference.districts, d.code)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={fieldId('capacity')}
          label={t('console.events.form.capacity')}
          hint={t('console.events.form.capacityHint')}
          error={errors[fieldId('capacity')]}
        >
          {(describedBy) => (
            <input
              id={fieldId('capacity')}
              className="c-input c-input--short"
              type="text"
              inputMode="numeric"
              value={draft.capacity}
              onChange={set('capacity')}
              aria-describedby={describedBy}
              aria-invalid={errors[fieldId('capacity')] ? true : undefined}
            />
          )}
        </Field>
      </div>

      <fieldset className="c-fieldset">
        <legend className="c-label">{t('console.events.form.status')}</legend>
        <div className="c-radios">
          {(['published', 'draft'] as const).map((status) => (
            <div className="c-radio" key={status}>
              <input
                type="radio"
                id={`ev-status-${status}`}
                name="status"
                value={status}
                checked={draft.status === status}
                onChange={() => setDraft((d) => ({ ...d, status }))}
              />
              <label htmlFor={`ev-status-${status}`}>{t(`console.events.form.status.${status}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>

      <button type="submit" className="button" disabled={saving}>
        {saving ? t('console.events.form.saving') : t(submitLabel)}
      </button>
    </form>
  );
}
