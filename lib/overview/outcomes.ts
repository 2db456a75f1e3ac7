import type { TGroupMoments } from "@/lib/analytics/schemas";
import { pilotOutcome, sumGroups } from "@/lib/pilots/outcome";
import type { TPeriod } from "./periods";
import type { TCaseOutcome, TOverviewPilot } from "./schemas";

// The case outcomes an executive asks about: for each change rolled out after a pilot, its metric
// at the touchpoint before (the 28 days before the pilot began) and since the rollout, with the
// difference, its interval and the verdict — the same test and the same refusal to call a result
// on too little data as the pilot itself (lib/pilots/outcome.ts), with "after" in the pilot's role
// and "before" in the control's. Pure.

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
  periods: { before: TPeriod; after: TPeriod },
  sums: { before: TGroupMoments | undefined; after: TGroupMoments | undefined },
): TCaseOutcome {
  const outcome = pilotOutcome({
    metric: pilot.metric,
    pilot: sumGroups(sums.after ? [sums.after] : []),
    control: sumGroups(sums.before ? [sums.before] : []),
    plannedPerGroup: null,
  });
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
    difference: outcome.difference && {
      value: outcome.difference.value,
      interval: outcome.difference.interval,
      pValue: outcome.difference.pValue,
    },
    verdict: outcome.verdict,
  };
}
