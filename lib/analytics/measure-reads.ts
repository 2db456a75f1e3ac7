import type { TGroupKey } from "./schemas";

// The reads the Measure pages make, by name: each is a list of grouping sets of the one
// aggregation (aggregate.ts). The pages fetch them and the benchmark times them under these
// names, so what is measured is what is shown.

type TReads = Readonly<Record<string, readonly (readonly TGroupKey[])[]>>;

/** A journey's Measure view. */
export const MEASURE_READS = {
  /** The headline cards. */
  headline: [[]],
  /** The fix-first ranking, the gap map, the emotion curve and the importance–performance chart. */
  touchpoints: [["touchpoint"]],
  drivers: [["driver"]],
  dimension: [["dimension"]],
  kind: [["kind"]],
  segment: [["segment"]],
  site: [["site"]],
  source: [["source"]],
  stage: [["stage"]],
  month: [["month"]],
  /** The stage × segment heat map. */
  heatMap: [["stage", "segment"]],
} as const satisfies TReads;

/** One touchpoint's drill-down. */
export const DRILLDOWN_READS = {
  headline: [[]],
  segment: [["segment"]],
  site: [["site"]],
  source: [["source"]],
  driver: [["driver"]],
  week: [["week"]],
} as const satisfies TReads;
