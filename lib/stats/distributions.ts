// The one door to the distribution library: every critical value, tail probability and
// special function in lib/stats comes from @stdlib (Apache-2.0, well kept), never from a
// hand-written approximation.
import betainc from "@stdlib/math-base-special-betainc";
import gammainc from "@stdlib/math-base-special-gammainc";
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

function assertDf(df: number): void {
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

/**
 * Upper tail of the χ² distribution with df degrees of freedom, P(X ≥ x): the regularized upper
 * incomplete gamma function Q(df/2, x/2), which is how the χ² distribution is defined.
 */
export function chiSquareUpperTail(x: number, df: number): number {
  if (Number.isNaN(x)) throw new RangeError("x must be a number");
  assertDf(df);
  if (x <= 0) return 1;
  return gammainc(x / 2, df / 2, true, true);
}

/**
 * Upper tail of Fisher's F distribution with (df1, df2) degrees of freedom, P(F ≥ f): the
 * regularized incomplete beta function I_{df2/(df2 + df1·f)}(df2/2, df1/2), the F distribution's
 * definition through the beta.
 */
export function fUpperTail(f: number, df1: number, df2: number): number {
  if (Number.isNaN(f)) throw new RangeError("f must be a number");
  assertDf(df1);
  assertDf(df2);
  if (f <= 0) return 1;
  return betainc(df2 / (df2 + df1 * f), df2 / 2, df1 / 2, true, false);
}

/** ln Γ(x), for bias constants such as c4. */
export function logGamma(x: number): number {
  return gammaln(x);
}
