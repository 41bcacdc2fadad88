/** Axis maths for the stats charts: a round maximum and evenly spaced whole-number ticks from zero. */

/**
 * The smallest "round" number at or above `value`: 1, 2 or 5 times a power of ten (and 2.5 times from 25
 * up, so ticks stay whole numbers); at least 1.
 * @example niceMax(37) // 50
 */
export function niceMax(value: number): number {
  if (!(value > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const steps = power >= 10 ? [1, 2, 2.5, 5, 10] : [1, 2, 5, 10];
  for (const step of steps) {
    if (step * power >= value) return step * power;
  }
  return 10 * power;
}

/** Ticks from 0 to niceMax(value): four or five steps of a whole number (fewer for tiny maxima). */
export function ticks(value: number): number[] {
  const max = niceMax(value);
  const count = [4, 5, 2, 1].find((n) => Number.isInteger(max / n)) ?? 1;
  return Array.from({ length: count + 1 }, (_, i) => (i * max) / count);
}
