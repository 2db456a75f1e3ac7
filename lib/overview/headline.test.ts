import { describe, expect, it } from "vitest";
import type { TGroupMoments } from "@/lib/analytics/schemas";
import { momentsOf } from "@/lib/stats/summary";
import { headlineOf, monthsBetween } from "./headline";

/** A group with the given gaps, CSAT answers (1–5) and NPS answers (0–10). */
function group(key: string | null, gaps: number[], csat: number[], nps: number[]): TGroupMoments {
  const gap = momentsOf(gaps);
  return {
    keys: [key],
    observations: Math.max(gaps.length, csat.length, nps.length),
    gap,
    expectation: { n: gap.n, sum: 5 * gap.n, pairedExperienceSum: 5 * gap.n + gap.sum },
    experience: momentsOf(gaps.map((g) => 5 + g)),
    emotional: { n: 0, sum: 0, sumSquares: 0 },
    nps: {
      promoters: nps.filter((x) => x >= 9).length,
      passives: nps.filter((x) => x === 7 || x === 8).length,
      detractors: nps.filter((x) => x <= 6).length,
    },
    csat: { n: csat.length, topTwoBox: csat.filter((x) => x >= 4).length },
    ces: { n: 0, sum: 0, sumSquares: 0 },
    experienceNpsCorrelation: { r: null, n: 0 },
  };
}
const repeat = <T>(values: T[], times: number) =>
  Array.from({ length: times }, () => values).flat();

describe("the overview's headline", () => {
  // 200 answers each way: CSAT 80 % → 60 %, NPS +40 → 0, gap −0.5 → −0.5 (no change).
  const current = group(
    null,
    repeat([-1, 0], 100),
    repeat([5, 4, 4, 4, 2], 40),
    repeat([10, 9, 9, 8, 3], 40),
  );
  const previous = group(
    null,
    repeat([0, -1], 100),
    repeat([5, 4, 4, 2, 1], 40),
    repeat([10, 8, 7, 3, 2], 40),
  );
  const [csat, nps, gap] = headlineOf(current, previous, [], []);

  it("gives each measure its value, n and interval now and before", () => {
    expect(csat).toMatchObject({
      key: "csat",
      current: { value: 80, n: 200 },
      previous: { value: 60, n: 200 },
    });
    expect(nps).toMatchObject({
      key: "nps",
      current: { value: 40, n: 200 },
      previous: { value: -20, n: 200 },
    });
    expect(gap).toMatchObject({
      key: "gap",
      current: { value: -0.5, n: 200 },
      previous: { value: -0.5, n: 200 },
    });
    expect(csat!.current!.interval!.low).toBeLessThan(80);
  });

  it("reads a change as beyond noise only when the interval of the difference leaves out 0", () => {
    // CSAT +20 points: Newcombe's interval about [11, 29] points (two Wilson intervals of n = 200).
    expect(csat!.change!.value).toBeCloseTo(20, 10);
    expect(csat!.change!.interval.low).toBeGreaterThan(10);
    expect(csat!.change!.interval.high).toBeLessThan(30);
    expect(csat!.change!.isBeyondNoise).toBe(true);
    expect(nps!.change).toMatchObject({ value: 60, isBeyondNoise: true });
    // Same gaps both times: a difference of 0 with an interval around it.
    expect(gap!.change).toMatchObject({ value: 0, pValue: 1, isBeyondNoise: false });
    expect(gap!.change!.interval.low).toBeLessThan(0);
  });

  it("has no change without a previous period, and keeps a month without answers on the trend's axis", () => {
    const months = [group("2026-01-01", [-1, 1], [5], [9]), group("2026-03-01", [-2, 0], [], [])];
    const [c, , g] = headlineOf(
      current,
      undefined,
      months,
      monthsBetween("2026-01-15", "2026-03-02"),
    );
    expect(c!.change).toBeNull();
    expect(c!.previous).toBeNull();
    expect(c!.trend.map((p) => [p.month, p.figure?.value ?? null])).toEqual([
      ["2026-01-01", 100],
      ["2026-02-01", null],
      ["2026-03-01", null],
    ]);
    expect(g!.trend.map((p) => p.figure?.value ?? null)).toEqual([0, null, -1]);
  });

  it("lists every month's first day between two days, across a year's end", () => {
    expect(monthsBetween("2025-11-20", "2026-02-01")).toEqual([
      "2025-11-01",
      "2025-12-01",
      "2026-01-01",
      "2026-02-01",
    ]);
    expect(monthsBetween("2026-02-01", "2026-02-28")).toEqual(["2026-02-01"]);
  });
});
