import { describe, expect, it } from "vitest";
import { momentsOf, sampleVariance, summarizeMean } from "./summary";

describe("summarizeMean", () => {
  it("gives Student's t interval computed by hand", () => {
    // x = 2, 4, 4, 4, 5, 5, 7, 9: n = 8, Σx = 40, Σx² = 232, mean = 5,
    // s² = (232 − 40²/8) / 7 = 32/7 = 4.571429, s = 2.138090, s/√8 = 0.755929,
    // t(0.975; 7) = 2.364624 (any t table, e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2),
    // half-width = 2.364624 × 0.755929 = 1.787488 → [3.212512, 6.787488].
    const summary = summarizeMean({ n: 8, sum: 40, sumSquares: 232 });
    expect(summary?.mean).toBe(5);
    expect(summary?.sd).toBeCloseTo(2.13809, 5);
    expect(summary?.interval?.low).toBeCloseTo(3.212512, 5);
    expect(summary?.interval?.high).toBeCloseTo(6.787488, 5);
    expect(summary?.interval?.confidence).toBe(0.95);
  });

  it("narrows at a lower confidence: t(0.95; 7) = 1.894579 → 5 ± 1.432", () => {
    const summary = summarizeMean(momentsOf([2, 4, 4, 4, 5, 5, 7, 9]), 0.9);
    expect(summary?.interval?.high).toBeCloseTo(5 + 1.894579 * 0.755929, 4);
  });

  it("is null for n = 0 and has no sd or interval for n = 1", () => {
    expect(summarizeMean({ n: 0, sum: 0, sumSquares: 0 })).toBeNull();
    expect(summarizeMean({ n: 1, sum: -2, sumSquares: 4 })).toEqual({
      n: 1,
      mean: -2,
      sd: null,
      interval: null,
    });
  });

  it("gives sd 0 and an interval of width 0 when every value is equal", () => {
    const summary = summarizeMean(momentsOf([4, 4, 4, 4]));
    expect(summary?.sd).toBe(0);
    expect(summary?.interval).toEqual({ low: 4, high: 4, confidence: 0.95 });
  });

  it("never lets rounding in Σx² − (Σx)²/n make a variance negative or spurious", () => {
    // Σx² − (Σx)²/n is −3.5e−18 for three 0.1s and +2.8e−14 for three 6.1s in floating point.
    for (const v of [0.1, 0.2, 4.35, 6.1]) expect(sampleVariance(momentsOf([v, v, v]))).toBe(0);
    expect(sampleVariance({ n: 2, sum: 2, sumSquares: 1.9999999999999998 })).toBe(0);
  });

  it("refuses impossible moments and confidences", () => {
    expect(() => summarizeMean({ n: -1, sum: 0, sumSquares: 0 })).toThrow(RangeError);
    expect(() => summarizeMean({ n: 1.5, sum: 0, sumSquares: 0 })).toThrow(RangeError);
    expect(() => summarizeMean({ n: 2, sum: Number.NaN, sumSquares: 0 })).toThrow(RangeError);
    expect(() => summarizeMean({ n: 2, sum: 1, sumSquares: 1 }, 1)).toThrow(RangeError);
  });
});
