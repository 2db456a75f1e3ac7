import { z } from "zod";

const ZName = z.string().trim().max(200, { error: "validation.tooLong" });

/** A customer group defined by behaviour or trend (repeat guest, early adopter), not only demographics. */
export const ZSegmentSaveInput = z
  .object({
    segmentId: z.string().trim().min(1).max(64).optional(),
    nameKo: ZName.default(""),
    nameEn: ZName.default(""),
    description: z.string().trim().max(2000, { error: "validation.tooLong" }).default(""),
  })
  .refine((s) => s.nameKo !== "" || s.nameEn !== "", {
    error: "validation.nameInOneLanguage",
    path: ["nameKo"],
  });
export type TSegmentSaveInput = z.input<typeof ZSegmentSaveInput>;

export const ZSegmentDeleteInput = z.object({ segmentId: z.string().trim().min(1).max(64) });
export type TSegmentDeleteInput = z.input<typeof ZSegmentDeleteInput>;

export type TSegment = {
  id: string;
  nameKo: string;
  nameEn: string;
  description: string;
  expectationCount: number;
  observationCount: number;
};
