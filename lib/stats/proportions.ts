import { DEFAULT_CONFIDENCE, zCritical } from "./distributions";
import { summarizeMean, type TInterval, type TMeanSummary, type TMoments } from "./summary";

function assertCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
}

/**
 * Share of successes with the Wilson (1927) score interval: unlike p ± z·SE it stays inside
 * [0, 1] and keeps its coverage near 0 and 1 and for small n (Agresti & Coull 1998).
 */
export function proportionInterval(
  successes: number,
  n: number,
  confidence: number = DEFAULT_CONFIDENCE,
): { p: number; interval: TInterval } | null {
  assertCount("successes", successes);
  assertCount("n", n);
  if (successes > n) throw new RangeError(`successes (${successes}) exceed n (${n})`);
  const z = zCritical(confidence);
  if (n === 0) return null;
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  // Clamp only rounding: at p = 0 or 1 the exact bound is 0 or 1.
  return {
    p,
    interval: { low: Math.max(0, centre - half), high: Math.min(1, centre + half), confidence },
  };
}

/** CSAT = % of answers in the top two boxes (4–5 on 1–5), with its Wilson interval in %. */
export function csat(
  topTwoBox: number,
  n: number,
  confidence: number = DEFAULT_CONFIDENCE,
): { value: number; n: number; interval: TInterval } | null {
  const share = proportionInterval(topTwoBox, n, confidence);
  if (share === null) return null;
  const { low, high } = share.interval;
  return { value: 100 * share.p, n, interval: { low: 100 * low, high: 100 * high, confidence } };
}

export type TNpsCounts = { promoters: number; passives: number; detractors: number };

/**
 * NPS = % promoters (9–10) − % detractors (0–6), in −100..100 (Reichheld 2003).
 * Interval: Wald, from the multinomial variance of the difference of the two shares,
 * Var = (p₊ + p₋ − (p₊ − p₋)²) / n — the variance of the mean of per-answer scores +1/0/−1
 * (Rocks 2016). Clamped to [−100, 100]; width 0 when every answer is in one group.
 */
export function nps(
  counts: TNpsCounts,
  confidence: number = DEFAULT_CONFIDENCE,
): { value: number; n: number; interval: TInterval } | null {
  assertCount("promoters", counts.promoters);
  assertCount("passives", counts.passives);
  assertCount("detractors", counts.detractors);
  const z = zCritical(confidence);
  const n = counts.promoters + counts.passives + counts.detractors;
  if (n === 0) return null;
  const promoterShare = counts.promoters / n;
  const detractorShare = counts.detractors / n;
  const score = promoterShare - detractorShare;
  const variance = Math.max(0, promoterShare + detractorShare - score * score);
  const half = z * Math.sqrt(variance / n);
  return {
    value: 100 * score,
    n,
    interval: {
      low: Math.max(-100, 100 * (score - half)),
      high: Math.min(100, 100 * (score + half)),
      confidence,
    },
  };
}

/** CES = mean effort on 1–7 with its t interval (same method as any mean). */
export function ces(m: TMoments, confidence: number = DEFAULT_CONFIDENCE): TMeanSummary | null {
  return summarizeMean(m, confidence);
}
