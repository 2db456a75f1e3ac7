import { describe, expect, it } from "vitest";
import {
  answersPerDay,
  BASELINE_DAYS,
  baselineFigure,
  baselineWindow,
  daysToReach,
  isRetrospective,
  planPilot,
} from "./planning";
import { EMPTY_SUMS } from "./outcome";
import type { TGroupSums } from "./schemas";

/** 101 answers with mean 0 and sd exactly 1 (Σx² = 100 = (n − 1)·1). */
const UNIT_SD: TGroupSums = {
  ...EMPTY_SUMS,
  observations: 101,
  experience: { n: 101, sum: 0, sumSquares: 100 },
};
const HALF_SATISFIED: TGroupSums = {
  ...EMPTY_SUMS,
  observations: 200,
  csat: { n: 200, topTwoBox: 100 },
};

describe("the power analysis before a pilot", () => {
  it("needs 64 per group for half a standard deviation (Cohen 1988, d = 0.5, α = .05, power .80)", () => {
    expect(planPilot("MEAN_EXPERIENCE", UNIT_SD, 0.5)).toEqual({ perGroup: 64 });
    expect(baselineFigure("MEAN_EXPERIENCE", UNIT_SD)).toEqual({
      metric: "MEAN_EXPERIENCE",
      n: 101,
      mean: 0,
      sd: 1,
    });
  });

  it("reads the CSAT target in percentage points: 50 % → 60 % needs 388 per group (Fleiss, no continuity correction)", () => {
    expect(planPilot("CSAT", HALF_SATISFIED, 10)).toEqual({ perGroup: 388 });
    // A target above 100 % cannot be reached, so it cannot be detected either.
    expect(planPilot("CSAT", { ...EMPTY_SUMS, csat: { n: 100, topTwoBox: 95 } }, 10)).toEqual({
      problem: "EFFECT_OUT_OF_RANGE",
    });
  });

  it("plans an NPS pilot from the baseline mix, and refuses a target beyond +100", () => {
    const mix: TGroupSums = { ...EMPTY_SUMS, nps: { promoters: 30, passives: 40, detractors: 30 } };
    const plan = planPilot("NPS", mix, 10);
    expect("perGroup" in plan && plan.perGroup).toBeGreaterThan(100);
    expect(
      planPilot("NPS", { ...EMPTY_SUMS, nps: { promoters: 95, passives: 5, detractors: 0 } }, 10),
    ).toEqual({ problem: "EFFECT_OUT_OF_RANGE" });
  });

  it("says so when the touchpoint has no baseline to plan from", () => {
    expect(planPilot("MEAN_EXPERIENCE", EMPTY_SUMS, 0.5)).toEqual({ problem: "NO_BASELINE" });
    expect(
      planPilot(
        "MEAN_EXPERIENCE",
        { ...EMPTY_SUMS, experience: { n: 5, sum: 25, sumSquares: 125 } },
        0.5,
      ),
    ).toEqual({ problem: "NO_BASELINE" });
    expect(planPilot("CSAT", EMPTY_SUMS, 5)).toEqual({ problem: "NO_BASELINE" });
    expect(planPilot("MEAN_EXPERIENCE", UNIT_SD, 0)).toEqual({ problem: "EFFECT_OUT_OF_RANGE" });
  });

  it("estimates the days the slower group needs at its sites' recent pace", () => {
    const bySite = [
      { siteId: "a", sums: { ...EMPTY_SUMS, experience: { n: 180, sum: 0, sumSquares: 0 } } },
      { siteId: "b", sums: { ...EMPTY_SUMS, experience: { n: 360, sum: 0, sumSquares: 0 } } },
    ];
    expect(answersPerDay("MEAN_EXPERIENCE", bySite, ["a"], 90)).toBe(2);
    expect(answersPerDay("MEAN_EXPERIENCE", bySite, ["a", "b"], 90)).toBe(6);
    expect(daysToReach(64, [2, 4])).toBe(32);
    expect(daysToReach(64, [0, 4])).toBeNull();
  });

  it("plans from the 90 days before the pilot's first day, never from the pilot's own days", () => {
    // A pilot over past days: its baseline ends the day before it starts, whatever today is.
    expect(baselineWindow("2026-03-01", "2026-04-15")).toEqual({
      from: "2025-12-01",
      to: "2026-02-28",
    });
    // Starting tomorrow: the 90 days up to today, today included.
    expect(baselineWindow("2026-04-16", "2026-04-15")).toEqual({
      from: "2026-01-16",
      to: "2026-04-15",
    });
    // Starting later: still the 90 days up to today (the days in between hold no answers yet).
    expect(baselineWindow("2026-06-01", "2026-04-15")).toEqual(
      baselineWindow("2026-04-16", "2026-04-15"),
    );
    expect(BASELINE_DAYS).toBe(90);
  });

  it("calls a pilot planned after its first day retrospective", () => {
    expect(isRetrospective("2026-03-01", "2026-03-02")).toBe(true);
    expect(isRetrospective("2026-03-01", "2026-03-01")).toBe(false);
    expect(isRetrospective("2026-03-02", "2026-03-01")).toBe(false);
  });
});
