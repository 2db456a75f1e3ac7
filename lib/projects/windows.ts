import { addDays, type TLocalDay } from "@/lib/dates/local-days";

// The two windows every before/after reading of a project's change uses — the project's progress
// against its targets and the overview's outcome of each rollout — so the two pages cannot
// disagree about what "before" and "after" mean. Local days (Korea time), both ends included. Pure.

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
