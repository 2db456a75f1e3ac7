import * as z from "zod/mini";
import {
  CLIENT_ID_MAX_LENGTH,
  CLIENT_ID_PATTERN,
  COMMENT_MAX_LENGTH,
  hasAnyScore,
  ID_MAX_LENGTH,
  isObservedAtAllowed,
  OBSERVATION_SOURCES,
} from "./limits";
import { CES_SCALE, CSAT_SCALE, NPS_SCALE, SCORE_SCALE } from "./scale";

// The device's copy of the server's ZObservationInput (schemas.ts), in zod/mini: the frontline
// form checks an entry with it before the entry goes into the offline queue, and the phone
// downloads only the checks it uses instead of all of zod. Same limits (limits.ts), same
// refusals with the same message keys (client-schema.test.ts proves it on a table of cases).
// It only checks: the queue keeps the entry as the form built it, and the server parses it.

type TScale = { min: number; max: number };

const ZId = z.string().check(z.trim(), z.minLength(1), z.maxLength(ID_MAX_LENGTH));
const score = (scale: TScale) => z.nullish(z.number().check(z.gte(scale.min), z.lte(scale.max)));
const integerScore = (scale: TScale) =>
  z.nullish(z.int().check(z.gte(scale.min), z.lte(scale.max)));

export const ZClientObservation = z
  .strictObject({
    clientId: z.optional(
      z
        .string()
        .check(
          z.trim(),
          z.minLength(1),
          z.maxLength(CLIENT_ID_MAX_LENGTH),
          z.regex(CLIENT_ID_PATTERN, { error: "validation.clientId" }),
        ),
    ),
    touchpointId: ZId,
    driverId: z.nullish(ZId),
    segmentId: z.nullish(ZId),
    siteId: z.nullish(ZId),
    source: z.enum(OBSERVATION_SOURCES),
    observedAt: z
      .union([
        z.date(),
        // Piped to a Date as the server does: a text that is no date is refused as the server refuses it.
        z.pipe(
          z.iso.datetime({ offset: true }),
          z.transform((text) => new Date(text)),
        ),
      ])
      .check(
        z.refine((date) => isObservedAtAllowed(date), { error: "validation.observedAtRange" }),
      ),
    expectationScore: score(SCORE_SCALE),
    experiencedScore: score(SCORE_SCALE),
    emotionalScore: score(SCORE_SCALE),
    nps: integerScore(NPS_SCALE),
    csat: integerScore(CSAT_SCALE),
    ces: integerScore(CES_SCALE),
    comment: z.optional(
      z.string().check(z.trim(), z.maxLength(COMMENT_MAX_LENGTH, { error: "validation.tooLong" })),
    ),
  })
  .check(z.refine(hasAnyScore, { error: "validation.noScore", path: ["experiencedScore"] }));
