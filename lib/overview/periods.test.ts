import { describe, expect, it } from "vitest";
import { monthStartBefore, outcomePeriods, overviewPeriods } from "./periods";

describe("the overview's periods", () => {
  it("compares the last 30 days, today included, with the 30 before, and trends over 12 calendar months", () => {
    expect(overviewPeriods("2026-03-10")).toEqual({
      today: "2026-03-10",
      current: { from: "2026-02-09", to: "2026-03-10" },
      previous: { from: "2026-01-10", to: "2026-02-08" },
      trend: { from: "2025-04-01", to: "2026-03-10" },
      ranking: { from: "2025-12-11", to: "2026-03-10" },
    });
  });

  it("counts months back across a year's end", () => {
    expect(monthStartBefore("2026-01-31", 0)).toBe("2026-01-01");
    expect(monthStartBefore("2026-01-31", 1)).toBe("2025-12-01");
    expect(monthStartBefore("2026-12-05", 11)).toBe("2026-01-01");
    expect(monthStartBefore("2026-12-05", 12)).toBe("2025-12-01");
  });

  it("judges a rollout against the 28 days before its pilot, from the rollout day to today; not before the rollout day", () => {
    expect(outcomePeriods("2026-03-01", "2026-03-29", "2026-04-30")).toEqual({
      before: { from: "2026-02-01", to: "2026-02-28" },
      after: { from: "2026-03-29", to: "2026-04-30" },
    });
    expect(outcomePeriods("2026-03-01", "2026-03-29", "2026-03-29")?.after).toEqual({
      from: "2026-03-29",
      to: "2026-03-29",
    });
    expect(outcomePeriods("2026-03-01", "2026-03-29", "2026-03-28")).toBeNull();
  });
});
