import type { TGroupMoments } from "@/lib/analytics/schemas";
import { sumMoments } from "@/lib/analytics/sums";
import { anovaIcc } from "@/lib/stats/clustering";
import {
  clusteredDifferenceTest,
  differenceInDifferences,
  npsDifferenceTest,
  twoProportionTest,
  welchTTest,
  type TDifferenceTest,
} from "@/lib/stats/difference-tests";
import { MIN_SITES_PER_GROUP, pilotVerdict } from "@/lib/stats/pilot-verdict";
import { DEFAULT_ALPHA } from "@/lib/stats/power";
import { csat, nps } from "@/lib/stats/proportions";
import { summarizeMean } from "@/lib/stats/summary";
import { answersFor, DISPLAY_SCALE, scoreMoments } from "./planning";
import type {
  TDifferenceInDifferences,
  TGroupFigure,
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
 * no answers) and of the same sites over the days before the pilot (for the ICC). BEFORE_AFTER:
 * the sites that did not run the pilot, over the same two periods (null when none has answers).
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
      others: { sites: number; before: TGroupSums; after: TGroupSums } | null;
    };

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
 * The ICC for a site-adjusted comparison: from the pilot's sites before it started, where no
 * change can be mistaken for a site effect; without a usable baseline, from the pilot's own days
 * with each group's mean removed (Donner & Klar 2000). 0 when neither can say.
 */
function pilotIcc(
  metric: TPilotMetric,
  sites: Extract<TSiteStructure, { design: "CONTROL_SITES" }>,
): { icc: number; source: TIccSource | null } {
  const score = (list: readonly TGroupSums[]) => list.map((s) => scoreMoments(metric, s));
  const baseline = anovaIcc([score(sites.baselineSites)]);
  if (baseline) return { icc: baseline.icc, source: "BASELINE" };
  const window = anovaIcc([score(sites.pilotSites), score(sites.controlSites)]);
  if (window) return { icc: window.icc, source: "PILOT_WINDOW" };
  return { icc: 0, source: null };
}

function siteAdjusted(
  metric: TPilotMetric,
  sites: Extract<TSiteStructure, { design: "CONTROL_SITES" }>,
): { test: TDifferenceTest | null; clustering: TPilotClustering } {
  const { icc, source } = pilotIcc(metric, sites);
  const raw = clusteredDifferenceTest(
    sites.pilotSites.map((s) => scoreMoments(metric, s)),
    sites.controlSites.map((s) => scoreMoments(metric, s)),
    icc,
  );
  const arm = (list: readonly TGroupSums[], fromTest?: TPilotClustering["pilot"]) => {
    if (fromTest) return fromTest;
    const n = list.reduce((a, s) => a + scoreMoments(metric, s).n, 0);
    return {
      sites: list.filter((s) => answersFor(metric, s) > 0).length,
      n,
      designEffect: 1,
      effectiveN: n,
    };
  };
  const test = scaled(raw, DISPLAY_SCALE[metric]);
  return {
    test: test && {
      difference: test.difference,
      interval: test.interval,
      statistic: test.statistic,
      df: test.df,
      pValue: test.pValue,
    },
    clustering: {
      icc,
      iccSource: source,
      pilot: arm(sites.pilotSites, raw?.treatment),
      control: arm(sites.controlSites, raw?.control),
    },
  };
}

function didOf(
  metric: TPilotMetric,
  pilot: TGroupSums,
  before: TGroupSums,
  others: NonNullable<Extract<TSiteStructure, { design: "BEFORE_AFTER" }>["others"]>,
): TDifferenceInDifferences | null {
  const test = scaled(
    differenceInDifferences({
      treatedAfter: scoreMoments(metric, pilot),
      treatedBefore: scoreMoments(metric, before),
      othersAfter: scoreMoments(metric, others.after),
      othersBefore: scoreMoments(metric, others.before),
    }),
    DISPLAY_SCALE[metric],
  );
  return (
    test && {
      value: test.difference,
      interval: test.interval,
      df: test.df!,
      pValue: test.pValue,
      others: {
        sites: others.sites,
        before: answersFor(metric, others.before),
        after: answersFor(metric, others.after),
      },
    }
  );
}

/**
 * The pilot group against the control group (or the pilot sites' own baseline period). Without
 * `sites` (the site structure unknown) the groups' answers are compared as independent answers.
 * With control sites, two or more sites per group are compared by the site-adjusted test, and
 * fewer get no verdict unless the pilot is exploratory; a before/after pilot also gets the
 * difference in differences against the other sites.
 */
export function pilotOutcome(input: {
  metric: TPilotMetric;
  pilot: TGroupSums;
  control: TGroupSums;
  plannedPerGroup: number | null;
  sites?: TSiteStructure;
}): TPilotOutcome {
  const { metric, pilot, control, plannedPerGroup, sites } = input;
  const controlSites = sites?.design === "CONTROL_SITES" ? sites : null;
  const isClustered =
    controlSites !== null &&
    Math.min(controlSites.pilotSites.length, controlSites.controlSites.length) >=
      MIN_SITES_PER_GROUP;
  const adjusted = isClustered ? siteAdjusted(metric, controlSites) : null;
  const test = adjusted ? adjusted.test : differenceTest(metric, pilot, control);
  const pilotFigure = groupFigure(metric, pilot);
  const controlFigure = groupFigure(metric, control);
  const isExploratory = controlSites?.isExploratory ?? false;
  const { verdict, reason } = pilotVerdict({
    test,
    pilotN: pilotFigure.n,
    controlN: controlFigure.n,
    requiredPerGroup: plannedPerGroup,
    alpha: DEFAULT_ALPHA,
    ...(controlSites && {
      sitesPerGroup: {
        pilot: controlSites.pilotSites.length,
        control: controlSites.controlSites.length,
      },
      isExploratory,
    }),
  });
  return {
    metric,
    test: adjusted ? "CLUSTERED_T" : TEST_OF[metric],
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
    alpha: DEFAULT_ALPHA,
    verdict,
    reason,
    isExploratory,
    clustering: adjusted?.clustering ?? null,
    differenceInDifferences:
      sites?.design === "BEFORE_AFTER" && sites.others
        ? didOf(metric, pilot, control, sites.others)
        : null,
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
