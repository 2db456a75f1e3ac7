import { describe, expect, it } from "vitest";
import { momentsOf } from "@/lib/stats/summary";
import { EMPTY_SUMS, groupFigure, pilotOutcome, pilotStage, sumGroups } from "./outcome";
import type { TGroupSums } from "./schemas";

const repeat = (values: number[], times: number) =>
  Array.from({ length: times }, () => values).flat();
const scores = (values: number[]): TGroupSums => ({
  ...EMPTY_SUMS,
  observations: values.length,
  experience: momentsOf(values),
});

describe("a pilot's outcome", () => {
  it("compares mean experience by Welch's t: 5.5 against 4.5 with 30 answers each", () => {
    // Each group: half 6s and 5s (or 5s and 4s) → sd² = 7.5/29; SE = √(2·(7.5/29)/30) = 0.13131; t = 7.616 on 58 df.
    const outcome = pilotOutcome({
      metric: "MEAN_EXPERIENCE",
      pilot: scores(repeat([6, 5], 15)),
      control: scores(repeat([5, 4], 15)),
      plannedPerGroup: 26,
    });
    expect(outcome.test).toBe("WELCH_T");
    expect(outcome.pilot).toMatchObject({ n: 30, value: 5.5 });
    expect(outcome.control).toMatchObject({ n: 30, value: 4.5 });
    expect(outcome.difference!.value).toBeCloseTo(1, 10);
    expect(outcome.difference!.statistic).toBeCloseTo(7.6158, 3);
    expect(outcome.difference!.df).toBeCloseTo(58, 6);
    // 1 ± t(.975; 58) · SE = 1 ± 2.00172 · 0.13131
    expect(outcome.difference!.interval.low).toBeCloseTo(0.7372, 3);
    expect(outcome.difference!.interval.high).toBeCloseTo(1.2628, 3);
    expect(outcome.difference!.pValue).toBeLessThan(1e-9);
    expect(outcome).toMatchObject({ verdict: "IMPROVED", reason: "SIGNIFICANT", alpha: 0.05 });
  });

  it("refuses a verdict below the planned sample, however large the difference", () => {
    const outcome = pilotOutcome({
      metric: "MEAN_EXPERIENCE",
      pilot: scores(repeat([6, 5], 15)),
      control: scores(repeat([5, 4], 15)),
      plannedPerGroup: 64,
    });
    expect(outcome).toMatchObject({ verdict: "NOT_ENOUGH_DATA", reason: "BELOW_PLANNED_SAMPLE" });
    expect(outcome.difference).not.toBeNull();
    const tiny = pilotOutcome({
      metric: "MEAN_EXPERIENCE",
      pilot: scores([7, 6, 7]),
      control: scores([2, 3]),
      plannedPerGroup: null,
    });
    expect(tiny).toMatchObject({ verdict: "NOT_ENOUGH_DATA", reason: "TOO_FEW_OBSERVATIONS" });
  });

  it("reports CSAT in percentage points: 80 % against 50 % of 100 answers each", () => {
    const pilot: TGroupSums = { ...EMPTY_SUMS, csat: { n: 100, topTwoBox: 80 } };
    const control: TGroupSums = { ...EMPTY_SUMS, csat: { n: 100, topTwoBox: 50 } };
    const outcome = pilotOutcome({ metric: "CSAT", pilot, control, plannedPerGroup: 50 });
    expect(outcome.test).toBe("TWO_PROPORTION_Z");
    expect(outcome.pilot.value).toBeCloseTo(80, 10);
    expect(outcome.control.value).toBeCloseTo(50, 10);
    expect(outcome.difference!.value).toBeCloseTo(30, 10);
    // Pooled z = 0.3 / √(0.65 · 0.35 · 2/100) = 4.447
    expect(outcome.difference!.statistic).toBeCloseTo(4.4475, 3);
    expect(outcome.difference!.interval.low).toBeGreaterThan(15);
    expect(outcome.difference!.interval.high).toBeLessThan(45);
    expect(outcome.verdict).toBe("IMPROVED");
  });

  it("judges NPS on the per-answer score and calls a worse pilot worse", () => {
    const pilot: TGroupSums = {
      ...EMPTY_SUMS,
      nps: { promoters: 20, passives: 30, detractors: 50 },
    };
    const control: TGroupSums = {
      ...EMPTY_SUMS,
      nps: { promoters: 50, passives: 30, detractors: 20 },
    };
    const outcome = pilotOutcome({ metric: "NPS", pilot, control, plannedPerGroup: null });
    expect(outcome.test).toBe("NPS_Z");
    expect(outcome.pilot).toMatchObject({ n: 100, value: -30 });
    expect(outcome.difference!.value).toBeCloseTo(-60, 10);
    expect(outcome.verdict).toBe("WORSENED");
  });

  it("adds up sites into a group, and shows an empty group as no figure", () => {
    const a = {
      observations: 2,
      experience: momentsOf([5, 6]),
      csat: { n: 1, topTwoBox: 1 },
      nps: { promoters: 1, passives: 0, detractors: 0 },
    };
    const b = {
      observations: 1,
      experience: momentsOf([4]),
      csat: { n: 1, topTwoBox: 0 },
      nps: { promoters: 0, passives: 0, detractors: 1 },
    };
    expect(sumGroups([a, b])).toEqual({
      observations: 3,
      experience: momentsOf([5, 6, 4]),
      csat: { n: 2, topTwoBox: 1 },
      nps: { promoters: 1, passives: 0, detractors: 1 },
    });
    expect(groupFigure("MEAN_EXPERIENCE", EMPTY_SUMS)).toEqual({
      n: 0,
      value: null,
      interval: null,
    });
    expect(
      pilotOutcome({ metric: "CSAT", pilot: EMPTY_SUMS, control: EMPTY_SUMS, plannedPerGroup: 10 }),
    ).toMatchObject({ difference: null, verdict: "NOT_ENOUGH_DATA" });
  });

  it("places a pilot before, during or after its window, and completed once decided", () => {
    const window = { startDay: "2026-03-01", endDay: "2026-03-14" };
    expect(pilotStage({ ...window, today: "2026-02-28", decision: null })).toBe("PLANNED");
    expect(pilotStage({ ...window, today: "2026-03-14", decision: null })).toBe("RUNNING");
    expect(pilotStage({ ...window, today: "2026-03-15", decision: "EXTEND" })).toBe("ENDED");
    expect(pilotStage({ ...window, today: "2026-03-02", decision: "ROLLOUT" })).toBe("COMPLETED");
  });
});
