import { sampleSizeForMeans, sampleSizeForNps, sampleSizeForProportions } from "@/lib/stats/power";
import { sampleVariance } from "@/lib/stats/summary";
import type { TGroupSums, TPilotMetric } from "./schemas";

// The power analysis before a pilot, as the page shows it live while the manager types the
// effect and as the server stores it: pure, so the same function runs in the browser and in
// createPilot. The baseline is the touchpoint's recent observations (BASELINE_DAYS).

/** The recent days the baseline sd / CSAT share / NPS mix is read from. */
export const BASELINE_DAYS = 90;

/** How a group of observations reads for a metric: the answers that count, and the baseline figure. */
export function answersFor(metric: TPilotMetric, sums: TGroupSums): number {
  if (metric === "MEAN_EXPERIENCE") return sums.experience.n;
  if (metric === "CSAT") return sums.csat.n;
  return sums.nps.promoters + sums.nps.passives + sums.nps.detractors;
}

export type TBaselineFigure =
  | { metric: "MEAN_EXPERIENCE"; n: number; mean: number; sd: number }
  | { metric: "CSAT"; n: number; share: number }
  | { metric: "NPS"; n: number; nps: number; promoterShare: number; detractorShare: number };

/** What the power analysis starts from, or null when the touchpoint has too few answers to say. */
export function baselineFigure(metric: TPilotMetric, sums: TGroupSums): TBaselineFigure | null {
  const n = answersFor(metric, sums);
  if (metric === "MEAN_EXPERIENCE") {
    const variance = sampleVariance(sums.experience);
    if (variance === null || variance === 0) return null;
    return { metric, n, mean: sums.experience.sum / n, sd: Math.sqrt(variance) };
  }
  if (n === 0) return null;
  if (metric === "CSAT") return { metric, n, share: sums.csat.topTwoBox / n };
  const promoterShare = sums.nps.promoters / n;
  const detractorShare = sums.nps.detractors / n;
  return { metric, n, nps: 100 * (promoterShare - detractorShare), promoterShare, detractorShare };
}

export type TPlan = { perGroup: number } | { problem: "NO_BASELINE" | "EFFECT_OUT_OF_RANGE" };

/**
 * Observations each group needs to detect `effect` (in the metric's display unit: points, CSAT
 * percentage points, NPS points) at the default α and power (lib/stats/power.ts).
 */
export function planPilot(metric: TPilotMetric, sums: TGroupSums, effect: number): TPlan {
  const baseline = baselineFigure(metric, sums);
  if (!baseline) return { problem: "NO_BASELINE" };
  if (!(Number.isFinite(effect) && effect > 0)) return { problem: "EFFECT_OUT_OF_RANGE" };
  switch (baseline.metric) {
    case "MEAN_EXPERIENCE":
      return { perGroup: sampleSizeForMeans({ sd: baseline.sd, effect }) };
    case "CSAT": {
      // An improvement beyond 100 % cannot be detected: the target must leave room above the baseline.
      if (baseline.share + effect / 100 > 1) return { problem: "EFFECT_OUT_OF_RANGE" };
      return { perGroup: sampleSizeForProportions({ baseline: baseline.share, effect: effect / 100 }) };
    }
    case "NPS":
      if (baseline.nps + effect > 100) return { problem: "EFFECT_OUT_OF_RANGE" };
      return { perGroup: sampleSizeForNps({ baseline: sums.nps, effect }) };
  }
}

/**
 * About how many days the slower group needs to reach `perGroup` answers, at the pace its sites
 * kept over the baseline period; null when a group's sites collected nothing (no pace to go by).
 */
export function daysToReach(perGroup: number, answersPerDayByGroup: number[]): number | null {
  const slowest = Math.min(...answersPerDayByGroup);
  if (!(slowest > 0)) return null;
  return Math.ceil(perGroup / slowest);
}

/** A group's answers per day over the baseline: the sum of its sites' answers divided by the baseline's days. */
export function answersPerDay(metric: TPilotMetric, bySite: { siteId: string; sums: TGroupSums }[], siteIds: readonly string[], days: number): number {
  const answers = bySite.filter((s) => siteIds.includes(s.siteId)).reduce((sum, s) => sum + answersFor(metric, s.sums), 0);
  return days > 0 ? answers / days : 0;
}
