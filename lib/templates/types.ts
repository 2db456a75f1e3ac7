import type { z } from "zod";
import type { ZJourneyDocument } from "@/lib/journeys/document";

/** One outcome figure from the case, as the seed articles report it. */
type TCaseOutcome = { labelKo: string; labelEn: string; value: string };

/**
 * A journey template from one of the company cases, with the short case card the gallery
 * shows. The journey is written as document input: fields with defaults may be left out.
 */
export type TJourneyTemplateInput = {
  /** Stable key, stored on journeys created from it (Journey.templateKey). */
  key: string;
  companyKo: string;
  companyEn: string;
  industryKo: string;
  industryEn: string;
  /** What the company did, in two or three sentences. */
  caseKo: string;
  caseEn: string;
  /** The journey's description for English readers; `journey.description` is the Korean one. */
  descriptionEn: string;
  outcomes: TCaseOutcome[];
  /** Which seed articles the facts come from (file names under shared/seeds). */
  source: string;
  journey: z.input<typeof ZJourneyDocument>;
};
