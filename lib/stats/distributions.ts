// The one door to the distribution library: every critical value in lib/stats comes from
// @stdlib (Apache-2.0, well kept), never from a hand-written approximation.
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";

export const DEFAULT_CONFIDENCE = 0.95;

export function assertConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
}

/** z such that P(−z < Z < z) = confidence for a standard normal Z. */
export function zCritical(confidence: number): number {
  assertConfidence(confidence);
  return normalQuantile(1 - (1 - confidence) / 2, 0, 1);
}

/** t such that P(−t < T < t) = confidence for Student's T with df degrees of freedom. */
export function tCritical(confidence: number, df: number): number {
  assertConfidence(confidence);
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be positive, got ${df}`);
  return tQuantile(1 - (1 - confidence) / 2, df);
}
