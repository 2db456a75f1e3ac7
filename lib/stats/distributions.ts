// The one door to the distribution library: every critical value, tail probability and
// special function in lib/stats comes from @stdlib (Apache-2.0, well kept), never from a
// hand-written approximation.
import gammaln from "@stdlib/math-base-special-gammaln";
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";

export const DEFAULT_CONFIDENCE = 0.95;

export function assertConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
}

export function assertDf(df: number): void {
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be positive, got ${df}`);
}

function assertProbability(p: number): void {
  if (!(p > 0 && p < 1)) throw new RangeError(`probability must be in (0, 1), got ${p}`);
}

/** z such that P(−z < Z < z) = confidence for a standard normal Z. */
export function zCritical(confidence: number): number {
  assertConfidence(confidence);
  return normalQuantile(1 - (1 - confidence) / 2, 0, 1);
}

/** t such that P(−t < T < t) = confidence for Student's T with df degrees of freedom. */
export function tCritical(confidence: number, df: number): number {
  assertConfidence(confidence);
  assertDf(df);
  return tQuantile(1 - (1 - confidence) / 2, df);
}

/** The one-sided quantile z_p: P(Z ≤ z_p) = p (power analysis needs z of the power, not of a two-sided level). */
export function zQuantile(p: number): number {
  assertProbability(p);
  return normalQuantile(p, 0, 1);
}

/** The one-sided quantile t_p with df degrees of freedom. */
export function tQuantileOf(p: number, df: number): number {
  assertProbability(p);
  assertDf(df);
  return tQuantile(p, df);
}

/** Two-sided p-value of a standard normal statistic: P(|Z| ≥ |z|). */
export function twoSidedPValueZ(z: number): number {
  if (Number.isNaN(z)) throw new RangeError("z must be a number");
  // 2·Φ(−|z|) rather than 2·(1 − Φ(|z|)): no cancellation in the far tail.
  return Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1));
}

/** Two-sided p-value of a Student t statistic: P(|T| ≥ |t|) with df degrees of freedom. */
export function twoSidedPValueT(t: number, df: number): number {
  if (Number.isNaN(t)) throw new RangeError("t must be a number");
  assertDf(df);
  return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}

/** ln Γ(x), for bias constants such as c4. */
export function logGamma(x: number): number {
  return gammaln(x);
}
