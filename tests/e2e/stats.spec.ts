/**
 * Public statistics (/stats/): every figure and table on the page equals the same number computed here in
 * plain SQL over the reports table (not through report_stats), and the page passes axe in both languages.
 * Other test files add and hide reports meanwhile, so each comparison reloads and recomputes until both
 * sides were read at a quiet moment.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { axeTags, closeSql, sql, text } from './reports-fixtures.ts';

test.afterAll(closeSql);

const lang = { 'zh-cn': 'zh-CN', en: 'en' } as const;

interface Expected {
  total: number;
  byStatus: Record<string, number>;
  byCategory: Record<string, number>;
  byDistrict: Record<string, number>;
  onTimeRate: number | null;
  medianDays: number | null;
  overdue: number;
  weekly: Record<string, [number, number]>;
}

async function expectedFigures(): Promise<Expected> {
  const count = async (column: string, table: string, key: string) =>
    Object.fromEntries(
      (
        await sql<{ key: string; n: number }>(
          `select t.${key} as key, count(r.id)::int as n from ${table} t
             left join public.reports r on r.${column} = t.${key} and not r.hidden
           group by t.${key}`,
        )
      ).map((row) => [row.key, row.n]),
    );
  const [totals] = await sql<{
    total: number;
    on_time: number;
    late: number;
    overdue: number;
    median_seconds: number | null;
  }>(`select count(*)::int as total,
        count(*) filter (where status in ('resolved', 'closed') and resolved_at <= due_at)::int as on_time,
        count(*) filter (where status in ('resolved', 'closed') and resolved_at > due_at)::int as late,
        count(*) filter (where status in ('submitted', 'accepted', 'assigned', 'in_progress', 'reopened')
                         and due_at < now())::int as overdue,
        (percentile_cont(0.5) within group (order by extract(epoch from resolved_at - created_at))
          filter (where status in ('resolved', 'closed') and resolved_at is not null))::float8 as median_seconds
      from public.reports where not hidden`);
  const statuses = await sql<{ status: string; n: number }>(
    `select s::text as status, count(r.id)::int as n
       from unnest(enum_range(null::public.report_status)) as s
       left join public.reports r on r.status = s and not r.hidden
     group by s`,
  );
  // Weeks run Monday to Sunday in Shanghai; the current week is the last of twelve.
  const weeks = await sql<{ week: string; submitted: number; resolved: number }>(
    `with monday as (select date_trunc('week', now() at time zone 'Asia/Shanghai')::date as d)
     select to_char(w.d, 'YYYY-MM-DD') as week,
       (select count(*) from public.reports r where not r.hidden
          and (r.created_at at time zone 'Asia/Shanghai')::date between w.d and w.d + 6)::int as submitted,
       (select count(*) from public.reports r where not r.hidden and r.resolved_at is not null
          and (r.resolved_at at time zone 'Asia/Shanghai')::date between w.d and w.d + 6)::int as resolved
     from (select (monday.d - 7 * n)::date as d from monday, generate_series(0, 11) as n) as w`,
  );
  if (!totals) throw new Error('no totals');
  const judged = totals.on_time + totals.late + totals.overdue;
  return {
    total: totals.total,
    byStatus: Object.fromEntries(statuses.map((s) => [s.status, s.n])),
    byCategory: await count('category_code', 'public.categories', 'code'),
    byDistrict: await count('district_code', 'public.districts', 'code'),
    onTimeRate: judged > 0 ? totals.on_time / judged : null,
    medianDays: totals.median_seconds === null ? null : totals.median_seconds / 86_400,
    overdue: totals.overdue,
    weekly: Object.fromEntries(weeks.map((w) => [w.week, [w.submitted, w.resolved]])),
  };
}

/** The figures the page shows, read from its headline list and data tables. */
async function shownFigures(page: Page) {
  const figure = (name: string) => page.locator(`[data-figure="${name}"] dd`).innerText();
  const table = async (id: string) =>
    Object.fromEntries(
      await page
        .locator(`#${id}-table tbody tr`)
        .evaluateAll((rows) =>
          rows.map((row) => [
            row.getAttribute('data-key') ?? '',
            [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim() ?? ''),
          ]),
        ),
    );
  return {
    total: await figure('total'),
    onTime: await figure('on-time'),
    median: await figure('median'),
    overdue: await figure('overdue'),
    byStatus: await table('stats-status'),
    byCategory: await table('stats-category'),
    byDistrict: await table('stats-district'),
    weekly: await table('stats-trend'),
  };
}

function formatted(locale: 'zh-cn' | 'en', e: Expected) {
  const n = (value: number, options?: Intl.NumberFormatOptions) =>
    new Intl.NumberFormat(lang[locale], options).format(value);
  const cells = (record: Record<string, number>) =>
    Object.fromEntries(Object.entries(record).map(([key, value]) => [key, [n(value)]]));
  const days = e.medianDays;
  return {
    total: n(e.total),
    onTime:
      e.onTimeRate === null
        ? text(locale, 'stats.none')
        : n(e.onTimeRate, { style: 'percent', maximumFractionDigits: 1 }),
    median:
      days === null
        ? text(locale, 'stats.none')
        : text(
            locale,
            `stats.days_${new Intl.PluralRules(lang[locale]).select(days) === 'one' ? 'one' : 'other'}`,
            {
              n: n(days, { maximumFractionDigits: 1 }),
            },
          ),
    overdue: n(e.overdue),
    byStatus: cells(e.byStatus),
    byCategory: cells(e.byCategory),
    byDistrict: cells(e.byDistrict),
    weekly: Object.fromEntries(Object.entries(e.weekly).map(([week, [s, r]]) => [week, [n(s), n(r)]])),
  };
}

for (const locale of ['zh-cn', 'en'] as const) {
  test(`every figure equals the same number computed in SQL (${locale})`, async ({ page }) => {
    await expect(async () => {
      await page.goto(locale === 'en' ? '/en/stats/' : '/stats/');
      await expect(page.locator('[data-figure="total"] dd')).toBeVisible();
      const expected = formatted(locale, await expectedFigures());
      const shown = await shownFigures(page);
      expect(shown).toEqual(expected);
    }).toPass({ timeout: 30_000 });
  });
}

test('charts are images with a title, each followed by its table', async ({ page }) => {
  await page.goto('/en/stats/');
  const figures = page.locator('figure.stats-figure');
  await expect(figures).toHaveCount(4);
  for (const figure of await figures.all()) {
    await expect(figure.getByRole('img')).toHaveAccessibleName(text('en', 'stats.chartNote'));
    await expect(figure.getByRole('table')).toBeVisible();
  }
  await expect(page.getByRole('figure', { name: text('en', 'stats.trend') }).locator('tbody tr')).toHaveCount(
    12,
  );
});

test('has no axe violations in either language', async ({ page }) => {
  for (const path of ['/stats/', '/en/stats/']) {
    await page.goto(path);
    await expect(page.locator('[data-figure="total"] dd')).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
    expect(results.passes.length).toBeGreaterThan(0);
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  }
});
