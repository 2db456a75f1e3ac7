import type { TGroupMoments } from "@/lib/analytics/schemas";
import { pilotOutcome, sumGroups } from "@/lib/pilots/outcome";
import type { TOutcomePeriods } from "./periods";
import type { TCaseOutcome, TOverviewPilot } from "./schemas";

// The case outcomes an executive asks about: for each change rolled out after a pilot, its metric
// at the touchpoint before (the 90 days before the project's first pilot) and in the fixed
// evaluation window from the rollout, with the difference, its interval and the verdict — the same
// test and the same refusal to call a result on too little data as the pilot itself
// (lib/pilots/outcome.ts), with "after" in the pilot's role and "before" in the control's. The
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
  pilot: TRolledOutPilot,
  periods: TOutcomePeriods,
  sums: { before: TGroupMoments | undefined; after: TGroupMoments | undefined },
): TCaseOutcome {
  const outcome = pilotOutcome({
    metric: pilot.metric,
    pilot: sumGroups(sums.after ? [sums.after] : []),
    control: sumGroups(sums.before ? [sums.before] : []),
    plannedPerGroup: null,
  });
  const isComplete = periods.evaluation.isComplete;
  const figure = (f: typeof outcome.pilot) =>
    f.value === null ? null : { value: f.value, n: f.n, interval: f.interval };
  return {
    pilotId: pilot.id,
    projectId: pilot.project.id,
    projectTitle: pilot.project.title,
    pilotName: pilot.name,
    touchpoint: pilot.touchpoint,
    metric: pilot.metric,
    rolloutDay: pilot.decision.rolloutDay,
    before: { ...periods.before, figure: figure(outcome.control) },
    after: { ...periods.after, figure: figure(outcome.pilot) },
    evaluation: periods.evaluation,
    difference: outcome.difference && {
      value: outcome.difference.value,
      interval: outcome.difference.interval,
      pValue: isComplete ? outcome.difference.pValue : null,
    },
    verdict: isComplete ? outcome.verdict : null,
  };
}
