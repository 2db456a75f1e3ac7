import { z } from "zod";
import { DIMENSIONS, DRIVER_KINDS } from "@/lib/journeys/document";
import { OBSERVATION_SOURCES } from "@/lib/observations/limits";
import type { TRanked } from "@/lib/stats/ranking";
import type { TQuadrant } from "@/lib/stats/quadrants";
import type { TInterval } from "@/lib/stats/summary";

const ZId = z.string().trim().min(1).max(64);
const ZDay = z.iso.date();

/**
 * What a Measure or Analyze view looks at: one journey, a period and optional slices. Read from
 * the URL (so a view can be shared): a value that does not parse is dropped, not an error page.
 */
export const ZAnalysisFilter = z.object({
  journeyId: ZId,
  /** First and last day, inclusive, in the reporting time zone (lib/i18n/config.ts). */
  from: ZDay.optional().catch(undefined),
  to: ZDay.optional().catch(undefined),
  segmentId: ZId.optional().catch(undefined),
  siteId: ZId.optional().catch(undefined),
  source: z.enum(OBSERVATION_SOURCES).optional().catch(undefined),
  dimension: z.enum(DIMENSIONS).optional().catch(undefined),
  kind: z.enum(DRIVER_KINDS).optional().catch(undefined),
  motOnly: z.union([z.boolean(), z.stringbool()]).optional().catch(undefined),
});
/** touchpointId and siteIds are set by code (a drill-down, a pilot's groups), never read from a URL. */
export type TAnalysisFilter = z.output<typeof ZAnalysisFilter> & {
  touchpointId?: string;
  siteIds?: readonly string[];
};
/**
 * What the aggregation accepts: an analysis filter, or the same without a journey — every journey
 * of the organization (the executive overview). Views read from a URL keep requiring one.
 */
export type TAggregateFilter = Omit<TAnalysisFilter, "journeyId"> & { journeyId?: string };
export type TAnalysisFilterInput = z.input<typeof ZAnalysisFilter>;

/** The slices observations can be grouped by; each maps to one SQL expression in aggregate.ts. */
export const GROUP_KEYS = [
  "touchpoint",
  "driver",
  "stage",
  "dimension",
  "kind",
  "segment",
  "site",
  "source",
  "day",
  "week",
  "month",
] as const;
export type TGroupKey = (typeof GROUP_KEYS)[number];

/** Sufficient statistics of one group, summed in PostgreSQL: everything the formulas need, nothing per row. */
export type TGroupMoments = {
  /** The group's key values, in the order asked for (ids, enum values, or ISO dates for periods); null = not set. */
  keys: (string | null)[];
  observations: number;
  /** Gap = experienced − expectation (the observation's own, else the level recorded for its MOT and segment). */
  gap: { n: number; sum: number; sumSquares: number };
  /**
   * Expectation over the rows that have a gap (both scores), with those rows' experience: so that
   * "expected X, experienced Y" shown next to the gap always differ by exactly the mean gap.
   */
  expectation: { n: number; sum: number; pairedExperienceSum: number };
  experience: { n: number; sum: number; sumSquares: number };
  emotional: { n: number; sum: number; sumSquares: number };
  nps: { promoters: number; passives: number; detractors: number };
  csat: { n: number; topTwoBox: number };
  ces: { n: number; sum: number; sumSquares: number };
  /** Pearson correlation of the experienced score with NPS, and the number of pairs (key-driver analysis). */
  experienceNpsCorrelation: { r: number | null; n: number };
};

// ---------------------------------------------------------------------------------------------
// What the Measure views receive (queries.ts builds these from the sums above and lib/stats).
// ---------------------------------------------------------------------------------------------

export type { TInterval } from "@/lib/stats/summary";
/** A mean with its n and confidence interval (null when n < 2). */
export type TMean = { n: number; mean: number; interval: TInterval | null };
/** A percentage metric (CSAT 0–100, NPS −100–100) with its n and interval. */
type TRate = { n: number; value: number; interval: TInterval | null };

/** The headline measures of any slice. */
export type TMeasures = {
  observations: number;
  gap: TMean | null;
  expectation: number | null;
  experience: number | null;
  emotional: TMean | null;
  csat: TRate | null;
  nps: TRate | null;
  ces: TMean | null;
};

export type TBilingualName = { nameKo: string; nameEn: string };

/** One row of a gap table: a slice (a touchpoint, a segment, a site, …) and its measures. */
export type TSliceMeasures = {
  key: string | null;
  /** What to call the slice: a bilingual name (touchpoint, stage, segment), a site name, or an enum value the UI translates. */
  label:
    | { kind: "bilingual"; name: TBilingualName }
    | { kind: "text"; text: string }
    | { kind: "enum"; group: TGroupKey; value: string }
    | { kind: "none" };
  measures: TMeasures;
};

export type TTouchpointRef = TBilingualName & {
  id: string;
  stage: TBilingualName & { id: string; position: number };
  position: number;
  isMoT: boolean;
  dimension: string;
  channel: string;
};

/** The numbers the fix-first ranking's explanation states: fewest answers, fewest pairs, confidence. */
export type TRankingRules = { minAnswers: number; minPairs: number; confidence: number };

/** One row of the touchpoints' fix-first ranking: the touchpoint, its place and why. */
export type TRankedTouchpoint = TRanked<{ touchpoint: TTouchpointRef }>;

/** A loyalty driver as the views name it: rational or emotional, its dimension, and the touchpoint it belongs to. */
export type TDriverRef = TBilingualName & {
  id: string;
  kind: string;
  dimension: string;
  touchpoint: TTouchpointRef;
};

/** One row of the drivers' fix-first ranking: the touchpoints' formula on the driver's own observations. */
export type TRankedDriver = TRanked<{ driver: TDriverRef; measures: TMeasures }>;

/** The slices the customer metrics (CSAT, NPS, CES) are shown by. */
export const METRIC_SLICES = ["touchpoint", "stage", "segment", "month"] as const;
export type TMetricSlice = (typeof METRIC_SLICES)[number];

export type { TQuadrant } from "@/lib/stats/quadrants";

/**
 * The Measure page's first part, what it paints before anything else: the header and filter bar,
 * the headline cards, the fix-first ranking, the gap map and the importance–performance chart —
 * all from the totals and the per-touchpoint groups (queries.ts, getMeasureHeadline).
 */
export type TMeasureHeadline = {
  filter: TAnalysisFilter;
  journey: TBilingualName & { id: string };
  journeys: (TBilingualName & { id: string })[];
  segments: (TBilingualName & { id: string })[];
  sites: { id: string; name: string }[];
  totals: TMeasures;
  /** Fix-first: every touchpoint with a gap, best candidate first. */
  ranking: TRankedTouchpoint[];
  /** Per touchpoint, in journey order (for the map layer and the table). */
  byTouchpoint: (TSliceMeasures & { touchpoint: TTouchpointRef })[];
  /** Importance–performance: one point per touchpoint with enough answers to rank; cuts at their means. */
  importancePerformance: {
    touchpoint: TTouchpointRef;
    importance: number;
    performance: number;
    quadrant: TQuadrant;
  }[];
  importancePerformanceCuts: { importance: number; performance: number };
};

/** The Measure page of one journey and filter: its first part, and the sections that stream in after it, each its own read. */
export type TMeasureView = TMeasureHeadline & {
  /** Fix-first among loyalty drivers: every driver with a gap, best candidate first. */
  driverRanking: TRankedDriver[];
  /** The gap split by dimension, by rational vs emotional driver, by segment, by site, by source. */
  splits: Record<"dimension" | "kind" | "segment" | "site" | "source", TSliceMeasures[]>;
  /** Measures per stage (journey order) and per calendar month (reporting time zone, oldest first; key = its first day, YYYY-MM-DD). */
  bySlice: Record<"stage" | "month", TSliceMeasures[]>;
  /** Stage × segment: mean gap and mean emotional score (heat map, emotion curve per segment). */
  stageBySegment: {
    stage: TBilingualName & { id: string; position: number };
    segmentId: string | null;
    measures: TMeasures;
  }[];
};

/** One touchpoint's gap split by segment, site, source and week: where "why is this first?" leads. */
export type TTouchpointDrilldown = {
  filter: TAnalysisFilter;
  touchpoint: TTouchpointRef;
  totals: TMeasures;
  splits: Record<"segment" | "site" | "source" | "driver" | "week", TSliceMeasures[]>;
};
