import { z } from "zod";
import { DIMENSIONS, type TDimension } from "@/lib/journeys/document";

const ZId = z.string().trim().min(1).max(64);
const ZText = (max: number) => z.string().trim().max(max, { error: "validation.tooLong" });

/** Analyze a priority: opens (or finds) the improvement project of a touchpoint. */
export const ZOpenAnalysisInput = z.object({ touchpointId: ZId });
export type TOpenAnalysisInput = z.input<typeof ZOpenAnalysisInput>;

/** A cause of the negative experience, in one of the three dimensions, with the unmet need behind it. */
export const ZCauseSaveInput = z.object({
  projectId: ZId,
  causeId: ZId.optional(),
  dimension: z.enum(DIMENSIONS),
  description: ZText(500).min(1, { error: "validation.required" }),
  unmetNeed: ZText(500).default(""),
  /** How often the cause was seen (interviews, observations, complaints): what the Pareto chart ranks. */
  frequency: z.coerce.number().int().min(1).max(1_000_000),
});
export type TCauseSaveInput = z.input<typeof ZCauseSaveInput>;

export const ZCauseDeleteInput = z.object({ projectId: ZId, causeId: ZId });
export type TCauseDeleteInput = z.input<typeof ZCauseDeleteInput>;

/** An option considered against the causes. */
export const ZOptionSaveInput = z.object({
  projectId: ZId,
  optionId: ZId.optional(),
  description: ZText(500).min(1, { error: "validation.required" }),
  dimension: z.enum(DIMENSIONS).nullish().transform((v) => v ?? null),
});
export type TOptionSaveInput = z.input<typeof ZOptionSaveInput>;

export const ZOptionChooseInput = z.object({ projectId: ZId, optionId: ZId });
export type TOptionChooseInput = z.input<typeof ZOptionChooseInput>;
export const ZOptionDeleteInput = ZOptionChooseInput;
export type TOptionDeleteInput = TOptionChooseInput;

export type TCause = { id: string; dimension: TDimension; description: string; unmetNeed: string; frequency: number };
export type TOption = { id: string; description: string; dimension: TDimension | null; isChosen: boolean };
export type TParetoBar = { key: string; label: string; count: number; share: number; cumulativeShare: number; isVitalFew: boolean };

/** One priority under analysis: its touchpoints, causes (with their Pareto), options and the comment themes. */
export type TAnalysis = {
  id: string;
  title: string;
  phase: string;
  touchpoints: { id: string; nameKo: string; nameEn: string; journeyId: string; isMoT: boolean }[];
  causes: TCause[];
  causePareto: TParetoBar[];
  options: TOption[];
  /** Themes of the customers' comments at these touchpoints (the most recent COMMENT_SAMPLE), as a Pareto. */
  commentThemes: (TParetoBar & { examples: string[] })[];
  commentsRead: number;
};
