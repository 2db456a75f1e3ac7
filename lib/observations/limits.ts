// What an observation may hold, in one place for both of its schemas: the server's
// (schemas.ts, zod — every capture path) and the device's (check-observation.ts — the frontline
// form, before an entry goes into the offline queue). No zod here, so that the phone's bundle
// takes these and nothing else. The scales are in scale.ts.

export const OBSERVATION_SOURCES = [
  "SURVEY",
  "FRONTLINE",
  "MYSTERY_SHOPPER",
  "VOC_CALL",
  "SNS",
  "INTERVIEW",
] as const;
export type TObservationSource = (typeof OBSERVATION_SOURCES)[number];

/** Most observations one request may carry (the API's batch, an offline queue's flush). */
export const MAX_OBSERVATIONS_PER_BATCH = 1000;

/** Touchpoint, driver, segment and site ids. */
export const ID_MAX_LENGTH = 64;
export const CLIENT_ID_MAX_LENGTH = 200;
export const CLIENT_ID_PATTERN = /^[\w.:@/-]+$/;
export const COMMENT_MAX_LENGTH = 4000;

/** Observations may be logged offline and sent days later, but not dated before 2000 or in the future. */
const EARLIEST_OBSERVED_AT = new Date("2000-01-01T00:00:00Z");
const ALLOWED_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

export function isObservedAtAllowed(date: Date, now = Date.now()): boolean {
  return (
    !Number.isNaN(date.getTime()) &&
    date >= EARLIEST_OBSERVED_AT &&
    date.getTime() <= now + ALLOWED_CLOCK_SKEW_MS
  );
}

type TScores = Partial<
  Record<"experiencedScore" | "emotionalScore" | "nps" | "csat" | "ces", unknown>
>;

/** An observation measures something: an expectation alone is not an answer. */
export const hasAnyScore = (o: TScores): boolean =>
  [o.experiencedScore, o.emotionalScore, o.nps, o.csat, o.ces].some((v) => v != null);
