import type { TGroupMoments } from "@/lib/analytics/schemas";
import { sumMoments } from "@/lib/analytics/sums";
import {
  npsDifferenceTest,
  twoProportionTest,
  welchTTest,
  type TDifferenceTest,
} from "@/lib/stats/difference-tests";
import { pilotVerdict } from "@/lib/stats/pilot-verdict";
import { DEFAULT_ALPHA } from "@/lib/stats/power";
import { csat, nps } from "@/lib/stats/proportions";
import { summarizeMean } from "@/lib/stats/summary";
import { answersFor } from "./planning";
import type {
  TGroupFigure,
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

/** The pilot group against the control group (or the pilot sites' own baseline period). */
export function pilotOutcome(input: {
  metric: TPilotMetric;
  pilot: TGroupSums;
  control: TGroupSums;
  plannedPerGroup: number | null;
}): TPilotOutcome {
  const { metric, pilot, control, plannedPerGroup } = input;
  const test = differenceTest(metric, pilot, control);
  const pilotFigure = groupFigure(metric, pilot);
  const controlFigure = groupFigure(metric, control);
  const { verdict, reason } = pilotVerdict({
    test,
    pilotN: pilotFigure.n,
    controlN: controlFigure.n,
    requiredPerGroup: plannedPerGroup,
    alpha: DEFAULT_ALPHA,
  });
  return {
    metric,
    test: TEST_OF[metric],
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
