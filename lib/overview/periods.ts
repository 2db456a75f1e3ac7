import { addDays, type TLocalDay } from "@/lib/dates/local-days";
import { beforeWindow, evaluationWindow, type TEvaluation } from "@/lib/projects/windows";

// The periods the executive overview compares, as local days (Korea time, inclusive): what the
// queries filter by and what every link hands on to Measure, so a figure and its source agree.

/** The headline compares the last 30 days with the 30 before. */
const HEADLINE_DAYS = 30;
/** The fix-first list looks at a quarter: thin touchpoints get too few answers in a month. */
const RANKING_DAYS = 90;
/** The monthly trend: this month and the eleven before it. */
const TREND_MONTHS = 12;

export type TPeriod = { from: TLocalDay; to: TLocalDay };
export type TOverviewPeriods = {
  today: TLocalDay;
  current: TPeriod;
  previous: TPeriod;
  trend: TPeriod;
  ranking: TPeriod;
};

const lastDays = (today: TLocalDay, days: number, endingDaysAgo = 0): TPeriod => ({
  from: addDays(today, -(endingDaysAgo + days - 1)),
  to: addDays(today, -endingDaysAgo),
});

/** The first day of the month `monthsBack` months before the one `day` falls in. */
export function monthStartBefore(day: TLocalDay, monthsBack: number): TLocalDay {
  const [year, month] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return new Date(Date.UTC(year, month - 1 - monthsBack, 1)).toISOString().slice(0, 10);
}

export function overviewPeriods(today: TLocalDay): TOverviewPeriods {
  return {
    today,
    current: lastDays(today, HEADLINE_DAYS),
    previous: lastDays(today, HEADLINE_DAYS, HEADLINE_DAYS),
    trend: { from: monthStartBefore(today, TREND_MONTHS - 1), to: today },
    ranking: lastDays(today, RANKING_DAYS),
  };
}

export type TOutcomePeriods = {
  before: TPeriod;
  /** The days of the evaluation window observed so far (all of them once it is complete). */
  after: TPeriod;
  evaluation: TEvaluation;
};

/**
 * Before and after a rolled-out change, as the project's progress reads them
 * (lib/projects/windows.ts): the 90 days before the project's work first touched customers, and
 * the fixed evaluation window from the rollout day, as far as it has run. null while the rollout
 * day has not come yet (nothing to judge).
 */
export function outcomePeriods(
  firstContactDay: TLocalDay,
  rolloutDay: TLocalDay,
  today: TLocalDay,
): TOutcomePeriods | null {
  const evaluated = evaluationWindow(rolloutDay, today);
  return (
    evaluated && {
      before: beforeWindow(firstContactDay),
      after: evaluated.observed,
      evaluation: evaluated.evaluation,
    }
  );
}
