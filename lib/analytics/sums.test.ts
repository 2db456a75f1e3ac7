import { describe, expect, it } from "vitest";
import { momentsOf } from "@/lib/stats/summary";
import { sumMoments, ZERO_MOMENTS } from "./sums";

describe("adding groups' sums", () => {
  it("adds counts, sums and sums of squares field by field, so that the total is the pooled group's", () => {
    const a = {
      observations: 2,
      gap: momentsOf([-1, 2]),
      csat: { n: 1, topTwoBox: 1 },
      nps: { promoters: 1, passives: 0, detractors: 0 },
    };
    const b = {
      observations: 1,
      gap: momentsOf([-3]),
      csat: { n: 2, topTwoBox: 0 },
      nps: { promoters: 0, passives: 1, detractors: 1 },
    };
    expect(sumMoments([a, b], ["observations", "gap", "csat", "nps"])).toEqual({
      observations: 3,
      gap: momentsOf([-1, 2, -3]),
      csat: { n: 3, topTwoBox: 1 },
      nps: { promoters: 1, passives: 1, detractors: 1 },
    });
  });

  it("returns only the fields asked for, and zeros for no groups", () => {
    expect(
      sumMoments([{ ...ZERO_MOMENTS, experience: momentsOf([4, 5]) }], ["experience"]),
    ).toEqual({ experience: momentsOf([4, 5]) });
    expect(sumMoments([], ["gap", "ces"])).toEqual({
      gap: { n: 0, sum: 0, sumSquares: 0 },
      ces: { n: 0, sum: 0, sumSquares: 0 },
    });
  });
});
