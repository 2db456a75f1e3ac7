import { z } from "zod";
import { DIMENSIONS, DRIVER_KINDS } from "@/lib/journeys/document";
import { OBSERVATION_SOURCES } from "@/lib/observations/schemas";

const ZId = z.string().trim().min(1).max(64);
const ZDay = z.iso.date();

/**
 * What a Measure or Analyze view looks at: one journey, a period and optional slices. Read from
 * the URL (so a view can be shared): a value that does not parse is dropped, not an error page.
 */
export const ZAnalysisFilter = z.object({
  journeyId: ZId,
  /** First and last day, inclusive (UTC days). */
  from: ZDay.optional().catch(undefined),
  to: ZDay.optional().catch(undefined),
  segmentId: ZId.optional().catch(undefined),
  siteId: ZId.optional().catch(undefined),
  source: z.enum(OBSERVATION_SOURCES).optional().catch(undefined),
  dimension: z.enum(DIMENSIONS).optional().catch(undefined),
  kind: z.enum(DRIVER_KINDS).optional().catch(undefined),
  motOnly: z.union([z.boolean(), z.stringbool()]).optional().catch(undefined),
});
export type TAnalysisFilter = z.output<typeof ZAnalysisFilter>;

/** The slices observations can be grouped by; each maps to one SQL expression in aggregate.ts. */
export const GROUP_KEYS = ["touchpoint", "driver", "stage", "dimension", "kind", "segment", "site", "source", "week", "month"] as const;
export type TGroupKey = (typeof GROUP_KEYS)[number];

/** Sufficient statistics of one group, summed in PostgreSQL: everything the formulas need, nothing per row. */
export type TGroupMoments = {
  /** The group's key values, in the order asked for (ids, enum values, or ISO dates for periods); null = not set. */
  keys: (string | null)[];
  observations: number;
  /** Gap = experienced − expectation (the observation's own, else the level recorded for its MOT and segment). */
  gap: { n: number; sum: number; sumSquares: number };
  expectation: { n: number; sum: number };
  experience: { n: number; sum: number };
  emotional: { n: number; sum: number; sumSquares: number };
  nps: { promoters: number; passives: number; detractors: number };
  csat: { n: number; topTwoBox: number };
  ces: { n: number; sum: number; sumSquares: number };
  /** Pearson correlation of the experienced score with NPS, and the number of pairs (key-driver analysis). */
  experienceNpsCorrelation: { r: number | null; n: number };
};
