import { DEFAULT_CONFIDENCE, zCritical } from "./distributions";
import type { TInterval } from "./summary";

/** Below this many paired answers a correlation is too unstable to weigh touchpoints by. */
const MIN_N_FOR_DERIVED_IMPORTANCE = 30;
/** Importance when neither the manager nor the data says: the middle of 0..1. */
export const DEFAULT_IMPORTANCE = 0.5;

export type TDerivedImportance = { importance: number; importanceSource: "DERIVED" | "DEFAULT" };

function assertCorrelation(r: number | null, n: number): void {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (r !== null && !(r >= -1 && r <= 1)) throw new RangeError(`r must be in [−1, 1], got ${r}`);
}

/**
 * Key-driver importance from the Pearson correlation of a driver's score with overall
 * satisfaction (or NPS), as PostgreSQL's corr() gives it: max(0, r) when n ≥ 30, else the
 * default. A negative r says "more of this does not go with happier customers": importance 0.
 */
export function deriveImportance(r: number | null, n: number): TDerivedImportance {
  assertCorrelation(r, n);
  if (r === null || Number.isNaN(r) || n < MIN_N_FOR_DERIVED_IMPORTANCE) {
    return { importance: DEFAULT_IMPORTANCE, importanceSource: "DEFAULT" };
  }
  return { importance: Math.max(0, r), importanceSource: "DERIVED" };
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
