/** @jsxImportSource react */
/**
 * The triage queue: open reports by due time (overdue first), filters and search kept in the URL, counts per
 * status, selection for bulk accept/assign, CSV export of the filtered list. A worker sees their district only
 * (row-level security); nothing here filters by role.
 */
import { useCallback, useEffect, useState } from 'react';
import {
  fetchQueue,
  fetchStatusCounts,
  QUEUE_PAGE,
  type QueueFilters as Filters,
  type QueueRow,
  type StatusCount,
} from '../../lib/supabase/console.ts';
import { errorText, nameIn, useConsole } from './context.ts';
import { useDirectory } from './data.ts';
import { filtersFromSearch, QUEUE_SEARCH_KEY, searchFromFilters } from './url.ts';
import QueueFilters from './QueueFilters.tsx';
import StatusCounts from './StatusCounts.tsx';
import QueueItem from './QueueItem.tsx';
import BulkActions from './BulkActions.tsx';
import ExportCsv from './ExportCsv.tsx';

export default function Queue() {
  const { t, messages, locale, identity, reference } = useConsole();
  const people = useDirectory();
  const [filters, setFilters] = useState<Filters>(() => filtersFromSearch(window.location.search));
  const [rows, setRows] = useState<QueueRow[] | null>(null);
  const [counts, setCounts] = useState<StatusCount[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [reload, setReload] = useState(0);

  useEffect(() => {
    const onPop = () => setFilters(filtersFromSearch(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    let active = true;
    setLoading(true);
    sessionStorage.setItem(QUEUE_SEARCH_KEY, searchFromFilters(filters));
    Promise.all([fetchQueue(filters), fetchStatusCounts(filters)])
      .then(([queue, perStatus]) => {
        if (!active) return;
        setRows(queue);
        setCounts(perStatus);
        setError(null);
        // Only reports still in the list stay selected.
        setSelected((current) => new Set(queue.filter((r) => current.has(r.id)).map((r) => r.id)));
      })
      .catch((failure: unknown) => {
        if (active) setError(errorText(t, messages, (failure as { key?: string }).key ?? 'unknown'));
      })
      .finally(() => active && setLoading(false));
    return () => {
      active = false;
    };
  }, [filters, reload, t, messages]);

  const apply = useCallback((next: Filters) => {
    const search = searchFromFilters(next);
    if (search !== window.location.search) {
      window.history.pushState(null, '', `${window.location.pathname}${search}`);
    }
    setFilters(next);
  }, []);

  const more = async () => {
    if (!rows) return;
    setLoading(true);
    try {
      const next = await fetchQueue(filters, rows.length);
      setRows([...rows, ...next]);
    } catch (failure) {
      setError(errorText(t, messages, (failure as { key?: string }).key ?? 'unknown'));
    } finally {
      setLoading(false);
    }
  };

  const select = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const total = rows?.[0]?.total_count ?? 0;
  return (
    <section className="c-queue">
      <h1 tabIndex={-1}>{t('console.queue.title')}</h1>
      {identity.role === 'worker' && identity.district && (
        <p>
          {t('console.queue.workerScope', {
            district: nameIn(locale, reference.districts, identity.district),
          })}
        </p>
      )}
      <StatusCounts counts={counts} filters={filters} onChoose={apply} />
      <QueueFilters filters={filters} onApply={apply} />
      {error && (
        <p className="c-notice c-notice--error" role="alert">
          {error}
        </p>
      )}
      <h2 id="queue-results">{t('console.queue.results')}</h2>
      <p role="status" className="c-queue__summary">
        {loading
          ? t('console.loading')
          : rows && t('console.queue.showing', { shown: rows.length, total: Number(total) })}
      </p>
      {rows && rows.length > 0 && (
        <>
          <div className="c-queue__tools">
            <div className="c-checkbox">
              <input
                id="select-all"
                type="checkbox"
                checked={rows.length > 0 && rows.every((r) => selected.has(r.id))}
                onChange={(e) => setSelected(e.target.checked ? new Set(rows.map((r) => r.id)) : new Set())}
              />
              <label htmlFor="select-all">{t('console.queue.selectAll')}</label>
            </div>
            <ExportCsv filters={filters} />
          </div>
          <ol className="c-list" aria-labelledby="queue-results">
            {rows.map((row) => (
              <QueueItem
                key={row.id}
                row={row}
                selected={selected.has(row.id)}
                onSelect={select}
                people={people}
              />
            ))}
          </ol>
          {rows.length < Number(total) && (
            <button
              type="button"
              className="button c-button--secondary"
              disabled={loading}
              onClick={() => void more()}
            >
              {t('console.queue.more', { count: Math.min(QUEUE_PAGE, Number(total) - rows.length) })}
            </button>
          )}
        </>
      )}
      {rows && rows.length === 0 && !loading && <p>{t('console.queue.empty')}</p>}
      {/* Stays after the list empties, so the result of a bulk change remains readable. */}
      {rows && (
        <BulkActions selected={[...selected]} people={people} onDone={() => setReload((n) => n + 1)} />
      )}
    </section>
  );
}
