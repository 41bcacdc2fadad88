/**
 * When to try sending again. Pure functions, so the timing rules are testable without timers or a browser.
 */
export interface BackoffOptions {
  /** Ceiling of the first retry's delay. */
  baseMs: number;
  /** No wait is ever longer than this, however many attempts failed. */
  maxMs: number;
  factor: number;
}

/** 2 s, 4 s, 8 s … up to 5 minutes: patient with a bad connection, quick once it is back. */
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 2_000, maxMs: 5 * 60_000, factor: 2 };

/**
 * Delay before the next attempt after `failures` failed ones (1 = the first failed).
 * Exponential with "equal jitter": half the ceiling fixed, half random, so many phones coming back online at
 * once spread out, yet none retries almost at once.
 */
export function backoffDelay(
  failures: number,
  random: () => number = Math.random,
  o = DEFAULT_BACKOFF,
): number {
  const ceiling = Math.min(o.maxMs, o.baseMs * o.factor ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
