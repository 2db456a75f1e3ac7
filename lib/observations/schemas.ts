import { z } from "zod";
import {
  CLIENT_ID_MAX_LENGTH,
  CLIENT_ID_PATTERN,
  COMMENT_MAX_LENGTH,
  hasAnyScore,
  ID_MAX_LENGTH,
  isObservedAtAllowed,
  MAX_OBSERVATIONS_PER_BATCH,
  OBSERVATION_SOURCES,
} from "./limits";
import { CES_SCALE, CSAT_SCALE, NPS_SCALE, SCORE_SCALE } from "./scale";

// The limits are shared with the frontline form's check (check-observation.ts): limits.ts.

const ZId = z.string().trim().min(1).max(ID_MAX_LENGTH);
const ZOptionalId = ZId.nullish().transform((id) => id ?? null);

/** Chosen by the sender (a device's UUID, an import row, an API item) so a retry is recognised. */
export const ZClientId = z
  .string()
  .trim()
  .min(1)
  .max(CLIENT_ID_MAX_LENGTH)
  .regex(CLIENT_ID_PATTERN, { error: "validation.clientId" });

const score = (scale: { min: number; max: number }) =>
  z
    .number()
    .min(scale.min)
    .max(scale.max)
    .nullish()
    .transform((v) => v ?? null);
const integerScore = (scale: { min: number; max: number }) =>
  z
    .int()
    .min(scale.min)
    .max(scale.max)
    .nullish()
    .transform((v) => v ?? null);

const ZObservedAt = z
  .union([z.date(), z.iso.datetime({ offset: true }).transform((text) => new Date(text))])
  .refine((date) => isObservedAtAllowed(date), { error: "validation.observedAtRange" });

/** One measured experience, as every capture path (frontline, call centre, import, API) sends it. */
export const ZObservationInput = z
  .object({
    clientId: ZClientId.optional(),
    touchpointId: ZId,
    driverId: ZOptionalId,
    segmentId: ZOptionalId,
    siteId: ZOptionalId,
    source: z.enum(OBSERVATION_SOURCES),
    observedAt: ZObservedAt,
    expectationScore: score(SCORE_SCALE),
    experiencedScore: score(SCORE_SCALE),
    emotionalScore: score(SCORE_SCALE),
    nps: integerScore(NPS_SCALE),
    csat: integerScore(CSAT_SCALE),
    ces: integerScore(CES_SCALE),
    comment: z.string().trim().max(COMMENT_MAX_LENGTH, { error: "validation.tooLong" }).default(""),
  })
  .strict()
  .refine(hasAnyScore, { error: "validation.noScore", path: ["experiencedScore"] });
export type TObservationInput = z.input<typeof ZObservationInput>;
export type TObservation = z.output<typeof ZObservationInput>;

export const ZObservationBatch = z.array(ZObservationInput).min(1).max(MAX_OBSERVATIONS_PER_BATCH);

/** A problem with one item of a batch: which item, which field, and a message key. */
export type TObservationProblem = { index: number; field: string; message: string };

/** What storing a batch did: new observations, ones already stored (a retry), follow-ups opened. */
export type TStoreResult = {
  created: number;
  duplicates: number;
  followUpsOpened: number;
  /** New observations that called for a follow-up but were too old for one (lib/follow-ups/rules.ts). */
  followUpsSkippedAsOld: number;
  /** Per item, in order: the stored observation's id (new or already there). */
  ids: string[];
};

/** What the frontline logging page and the call-centre form receive (frontline.ts reads it). */
type TFrontlineDriver = {
  id: string;
  nameKo: string;
  nameEn: string;
  kind: "RATIONAL" | "EMOTIONAL";
};
export type TFrontlineTouchpoint = {
  id: string;
  nameKo: string;
  nameEn: string;
  stageNameKo: string;
  stageNameEn: string;
  channel: string;
  dimension: "PRODUCT_SERVICE" | "FRONTLINE_STAFF" | "MARKETING_COMMUNICATION";
  isMoT: boolean;
  drivers: TFrontlineDriver[];
};
export type TFrontlineSetup = {
  homeSite: { id: string; name: string } | null;
  journeys: { id: string; nameKo: string; nameEn: string }[];
  /** Null when the organization has no journey that takes observations. */
  journeyId: string | null;
  touchpoints: TFrontlineTouchpoint[];
  /** The user's most recently used touchpoints of this journey, most recent first. */
  recentTouchpointIds: string[];
  segments: { id: string; nameKo: string; nameEn: string }[];
  sites: { id: string; name: string }[];
};
