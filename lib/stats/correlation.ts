import { DEFAULT_CONFIDENCE, zCritical } from "./distributions";
import type { TInterval } from "./summary";

function assertCorrelation(r: number | null, n: number): void {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (r !== null && !(r >= -1 && r <= 1)) throw new RangeError(`r must be in [−1, 1], got ${r}`);
}

/** Fisher z interval of a correlation: tanh(atanh r ± z / √(n − 3)); null when n ≤ 3. */
export function correlationInterval(
  r: number,
  n: number,
  confidence: number = DEFAULT_CONFIDENCE,
): TInterval | null {
  assertCorrelation(r, n);
  const z = zCritical(confidence);
  if (n <= 3) return null;
  const centre = Math.atanh(r);
  const half = z / Math.sqrt(n - 3);
  return { low: Math.tanh(centre - half), high: Math.tanh(centre + half), confidence };
}

/** The sums a Pearson correlation is built from: n pairs (x, y), Σx, Σy, Σx², Σy², Σxy. */
export type TPairSums = {
  n: number;
  sumX: number;
  sumY: number;
  sumXX: number;
  sumYY: number;
  sumXY: number;
};

// Below this share of Σx² a centred sum of squares is rounding, not spread: constant scores
// such as 4.3 leave Σx² − (Σx)²/n a few ulps off zero.
const RELATIVE_ZERO = 1e-12;

/**
 * Pearson's r from sums, as PostgreSQL's corr() answers it: null without pairs or when either
 * variable does not vary. What lets the daily rollup store sums instead of rows.
 */
export function correlationFromSums({
  n,
  sumX,
  sumY,
  sumXX,
  sumYY,
  sumXY,
}: TPairSums): number | null {
  if (n < 1) return null;
  const sxx = sumXX - (sumX * sumX) / n;
  const syy = sumYY - (sumY * sumY) / n;
  if (sxx <= RELATIVE_ZERO * sumXX || syy <= RELATIVE_ZERO * sumYY) return null;
  const r = (sumXY - (sumX * sumY) / n) / Math.sqrt(sxx * syy);
  return Math.max(-1, Math.min(1, r));
}
