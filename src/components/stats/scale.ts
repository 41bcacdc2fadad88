/** Axis maths for the stats charts: a round maximum and evenly spaced ticks from zero. */

/**
 * The smallest "round" number (1, 2, 2.5 or 5 times a power of ten) at or above `value`; at least 1.
 * @example niceMax(37) // 50 (steps of 1, 2, 2.5, 5 and 10 times a power of ten)
 */
export function niceMax(value: number): number {
  if (!(value > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= value) return step * power;
  }
  return 10 * power;
}

/** Five ticks from 0 to niceMax(value), whole numbers only when the maximum allows it. */
export function ticks(value: number): number[] {
  const max = niceMax(value);
  const step = max / 4;
  const count = Number.isInteger(step) ? 4 : max <= 4 ? max : 4;
  const size = max / count;
  return Array.from({ length: count + 1 }, (_, i) => Math.round(i * size * 100) / 100);
}
