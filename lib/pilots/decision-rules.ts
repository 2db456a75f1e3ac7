import { addDays, daysInclusive, type TLocalDay } from "@/lib/dates/local-days";
import { MAX_PILOT_DAYS, type TPilotDecision } from "./schemas";

// The days a manager's decision names must stand on the pilot's calendar: an extension keeps the
// window within MAX_PILOT_DAYS, a rollout takes effect between the pilot's first day and a month
// from now. Pure: decidePilot applies it, the tests read it.

/** A rollout takes effect at most this many days from today: a decision, not a plan for next year. */
export const MAX_ROLLOUT_LEAD_DAYS = 30;

/** Why the decision's days cannot stand (field → message keys), or null when they can. */
export function decisionDaysProblem(input: {
  decision: TPilotDecision;
  startDay: TLocalDay;
  endDay: TLocalDay;
  today: TLocalDay;
  extendToDay: TLocalDay | null;
  rolloutDay: TLocalDay | null;
}): Record<string, string[]> | null {
  const { decision, startDay, endDay, today, extendToDay, rolloutDay } = input;
  if (today < startDay) return { decision: ["improve.errors.pilotNotStarted"] };
  if (decision === "EXTEND" && extendToDay) {
    if (extendToDay <= endDay) return { extendToDay: ["improve.errors.extendAfterEnd"] };
    if (daysInclusive(startDay, extendToDay) > MAX_PILOT_DAYS)
      return { extendToDay: ["improve.errors.extendTooLong"] };
  }
  if (decision === "ROLLOUT" && rolloutDay) {
    if (rolloutDay < startDay) return { rolloutDay: ["improve.errors.rolloutBeforeStart"] };
    if (rolloutDay > addDays(today, MAX_ROLLOUT_LEAD_DAYS))
      return { rolloutDay: ["improve.errors.rolloutTooLate"] };
  }
  return null;
}
