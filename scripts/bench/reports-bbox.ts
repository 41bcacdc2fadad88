/**
 * Benchmark of the reports map with 20,000 extra reports: `node scripts/bench/reports-bbox.ts` (via `npx node`
 * for Node 22, or `npm run bench reports-bbox`, which also starts the stack).
 *
 *  1. Seeds 20,000 reports spread over the city straight into the stack's database (owner session: the real
 *     triggers give codes, deadlines and history; a share is moved on to other statuses).
 *  2. Times reports_in_bbox through the gateway (PostgREST, as the site calls it) over a set of viewports
 *     from the whole city to street level: median and p95, rows and bytes per viewport class.
 *  3. In Chromium, opens the built map page at several views and reads the page's own performance measure
 *     'reports:draw': from the data's arrival to clusters drawn (the frame after the last marker was added).
 *  4. Stress: the same map module, bundled for the browser, given all seeded reports (over 20,000 markers)
 *     at once, timed the same way, then a zoom in and out.
 *  5. Removes every seeded row again (history included), whatever happened.
 *
 * Needs the stack's env (PUBLIC_SUPABASE_URL, PUBLIC_SUPABASE_ANON_KEY, DATABASE_URL) and a build of the site
 * made with it in $ASTRO_OUT_DIR (default dist/); it builds one into dist-bench/ when none talks to this stack.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { build } from 'esbuild';
import pg from 'pg';
import { chromium, type Page } from '@playwright/test';
import { readStackEnv, type StackEnv } from '../stack/lifecycle.ts';

const SEED_COUNT = 20_000;
const REPEATS = 7;
const repoRoot = path.resolve(import.meta.dirname, '../..');

/** The stack's URL and keys: from the environment (`npm run bench` passes them) or the running stack's .env. */
function stackEnv(): StackEnv {
  if (process.env.PUBLIC_SUPABASE_URL && process.env.PUBLIC_SUPABASE_ANON_KEY && process.env.DATABASE_URL) {
    return process.env as unknown as StackEnv;
  }
  try {
    return readStackEnv();
  } catch {
    console.error('No stack settings: run `npm run stack:start` first, or use `npm run bench reports-bbox`.');
    process.exit(2);
  }
}

const env = stackEnv();
const db = new pg.Client({ connectionString: env.DATABASE_URL });
const runTag = `bench:${randomUUID().slice(0, 8)}`;

const ms = (n: number) => `${n.toFixed(1)} ms`;
/** Linear interpolation between the nearest ranks. */
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}
const median = (values: number[]) => quantile(values, 0.5);
const p95 = (values: number[]) => quantile(values, 0.95);

// 1. Seed ------------------------------------------------------------------------------------------------

async function seed(): Promise<void> {
  const t0 = performance.now();
  await db.query('begin');
  // Points scattered around each district centre (within about 6 km), categories and days at random over
  // the last 120 days; the insert trigger gives each its code, deadline and first history row.
  await db.query(
    `insert into public.reports (category_code, description, location, address, district_code, idempotency_key, created_at)
     select c.code,
            '基准测试用的问题描述，不会显示太久。',
            extensions.st_setsrid(extensions.st_makepoint(
              extensions.st_x(d.centre::extensions.geometry) + (random() - 0.5) * 0.12,
              extensions.st_y(d.centre::extensions.geometry) + (random() - 0.5) * 0.1), 4326)::extensions.geography,
            $1, d.code, gen_random_uuid(), now() - random() * interval '120 days'
     from generate_series(1, $2) as g
     cross join lateral (select code from public.categories where g > 0 order by random() limit 1) as c
     cross join lateral (select code, centre from public.districts where g > 0 order by random() limit 1) as d`,
    [runTag, SEED_COUNT],
  );
  // Move shares of them on through the state machine (each step a real transition with its history row).
  for (const [to, share] of [
    ['accepted', 0.8],
    ['in_progress', 0.7],
    ['resolved', 0.75],
  ] as const) {
    await db.query(
      `update public.reports set status = $1::public.report_status
       where address = $2 and random() < $3
         and status = (case $1 when 'accepted' then 'submitted' when 'in_progress' then 'accepted' else 'in_progress' end)::public.report_status`,
      [to, runTag, share],
    );
  }
  await db.query('commit');
  const [counts] = (
    await db.query<{ n: number; total: number }>(
      `select count(*) filter (where address = $1)::int as n, count(*)::int as total from public.reports where not hidden`,
      [runTag],
    )
  ).rows;
  console.log(
    `Seeded ${counts?.n} reports in ${((performance.now() - t0) / 1000).toFixed(1)} s (${counts?.total} visible reports in all).`,
  );
  await db.query('analyze public.reports');
}

async function cleanUp(): Promise<void> {
  // History is append-only for everyone, by trigger; this trusted session switches triggers off to take
  // back exactly the rows it added (session_replication_role needs the database owner).
  await db.query('rollback'); // whatever a failure left open (only a warning when nothing is)
  await db.query('begin');
  await db.query(`set local session_replication_role = replica`);
  const ids = `select id from public.reports where address = $1`;
  await db.query(`delete from public.report_updates where report_id in (${ids})`, [runTag]);
  await db.query(`delete from public.report_confirmations where report_id in (${ids})`, [runTag]);
  const removed = await db.query(`delete from public.reports where address = $1`, [runTag]);
  await db.query('commit');
  console.log(`Removed the ${removed.rowCount} seeded reports and their history.`);
}

// 2. Through the gateway ---------------------------------------------------------------------------------

interface Viewport {
  name: string;
  kind: 'city' | 'district' | 'street';
  box: [number, number, number, number];
}

function viewports(centres: { code: string; lng: number; lat: number }[]): Viewport[] {
  const around = (lng: number, lat: number, w: number, h: number): [number, number, number, number] => [
    lng - w / 2,
    lat - h / 2,
    lng + w / 2,
    lat + h / 2,
  ];
  const list: Viewport[] = [
    { name: 'whole city, zoom 11', kind: 'city', box: around(114.03, 22.6, 0.5, 0.3) },
    { name: 'whole city, zoom 12', kind: 'city', box: around(114.03, 22.6, 0.25, 0.15) },
  ];
  for (const c of centres) {
    list.push({ name: `${c.code}, zoom 14`, kind: 'district', box: around(c.lng, c.lat, 0.06, 0.035) });
    list.push({
      name: `${c.code} street, zoom 17`,
      kind: 'street',
      box: around(c.lng + 0.01, c.lat - 0.01, 0.008, 0.005),
    });
  }
  return list;
}

async function timeGateway(views: Viewport[]) {
  const url = `${env.PUBLIC_SUPABASE_URL}/rest/v1/rpc/reports_in_bbox`;
  const headers = {
    apikey: env.PUBLIC_SUPABASE_ANON_KEY,
    authorization: `Bearer ${env.PUBLIC_SUPABASE_ANON_KEY}`,
    'content-type': 'application/json',
  };
  const byKind = new Map<string, { times: number[]; rows: number[]; bytes: number[] }>();
  for (const view of views) {
    const [p_west, p_south, p_east, p_north] = view.box;
    // As the site asks: at most 1000 rows, the Data API's max_rows.
    const body = JSON.stringify({ p_west, p_south, p_east, p_north, p_limit: 1000 });
    for (let i = 0; i <= REPEATS; i += 1) {
      const t0 = performance.now();
      const response = await fetch(url, { method: 'POST', headers, body });
      const text = await response.text();
      const rows = (JSON.parse(text) as unknown[]).length;
      const elapsed = performance.now() - t0;
      if (!response.ok) throw new Error(`${view.name}: HTTP ${response.status} ${text.slice(0, 200)}`);
      if (i === 0) continue; // warm-up
      const entry = byKind.get(view.kind) ?? { times: [], rows: [], bytes: [] };
      entry.times.push(elapsed);
      entry.rows.push(rows);
      entry.bytes.push(Buffer.byteLength(text));
      byKind.set(view.kind, entry);
    }
  }
  console.log(`\nreports_in_bbox through the gateway (${REPEATS} runs per viewport after a warm-up):`);
  const all: number[] = [];
  for (const [kind, e] of byKind) {
    all.push(...e.times);
    console.log(
      `  ${kind.padEnd(8)} ${String(e.times.length).padStart(3)} requests  median ${ms(median(e.times))}  p95 ${ms(p95(e.times))}` +
        `  rows ${Math.min(...e.rows)}–${Math.max(...e.rows)}  JSON ${(Math.max(...e.bytes) / 1024).toFixed(0)} KB max`,
    );
  }
  console.log(
    `  all      ${String(all.length).padStart(3)} requests  median ${ms(median(all))}  p95 ${ms(p95(all))}`,
  );
}

// 3. The map page in Chromium ----------------------------------------------------------------------------

function findBuild(): string {
  const candidates = [process.env.ASTRO_OUT_DIR ?? 'dist', 'dist-bench'].map((d) =>
    path.resolve(repoRoot, d),
  );
  for (const dir of candidates) {
    const assets = path.join(dir, '_astro');
    if (!fs.existsSync(path.join(dir, 'reports', 'index.html')) || !fs.existsSync(assets)) continue;
    const talksToStack = fs
      .readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .some((f) => fs.readFileSync(path.join(assets, f), 'utf8').includes(env.PUBLIC_SUPABASE_URL));
    if (talksToStack) return dir;
  }
  const outDir = path.resolve(repoRoot, 'dist-bench');
  console.log(`\nNo build talks to ${env.PUBLIC_SUPABASE_URL}: building the site into dist-bench/ …`);
  const result = spawnSync('npx', ['astro', 'build'], {
    cwd: repoRoot,
    env: { ...process.env, ...env, ASTRO_OUT_DIR: outDir },
    stdio: 'ignore',
  });
  if (result.status !== 0) throw new Error('astro build failed');
  return outDir;
}

async function startPreview(outDir: string): Promise<{ url: string; server: ChildProcess }> {
  const port = 4470 + Math.floor(Math.random() * 20);
  const server = spawn(
    'npx',
    ['astro', 'preview', '--host', '127.0.0.1', '--ignore-lock', '--port', String(port)],
    {
      cwd: repoRoot,
      env: { ...process.env, ASTRO_OUT_DIR: outDir },
      stdio: 'ignore',
      detached: true,
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(`${url}/reports/`)).ok) return { url, server };
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('astro preview did not start');
}

const launchOptions = {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
};

/**
 * Waits until the map has drawn the rows the list shows, then returns the longest 'reports:draw' measure of
 * the load (the full draw; later ones only add or remove a few markers) and when, after navigation, the
 * map was first complete.
 */
async function drawTime(page: Page): Promise<{ draw: number; ready: number; rows: string }> {
  await page.waitForFunction(
    () =>
      document.querySelectorAll('.rf-list > li').length > 0 &&
      performance.getEntriesByName('reports:draw').length > 0,
    null,
    { timeout: 60_000 },
  );
  await page.waitForTimeout(1500); // the map's own first request (after the list's estimate) settles
  const { draw, ready } = await page.evaluate(() => {
    const draws = performance.getEntriesByName('reports:draw');
    return {
      draw: Math.max(...draws.map((d) => d.duration)),
      ready: Math.min(...draws.map((d) => d.startTime + d.duration)),
    };
  });
  const rows = (await page.locator('.rf-count').innerText()).trim();
  return { draw, ready, rows };
}

async function timeMapPage(siteUrl: string) {
  const browser = await chromium.launch(launchOptions);
  const views = [
    ['whole city, zoom 12', '12/22.6000/114.0300'],
    ['whole city, zoom 13', '13/22.5900/114.0600'],
    ['Dongcheng, zoom 14', '14/22.5900/114.1100'],
    ['Nanhu, zoom 15', '15/22.5300/114.0600'],
    ['street, zoom 17', '17/22.5800/114.1000'],
  ];
  console.log(
    '\nMap page in Chromium (1280×800): data arrival → clusters drawn (page measure reports:draw, the largest of the load),' +
      ' and navigation → map first drawn:',
  );
  for (const [name, map] of views) {
    const draws: number[] = [];
    const ready: number[] = [];
    let rows = '';
    for (let i = 0; i < 4; i += 1) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${siteUrl}/en/reports/?map=${map}`);
      const result = await drawTime(page);
      if (i > 0) {
        // the first load warms the caches
        draws.push(result.draw);
        ready.push(result.ready);
      }
      rows = result.rows;
      await page.close();
    }
    console.log(
      `  ${name!.padEnd(20)} draw median ${ms(median(draws))} max ${ms(Math.max(...draws))}` +
        `  first drawn at ${ms(median(ready))}  (${rows})`,
    );
  }
  await browser.close();
}

// 4. Stress: all seeded reports in one cluster layer -----------------------------------------------------

async function stress() {
  const bundle = await build({
    stdin: {
      contents: `import { createReportsMap } from './src/components/reports/map/reports-map.ts';
                 window.createReportsMap = createReportsMap;`,
      resolveDir: repoRoot,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    outdir: '/tmp',
    loader: { '.css': 'css', '.png': 'dataurl', '.svg': 'dataurl' },
    define: { 'import.meta.env': '{}' },
    logLevel: 'silent',
  });
  const js = bundle.outputFiles
    .filter((f) => f.path.endsWith('.js'))
    .map((f) => f.text)
    .join('\n');
  const css = bundle.outputFiles
    .filter((f) => f.path.endsWith('.css'))
    .map((f) => f.text)
    .join('\n');
  const siteCss = fs.readFileSync(path.join(repoRoot, 'src/components/reports/reports.css'), 'utf8');
  const { rows } = await db.query(
    `select tracking_code, category_code, status::text, district_code,
            extensions.st_x(location::extensions.geometry) as lng, extensions.st_y(location::extensions.geometry) as lat,
            address, created_at, due_at, confirmations_count
     from public.reports where not hidden`,
  );

  const browser = await chromium.launch(launchOptions);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.setContent(
    `<!doctype html><html><head><style>${css}\n${siteCss}\n.visually-hidden{position:absolute;clip-path:inset(50%)}</style></head>` +
      `<body style="margin:0"><div id="map" style="width:1280px;height:800px"></div></body></html>`,
  );
  await page.addScriptTag({ content: js });
  const result = await page.evaluate(async (pins) => {
    type Api = {
      setPins: (p: unknown[]) => Promise<void>;
    };
    const create = (window as unknown as { createReportsMap: (el: HTMLElement, o: unknown) => Promise<Api> })
      .createReportsMap;
    const map = await create(document.getElementById('map')!, {
      view: { lat: 22.6, lng: 114.03, zoom: 12 },
      label: 'map',
      zoomIn: '+',
      zoomOut: '-',
      markerLabel: (p: { tracking_code: string }) => p.tracking_code,
      clusterLabel: (n: number) => `${n}`,
      onMove: () => undefined,
      onSelect: () => undefined,
    });
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
    const t0 = performance.now();
    await map.setPins(pins);
    await frame();
    const draw = performance.now() - t0;
    // A zoom in and out with everything loaded: time until the map is idle again.
    const zoom = async (selector: string) => {
      const start = performance.now();
      document.querySelector<HTMLElement>(selector)!.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
      while (document.querySelector('.leaflet-zoom-anim, .leaflet-cluster-anim')) await frame();
      await frame();
      return performance.now() - start;
    };
    const zoomIn = await zoom('.leaflet-control-zoom-in');
    const zoomOut = await zoom('.leaflet-control-zoom-out');
    return { draw, zoomIn, zoomOut, clusters: document.querySelectorAll('.rp-cluster').length };
  }, rows);
  await browser.close();
  console.log(
    `\nStress: ${rows.length} reports given to the map at once (no 5,000 cap), Chromium 1280×800, zoom 12:` +
      `\n  data → clusters drawn ${ms(result.draw)}; zoom in ${ms(result.zoomIn)}, zoom out ${ms(result.zoomOut)} (until idle);` +
      ` ${result.clusters} cluster icons on screen`,
  );
}

// Run ------------------------------------------------------------------------------------------------------

await db.connect();
let preview: ChildProcess | undefined;
let exitCode = 0;
try {
  await seed();
  const centres = (
    await db.query<{ code: string; lng: number; lat: number }>(
      `select code, extensions.st_x(centre::extensions.geometry) as lng, extensions.st_y(centre::extensions.geometry) as lat
       from public.districts order by sort_order`,
    )
  ).rows;
  await timeGateway(viewports(centres));
  const outDir = findBuild();
  const started = await startPreview(outDir);
  preview = started.server;
  await timeMapPage(started.url);
  await stress();
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  if (preview?.pid) {
    try {
      process.kill(-preview.pid);
    } catch {
      // already gone
    }
  }
  await cleanUp().catch((error: unknown) => {
    console.error('Clean-up failed:', error);
    exitCode = 1;
  });
  await db.end();
}
process.exit(exitCode);
