/**
 * Filters for the map and list: status, category, district and a date range. Field names are the URL's
 * parameters, so the form works as a plain GET form too; with JavaScript the explorer applies it in place.
 * Filters apply on submit, never on change, so nothing moves while someone is still choosing.
 */
import type { TargetedSubmitEvent } from 'preact';
import { REPORT_STATUSES, type NamedCode } from '../../lib/supabase/reports.ts';
import type { Translate } from './format.ts';
import type { ReportFilters } from './filters.ts';

interface Props {
  t: Translate;
  lang: string;
  filters: ReportFilters;
  categories: NamedCode[] | null;
  districts: NamedCode[] | null;
  /** Inline error for the date range, when "to" is before "from". */
  dateError: string | null;
  clearHref: string;
  onSubmit: (form: HTMLFormElement) => void;
}

const nameOf = (item: NamedCode, lang: string) => (lang === 'en' ? item.name_en : item.name_zh);

function CheckboxGroup(props: {
  name: string;
  legend: string;
  selectedText: string;
  options: { value: string; label: string }[] | null;
  checked: string[];
  loading: string;
}) {
  return (
    <details class="rf-group" open={props.checked.length > 0}>
      <summary>
        {props.legend}
        {props.checked.length > 0 && <span class="rf-group__count"> {props.selectedText}</span>}
      </summary>
      <fieldset class="rf-checkboxes">
        <legend class="visually-hidden">{props.legend}</legend>
        {props.options === null ? (
          <p class="meta">{props.loading}</p>
        ) : (
          props.options.map((option) => (
            <div class="rf-checkbox" key={option.value}>
              <input
                type="checkbox"
                id={`rf-${props.name}-${option.value}`}
                name={props.name}
                value={option.value}
                defaultChecked={props.checked.includes(option.value)}
              />
              <label for={`rf-${props.name}-${option.value}`}>{option.label}</label>
            </div>
          ))
        )}
      </fieldset>
    </details>
  );
}

export default function FilterForm({
  t,
  lang,
  filters,
  categories,
  districts,
  dateError,
  clearHref,
  onSubmit,
}: Props) {
  const submit = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(event.currentTarget);
  };
  const selected = (count: number) => t('reports.filters.selected_other', { count });

  return (
    <form class="rf-filters" method="get" onSubmit={submit} aria-labelledby="rf-filters-heading" noValidate>
      <h2 id="rf-filters-heading">{t('reports.filters.heading')}</h2>
      {dateError && (
        <div class="rf-error-summary" role="alert" aria-labelledby="rf-error-summary-title" tabIndex={-1}>
          <h3 id="rf-error-summary-title">{t('reports.filters.errorTitle')}</h3>
          <ul>
            <li>
              <a href="#rf-to">{dateError}</a>
            </li>
          </ul>
        </div>
      )}
      <CheckboxGroup
        name="status"
        legend={t('reports.filters.status')}
        selectedText={selected(filters.status.length)}
        options={REPORT_STATUSES.map((s) => ({ value: s, label: t(`reports.status.${s}`) }))}
        checked={filters.status}
        loading={t('reports.loading')}
      />
      <CheckboxGroup
        name="category"
        legend={t('reports.filters.category')}
        selectedText={selected(filters.category.length)}
        options={categories?.map((c) => ({ value: c.code, label: nameOf(c, lang) })) ?? null}
        checked={filters.category}
        loading={t('reports.loading')}
      />
      <CheckboxGroup
        name="district"
        legend={t('reports.filters.district')}
        selectedText={selected(filters.district.length)}
        options={districts?.map((d) => ({ value: d.code, label: nameOf(d, lang) })) ?? null}
        checked={filters.district}
        loading={t('reports.loading')}
      />
      <fieldset class="rf-dates" aria-describedby="rf-dates-hint">
        <legend>{t('reports.filters.dates')}</legend>
        <p id="rf-dates-hint" class="rf-hint">
          {t('reports.filters.datesHint')}
        </p>
        <div class="rf-dates__fields">
          <div class={`rf-field${dateError ? ' rf-field--error' : ''}`}>
            <label for="rf-from">{t('reports.filters.from')}</label>
            <input type="date" id="rf-from" name="from" defaultValue={filters.from ?? ''} />
          </div>
          <div class={`rf-field${dateError ? ' rf-field--error' : ''}`}>
            <label for="rf-to">{t('reports.filters.to')}</label>
            {dateError && (
              <p id="rf-to-error" class="rf-error">
                <span class="visually-hidden">{t('reports.filters.errorPrefix')}</span> {dateError}
              </p>
            )}
            <input
              type="date"
              id="rf-to"
              name="to"
              defaultValue={filters.to ?? ''}
              aria-invalid={dateError ? 'true' : undefined}
              aria-describedby={dateError ? 'rf-to-error' : undefined}
            />
          </div>
        </div>
      </fieldset>
      <div class="rf-actions">
        <button type="submit" class="button">
          {t('reports.filters.apply')}
        </button>
        <a href={clearHref}>{t('reports.filters.clear')}</a>
      </div>
    </form>
  );
}
