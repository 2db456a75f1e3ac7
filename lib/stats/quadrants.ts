// Importance–performance analysis (Martilla & James 1977): two cuts split the plane in four.

export type TQuadrant =
  "CONCENTRATE_HERE" | "KEEP_UP_THE_GOOD_WORK" | "LOW_PRIORITY" | "POSSIBLE_OVERKILL";
export type TQuadrantCuts = { importance: number; performance: number };

/** A point on a cut counts as high: ties go to the quadrant that asks for attention or praise. */
export function quadrantOf(
  importance: number,
  performance: number,
  cuts: TQuadrantCuts,
): TQuadrant {
  const isImportant = importance >= cuts.importance;
  const isPerforming = performance >= cuts.performance;
  if (isImportant) return isPerforming ? "KEEP_UP_THE_GOOD_WORK" : "CONCENTRATE_HERE";
  return isPerforming ? "POSSIBLE_OVERKILL" : "LOW_PRIORITY";
}

/** The usual cuts: the means of the points themselves (null when there are none). */
export function meanCuts(points: readonly TQuadrantCuts[]): TQuadrantCuts | null {
  if (points.length === 0) return null;
  let importance = 0;
  let performance = 0;
  for (const p of points) {
    importance += p.importance;
    performance += p.performance;
  }
  return { importance: importance / points.length, performance: performance / points.length };
}
