import { describe, expect, it } from "vitest";
import { rankItems, type TRanked, type TRankInput, type TRankReason } from "@/lib/stats/ranking";
import type { TMoments } from "@/lib/stats/summary";
import { fixFirstRows } from "./fix-first";

/** n answers alternating gap − 1 and gap + 1 (n even): mean `gap`, sample variance n/(n − 1). */
function alternating(n: number, gap: number): TMoments {
  return { n, sum: n * gap, sumSquares: (n / 2) * ((gap - 1) ** 2 + (gap + 1) ** 2) };
}

describe("fixFirstRows: the overview lists only what Measure shows below expectation", () => {
  it("leaves out rows not shown below and rows too few to rank, keeping Measure's ranks", () => {
    // Hand-worked: "bad" has 100 answers at −1 ± 1 (s² = 100/99, se ≈ 0.1, so its one-sided 95 %
    // bound is about −1 + 1.66·0.1 = −0.83 < 0: BELOW_EXPECTATION). "fine" has 100 answers at
    // +0.5 ± 1 (its bound is above 0: NOT_SHOWN_BELOW, score 0). "few" has 4 answers at −3: too
    // few to rank (fewer than 10). Before, slice(0, 5) listed all three, numbered 1, 2, 3, under
    // "fix first"; only "bad" is below expectation.
    const items: TRankInput[] = [
      { id: "bad", gap: alternating(100, -1) },
      { id: "fine", gap: alternating(100, 0.5) },
      { id: "few", gap: alternating(4, -3) },
    ].map((item) => ({ ...item, importance: 1, importanceSource: "STATED", reach: item.gap.n }));
    const ranking = rankItems(items);
    expect(ranking.map((r) => [r.id, r.reason.verdict])).toEqual([
      ["bad", "BELOW_EXPECTATION"],
      ["fine", "NOT_SHOWN_BELOW"],
      ["few", "TOO_FEW_OBSERVATIONS"],
    ]);
    expect(fixFirstRows(ranking, 5).map((r) => [r.id, r.rank])).toEqual([["bad", 1]]);
  });

  it("is empty when nothing is shown below expectation, and keeps at most `limit` rows", () => {
    const row = (id: string, rank: number, verdict: TRankReason["verdict"]): TRanked => ({
      id,
      rank,
      reason: { verdict } as TRankReason,
    });
    expect(fixFirstRows([row("a", 1, "NOT_SHOWN_BELOW")], 10)).toEqual([]);
    const below = [1, 2, 3].map((i) => row(`b${i}`, i, "BELOW_EXPECTATION"));
    expect(fixFirstRows(below, 2).map((r) => r.id)).toEqual(["b1", "b2"]);
  });
});
