/**
 * Page-weight budget: `node scripts/budget.ts [--no-build]`.
 * Builds the site (unless --no-build) into $ASTRO_OUT_DIR (default dist/), then prints, for every built page, the
 * gzip size of the JavaScript it loads eagerly: inline scripts, external <script src>, module preloads and
 * island components/renderers, each with the modules they import statically. Dynamic import() chunks are not
 * counted (they load later, e.g. the map). Then it checks the budgets and exits non-zero on any breach.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const KB = 1024;
const outDir = resolve(process.env.ASTRO_OUT_DIR ?? 'dist');

interface Budget {
  name: string;
  /** Matches a page's URL path (e.g. `/en/news/`); pages in no budget are listed without a limit. */
  test: (path: string) => boolean;
  /** Gzip bytes; undefined = reported only. */
  limit?: number;
}

/** A page path without its /en prefix, so one rule covers both locales. */
const bare = (path: string) => (path === '/en/' ? '/' : path.replace(/^\/en\//, '/'));
const under = (prefix: string) => (path: string) => bare(path).startsWith(prefix);

const budgets: Budget[] = [
  {
    name: 'content pages',
    limit: 3 * KB,
    test: (path) =>
      ['/', '/campaign/', '/accessibility/', '/404.html', '/404/'].includes(bare(path)) ||
      under('/news/')(path),
  },
  { name: 'waste-sorting guide', limit: 15 * KB, test: under('/guide/') },
  { name: 'report form (before the map loads)', limit: 25 * KB, test: under('/report/') },
  // Public app pages load data in the browser through the light anon client (Leaflet loads later, on demand).
  {
    name: 'public app pages (before maps load)',
    limit: 40 * KB,
    test: (path) => ['/reports/', '/track/', '/stats/', '/events/'].some((prefix) => under(prefix)(path)),
  },
  // Staff only, never loaded by public pages; reported so growth is visible.
  { name: 'staff console (reported only)', test: under('/console/') },
];

/** The guide's item index is fetched by the page after it loads; it gets its own limit. */
const guideIndexLimit = 30 * KB;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const gzipSize = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;

/** URL path of a built HTML file: about/index.html → /about/, 404.html → /404.html. */
function pagePath(file: string): string {
  const rel = relative(outDir, file).split(sep).join('/');
  return '/' + rel.replace(/(^|\/)index\.html$/, '$1');
}

/** Resolves a script URL from a page to a file in the build, or undefined for other origins. */
function fileFor(url: string, page: string): string | undefined {
  if (/^(https?:)?\/\//.test(url) || url.startsWith('data:')) return undefined;
  const path = new URL(url, `http://site${page}`).pathname;
  return join(outDir, decodeURIComponent(path));
}

/** Static imports of an ES module (`import … from "./x.js"`, `import "./x.js"`, `export … from`), not import(). */
function staticImports(code: string): string[] {
  const found: string[] = [];
  const pattern = /(?:^|[;\s})])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'`]([^"'`]+)["'`]/g;
  for (const match of code.matchAll(pattern)) if (match[1]) found.push(match[1]);
  return found;
}

/** Adds a module file and everything it imports statically to `seen`. */
function addModule(file: string, seen: Set<string>) {
  if (seen.has(file) || !existsSync(file)) return;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const spec of staticImports(code)) {
    if (spec.startsWith('.') || spec.startsWith('/')) {
      addModule(spec.startsWith('/') ? join(outDir, spec) : resolve(dirname(file), spec), seen);
    }
  }
}

const attr = (attrs: string, name: string) =>
  attrs
    .match(new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'))
    ?.slice(1)
    .find(Boolean);

interface PageWeight {
  path: string;
  html: string;
  inlineBytes: number;
  files: Set<string>;
  total: number;
}

function measure(file: string): PageWeight {
  const html = readFileSync(file, 'utf8');
  const path = pagePath(file);
  const files = new Set<string>();
  let inlineBytes = 0;

  for (const [, attrs = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const type = attr(attrs, 'type')?.toLowerCase();
    // JSON-LD and other data blocks are not executed.
    if (type && !['module', 'text/javascript', 'application/javascript'].includes(type)) continue;
    const src = attr(attrs, 'src');
    if (src) {
      const target = fileFor(src, path);
      if (target) addModule(target, files);
    } else if (body.trim()) {
      inlineBytes += gzipSize(body);
      // An inline module can import others.
      for (const spec of staticImports(body)) {
        const target = fileFor(spec, path);
        if (target) addModule(target, files);
      }
    }
  }
  for (const [, attrs = ''] of html.matchAll(/<link\b([^>]*)>/gi)) {
    if (attr(attrs, 'rel')?.toLowerCase() !== 'modulepreload') continue;
    const target = fileFor(attr(attrs, 'href') ?? '', path);
    if (target) addModule(target, files);
  }
  // Astro islands load their component and renderer when they hydrate.
  for (const [, attrs = ''] of html.matchAll(/<astro-island\b([^>]*)>/gi)) {
    for (const name of ['component-url', 'renderer-url', 'before-hydration-url']) {
      const url = attr(attrs, name);
      const target = url ? fileFor(url, path) : undefined;
      if (target) addModule(target, files);
    }
  }

  const fileBytes = [...files].reduce((sum, f) => sum + gzipSize(readFileSync(f)), 0);
  return { path, html, inlineBytes, files, total: inlineBytes + fileBytes };
}

function formatKB(bytes: number) {
  return `${(bytes / KB).toFixed(2)} KB`;
}

if (!process.argv.includes('--no-build')) {
  console.log(`Building into ${relative(process.cwd(), outDir) || '.'} …`);
  const t0 = performance.now();
  const build = spawnSync('npx', ['astro', 'build'], { stdio: 'inherit', env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
  console.log(`Build took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

if (!existsSync(outDir)) {
  console.error(`No build found in ${outDir}. Run without --no-build, or set ASTRO_OUT_DIR.`);
  process.exit(1);
}

const pages = walk(outDir)
  .filter((f) => f.endsWith('.html'))
  .map(measure)
  .sort((a, b) => a.path.localeCompare(b.path));

const breaches: string[] = [];
const rows = pages.map((page) => {
  const budget = budgets.find((b) => b.test(page.path));
  const over = budget?.limit !== undefined && page.total > budget.limit;
  if (over)
    breaches.push(
      `${page.path}: ${formatKB(page.total)} > ${formatKB(budget?.limit ?? 0)} (${budget?.name})`,
    );
  return {
    page: page.path,
    'JS gz': formatKB(page.total),
    inline: formatKB(page.inlineBytes),
    files: page.files.size,
    budget: budget ? `${budget.name}${budget.limit ? ` ≤ ${formatKB(budget.limit)}` : ''}` : '(none)',
    ok: over ? 'OVER' : 'ok',
  };
});
console.table(rows);

// The guide's item index: every JSON file a guide page refers to (e.g. an island prop "/data/waste-index.json").
const guideBudget = budgets.find((b) => b.name === 'waste-sorting guide');
const guideIndexes = new Set(
  pages
    .filter((page) => guideBudget?.test(page.path))
    .flatMap((page) => [...page.html.matchAll(/(\/[\w./-]+\.json)\b/g)].map((m) => m[1] ?? ''))
    .filter((url) => existsSync(join(outDir, url))),
);
for (const url of guideIndexes) {
  const size = gzipSize(readFileSync(join(outDir, url)));
  console.log(`guide index ${url}: ${formatKB(size)} gz (limit ${formatKB(guideIndexLimit)})`);
  if (size > guideIndexLimit)
    breaches.push(`${url}: ${formatKB(size)} > ${formatKB(guideIndexLimit)} (guide index)`);
}

const limited = rows.filter((r) => !r.budget.includes('no limit') && r.budget !== '(none)').length;
console.log(
  `\n${pages.length} pages measured, ${limited} within a limited budget, ${breaches.length} over budget.`,
);
if (breaches.length > 0) {
  console.error('Over budget:\n  ' + breaches.join('\n  '));
  process.exit(1);
}
