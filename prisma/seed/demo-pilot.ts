import { addDays, localDayOf, type TLocalDay } from "@/lib/dates/local-days";
import { BEFORE_DAYS, EVALUATION_DAYS } from "@/lib/projects/windows";

// The Improve and Control story of the demo, on the planted MOT of the SK Telecom journey:
// three stores (Gangnam, Hongdae, Bundang) piloted a fix (more consultants at peak hours, a
// one-page plan comparison) while three others (Jamsil, Sinchon, Ilsan) carried on as before —
// a store is a cluster of answers, and one store against one cannot tell the fix from the store
// (docs/METHODS.md, "Sites are clusters"); the fix then reached every store, held for four weeks, and
// in the last week slipped back below where it started. The demo observations follow this
// timeline (demo-observations.ts), and the browser tests compute the dates a manager types from
// the same constants, so the data and the test can never disagree about when things happened.
// Days are counted back from today in Korea time (the reporting time zone): 0 is today.

export const DEMO_PILOT = {
  pilotSiteCodes: ["GANGNAM", "HONGDAE", "BUNDANG"],
  controlSiteCodes: ["JAMSIL", "SINCHON", "ILSAN"],
  /** First and last day of the pilot window (inclusive), in days before today: four weeks. */
  startDaysAgo: 63,
  endDaysAgo: 36,
  /** The day the change reached every store: the day after the pilot ended (what the decision form proposes). */
  rolloutDaysAgo: 35,
  /** From this day to today the planted MOT relapses (a control chart's limits from the 14 days after the rollout must flag it). */
  relapseDaysAgo: 7,
} as const;

const isPilotSite = (siteCode: string | null) =>
  (DEMO_PILOT.pilotSiteCodes as readonly (string | null)[]).includes(siteCode);

/**
 * How the fix moves the planted MOT's mean gap (points on the 7-point scale): the pilot site
 * during the pilot and every site after the rollout gain FIX_EFFECT; in the relapse the gap
 * falls RELAPSE_SHIFT below where it was before the fix. Both are far larger than the 0.5-point
 * effect the pilot is planned to detect, so the verdicts are not borderline.
 */
export const DEMO_FIX_EFFECT = 1.3;
export const DEMO_RELAPSE_SHIFT = -0.4;

/**
 * While the project runs (from the pilot's first day to today) each store also surveys a few
 * customers after every day's plan consultations — as a real pilot would, so that both groups
 * reach the planned sample and a daily control chart has enough points per day.
 */
export const DEMO_PILOT_SURVEYS_PER_STORE_PER_DAY = 2;
export const DEMO_PILOT_SURVEY_STORES = [
  ...DEMO_PILOT.pilotSiteCodes,
  ...DEMO_PILOT.controlSiteCodes,
] as const;

/** The shift of the planted MOT's mean gap on a day (days before today) at a site. */
export function plantedGapShift(daysAgo: number, siteCode: string | null): number {
  if (daysAgo <= DEMO_PILOT.relapseDaysAgo) return DEMO_RELAPSE_SHIFT;
  if (daysAgo <= DEMO_PILOT.rolloutDaysAgo) return DEMO_FIX_EFFECT;
  if (
    daysAgo <= DEMO_PILOT.startDaysAgo &&
    daysAgo >= DEMO_PILOT.endDaysAgo &&
    isPilotSite(siteCode)
  )
    return DEMO_FIX_EFFECT;
  return 0;
}

const DAY_MS = 86_400_000;
// Korea has kept UTC+9 without daylight saving since 1988: a fixed offset is exact for the demo's dates.
export const KST_OFFSET_MS = 9 * 3_600_000;

/** Days since 1970-01-01 in Korea time: the day number the demo generator counts in. */
export const koreanDayNumber = (instant: Date) =>
  Math.floor((instant.getTime() + KST_OFFSET_MS) / DAY_MS);

export type TDemoPilotDates = {
  today: TLocalDay;
  /** The pilot window, inclusive. */
  startsOn: TLocalDay;
  endsOn: TLocalDay;
  rolloutOn: TLocalDay;
  relapseFrom: TLocalDay;
  /** The 90 days before the pilot (what the project's progress and the overview's outcomes call "before"). */
  beforeFrom: TLocalDay;
  beforeTo: TLocalDay;
  /** The last day of the rollout's fixed evaluation window (28 days from the rollout day). */
  evaluationTo: TLocalDay;
};

/** The demo timeline as local days ("YYYY-MM-DD", Korea time) for a given moment. */
export function demoPilotDates(now: Date = new Date()): TDemoPilotDates {
  const today = localDayOf(now);
  const ago = (days: number) => addDays(today, -days);
  return {
    today,
    startsOn: ago(DEMO_PILOT.startDaysAgo),
    endsOn: ago(DEMO_PILOT.endDaysAgo),
    rolloutOn: ago(DEMO_PILOT.rolloutDaysAgo),
    relapseFrom: ago(DEMO_PILOT.relapseDaysAgo),
    beforeFrom: ago(DEMO_PILOT.startDaysAgo + BEFORE_DAYS),
    beforeTo: ago(DEMO_PILOT.startDaysAgo + 1),
    evaluationTo: ago(DEMO_PILOT.rolloutDaysAgo - EVALUATION_DAYS + 1),
  };
}
