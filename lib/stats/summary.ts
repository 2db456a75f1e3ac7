import { assertConfidence, DEFAULT_CONFIDENCE, tCritical } from "./distributions";

/** Sufficient statistics of a sample, as SQL gives them: count(x), sum(x), sum(x * x). */
export type TMoments = { n: number; sum: number; sumSquares: number };
export type TInterval = { low: number; high: number; confidence: number };
/** interval is null when n < 2 (no estimate of the spread). */
export type TMeanSummary = {
  n: number;
  mean: number;
  sd: number | null;
  interval: TInterval | null;
};

export function assertMoments(m: TMoments): void {
  if (!Number.isInteger(m.n) || m.n < 0)
    throw new RangeError(`n must be a non-negative integer, got ${m.n}`);
  if (!Number.isFinite(m.sum) || !Number.isFinite(m.sumSquares) || m.sumSquares < 0) {
    throw new RangeError("sum and sumSquares must be finite, sumSquares ≥ 0");
  }
}

/** Moments of raw values: for tests, pilots and small in-memory samples (SQL does it for the big ones). */
export function momentsOf(values: readonly number[]): TMoments {
  let sum = 0;
  let sumSquares = 0;
  for (const x of values) {
    sum += x;
    sumSquares += x * x;
  }
  return { n: values.length, sum, sumSquares };
}

// Below this relative size the numerator of the variance is rounding error of the one-pass
// formula (sum of squares minus a square of sums), not spread: identical values must give 0.
const RELATIVE_ROUNDING = 1e-12;

/** Sample variance (divisor n − 1), or null when n < 2; never negative. */
export function sampleVariance(m: TMoments): number | null {
  assertMoments(m);
  if (m.n < 2) return null;
  const numerator = m.sumSquares - (m.sum * m.sum) / m.n;
  if (numerator <= RELATIVE_ROUNDING * m.sumSquares) return 0;
  return numerator / (m.n - 1);
}

/** mean ± t(1 − α/2; df) · √(variance / n). */
export function tInterval(
  mean: number,
  variance: number,
  n: number,
  df: number,
  confidence: number,
): TInterval {
  const half = tCritical(confidence, df) * Math.sqrt(variance / n);
  return { low: mean - half, high: mean + half, confidence };
}

/**
 * Mean, sample standard deviation and Student's t interval of the mean.
 * null when n = 0; sd and interval null when n = 1; zero spread gives an interval of width 0
 * (what the sample says — the fix-first ranking guards against trusting it, see ranking.ts).
 */
export function summarizeMean(
  m: TMoments,
  confidence: number = DEFAULT_CONFIDENCE,
): TMeanSummary | null {
  assertMoments(m);
  assertConfidence(confidence);
  if (m.n === 0) return null;
  const mean = m.sum / m.n;
  const variance = sampleVariance(m);
  if (variance === null) return { n: m.n, mean, sd: null, interval: null };
  return {
    n: m.n,
    mean,
    sd: Math.sqrt(variance),
    interval: tInterval(mean, variance, m.n, m.n - 1, confidence),
  };
}
