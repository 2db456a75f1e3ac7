import { describe, expect, it } from "vitest";
import { pareto } from "./pareto";

describe("pareto", () => {
  it("sorts, shares, accumulates and marks the vital few that reach 80 %", () => {
    const rows = pareto([
      { key: "rude", count: 20 },
      { key: "wait", count: 50 },
      { key: "price", count: 10 },
      { key: "app", count: 10 },
      { key: "dirty", count: 10 },
    ]);
    expect(rows.map((r) => r.key)).toEqual(["wait", "rude", "app", "dirty", "price"]);
    expect(rows.map((r) => r.share)).toEqual([0.5, 0.2, 0.1, 0.1, 0.1]);
    expect(rows.map((r) => r.cumulativeShare)).toEqual([0.5, 0.7, 0.8, 0.9, 1]);
    // 50 % + 20 % is not yet 80 %: the third item completes it; the fourth is not needed.
    expect(rows.map((r) => r.isVitalFew)).toEqual([true, true, true, false, false]);
  });

  it("stops exactly at 80 % without floating-point drift (50 + 30 of 100)", () => {
    const rows = pareto([
      { key: "a", count: 50 },
      { key: "b", count: 30 },
      { key: "c", count: 20 },
    ]);
    expect(rows.map((r) => r.isVitalFew)).toEqual([true, true, false]);
  });

  it("keeps the items' own fields and handles empty and all-zero input", () => {
    expect(pareto([{ key: "x", count: 3, label: "X" }])[0]).toEqual({
      key: "x",
      count: 3,
      label: "X",
      share: 1,
      cumulativeShare: 1,
      isVitalFew: true,
    });
    expect(pareto([])).toEqual([]);
    expect(pareto([{ key: "x", count: 0 }])).toEqual([
      { key: "x", count: 0, share: 0, cumulativeShare: 0, isVitalFew: false },
    ]);
  });
});
