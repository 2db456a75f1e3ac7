import { anovaIcc, clusteredSampleSize, sizeCv } from "@/lib/stats/clustering";
import { MIN_SITES_PER_GROUP } from "@/lib/stats/pilot-verdict";
import {
  sampleSizeForMeans,
  sampleSizeForNps,
  sampleSizeForProportions,
  type TPowerOptions,
} from "@/lib/stats/power";
import { sampleVariance, type TMoments } from "@/lib/stats/summary";
import { ZERO_MOMENTS } from "@/lib/analytics/sums";
import { addDays, type TLocalDay } from "@/lib/dates/local-days";
import type { TGroupSums, TPilotBaseline, TPilotDesign, TPilotMetric } from "./schemas";

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

/**
 * Each answer as the score the metric averages: the experience score; 1 (top two boxes) or 0 for
 * CSAT; +1, 0 or −1 for NPS. (n, Σx, Σx²) of those scores, so that one site-adjusted test and one
 * ICC serve all three metrics. For 0/1 and ±1 scores x² is |x|, so Σx² is the count of non-zero
 * answers.
 */
export function scoreMoments(metric: TPilotMetric, sums: TGroupSums): TMoments {
  if (metric === "MEAN_EXPERIENCE") return sums.experience;
  if (metric === "CSAT")
    return { n: sums.csat.n, sum: sums.csat.topTwoBox, sumSquares: sums.csat.topTwoBox };
  const { promoters, passives, detractors } = sums.nps;
  return {
    n: promoters + passives + detractors,
    sum: promoters - detractors,
    sumSquares: promoters + detractors,
  };
}

/** The factor from a score's unit to the metric's display unit (CSAT % and NPS points are 100 × the mean score). */
export const DISPLAY_SCALE: Record<TPilotMetric, number> = {
  MEAN_EXPERIENCE: 1,
  CSAT: 100,
  NPS: 100,
};

/**
 * The ICC a plan assumes when the baseline cannot estimate one (fewer than two sites with answers,
 * or none with two): the upper quartile of 1,039 ICCs that Adams et al. (2004) estimated from 31
 * studies of patients clustered in primary-care practices (median 0.010, IQR 0 to 0.032). It is
 * the nearest published distribution for customers clustered in service sites; three in four
 * measures there have a smaller ICC, so a plan on it errs towards too many answers, not too few.
 */
export const DEFAULT_PLANNING_ICC = 0.032;

/** The ICC of the metric's score between sites over the baseline (one-way ANOVA, truncated at 0); null when it cannot be estimated. */
function baselineIcc(metric: TPilotMetric, sites: readonly TGroupSums[]): number | null {
  return anovaIcc([sites.map((s) => scoreMoments(metric, s))])?.icc ?? null;
}

/**
 * Whether a comparison of two groups of sites has too few sites in a group to separate the change
 * from the sites (MIN_SITES_PER_GROUP): one rule for the plan, the result and the form.
 */
export function hasTooFewSites(pilotSites: number, controlSites: number): boolean {
  return Math.min(pilotSites, controlSites) < MIN_SITES_PER_GROUP;
}

/** How a plan over sites allowed for answers of one site being alike. */
type TPlanClustering = {
  /**
   * The ICC the plan assumed: from every site's baseline answers at the touchpoint, or
   * DEFAULT_PLANNING_ICC when it could not be estimated (iccEstimated false).
   */
  icc: number;
  iccEstimated: boolean;
  sitesPerGroup: number;
  designEffect: number;
  /** What the planned answers per group are worth as independent answers: perGroup / DEFF. */
  effectivePerGroup: number;
};

export type TPlan =
  | { perGroup: number; clustering: TPlanClustering | null }
  | { problem: "NO_BASELINE" | "EFFECT_OUT_OF_RANGE" }
  /** No number of answers at these sites reaches the power: the site-to-site variation hides the effect. */
  | { problem: "TOO_FEW_SITES"; minSitesPerGroup: number | null };

/**
 * The sites of a control-site pilot with their baseline sums: the chosen ones (how many, how
 * unequal) and every site with baseline answers at the touchpoint (what the ICC is read from).
 */
export type TPlanSites = {
  pilot: readonly TGroupSums[];
  control: readonly TGroupSums[];
  all: readonly TGroupSums[];
};

const NO_ANSWERS: TGroupSums = {
  observations: 0,
  experience: ZERO_MOMENTS.experience,
  csat: ZERO_MOMENTS.csat,
  nps: ZERO_MOMENTS.nps,
};

/**
 * The sites a plan reads from a touchpoint's baseline: for a control-site pilot the chosen sites'
 * sums (a chosen site without baseline answers counts, with none) and every site's; undefined for
 * a before/after pilot, which plans as for independent answers. The form and createPilot both
 * plan through it.
 */
export function planSitesOf(
  baseline: Pick<TPilotBaseline, "bySite">,
  design: TPilotDesign,
  pilotSiteIds: readonly string[],
  controlSiteIds: readonly string[],
): TPlanSites | undefined {
  if (design !== "CONTROL_SITES") return undefined;
  const sumsOf = (ids: readonly string[]) =>
    ids.map((id) => baseline.bySite.find((s) => s.siteId === id)?.sums ?? NO_ANSWERS);
  return {
    pilot: sumsOf(pilotSiteIds),
    control: sumsOf(controlSiteIds),
    all: baseline.bySite.map((s) => s.sums),
  };
}

/** Beyond this many sites per group the search for a feasible design stops (null: more than that). */
const MAX_SITES_SEARCHED = 200;

/**
 * Observations each group needs to detect `effect` (in the metric's display unit: points, CSAT
 * percentage points, NPS points) at the default α and power (lib/stats/power.ts).
 *
 * With `sites` (a control-site pilot with at least MIN_SITES_PER_GROUP sites in each group) the
 * plan is for the site-adjusted test the result will run: the answers independent observations
 * would need, on the test's df (sites − 2), then inflated for the ICC with the fixed number of
 * sites per group (clusteredSampleSize). The ICC is read from every site with baseline answers at
 * the touchpoint (more sites, a steadier estimate than the 4–6 chosen ones), or, when it cannot
 * be estimated, DEFAULT_PLANNING_ICC: never silently 0. With fewer sites (an exploratory one-site
 * pilot) or no sites, it plans as if answers were independent.
 */
export function planPilot(
  metric: TPilotMetric,
  sums: TGroupSums,
  effect: number,
  sites?: TPlanSites,
): TPlan {
  const baseline = baselineFigure(metric, sums);
  if (!baseline) return { problem: "NO_BASELINE" };
  if (!(Number.isFinite(effect) && effect > 0)) return { problem: "EFFECT_OUT_OF_RANGE" };
  if (baseline.metric === "CSAT" && baseline.share + effect / 100 > 1)
    // An improvement beyond 100 % cannot be detected: the target must leave room above the baseline.
    return { problem: "EFFECT_OUT_OF_RANGE" };
  if (baseline.metric === "NPS" && baseline.nps + effect > 100)
    return { problem: "EFFECT_OUT_OF_RANGE" };
  const individual = (options: TPowerOptions = {}) => {
    switch (baseline.metric) {
      case "MEAN_EXPERIENCE":
        return sampleSizeForMeans({ sd: baseline.sd, effect, ...options });
      case "CSAT":
        return sampleSizeForProportions({
          baseline: baseline.share,
          effect: effect / 100,
          ...options,
        });
      case "NPS":
        return sampleSizeForNps({ baseline: sums.nps, effect, ...options });
    }
  };
  if (!sites || hasTooFewSites(sites.pilot.length, sites.control.length))
    return { perGroup: individual(), clustering: null };
  const k = Math.min(sites.pilot.length, sites.control.length);

  const estimated = baselineIcc(metric, sites.all);
  const icc = estimated ?? DEFAULT_PLANNING_ICC;
  // The chosen sites' answers over the baseline say how unequal their shares will be.
  const cv = sizeCv(
    [...sites.pilot, ...sites.control].map((s) => scoreMoments(metric, s).n).filter((n) => n > 0),
  );
  const design = (perArm: number, df: number) =>
    clusteredSampleSize({ individual: individual({ df }), sitesPerArm: perArm, icc, cv });
  const plan = design(k, sites.pilot.length + sites.control.length - 2);
  if (!plan) {
    let more = k + 1;
    while (more <= MAX_SITES_SEARCHED && !design(more, 2 * more - 2)) more += 1;
    return { problem: "TOO_FEW_SITES", minSitesPerGroup: more <= MAX_SITES_SEARCHED ? more : null };
  }
  return {
    perGroup: plan.perArm,
    clustering: {
      icc,
      iccEstimated: estimated !== null,
      sitesPerGroup: k,
      designEffect: plan.designEffect,
      effectivePerGroup: plan.perArm / plan.designEffect,
    },
  };
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
