import { addDays, localDayOf } from "@/lib/dates/local-days";
import { NPS_DETRACTOR_MAX } from "@/lib/observations/scale";

// Closing the loop (PRODUCT.md, "Follow-up"): which observations open a follow-up for the site's staff.

/** Experienced at least this many points below expectation, on the shared 1–7 scale, is "far below". */
const FAR_BELOW_EXPECTATION = 2;

export const FOLLOW_UP_REASONS = ["BELOW_EXPECTATION", "NPS_DETRACTOR"] as const;
export type TFollowUpReason = (typeof FOLLOW_UP_REASONS)[number];

type TScores = {
  experiencedScore: number | null;
  /** What the customer expected: the observation's own expectation score, else the level recorded for its MOT and segment. */
  expectation: number | null;
  nps: number | null;
};

/** The reasons an observation needs a follow-up; empty when it does not. */
export function followUpReasons({
  experiencedScore,
  expectation,
  nps,
}: TScores): TFollowUpReason[] {
  const reasons: TFollowUpReason[] = [];
  if (
    experiencedScore !== null &&
    expectation !== null &&
    expectation - experiencedScore >= FAR_BELOW_EXPECTATION
  )
    reasons.push("BELOW_EXPECTATION");
  if (nps !== null && nps <= NPS_DETRACTOR_MAX) reasons.push("NPS_DETRACTOR");
  return reasons;
}

/** The ages an organization may choose: a day to a year. */
export const FOLLOW_UP_MAX_AGE_DAYS_RANGE = { min: 1, max: 365 } as const;

/**
 * Follow-ups are for customers someone can still call back: an answer observed on a Korean
 * calendar day at most `maxAgeDays` days before today opens one; an older one (a historical
 * import, a late upload) does not. With 14, on 2026-12-07 answers from 2026-11-23 on qualify.
 */
export function isRecentEnoughToFollowUp(observedAt: Date, now: Date, maxAgeDays: number): boolean {
  return localDayOf(observedAt) >= addDays(localDayOf(now), -maxAgeDays);
}

/** A follow-up still open after this long is overdue: the customer has waited two days. */
const FOLLOW_UP_DUE_HOURS = 48;

export function isOverdue(openedAt: Date, now: Date): boolean {
  return now.getTime() - openedAt.getTime() > FOLLOW_UP_DUE_HOURS * 3_600_000;
}
