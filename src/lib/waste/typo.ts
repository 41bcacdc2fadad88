/**
 * Bounded edit distance for typo-tolerant English search: insertions, deletions, substitutions and swaps of
 * two neighbouring letters (optimal string alignment) each cost 1. The target may be longer than the query,
 * so a typo in a half-typed word still matches ("batte" → "battery").
 */

// Reused rows: the search calls this thousands of times per keystroke, so avoid allocating each time.
let prev2 = new Int32Array(64);
let prev = new Int32Array(64);
let row = new Int32Array(64);

/**
 * The smallest edit distance between `query` and any prefix of `target`, if it is at most `max`;
 * otherwise `max + 1`.
 * @example withinDistance('batery', 'battery', 2) // 1
 * @example withinDistance('plastik', 'plastic bottle', 1) // 1
 */
export function withinDistance(query: string, target: string, max: number): number {
  if (max < 0) return 0;
  const m = query.length;
  // A prefix longer than the query plus the allowed edits can never be closer.
  const n = Math.min(target.length, m + max);
  if (n < m - max) return max + 1;
  if (n + 1 > row.length) {
    prev2 = new Int32Array(n + 1);
    prev = new Int32Array(n + 1);
    row = new Int32Array(n + 1);
  }
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    row[0] = i;
    let rowMin = i;
    const qc = query.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const tc = target.charCodeAt(j - 1);
      let d = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (qc === tc ? 0 : 1),
      );
      if (i > 1 && j > 1 && qc === target.charCodeAt(j - 2) && query.charCodeAt(i - 2) === tc) {
        d = Math.min(d, (prev2[j - 2] as number) + 1);
      }
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const spare = prev2;
    prev2 = prev;
    prev = row;
    row = spare;
  }
  let best = max + 1;
  for (let j = Math.max(0, m - max); j <= n; j++) if ((prev[j] as number) < best) best = prev[j] as number;
  return best;
}
