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

  it("judges a rollout against the 90 days before the project's first pilot (as its progress does), on the 28 days from the rollout day; not before the rollout day", () => {
    // First pilot 2026-03-01: before = 2025-12-01 … 2026-02-28 (31 + 31 + 28 = 90 days), the
    // same window lib/projects/progress.ts reads. Rollout 2026-03-29: 28 days to 2026-04-25.
    expect(outcomePeriods("2026-03-01", "2026-03-29", "2026-04-30")).toEqual({
      before: { from: "2025-12-01", to: "2026-02-28" },
      after: { from: "2026-03-29", to: "2026-04-25" },
      evaluation: { to: "2026-04-25", isComplete: true, verdictDay: "2026-04-26" },
    });
    expect(outcomePeriods("2026-03-01", "2026-03-29", "2026-03-29")).toMatchObject({
      after: { from: "2026-03-29", to: "2026-03-29" },
      evaluation: { isComplete: false },
    });
    expect(outcomePeriods("2026-03-01", "2026-03-29", "2026-03-28")).toBeNull();
  });
});
