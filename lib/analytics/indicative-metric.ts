// When a customer metric (CSAT, NPS, CES) is shown but marked indicative: it rests on too few answers.

/**
 * Below this many answers a CSAT, NPS or CES is shown but marked indicative: the interval is wide,
 * and rests on approximations (NPS's adjusted Wald, docs/METHODS.md) that are rougher there.
 */
export const MIN_N_FOR_FIRM_METRIC = 30;

/** True when a metric rests on answers, but on fewer than MIN_N_FOR_FIRM_METRIC. */
export function isIndicative(n: number, minN = MIN_N_FOR_FIRM_METRIC): boolean {
  return n > 0 && n < minN;
}
