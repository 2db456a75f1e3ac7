import { addDays, type TLocalDay } from "@/lib/dates/local-days";

// Which days the Analyze page reads customers' comments from (docs/METHODS.md, "Pareto of causes
// and themes"). Pure.

/** The comments of this many days (Korea time, both ends included) are read unless the manager picks a window. */
export const ANALYSIS_WINDOW_DAYS = 90;

export type TAnalysisWindow = {
  from: TLocalDay;
  to: TLocalDay;
  /**
   * LATEST: the days up to today — nothing has been changed for customers yet.
   * BEFORE_FIRST_PILOT: the days before the first pilot began — later comments describe the fix.
   * CHOSEN: the manager's own dates.
   */
  basis: "LATEST" | "BEFORE_FIRST_PILOT" | "CHOSEN";
};

/**
 * The window of the causes: the manager's dates when given; otherwise the ANALYSIS_WINDOW_DAYS days
 * before the project's first pilot began, once one has; otherwise the ANALYSIS_WINDOW_DAYS days up
 * to today.
 */
export function analysisWindow({
  today,
  firstPilotStart,
  chosen,
}: {
  today: TLocalDay;
  firstPilotStart: TLocalDay | null;
  chosen?: { from: TLocalDay; to: TLocalDay } | null;
}): TAnalysisWindow {
  if (chosen) return { ...chosen, basis: "CHOSEN" };
  const piloted = firstPilotStart !== null && firstPilotStart <= today;
  const to = piloted ? addDays(firstPilotStart, -1) : today;
  return {
    from: addDays(to, -(ANALYSIS_WINDOW_DAYS - 1)),
    to,
    basis: piloted ? "BEFORE_FIRST_PILOT" : "LATEST",
  };
}
