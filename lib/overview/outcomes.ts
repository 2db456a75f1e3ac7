import type { TGroupMoments } from "@/lib/analytics/schemas";
import { sumGroups, weekClusteredComparison } from "@/lib/pilots/outcome";
import type { TGroupFigure } from "@/lib/pilots/schemas";
import { pilotVerdict } from "@/lib/stats/pilot-verdict";
import { DEFAULT_ALPHA } from "@/lib/stats/power";
import type { TOutcomePeriods } from "./periods";
import type { TCaseOutcome, TOverviewPilot } from "./schemas";

// The case outcomes an executive asks about: for each change rolled out after a pilot, its metric
// at the touchpoint before (the 90 days before the project's first pilot) and in the fixed
// evaluation window from the rollout, with the difference, its interval and the verdict — the same
// refusal to call a result on too little data as the pilot itself (lib/stats/pilot-verdict.ts),
// with "after" in the pilot's role and "before" in the control's, and the weeks as clusters. The
// verdict is one test on the whole window, given once the window is over: while it runs, the
// estimate and its interval are shown, no verdict and no p-value (looking every day and calling
// the first p < 0.05 is the repeated testing of Armitage, McPherson & Rowe 1969). Pure.

export type TRolledOutPilot = TOverviewPilot & {
  decision: NonNullable<TOverviewPilot["decision"]> & { rolloutDay: string };
};

/** Pilots decided ROLLOUT with a rollout day, newest rollout first. */
export function rolledOutPilots(pilots: readonly TOverviewPilot[]): TRolledOutPilot[] {
  return pilots
    .filter(
      (p): p is TRolledOutPilot =>
        p.decision?.decision === "ROLLOUT" && p.decision.rolloutDay !== null,
    )
    .sort((a, b) =>
      a.decision.rolloutDay < b.decision.rolloutDay
        ? 1
        : a.decision.rolloutDay > b.decision.rolloutDay
          ? -1
          : 0,
    );
}

export function caseOutcomeOf(
  pilot: Pick<TRolledOutPilot, "id" | "project" | "name" | "touchpoint" | "metric"> & {
    decision: { rolloutDay: string };
  },
  periods: TOutcomePeriods,
  weeks: { before: readonly TGroupMoments[]; after: readonly TGroupMoments[] },
): TCaseOutcome {
  // Weeks as clusters, as for a before/after pilot (lib/pilots/outcome.ts).
  const {
    test,
    figures: { before, after },
  } = weekClusteredComparison(pilot.metric, {
    before: weeks.before.map((week) => sumGroups([week])),
    after: weeks.after.map((week) => sumGroups([week])),
  });
  const { verdict } = pilotVerdict({
    test,
    pilotN: after.n,
    controlN: before.n,
    requiredPerGroup: null,
    alpha: DEFAULT_ALPHA,
  });
  const isComplete = periods.evaluation.isComplete;
  const figure = (f: TGroupFigure) =>
    f.value === null ? null : { value: f.value, n: f.n, interval: f.interval };
  return {
    pilotId: pilot.id,
    projectId: pilot.project.id,
    projectTitle: pilot.project.title,
    pilotName: pilot.name,
    touchpoint: pilot.touchpoint,
    metric: pilot.metric,
    rolloutDay: pilot.decision.rolloutDay,
    before: { ...periods.before, figure: figure(before) },
    after: { ...periods.after, figure: figure(after) },
    evaluation: periods.evaluation,
    difference: test && {
      value: test.difference,
      interval: test.interval,
      pValue: isComplete ? test.pValue : null,
    },
    verdict: isComplete ? verdict : null,
  };
}
