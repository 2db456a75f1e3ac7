import type { TGroupMoments } from "@/lib/analytics/schemas";
import { sumMoments } from "@/lib/analytics/sums";
import { anovaIcc, designEffect } from "@/lib/stats/clustering";
import {
  clusteredDifferenceTest,
  npsDifferenceTest,
  siteDifferenceInDifferences,
  twoProportionTest,
  welchTTest,
  type TDifferenceTest,
} from "@/lib/stats/difference-tests";
import { DEFAULT_CONFIDENCE, tCritical } from "@/lib/stats/distributions";
import { pilotVerdict } from "@/lib/stats/pilot-verdict";
import { DEFAULT_ALPHA } from "@/lib/stats/power";
import { csat, nps } from "@/lib/stats/proportions";
import { sampleVariance, summarizeMean } from "@/lib/stats/summary";
import { answersFor, DISPLAY_SCALE, hasTooFewSites, scoreMoments } from "./planning";
import type {
  TDifferenceInDifferences,
  TGroupFigure,
  TInfeasiblePlan,
  TIccSource,
  TPilotClustering,
  TGroupSums,
  TPilotMetric,
  TPilotOutcome,
  TPilotStage,
  TPilotTestName,
} from "./schemas";

// From the two groups' sums (PostgreSQL's) to the pilot's result: the figure of each group, the
// difference with its interval and p-value from the test that fits the metric, and the verdict
// that refuses to name a winner on too little data. Pure.

/** What a pilot's figures read of a group's sums. */
const PILOT_FIELDS = ["observations", "experience", "csat", "nps"] as const;

/** The sums of several groups (a pilot's sites) as one group. */
export function sumGroups(
  groups: readonly Pick<TGroupMoments, (typeof PILOT_FIELDS)[number]>[],
): TGroupSums {
  return sumMoments(groups, PILOT_FIELDS);
}

export const EMPTY_SUMS: TGroupSums = sumGroups([]);

const TEST_OF: Record<TPilotMetric, TPilotTestName> = {
  MEAN_EXPERIENCE: "WELCH_T",
  CSAT: "TWO_PROPORTION_Z",
  NPS: "NPS_Z",
};

/** A group's figure in the metric's display unit: mean points, CSAT %, NPS points, each with its 95 % interval. */
export function groupFigure(metric: TPilotMetric, sums: TGroupSums): TGroupFigure {
  const n = answersFor(metric, sums);
  if (metric === "MEAN_EXPERIENCE") {
    const summary = summarizeMean(sums.experience);
    return { n, value: summary?.mean ?? null, interval: summary?.interval ?? null };
  }
  const figure = metric === "CSAT" ? csat(sums.csat.topTwoBox, sums.csat.n) : nps(sums.nps);
  return { n, value: figure?.value ?? null, interval: figure?.interval ?? null };
}

/** The range of a metric's per-answer score (null: unbounded for this purpose). */
const SCORE_RANGE: Record<TPilotMetric, [number, number] | null> = {
  MEAN_EXPERIENCE: null,
  CSAT: [0, 1],
  NPS: [-1, 1],
};

/**
 * A group of sites' figure on a site-adjusted pilot: the same mean, with the interval the
 * site-adjusted test implies for it, mean ± t(df)·√(DEFF·s²/n) on the test's df (sites − 2), in
 * the display unit and inside the score's range. The groups' intervals then tell the same story
 * as the difference's; the answer-level interval would be √DEFF times too narrow.
 */
function clusteredGroupFigure(
  metric: TPilotMetric,
  sums: TGroupSums,
  deff: number,
  df: number,
): TGroupFigure {
  const figure = groupFigure(metric, sums);
  const moments = scoreMoments(metric, sums);
  const variance = sampleVariance(moments);
  if (figure.value === null || variance === null) return figure;
  const mean = moments.sum / moments.n;
  const half = tCritical(DEFAULT_CONFIDENCE, df) * Math.sqrt((deff * variance) / moments.n);
  const range = SCORE_RANGE[metric];
  const scale = DISPLAY_SCALE[metric];
  const low = range ? Math.max(range[0], mean - half) : mean - half;
  const high = range ? Math.min(range[1], mean + half) : mean + half;
  return {
    ...figure,
    interval: { low: scale * low, high: scale * high, confidence: DEFAULT_CONFIDENCE },
  };
}

function differenceTest(
  metric: TPilotMetric,
  pilot: TGroupSums,
  control: TGroupSums,
): TDifferenceTest | null {
  if (metric === "MEAN_EXPERIENCE") return welchTTest(pilot.experience, control.experience);
  if (metric === "NPS") return npsDifferenceTest(pilot.nps, control.nps);
  const test = twoProportionTest(
    { n: pilot.csat.n, successes: pilot.csat.topTwoBox },
    { n: control.csat.n, successes: control.csat.topTwoBox },
  );
  // Shares are 0–1 in lib/stats; a manager reads CSAT in percentage points.
  return (
    test && {
      ...test,
      difference: 100 * test.difference,
      interval: { ...test.interval, low: 100 * test.interval.low, high: 100 * test.interval.high },
    }
  );
}

/**
 * What is known of the sites behind the two groups. CONTROL_SITES: the sums of each pilot and
 * control site over the pilot's days (one entry per site of the pilot, empty sums for a site with
 * no answers) and of the same sites over the days before the pilot (the ICC's fallback).
 * BEFORE_AFTER: each pilot site and each site that did not run the pilot, over the two periods.
 */
export type TSiteStructure =
  | {
      design: "CONTROL_SITES";
      isExploratory: boolean;
      pilotSites: readonly TGroupSums[];
      controlSites: readonly TGroupSums[];
      baselineSites: readonly TGroupSums[];
    }
  | {
      design: "BEFORE_AFTER";
      pilotSites: readonly TSitePeriodSums[];
      otherSites: readonly TSitePeriodSums[];
      /** The pilot sites' answers per week in each period: the test takes the weeks as clusters. */
      weeks?: TPeriodWeeks;
    };

/** Per-week sums of the same sites in two periods (empty weeks may be left out). */
export type TPeriodWeeks = { before: readonly TGroupSums[]; after: readonly TGroupSums[] };

/** One site's sums before and during a before/after pilot. */
type TSitePeriodSums = { before: TGroupSums; after: TGroupSums };

/** A test's own figures, without what a clustered test adds about its arms. */
function plainTest(test: TDifferenceTest | null): TDifferenceTest | null {
  return (
    test && {
      difference: test.difference,
      interval: test.interval,
      statistic: test.statistic,
      df: test.df,
      pValue: test.pValue,
    }
  );
}

/** A test on per-answer scores, back in the metric's display unit. */
function scaled<T extends TDifferenceTest>(test: T | null, scale: number): T | null {
  return (
    test && {
      ...test,
      difference: scale * test.difference,
      interval: {
        ...test.interval,
        low: scale * test.interval.low,
        high: scale * test.interval.high,
      },
    }
  );
}

/**
 * The ICC for a site-adjusted comparison: from the pilot's own days, with each group's mean
 * removed first so that the change is not read as a site effect (the pooled within-arm estimate
 * of Donner & Klar 2000). The variance the test needs is the sites' spread during the pilot, drift
 * included: sites that were alike over the 90 days before can part over four weeks, and an ICC
 * from the baseline then makes the test reject a true null too often. The baseline serves only
 * when the pilot's days cannot give an estimate; 0 when neither can.
 */
function pilotIcc(
  metric: TPilotMetric,
  sites: Extract<TSiteStructure, { design: "CONTROL_SITES" }>,
): { icc: number; source: TIccSource | null } {
  const score = (list: readonly TGroupSums[]) => list.map((s) => scoreMoments(metric, s));
  const window = anovaIcc([score(sites.pilotSites), score(sites.controlSites)]);
  if (window) return { icc: window.icc, source: "PILOT_WINDOW" };
  const baseline = anovaIcc([score(sites.baselineSites)]);
  if (baseline) return { icc: baseline.icc, source: "BASELINE" };
  return { icc: 0, source: null };
}

/** Sites of a group with answers for the metric: a site that never answered is no site of the comparison. */
function answeringSites(metric: TPilotMetric, list: readonly TGroupSums[]): TGroupSums[] {
  return list.filter((s) => answersFor(metric, s) > 0);
}

function siteAdjusted(
  metric: TPilotMetric,
  sites: Extract<TSiteStructure, { design: "CONTROL_SITES" }>,
): {
  test: TDifferenceTest | null;
  clustering: TPilotClustering;
  figures: { pilot: TGroupFigure; control: TGroupFigure };
} {
  const { icc, source } = pilotIcc(metric, sites);
  const pilotSites = answeringSites(metric, sites.pilotSites);
  const controlSites = answeringSites(metric, sites.controlSites);
  const raw = clusteredDifferenceTest(
    pilotSites.map((s) => scoreMoments(metric, s)),
    controlSites.map((s) => scoreMoments(metric, s)),
    icc,
  );
  // The design effect and the effective sample size are the sites' whether or not the test ran.
  const arm = (list: readonly TGroupSums[]) => {
    const sizes = list.map((s) => scoreMoments(metric, s).n);
    const n = sizes.reduce((a, m) => a + m, 0);
    const deff = designEffect(sizes, icc);
    return { sites: list.length, n, designEffect: deff, effectiveN: n / deff };
  };
  const pilot = arm(pilotSites);
  const control = arm(controlSites);
  const df = pilotSites.length + controlSites.length - 2;
  const test = scaled(raw, DISPLAY_SCALE[metric]);
  return {
    test: plainTest(test),
    clustering: { icc, iccSource: source, pilot, control },
    figures: {
      pilot: clusteredGroupFigure(metric, sumGroups(pilotSites), pilot.designEffect, df),
      control: clusteredGroupFigure(metric, sumGroups(controlSites), control.designEffect, df),
    },
  };
}

function didOf(
  metric: TPilotMetric,
  sites: Extract<TSiteStructure, { design: "BEFORE_AFTER" }>,
): TDifferenceInDifferences | null {
  const periods = (list: readonly TSitePeriodSums[]) =>
    list.map((s) => ({
      before: scoreMoments(metric, s.before),
      after: scoreMoments(metric, s.after),
    }));
  const did = siteDifferenceInDifferences(periods(sites.pilotSites), periods(sites.otherSites));
  if (!did) return null;
  const scale = DISPLAY_SCALE[metric];
  const test = scaled(did.test, scale);
  // The other sites that count: those with answers in both periods.
  const others = sites.otherSites.filter(
    (s) => answersFor(metric, s.before) > 0 && answersFor(metric, s.after) > 0,
  );
  return {
    value: scale * did.difference,
    interval: test?.interval ?? null,
    df: test?.df ?? null,
    pValue: test?.pValue ?? null,
    pilotSites: did.treatedSites,
    others: {
      sites: did.otherSites,
      before: others.reduce((a, s) => a + answersFor(metric, s.before), 0),
      after: others.reduce((a, s) => a + answersFor(metric, s.after), 0),
    },
  };
}

/**
 * after − before on a per-answer score with the weeks as clusters, for a comparison of one set of
 * sites with itself over two periods (a before/after pilot, a rollout on the overview). Answers of
 * one day share its staffing, weather and campaigns, and neighbouring days share rosters and
 * campaigns too, so the swing the control charts call overdispersion is noise the comparison must
 * carry. Weeks (Monday to Sunday) hold that day-to-day correlation inside a cluster and give every
 * weekday its share: the ICC of the weeks (each period's own mean removed) gives each period's
 * design effect, and the statistic is referred to t on the number of weeks with answers less two
 * (clusteredDifferenceTest, lib/stats/difference-tests.ts). It assumes the weeks themselves are
 * independent. With a steady process the ICC is 0 and it is the ordinary comparison of answers on
 * fewer degrees of freedom. In display units, with each period's figure on the same footing.
 */
export function weekClusteredComparison(
  metric: TPilotMetric,
  weeks: TPeriodWeeks,
): { test: TDifferenceTest | null; figures: { after: TGroupFigure; before: TGroupFigure } } {
  const after = weeks.after.map((week) => scoreMoments(metric, week));
  const before = weeks.before.map((week) => scoreMoments(metric, week));
  const icc = anovaIcc([after, before])?.icc ?? 0;
  const raw = clusteredDifferenceTest(after, before, icc);
  const test = scaled(raw, DISPLAY_SCALE[metric]);
  const [afterSums, beforeSums] = [sumGroups(weeks.after), sumGroups(weeks.before)];
  return {
    test: plainTest(test),
    // Each period's own interval on the same footing as the test, so the two tell one story.
    figures:
      raw && raw.df !== null
        ? {
            after: clusteredGroupFigure(metric, afterSums, raw.treatment.designEffect, raw.df),
            before: clusteredGroupFigure(metric, beforeSums, raw.control.designEffect, raw.df),
          }
        : { after: groupFigure(metric, afterSums), before: groupFigure(metric, beforeSums) },
  };
}

/**
 * The pilot group against the control group (or the pilot sites' own baseline period). Without
 * `sites` (the site structure unknown) the groups' answers are compared as independent answers.
 * With control sites, two or more sites with answers per group are compared by the site-adjusted
 * test, and fewer get no verdict unless the pilot is exploratory; a before/after pilot also gets
 * the site-level difference in differences against the other sites.
 */
export function pilotOutcome(input: {
  metric: TPilotMetric;
  pilot: TGroupSums;
  control: TGroupSums;
  plannedPerGroup: number | null;
  sites?: TSiteStructure;
  /** When the plan found no number of answers enough at the pilot's sites (plannedPerGroup is then null). */
  infeasiblePlan?: TInfeasiblePlan | null;
}): TPilotOutcome {
  const { metric, pilot, control, plannedPerGroup, sites } = input;
  const controlSites = sites?.design === "CONTROL_SITES" ? sites : null;
  // Sites count when they answered: a configured site without answers adds nothing to a group.
  const sitesWithAnswers = controlSites && {
    pilot: answeringSites(metric, controlSites.pilotSites).length,
    control: answeringSites(metric, controlSites.controlSites).length,
  };
  const isTooFewSites =
    sitesWithAnswers !== null && hasTooFewSites(sitesWithAnswers.pilot, sitesWithAnswers.control);
  const adjusted = controlSites && !isTooFewSites ? siteAdjusted(metric, controlSites) : null;
  const weeks = sites?.design === "BEFORE_AFTER" ? (sites.weeks ?? null) : null;
  const byWeek = weeks && weekClusteredComparison(metric, weeks);
  const test = adjusted
    ? adjusted.test
    : byWeek
      ? byWeek.test
      : differenceTest(metric, pilot, control);
  const pilotFigure =
    adjusted?.figures.pilot ?? byWeek?.figures.after ?? groupFigure(metric, pilot);
  const controlFigure =
    adjusted?.figures.control ?? byWeek?.figures.before ?? groupFigure(metric, control);
  const isExploratory = controlSites?.isExploratory ?? false;
  const { verdict, reason } = pilotVerdict({
    test,
    pilotN: pilotFigure.n,
    controlN: controlFigure.n,
    requiredPerGroup: plannedPerGroup,
    alpha: DEFAULT_ALPHA,
    ...(sitesWithAnswers && { sitesPerGroup: sitesWithAnswers, isExploratory }),
  });
  return {
    metric,
    test: adjusted ? "CLUSTERED_T" : weeks ? "WEEK_CLUSTERED_T" : TEST_OF[metric],
    pilot: pilotFigure,
    control: controlFigure,
    difference: test && {
      value: test.difference,
      interval: test.interval,
      statistic: test.statistic,
      df: test.df,
      pValue: test.pValue,
    },
    plannedPerGroup,
    infeasiblePlan: plannedPerGroup === null ? (input.infeasiblePlan ?? null) : null,
    alpha: DEFAULT_ALPHA,
    verdict,
    reason,
    isExploratory,
    sitesWithAnswers,
    treatsAnswersAsIndependent: isTooFewSites,
    isJudgedAsExploratory: isTooFewSites && isExploratory,
    clustering: adjusted?.clustering ?? null,
    differenceInDifferences: sites?.design === "BEFORE_AFTER" ? didOf(metric, sites) : null,
  };
}

/** Where a pilot stands on a given local day: before, during, after its window, or decided. */
export function pilotStage(input: {
  startDay: string;
  endDay: string;
  today: string;
  decision: string | null;
}): TPilotStage {
  if (input.decision === "ROLLOUT" || input.decision === "NO_ROLLOUT") return "COMPLETED";
  if (input.today < input.startDay) return "PLANNED";
  if (input.today <= input.endDay) return "RUNNING";
  return "ENDED";
}
