/** @jsxImportSource react */
/**
 * "Create a clean day from reports" (/console/events/from-reports/): choose open reports in one area (with a
 * helper that adds those within 500 m of the chosen ones), see them on the map, describe the clean day, and the
 * database creates it with the reports linked. Recording its results later resolves them all.
 */
import { useEffect, useMemo, useState } from 'react';
import { formatDate } from '../../../lib/dates/index.ts';
import {
  createEventFromReports,
  fetchCandidateReports,
  type CandidateReport,
  type EventFields,
} from '../../../lib/events/console.ts';
import { distanceMeters } from '../../../lib/geo/index.ts';
import { nameIn, useConsole } from '../context.ts';
import EventForm, { blankDraft } from './EventForm.tsx';
import { useEventsLinks } from './events-context.ts';
import { organiserErrorText } from './format.ts';
import { OrganiserError } from '../../../lib/events/console.ts';

const NEARBY_M = 500;

export default function FromReports() {
  const { t, messages, locale, identity, reference } = useConsole();
  const { eventsPath } = useEventsLinks();
  const [district, setDistrict] = useState<string>(identity.district ?? '');
  const [reports, setReports] = useState<CandidateReport[] | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const initial = useMemo(() => blankDraft(identity.district), [identity.district]);

  useEffect(() => {
    setReports(null);
    fetchCandidateReports(district || null)
      .then(setReports)
      .catch((failure: { key?: string }) => setError(organiserErrorText(t, messages, failure)));
  }, [district, t, messages]);

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const addNearby = () => {
    if (!reports) return;
    const chosen = reports.filter((r) => selected.has(r.id));
    setSelected(
      new Set([
        ...selected,
        ...reports.filter((r) => chosen.some((c) => distanceMeters(c, r) <= NEARBY_M)).map((r) => r.id),
      ]),
    );
  };

  const pins = (reports ?? []).map((r) => ({
    id: r.id,
    lng: r.lng,
    lat: r.lat,
    label: r.tracking_code,
    selected: selected.has(r.id),
  }));

  const create = async (fields: EventFields) => {
    const ids = [...selected].filter((id) => reports?.some((r) => r.id === id));
    if (ids.length === 0) throw new OrganiserError('invalid_reports');
    const id = await createEventFromReports(fields, ids);
    window.location.assign(`${eventsPath}event/?id=${id}&saved=1`);
  };

  return (
    <section>
      <h1 tabIndex={-1}>{t('console.events.fromReports.heading')}</h1>
      <p>{t('console.events.fromReports.intro')}</p>
      {error && <p role="alert">{error}</p>}

      <h2>{t('console.events.fromReports.step1')}</h2>
      {identity.role !== 'worker' && (
        <div className="c-field">
          <label className="c-label" htmlFor="from-reports-district">
            {t('console.events.fromReports.district')}
          </label>
          <select
            id="from-reports-district"
            className="c-select"
            value={district}
            onChange={(e) => {
              setDistrict(e.currentTarget.value);
              setSelected(new Set());
            }}
          >
            <option value="">{t('console.events.fromReports.allDistricts')}</option>
            {reference.districts.map((d) => (
              <option key={d.code} value={d.code}>
                {nameIn(locale, reference.districts, d.code)}
              </option>
            ))}
          </select>
        </div>
      )}
      {!reports && !error && <p role="status">{t('console.loading')}</p>}
      {reports && reports.length === 0 && <p>{t('console.events.fromReports.empty')}</p>}
      {reports && reports.length > 0 && (
        <fieldset className="c-fieldset">
          <legend className="c-label">{t('console.events.fromReports.legend')}</legend>
          <p role="status" className="c-hint">
            {t('console.events.fromReports.selected', { count: selected.size })}
          </p>
          <ul className="c-list c-events-candidates">
            {reports.map((r) => (
              <li key={r.id} className="c-checkbox">
                <input
                  type="checkbox"
                  id={`candidate-${r.id}`}
                  checked={selected.has(r.id)}
                  onChange={(e) => toggle(r.id, e.currentTarget.checked)}
                />
                <label htmlFor={`candidate-${r.id}`}>
                  <strong>{r.tracking_code}</strong> · {nameIn(locale, reference.categories, r.category_code)}
                  {r.address && <> · {r.address}</>} · {formatDate(locale, r.created_at)}
                </label>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button c-button--secondary"
            onClick={addNearby}
            disabled={selected.size === 0}
          >
            {t('console.events.fromReports.nearby')}
          </button>
        </fieldset>
      )}

      <h2>{t('console.events.fromReports.step2')}</h2>
      <EventForm
        initial={initial}
        submitLabel="console.events.form.create"
        locationOptional
        reportPins={pins}
        onSubmit={create}
      />
    </section>
  );
}
