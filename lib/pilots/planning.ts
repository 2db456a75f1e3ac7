import { sampleSizeForMeans, sampleSizeForNps, sampleSizeForProportions } from "@/lib/stats/power";
import { sampleVariance } from "@/lib/stats/summary";
import { addDays, type TLocalDay } from "@/lib/dates/local-days";
import type { TGroupSums, TPilotMetric } from "./schemas";

// The power analysis before a pilot, as the page shows it live while the manager types the
// effect and as the server stores it: pure, so the same function runs in the browser and in
// createPilot. The baseline is the touchpoint's observations of the BASELINE_DAYS before the pilot.

/** The days before a pilot the baseline sd / CSAT share / NPS mix is read from. */
export const BASELINE_DAYS = 90;

/**
 * The baseline of a pilot starting on `startDay`: the BASELINE_DAYS days before it, so that a plan
 * never reads the pilot's own observations. A pilot starting after tomorrow plans from the
 * BASELINE_DAYS up to today: the days still to come hold no answers.
 */
export function baselineWindow(
  startDay: TLocalDay,
  today: TLocalDay,
): { from: TLocalDay; to: TLocalDay } {
  const dayBefore = addDays(startDay, -1);
  const to = dayBefore < today ? dayBefore : today;
  return { from: addDays(to, -(BASELINE_DAYS - 1)), to };
}

/**
 * A pilot planned after its first day (over data that already existed) is retrospective: its power
 * analysis did not come before the data, so the result page says so.
 */
export function isRetrospective(startDay: TLocalDay, plannedOn: TLocalDay): boolean {
  return startDay < plannedOn;
}

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
      return {
        perGroup: sampleSizeForProportions({ baseline: baseline.share, effect: effect / 100 }),
      };
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
export function answersPerDay(
  metric: TPilotMetric,
  bySite: { siteId: string; sums: TGroupSums }[],
  siteIds: readonly string[],
  days: number,
): number {
  const answers = bySite
    .filter((s) => siteIds.includes(s.siteId))
    .reduce((sum, s) => sum + answersFor(metric, s.sums), 0);
  return days > 0 ? answers / days : 0;
}
