/**
 * The queue's filters live in the URL (?status=&category=&district=&mine=1&q=), so a filtered list can be
 * bookmarked, shared and restored with the back button. Unknown values fall back to the defaults.
 */
import { REPORT_STATUSES, type ReportStatus } from '../../lib/supabase/reports.ts';
import type { QueueFilters } from '../../lib/supabase/console.ts';

export const DEFAULT_FILTERS: QueueFilters = {
  status: 'open',
  category: '',
  district: '',
  mine: false,
  q: '',
};

const CODE = /^[a-z][a-z_]{1,40}$/;

export function filtersFromSearch(search: string): QueueFilters {
  const params = new URLSearchParams(search);
  const status = params.get('status') ?? 'open';
  const category = params.get('category') ?? '';
  const district = params.get('district') ?? '';
  return {
    status:
      status === 'all' || status === 'open' || (REPORT_STATUSES as readonly string[]).includes(status)
        ? (status as ReportStatus | 'open' | 'all')
        : 'open',
    category: CODE.test(category) ? category : '',
    district: CODE.test(district) ? district : '',
    mine: params.get('mine') === '1',
    q: (params.get('q') ?? '').slice(0, 200),
  };
}

/** The query string for filters, leaving defaults out ('' for the default view). */
export function searchFromFilters(filters: QueueFilters): string {
  const params = new URLSearchParams();
  if (filters.status !== 'open') params.set('status', filters.status);
  if (filters.category) params.set('category', filters.category);
  if (filters.district) params.set('district', filters.district);
  if (filters.mine) params.set('mine', '1');
  if (filters.q.trim()) params.set('q', filters.q.trim());
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** sessionStorage key of the queue's last query string, so "back to the queue" keeps the filters. */
export const QUEUE_SEARCH_KEY = 'console.queue.search';
