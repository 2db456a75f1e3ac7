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
 * Rocks's (2016) adjusted Wald: ¾ of an answer added to the promoters and to the detractors (and
 * so 3 to n) before the Wald interval is taken. Like Agresti–Coull for one share, the pseudo-counts
 * keep the coverage near 95 % with few answers and stop a sample that sits in one group from
 * giving an interval of width 0.
 */
const NPS_PSEUDO_COUNT = 3 / 4;

/**
 * NPS = % promoters (9–10) − % detractors (0–6), in −100..100 (Reichheld 2003).
 * Interval: the adjusted Wald of Rocks (2016), centred on the adjusted score:
 * ñ = n + 3, p̃₊ = (promoters + ¾) / ñ, p̃₋ = (detractors + ¾) / ñ,
 * (p̃₊ − p̃₋) ± z·√((p̃₊ + p̃₋ − (p̃₊ − p̃₋)²) / ñ), clamped to [−100, 100].
 * The value shown is the observed NPS; only the interval uses the adjusted counts. One answer has
 * no interval (as one answer has no interval for a mean): the pseudo-counts would outweigh it, and
 * a lone promoter's interval would not even contain its own NPS of 100.
 */
export function nps(
  counts: TNpsCounts,
  confidence: number = DEFAULT_CONFIDENCE,
): { value: number; n: number; interval: TInterval | null } | null {
  assertCount("promoters", counts.promoters);
  assertCount("passives", counts.passives);
  assertCount("detractors", counts.detractors);
  const z = zCritical(confidence);
  const n = counts.promoters + counts.passives + counts.detractors;
  if (n === 0) return null;
  const value = (100 * (counts.promoters - counts.detractors)) / n;
  if (n === 1) return { value, n, interval: null };
  const adjustedN = n + 4 * NPS_PSEUDO_COUNT;
  const promoterShare = (counts.promoters + NPS_PSEUDO_COUNT) / adjustedN;
  const detractorShare = (counts.detractors + NPS_PSEUDO_COUNT) / adjustedN;
  const adjustedScore = promoterShare - detractorShare;
  const variance = Math.max(0, promoterShare + detractorShare - adjustedScore ** 2);
  const half = z * Math.sqrt(variance / adjustedN);
  return {
    value,
    n,
    interval: {
      low: Math.max(-100, 100 * (adjustedScore - half)),
      high: Math.min(100, 100 * (adjustedScore + half)),
      confidence,
    },
  };
}

/** CES = mean effort on 1–7 with its t interval (same method as any mean). */
export function ces(m: TMoments, confidence: number = DEFAULT_CONFIDENCE): TMeanSummary | null {
  return summarizeMean(m, confidence);
}
