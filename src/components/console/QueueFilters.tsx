/** @jsxImportSource react */
/** Search and filters of the queue. Applying them changes the URL, so the list can be bookmarked and shared. */
import { useEffect, useState, type SubmitEvent } from 'react';
import { REPORT_STATUSES } from '../../lib/supabase/reports.ts';
import type { QueueFilters as Filters } from '../../lib/supabase/console.ts';
import { nameIn, statusLabel, useConsole } from './context.ts';
import { DEFAULT_FILTERS } from './url.ts';

export default function QueueFilters({
  filters,
  onApply,
}: {
  filters: Filters;
  onApply: (f: Filters) => void;
}) {
  const { t, messages, locale, identity, reference } = useConsole();
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [filters]);
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form className="c-filters" role="search" aria-label={t('console.filters.label')} onSubmit={submit}>
      <div className="c-field c-filters__search">
        <label className="c-label" htmlFor="filter-q">
          {t('console.filters.search')}
        </label>
        <div className="c-hint" id="filter-q-hint">
          {t('console.filters.searchHint')}
        </div>
        <input
          id="filter-q"
          className="c-input"
          type="search"
          value={draft.q}
          aria-describedby="filter-q-hint"
          onChange={(e) => set('q', e.target.value)}
        />
      </div>
      <div className="c-field">
        <label className="c-label" htmlFor="filter-status">
          {t('console.filters.status')}
        </label>
        <select
          id="filter-status"
          className="c-select"
          value={draft.status}
          onChange={(e) => set('status', e.target.value as Filters['status'])}
        >
          <option value="open">{t('console.filters.statusOpen')}</option>
          <option value="all">{t('console.filters.statusAll')}</option>
          {REPORT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(t, messages, s)}
            </option>
          ))}
        </select>
      </div>
      <div className="c-field">
        <label className="c-label" htmlFor="filter-category">
          {t('console.filters.category')}
        </label>
        <select
          id="filter-category"
          className="c-select"
          value={draft.category}
          onChange={(e) => set('category', e.target.value)}
        >
          <option value="">{t('console.filters.any')}</option>
          {reference.categories.map((c) => (
            <option key={c.code} value={c.code}>
              {nameIn(locale, reference.categories, c.code)}
            </option>
          ))}
        </select>
      </div>
      {identity.role !== 'worker' && (
        <div className="c-field">
          <label className="c-label" htmlFor="filter-district">
            {t('console.filters.district')}
          </label>
          <select
            id="filter-district"
            className="c-select"
            value={draft.district}
            onChange={(e) => set('district', e.target.value)}
          >
            <option value="">{t('console.filters.any')}</option>
            {reference.districts.map((d) => (
              <option key={d.code} value={d.code}>
                {nameIn(locale, reference.districts, d.code)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="c-field c-checkbox">
        <input
          id="filter-mine"
          type="checkbox"
          checked={draft.mine}
          onChange={(e) => set('mine', e.target.checked)}
        />
        <label htmlFor="filter-mine">{t('console.filters.mine')}</label>
      </div>
      <div className="c-actions">
        <button className="button" type="submit">
          {t('console.filters.apply')}
        </button>
        <button type="button" className="c-link-button" onClick={() => onApply(DEFAULT_FILTERS)}>
          {t('console.filters.clear')}
        </button>
      </div>
    </form>
  );
}
