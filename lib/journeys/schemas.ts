import { z } from "zod";

const ZName = z.string().trim().max(200, { error: "validation.tooLong" });

export const ZJourneyCreateInput = z
  .object({
    nameKo: ZName.default(""),
    nameEn: ZName.default(""),
    description: z.string().trim().max(2000, { error: "validation.tooLong" }).default(""),
  })
  .refine((j) => j.nameKo !== "" || j.nameEn !== "", { error: "validation.nameInOneLanguage", path: ["nameKo"] });
export type TJourneyCreateInput = z.input<typeof ZJourneyCreateInput>;

export type TJourneyListItem = {
  id: string;
  nameKo: string;
  nameEn: string;
  description: string;
  stageCount: number;
  touchpointCount: number;
  motCount: number;
  updatedAt: Date;
};
