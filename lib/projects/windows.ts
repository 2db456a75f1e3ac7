import { addDays, type TLocalDay } from "@/lib/dates/local-days";

// The windows a project's figures read. The two every before/after reading of a project's change
// uses — the project's progress against its targets and the overview's outcome of each rollout —
// so the two pages cannot disagree about what "before" and "after" mean; and the Analyze page's
// window of complaints, which is "before" once a pilot has begun. Local days (Korea time), both
// ends included. Pure.

type TWindow = { from: TLocalDay; to: TLocalDay };

/**
 * "Before" is this many days: the same 90 days a pilot's power analysis reads its baseline from
 * (BASELINE_DAYS, lib/pilots/planning.ts; the tests hold the two equal), so the level a change is
 * judged against is the one it was planned on. Kept here, not imported, so that the pages that
 * name the window do not pull the power analysis into the browser.
 */
export const BEFORE_DAYS = 90;

/**
 * "After" is judged on this many days from the rollout day, fixed in advance: four whole weeks,
 * so every weekday counts the same. A verdict read off a window that grows every day would be a
 * repeated significance test (Armitage, McPherson & Rowe 1969).
 */
export const EVALUATION_DAYS = 28;

/** The day the project's work first touched customers: its earliest pilot's start, else the day the project started. */
export function firstContactDay(
  pilotStartDays: readonly TLocalDay[],
  projectStartDay: TLocalDay,
): TLocalDay {
  return [...pilotStartDays].sort()[0] ?? projectStartDay;
}

/** Before: the BEFORE_DAYS days up to the day before the work first touched customers. */
export function beforeWindow(firstContact: TLocalDay): TWindow {
  return { from: addDays(firstContact, -BEFORE_DAYS), to: addDays(firstContact, -1) };
}

/** The fixed evaluation window of a rollout: from the rollout day to `to`, both included. */
export type TEvaluation = {
  /** The window's last day: the rollout day + EVALUATION_DAYS − 1. */
  to: TLocalDay;
  /** Whether today is past that day, so every day of the window is in. */
  isComplete: boolean;
  /** The first day the verdict is given: the day after the window's last day. */
  verdictDay: TLocalDay;
};

/**
 * After a rollout: its fixed evaluation window, and the part of it observed so far (from the
 * rollout day to today, or to the window's last day once it is over). null before the rollout day.
 */
export function evaluationWindow(
  rolloutDay: TLocalDay,
  today: TLocalDay,
): { observed: TWindow; evaluation: TEvaluation } | null {
  if (rolloutDay > today) return null;
  const to = addDays(rolloutDay, EVALUATION_DAYS - 1);
  const isComplete = today > to;
  return {
    observed: { from: rolloutDay, to: isComplete ? to : today },
    evaluation: { to, isComplete, verdictDay: addDays(to, 1) },
  };
}

/** The days whose complaints the Analyze page reads, and why those (docs/METHODS.md, "Pareto of causes and themes"). */
export type TAnalysisWindow = TWindow & {
  /**
   * LATEST: the BEFORE_DAYS days up to today — nothing has been changed for customers yet.
   * BEFORE_FIRST_PILOT: the before window — later comments describe the change, not the causes.
   * CHOSEN: the manager's own dates.
   */
  basis: "LATEST" | "BEFORE_FIRST_PILOT" | "CHOSEN";
};

/**
 * The Analyze page's window: the manager's dates when given; once the project's first pilot has
 * begun, its before window; otherwise the BEFORE_DAYS days up to today.
 */
export function analysisWindow({
  today,
  firstPilotStart,
  chosen,
}: {
  today: TLocalDay;
  firstPilotStart: TLocalDay | null;
  chosen?: TWindow | null;
}): TAnalysisWindow {
  if (chosen) return { ...chosen, basis: "CHOSEN" };
  if (firstPilotStart !== null && firstPilotStart <= today)
    return { ...beforeWindow(firstPilotStart), basis: "BEFORE_FIRST_PILOT" };
  return { from: addDays(today, -(BEFORE_DAYS - 1)), to: today, basis: "LATEST" };
}
