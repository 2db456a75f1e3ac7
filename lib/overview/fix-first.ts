import type { TRanked } from "@/lib/stats/ranking";

// Which rows of Measure's fix-first ranking the overview lists. Pure: tested beside this file.

/**
 * The first `limit` rows shown below expectation (verdict BELOW_EXPECTATION), with Measure's own
 * ranks. A row not shown below, or too few to rank, is not something to fix first: listing it
 * under "fix first" with a number would tell an executive the opposite of what Measure says.
 * Ranked rows come in score order, so the rows kept are ranks 1, 2, … without gaps.
 */
export function fixFirstRows<T extends TRanked<object>>(ranking: readonly T[], limit: number): T[] {
  return ranking.filter((row) => row.reason.verdict === "BELOW_EXPECTATION").slice(0, limit);
}
