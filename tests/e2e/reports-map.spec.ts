/**
 * The public map and list of reports (/reports/), in Chromium against the real stack: the list shows what
 * reports_in_bbox returns for the map's area, markers and list stay in sync both ways, filters live in the
 * URL, pan and zoom refresh the data without flooding requests, nothing is fetched from tile servers, and
 * axe finds nothing in any state. Reports are this file's own, at a random empty spot.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type Request } from '@playwright/test';
import {
  axeTags,
  changeStatus,
  closeSql,
  createReport,
  emptySpot,
  hideCreatedReports,
  sql,
  text,
  type FixtureReport,
} from './reports-fixtures.ts';

let spot: { lng: number; lat: number };
let reports: FixtureReport[];

test.beforeAll(async () => {
  spot = emptySpot();
  // Far enough apart (about 90 m) that zoom 18 shows three separate markers.
  reports = [
    await createReport(spot, { category: 'garbage_pile', address: '测试地点甲' }),
    await createReport(
      { lng: spot.lng + 0.0009, lat: spot.lat },
      { category: 'pests', address: '测试地点乙' },
    ),
    await createReport(
      { lng: spot.lng, lat: spot.lat + 0.0008 },
      { category: 'garbage_pile', address: '测试地点丙' },
    ),
  ];
  await changeStatus(reports[1]!, 'accepted', { note: '已受理' });
  await changeStatus(reports[1]!, 'in_progress');
});

test.afterAll(async () => {
  await hideCreatedReports();
  await closeSql();
});

const view = (zoom = 18) =>
  `map=${zoom}/${(spot.lat + 0.0004).toFixed(5)}/${(spot.lng + 0.00045).toFixed(5)}`;
const list = (page: Page) => page.locator('.rf-list > li');
const countStatus = (page: Page) => page.locator('.rf-count');

/** Every reports_in_bbox request the page makes, in order. */
function recordBboxRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/rest/v1/rpc/reports_in_bbox')) requests.push(request);
  });
  return requests;
}

async function expectNoAxeViolations(page: Page) {
  // Clusters fade in and out while the map moves; check the map at rest, as people read it.
  await expect(page.locator('.leaflet-cluster-anim, .leaflet-zoom-anim')).toHaveCount(0);
  const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  expect(results.passes.length).toBeGreaterThan(0);
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

test('lists exactly the reports that reports_in_bbox returns for the map area, and draws one marker each', async ({
  page,
}) => {
  const requests = recordBboxRequests(page);
  await page.goto(`/reports/?${view()}`);
  await expect(countStatus(page)).toHaveText(text('zh-cn', 'reports.list.count_other', { n: 3, shown: 3 }));
  await expect(list(page)).toHaveCount(3);
  await expect(page.locator('.rp-marker')).toHaveCount(3);

  // The same query the page made, straight in SQL: the same codes, newest first.
  const args = requests.at(-1)?.postDataJSON() as {
    p_west: number;
    p_south: number;
    p_east: number;
    p_north: number;
  };
  const rows = await sql<{ tracking_code: string }>(
    `select tracking_code from public.reports_in_bbox($1, $2, $3, $4)`,
    [args.p_west, args.p_south, args.p_east, args.p_north],
  );
  const shown = await list(page).locator('.rf-item__code').allTextContents();
  expect(shown).toEqual(rows.map((r) => r.tracking_code));
  expect(new Set(shown)).toEqual(new Set(reports.map((r) => r.code)));

  // Each item links to its report page and says its status in words.
  const pests = list(page).filter({ hasText: reports[1]!.code });
  await expect(pests.getByRole('heading', { level: 3 })).toHaveText('病媒生物（鼠、蚊、蝇、蟑）');
  await expect(pests.getByRole('link')).toHaveAttribute('href', `/reports/view/?code=${reports[1]!.code}`);
  await expect(pests.locator('.rf-badge')).toHaveText(text('zh-cn', 'reports.status.in_progress'));
});

test('"show on map" highlights the marker; a click on a marker focuses its list item', async ({ page }) => {
  await page.goto(`/en/reports/?${view()}`);
  await expect(list(page)).toHaveCount(3);

  const item = list(page).filter({ hasText: reports[0]!.code });
  await item.getByRole('button', { name: text('en', 'reports.list.showOnMap') }).click();
  await expect(item).toHaveAttribute('aria-current', 'true');
  const selected = page.locator('.rp-marker--selected');
  await expect(selected).toHaveCount(1);
  await expect(selected).toContainText(reports[0]!.code);

  // The other way: the marker of report 3 (its accessible name carries the code).
  const marker = page.locator('.rp-marker', { hasText: reports[2]!.code });
  await marker.click();
  const other = list(page).filter({ hasText: reports[2]!.code });
  await expect(other).toBeFocused();
  await expect(other).toHaveAttribute('aria-current', 'true');
  await expect(item).not.toHaveAttribute('aria-current', 'true');
  await expect(page.locator('.rp-marker--selected')).toContainText(reports[2]!.code);
});

test('markers are keyboard buttons: Enter on one focuses its list item', async ({ page }) => {
  await page.goto(`/en/reports/?${view()}`);
  await expect(list(page)).toHaveCount(3);
  const marker = page.locator('.rp-marker', { hasText: reports[1]!.code });
  await expect(marker).toHaveAttribute('role', 'button');
  await marker.focus();
  await page.keyboard.press('Enter');
  await expect(list(page).filter({ hasText: reports[1]!.code })).toBeFocused();
});

test('filters go into the URL, survive a reload, and Back undoes them', async ({ page }) => {
  await page.goto(`/reports/?${view()}`);
  await expect(list(page)).toHaveCount(3);

  await page.locator('summary', { hasText: text('zh-cn', 'reports.filters.status') }).click();
  await page.getByLabel(text('zh-cn', 'reports.status.in_progress'), { exact: true }).check();
  await page.locator('summary', { hasText: text('zh-cn', 'reports.filters.category') }).click();
  await page.getByLabel('病媒生物（鼠、蚊、蝇、蟑）').check();
  await page.getByRole('button', { name: text('zh-cn', 'reports.filters.apply') }).click();

  await expect(page).toHaveURL(/[?&]status=in_progress(&|$)/);
  await expect(page).toHaveURL(/[?&]category=pests(&|$)/);
  await expect(page).toHaveURL(/[?&]map=18%2F|[?&]map=18\//);
  await expect(list(page)).toHaveCount(1);
  await expect(list(page)).toContainText(reports[1]!.code);

  await page.reload();
  await expect(list(page)).toHaveCount(1);
  await expect(page.getByLabel(text('zh-cn', 'reports.status.in_progress'), { exact: true })).toBeChecked();
  await expect(page.getByLabel('病媒生物（鼠、蚊、蝇、蟑）')).toBeChecked();

  await page.goBack();
  await expect(page).not.toHaveURL(/status=/);
  await expect(list(page)).toHaveCount(3);
  await expect(
    page.getByLabel(text('zh-cn', 'reports.status.in_progress'), { exact: true }),
  ).not.toBeChecked();
});

test('a shared link with filters opens the same view, district and dates included', async ({ page }) => {
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
  await page.goto(`/en/reports/?district=dongcheng&from=${today}&to=${today}&status=submitted&${view()}`);
  await expect(list(page)).toHaveCount(2);
  await expect(page.getByLabel('Dongcheng District')).toBeChecked();
  await expect(page.getByLabel(text('en', 'reports.filters.from'), { exact: true })).toHaveValue(today);

  // Another district: none of these reports.
  await page.goto(`/en/reports/?district=nanhu&${view()}`);
  await expect(countStatus(page)).toHaveText(text('en', 'reports.list.none'));
  await expect(list(page)).toHaveCount(0);
  await expect(page.locator('.rp-marker')).toHaveCount(0);

  // Dates before the reports were sent: none either.
  await page.goto(`/en/reports/?from=2026-01-01&to=2026-01-31&${view()}`);
  await expect(countStatus(page)).toHaveText(text('en', 'reports.list.none'));
});

test('a date range that ends before it starts is an error, and what was typed stays', async ({ page }) => {
  await page.goto(`/en/reports/?${view()}`);
  await expect(list(page)).toHaveCount(3);
  await page.getByLabel(text('en', 'reports.filters.from'), { exact: true }).fill('2026-11-20');
  await page.getByLabel(text('en', 'reports.filters.to'), { exact: true }).fill('2026-11-10');
  await page.getByRole('button', { name: text('en', 'reports.filters.apply') }).click();

  const summary = page.getByRole('alert');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText(text('en', 'reports.filters.errorDates'));
  await expect(page.getByLabel(text('en', 'reports.filters.to'), { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(page.getByLabel(text('en', 'reports.filters.from'), { exact: true })).toHaveValue(
    '2026-11-20',
  );
  await expect(page).not.toHaveURL(/from=/);
  await expectNoAxeViolations(page);

  await summary.getByRole('link').click();
  await expect(page.getByLabel(text('en', 'reports.filters.to'), { exact: true })).toBeFocused();
});

test('panning asks for the new area once the map rests, not on every step, and keeps the view in the URL', async ({
  page,
}) => {
  const requests = recordBboxRequests(page);
  await page.goto(`/en/reports/?${view()}`);
  await expect(list(page)).toHaveCount(3);
  const before = requests.length;
  const startUrl = page.url();

  // Four quick drags, each ending in a Leaflet moveend.
  const box = (await page.locator('.rf-map').boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  for (let i = 0; i < 4; i += 1) {
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x - 60, y - 40, { steps: 4 });
    await page.mouse.up();
  }
  await expect(page).not.toHaveURL(startUrl);
  await expect.poll(() => requests.length - before).toBeGreaterThanOrEqual(1);
  // Settle, then count: the debounce folds the four moves into one request (two if a pause fell between).
  await page.waitForTimeout(1000); // a quiet period long enough for any further debounced request
  expect(requests.length - before).toBeLessThanOrEqual(2);

  // The last request is for the area now shown, whose centre is the view in the URL.
  const last = requests.at(-1)?.postDataJSON() as {
    p_west: number;
    p_east: number;
    p_south: number;
    p_north: number;
  };
  const [, zoom, lat, lng] = /map=(\d+)%2F([\d.]+)%2F([\d.]+)/.exec(page.url()) ?? [];
  expect(Number(zoom)).toBe(18);
  expect((last.p_west + last.p_east) / 2).toBeCloseTo(Number(lng), 4);
  expect((last.p_south + last.p_north) / 2).toBeCloseTo(Number(lat), 4);
});

test('a newer request aborts the one still running, and only the newest result is shown', async ({
  page,
}) => {
  await page.goto(`/en/reports/?${view()}`);
  await expect(list(page)).toHaveCount(3);
  const aborted: string[] = [];
  page.on('requestfailed', (request) => {
    if (request.url().includes('reports_in_bbox')) aborted.push(request.failure()?.errorText ?? '');
  });
  // Hold the next answer back long enough for a second request to overtake it.
  // The delay stands in for a slow network; the test then waits for the held answer itself, not for time.
  let held = false;
  let heldAnswered: () => void = () => undefined;
  const heldDone = new Promise<void>((resolve) => (heldAnswered = resolve));
  await page.route('**/rest/v1/rpc/reports_in_bbox', async (route) => {
    if (!held) {
      held = true;
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await route.continue().catch(() => undefined);
      heldAnswered();
      return;
    }
    await route.continue().catch(() => undefined);
  });
  await page.locator('summary', { hasText: text('en', 'reports.filters.status') }).click();
  await page.getByLabel(text('en', 'reports.status.in_progress'), { exact: true }).check();
  await page.getByRole('button', { name: text('en', 'reports.filters.apply') }).click();
  await page.getByLabel(text('en', 'reports.status.in_progress'), { exact: true }).uncheck();
  await page.getByLabel(text('en', 'reports.status.submitted'), { exact: true }).check();
  await page.getByRole('button', { name: text('en', 'reports.filters.apply') }).click();

  await expect(list(page)).toHaveCount(2);
  // At least the held request was aborted (a busy machine may abort another superseded one too).
  await expect.poll(() => aborted.length).toBeGreaterThanOrEqual(1);
  expect(aborted.every((reason) => reason === 'net::ERR_ABORTED')).toBe(true);
  // The held answer (in progress) never replaces the newer one, even once it has come back.
  await heldDone;
  await expect(list(page)).toHaveCount(2);
  await expect(list(page).locator('.rf-badge')).toHaveText([
    text('en', 'reports.status.submitted'),
    text('en', 'reports.status.submitted'),
  ]);
});

test('long lists come a page at a time; "show more" moves focus to the first new report', async ({
  page,
}) => {
  await page.goto('/en/reports/');
  await expect(countStatus(page)).toContainText(/reports, showing the first 20/);
  await expect(list(page)).toHaveCount(20);
  await page.getByRole('button', { name: /^Show \d+ more$/ }).click();
  await expect(list(page).nth(20)).toBeFocused();
  expect(await list(page).count()).toBeGreaterThan(20);
});

test('fetches no map tiles from anywhere: the test build has no tile layer', async ({ page }) => {
  const outside: string[] = [];
  page.on('request', (request) => {
    const host = new URL(request.url()).hostname;
    if (host !== '127.0.0.1' && host !== 'localhost') outside.push(request.url());
  });
  await page.goto(`/reports/?${view(16)}`);
  await expect(page.locator('.rp-marker, .rp-cluster').first()).toBeVisible();
  await expect(page.locator('.leaflet-tile')).toHaveCount(0);
  expect(outside).toEqual([]);
});

test('has no axe violations, in Chinese and English, with the map, the list and a selection', async ({
  page,
}) => {
  await page.goto(`/reports/?${view()}`);
  await expect(list(page)).toHaveCount(3);
  await expectNoAxeViolations(page);

  // Zoom 16 still clusters this file's three reports, and keeps the reports other files make in parallel
  // (elsewhere in the same empty area) out of view, so their markers cannot overlap ours.
  await page.goto(`/en/reports/?${view(16)}`);
  await expect(page.locator('.rp-cluster, .rp-marker').first()).toBeVisible();
  await page.locator('summary', { hasText: text('en', 'reports.filters.status') }).click();
  await list(page).first().getByRole('button').click();
  await expectNoAxeViolations(page);
});
