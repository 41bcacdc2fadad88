/** The list page's filters, kept in the URL (?district=…&month=YYYY-MM) so a filtered list can be shared. */
import { monthKey } from '../../lib/dates/index.ts';

export interface EventFilters {
  district: string | null;
  month: string | null;
}

export function parseFilters(params: URLSearchParams): EventFilters {
  const district = params.get('district');
  const month = params.get('month');
  return {
    district: district && /^[a-z_]{1,40}$/.test(district) ? district : null,
    month: month && /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : null,
  };
}

export function filtersToQuery(filters: EventFilters): string {
  const params = new URLSearchParams();
  if (filters.district) params.set('district', filters.district);
  if (filters.month) params.set('month', filters.month);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The months the filter offers: from `back` months ago to `ahead` months ahead, in city time. */
export function monthOptions(now: Date, back = 6, ahead = 6): string[] {
  const [year, month] = monthKey(now).split('-').map(Number) as [number, number];
  const months: string[] = [];
  for (let offset = -back; offset <= ahead; offset += 1) {
    const d = new Date(Date.UTC(year, month - 1 + offset, 1));
    months.push(d.toISOString().slice(0, 7));
  }
  return months;
}
