import { z } from "zod";
import { SCORE_SCALE } from "@/lib/observations/scale";
import { zStatedImportance } from "./importance";
import { MAX_IMPORT_BYTES, type TTransferError } from "./transfer/errors";
import {
  CHANNELS,
  DIMENSIONS,
  DRIVER_KINDS,
  type TChannel,
  type TDimension,
  type TDriverKind,
} from "./document";

const ZId = z.string().trim().min(1).max(64);
const ZName = z.string().trim().max(200, { error: "validation.tooLong" });
const ZDescription = z.string().trim().max(2000, { error: "validation.tooLong" }).default("");
const hasAName = (row: { nameKo: string; nameEn: string }) =>
  row.nameKo !== "" || row.nameEn !== "";
const nameRequired = { error: "validation.nameInOneLanguage", path: ["nameKo"] };

/** Every structural edit names the journey version it started from (optimistic concurrency). */
const ZJourneyVersion = { journeyId: ZId, version: z.int().min(1) };

export const ZJourneyCreateInput = z
  .object({ nameKo: ZName.default(""), nameEn: ZName.default(""), description: ZDescription })
  .refine(hasAName, nameRequired);
export type TJourneyCreateInput = z.input<typeof ZJourneyCreateInput>;

export const ZJourneyUpdateInput = z
  .object({
    ...ZJourneyVersion,
    nameKo: ZName.default(""),
    nameEn: ZName.default(""),
    description: ZDescription,
  })
  .refine(hasAName, nameRequired);
export type TJourneyUpdateInput = z.input<typeof ZJourneyUpdateInput>;

export const ZJourneyArchiveInput = z.object({ ...ZJourneyVersion, isArchived: z.boolean() });
export type TJourneyArchiveInput = z.input<typeof ZJourneyArchiveInput>;

export const ZJourneyDeleteInput = z.object(ZJourneyVersion);
export type TJourneyDeleteInput = z.input<typeof ZJourneyDeleteInput>;

export const ZStageSaveInput = z
  .object({
    ...ZJourneyVersion,
    stageId: ZId.optional(),
    nameKo: ZName.default(""),
    nameEn: ZName.default(""),
    description: ZDescription,
  })
  .refine(hasAName, nameRequired);
export type TStageSaveInput = z.input<typeof ZStageSaveInput>;

export const ZStageDeleteInput = z.object({ ...ZJourneyVersion, stageId: ZId });
export type TStageDeleteInput = z.input<typeof ZStageDeleteInput>;

export const ZDriverInput = z
  .object({
    driverId: ZId.optional(),
    nameKo: ZName.default(""),
    nameEn: ZName.default(""),
    kind: z.enum(DRIVER_KINDS),
    dimension: z.enum(DIMENSIONS),
    /** 0–1, or null to derive it from the data; left out, a kept driver keeps what it had. */
    statedImportance: zStatedImportance("journeyMap.importanceRange").optional(),
  })
  .refine(hasAName, nameRequired);

export const ZTouchpointSaveInput = z
  .object({
    ...ZJourneyVersion,
    stageId: ZId,
    touchpointId: ZId.optional(),
    nameKo: ZName.default(""),
    nameEn: ZName.default(""),
    description: ZDescription,
    channel: z.enum(CHANNELS),
    dimension: z.enum(DIMENSIONS),
    isMoT: z.boolean().default(false),
    drivers: z.array(ZDriverInput).max(50).default([]),
  })
  .refine(hasAName, nameRequired);
export type TTouchpointSaveInput = z.input<typeof ZTouchpointSaveInput>;

export const ZTouchpointMoTInput = z.object({
  ...ZJourneyVersion,
  touchpointId: ZId,
  isMoT: z.boolean(),
});
export type TTouchpointMoTInput = z.input<typeof ZTouchpointMoTInput>;

export const ZTouchpointDeleteInput = z.object({ ...ZJourneyVersion, touchpointId: ZId });
export type TTouchpointDeleteInput = z.input<typeof ZTouchpointDeleteInput>;

/** The whole order of a journey: stages in order, each with its touchpoints in order. */
export const ZJourneyLayoutInput = z.object({
  ...ZJourneyVersion,
  stages: z
    .array(z.object({ stageId: ZId, touchpointIds: z.array(ZId).max(1000) }))
    .min(1)
    .max(500),
});
export type TJourneyLayoutInput = z.input<typeof ZJourneyLayoutInput>;
export type TJourneyLayout = z.output<typeof ZJourneyLayoutInput>["stages"];

const ZScore = z.number().min(SCORE_SCALE.min).max(SCORE_SCALE.max);

export const ZExpectationSaveInput = z.object({
  touchpointId: ZId,
  segmentId: ZId,
  needs: z
    .string()
    .trim()
    .min(1, { error: "validation.required" })
    .max(2000, { error: "validation.tooLong" }),
  expectedLevel: ZScore,
});
export type TExpectationSaveInput = z.input<typeof ZExpectationSaveInput>;

export const ZExpectationDeleteInput = z.object({ touchpointId: ZId, segmentId: ZId });
export type TExpectationDeleteInput = z.input<typeof ZExpectationDeleteInput>;

export type TJourneyListItem = {
  id: string;
  nameKo: string;
  nameEn: string;
  description: string;
  templateKey: string | null;
  isArchived: boolean;
  stageCount: number;
  touchpointCount: number;
  motCount: number;
  updatedAt: Date;
};

type TDriver = {
  id: string;
  nameKo: string;
  nameEn: string;
  kind: TDriverKind;
  dimension: TDimension;
  statedImportance: number | null;
};
type TExpectation = {
  segmentId: string;
  needs: string;
  expectedLevel: number;
  recordedByName: string | null;
  updatedAt: Date;
};
export type TTouchpoint = {
  id: string;
  stageId: string;
  nameKo: string;
  nameEn: string;
  description: string;
  channel: TChannel;
  dimension: TDimension;
  isMoT: boolean;
  drivers: TDriver[];
  expectations: TExpectation[];
};
export type TStage = {
  id: string;
  nameKo: string;
  nameEn: string;
  description: string;
  touchpoints: TTouchpoint[];
};
export type TJourneyMap = {
  id: string;
  nameKo: string;
  nameEn: string;
  description: string;
  templateKey: string | null;
  version: number;
  isArchived: boolean;
  stages: TStage[];
};

/** A journey file to import. The name is asked for CSV (a CSV holds no journey name) and overrides the JSON's when given. */
export const ZJourneyImportInput = z
  .object({
    format: z.enum(["csv", "json"]),
    content: z
      .string()
      .min(1, { error: "validation.required", abort: true })
      // Characters first (cheap: never fewer than bytes), then the UTF-8 size itself.
      .max(MAX_IMPORT_BYTES, { error: "transfer.tooLarge", abort: true })
      .refine((text) => new TextEncoder().encode(text).length <= MAX_IMPORT_BYTES, {
        error: "transfer.tooLarge",
      }),
    nameKo: ZName.default(""),
    nameEn: ZName.default(""),
  })
  .refine((i) => i.format === "json" || hasAName(i), nameRequired);
export type TJourneyImportInput = z.input<typeof ZJourneyImportInput>;

/** What an import did: the new journey, or every bad row of the file (nothing stored). */
export type TImportResult =
  | { ok: true; id: string; stageCount: number; touchpointCount: number }
  | { ok: false; errors: TTransferError[] };
