import { z } from "zod";
import { SCORE_SCALE } from "@/lib/observations/scale";
import { zStatedImportance } from "./importance";

// A journey as a self-contained document: the shape that templates ship in, that export
// writes and that import reads. Order is the array order; ids are never part of it.

export const DIMENSIONS = [
  "PRODUCT_SERVICE",
  "FRONTLINE_STAFF",
  "MARKETING_COMMUNICATION",
] as const;
export const CHANNELS = [
  "IN_PERSON",
  "PHONE",
  "WEB",
  "APP",
  "EMAIL",
  "MAIL",
  "SNS",
  "KIOSK",
  "CHAT",
  "OTHER",
] as const;
export const DRIVER_KINDS = ["RATIONAL", "EMOTIONAL"] as const;
export type TDimension = (typeof DIMENSIONS)[number];
export type TChannel = (typeof CHANNELS)[number];
export type TDriverKind = (typeof DRIVER_KINDS)[number];

export const JOURNEY_DOCUMENT_FORMAT = "moments.journey/v1";

const ZName = z.string().trim().max(200);
const ZDescription = z.string().trim().max(2000).default("");
const hasAName = (row: { nameKo: string; nameEn: string }) =>
  row.nameKo !== "" || row.nameEn !== "";
const nameRequired = { error: "validation.nameInOneLanguage", path: ["nameKo"] };

export const ZDriverDocument = z
  .object({
    nameKo: ZName.default(""),
    nameEn: ZName.default(""),
    kind: z.enum(DRIVER_KINDS),
    dimension: z.enum(DIMENSIONS),
    // Files written before importance could be stated have no such field: derive it from the data.
    statedImportance: zStatedImportance("transfer.badImportance").default(null),
  })
  .refine(hasAName, nameRequired);

/** What a segment needs and expects at a Moment of Truth; the segment is matched by name on import. */
const ZExpectationDocument = z
  .object({
    segmentNameKo: ZName.default(""),
    segmentNameEn: ZName.default(""),
    needs: z.string().trim().min(1).max(2000),
    expectedLevel: z.number().min(SCORE_SCALE.min).max(SCORE_SCALE.max),
  })
  .refine((e) => e.segmentNameKo !== "" || e.segmentNameEn !== "", {
    error: "validation.nameInOneLanguage",
    path: ["segmentNameKo"],
  });

export const ZTouchpointDocument = z
  .object({
    nameKo: ZName.default(""),
    nameEn: ZName.default(""),
    description: ZDescription,
    channel: z.enum(CHANNELS),
    dimension: z.enum(DIMENSIONS),
    isMoT: z.boolean().default(false),
    drivers: z.array(ZDriverDocument).max(50).default([]),
    expectations: z.array(ZExpectationDocument).max(100).default([]),
  })
  .refine(hasAName, nameRequired)
  .refine((t) => t.isMoT || t.expectations.length === 0, {
    error: "errors.expectationOnlyOnMoT",
    path: ["expectations"],
  });

const ZStageDocument = z
  .object({
    nameKo: ZName.default(""),
    nameEn: ZName.default(""),
    description: ZDescription,
    touchpoints: z.array(ZTouchpointDocument).max(500).default([]),
  })
  .refine(hasAName, nameRequired);

export const ZJourneyDocument = z
  .object({
    format: z.literal(JOURNEY_DOCUMENT_FORMAT).default(JOURNEY_DOCUMENT_FORMAT),
    nameKo: ZName.default(""),
    nameEn: ZName.default(""),
    description: ZDescription,
    stages: z.array(ZStageDocument).min(1).max(200),
  })
  .refine(hasAName, nameRequired);

export type TDriverDocument = z.infer<typeof ZDriverDocument>;
export type TTouchpointDocument = z.infer<typeof ZTouchpointDocument>;
export type TJourneyDocument = z.infer<typeof ZJourneyDocument>;
