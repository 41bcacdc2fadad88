/**
 * Benchmark of the waste-guide search: `node scripts/bench/guide-search.ts` (via `npx node` for Node 22).
 * Builds the index exactly as the site does, loads it as the browser would (JSON round trip), then times
 * typical queries one by one and every item's Chinese and English name as a query. Target (issue 6):
 * median ≤ 2 ms per query over the whole item set. Exits 1 when the median misses the target.
 */
import { gzipSync } from 'node:zlib';
import { wasteItems } from '../../src/data/waste-items/index.ts';
import { buildSearchIndex } from '../../src/lib/waste/index-builder.ts';
import { prepareIndex, searchItems } from '../../src/lib/waste/search.ts';

const TARGET_MEDIAN_MS = 2;
const RUNS = 200;
const WARMUP = 20;

const queries = [
  '纸尿裤',
  '尿不湿',
  '电池',
  '瓶',
  '大骨头',
  '过期药',
  '外卖',
  '快递箱', // characters and aliases
  'niaobushi',
  'kuangquanping',
  'dianchi',
  'zhiniaoku',
  'gu', // full pinyin
  'kqp',
  'znk',
  'dgt',
  'k', // initials
  'battery',
  'nappy',
  'plastic bottle',
  'medicine',
  'egg',
  'b', // English
  'batery',
  'plastik',
  'bottel',
  'medcine',
  'diaperr',
  'kuaiquanping', // typos
  'zzzzzz', // nothing
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

function time(fn: () => void, runs: number): number[] {
  for (let k = 0; k < WARMUP; k++) fn();
  const samples: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b);
}

const json = JSON.stringify(buildSearchIndex(wasteItems));
const t0 = performance.now();
const index = prepareIndex(JSON.parse(json));
const loadMs = performance.now() - t0;

console.log(`items: ${index.entries.length}`);
console.log(`index: ${Buffer.byteLength(json)} B raw, ${gzipSync(json, { level: 9 }).length} B gzip -9`);
console.log(`index parse + prepare (once per page): ${loadMs.toFixed(2)} ms`);
console.log(
  `\n${'query'.padEnd(18)} ${'hits'.padStart(5)} ${'median ms'.padStart(10)} ${'p95 ms'.padStart(8)}  top result`,
);
for (const query of queries) {
  const outcome = searchItems(index, query);
  const samples = time(() => searchItems(index, query), RUNS);
  const top = outcome.results[0]?.entry;
  console.log(
    `${query.padEnd(18 - [...query].filter((c) => c > '\u2e80').length)} ${String(outcome.total).padStart(5)} ` +
      `${percentile(samples, 0.5).toFixed(3).padStart(10)} ${percentile(samples, 0.95).toFixed(3).padStart(8)}  ` +
      (top ? `${top.nameZh} / ${top.nameEn}` : '—'),
  );
}

// Every item's names as queries: the figure the budget is about.
const all = index.entries.flatMap((entry) => [entry.nameZh, entry.nameEn]);
const perQuery = all.map((query) => {
  const samples = time(() => searchItems(index, query), 15);
  return percentile(samples, 0.5);
});
const sorted = [...perQuery].sort((a, b) => a - b);
const median = percentile(sorted, 0.5);
console.log(
  `\nwhole item set: ${all.length} queries (every zh and en name), per-query median ${median.toFixed(3)} ms, ` +
    `p95 ${percentile(sorted, 0.95).toFixed(3)} ms, max ${(sorted.at(-1) as number).toFixed(3)} ms ` +
    `(target median ≤ ${TARGET_MEDIAN_MS} ms: ${median <= TARGET_MEDIAN_MS ? 'met' : 'MISSED'})`,
);
process.exitCode = median <= TARGET_MEDIAN_MS ? 0 : 1;
