import { describe, expect, it } from "vitest";
import { ces, csat, nps, proportionInterval } from "./proportions";

describe("proportionInterval (Wilson score)", () => {
  // Newcombe R.G. (1998), "Two-sided confidence intervals for the single proportion: comparison
  // of seven methods", Statistics in Medicine 17:857–872, Table II, method 3 (score, no
  // continuity correction), 95 %.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])("%i of %i → [%f, %f] as in Newcombe 1998", (x, n, low, high) => {
    const result = proportionInterval(x, n);
    expect(result?.p).toBeCloseTo(x / n, 12);
    expect(result?.interval.low).toBeCloseTo(low, 4);
    expect(result?.interval.high).toBeCloseTo(high, 4);
  });

  it("stays inside [0, 1] at p = 1 and is null for n = 0", () => {
    expect(proportionInterval(29, 29)?.interval.high).toBe(1);
    expect(proportionInterval(29, 29)?.interval.low).toBeCloseTo(1 - 0.117, 4); // mirror of 0/29
    expect(proportionInterval(0, 0)).toBeNull();
  });

  it("refuses impossible counts", () => {
    expect(() => proportionInterval(5, 4)).toThrow(RangeError);
    expect(() => proportionInterval(-1, 4)).toThrow(RangeError);
    expect(() => proportionInterval(1.5, 4)).toThrow(RangeError);
  });
});

describe("csat", () => {
  it("is the top-two-box share in %, with its Wilson interval", () => {
    // 80 of 100: z = 1.959964, z²/n = 0.038415; centre = (0.8 + 0.019207)/1.038415 = 0.788902;
    // half = 1.959964/1.038415 × √(0.0016 + 0.038415/400) = 1.887456 × 0.041183 = 0.077731
    // → [71.117 %, 86.663 %].
    const result = csat(80, 100);
    expect(result?.value).toBe(80);
    expect(result?.n).toBe(100);
    expect(result?.interval.low).toBeCloseTo(71.117, 2);
    expect(result?.interval.high).toBeCloseTo(86.663, 2);
  });

  it("is null without answers", () => {
    expect(csat(0, 0)).toBeNull();
  });
});

describe("nps", () => {
  it("is % promoters − % detractors with the multinomial Wald interval computed by hand", () => {
    // 50 / 30 / 20 of 100: NPS = 50 − 20 = 30.
    // Var = (0.5 + 0.2 − 0.3²) / 100 = 0.61 / 100, SE = 0.078102, z = 1.959964,
    // half = 0.153078 → [14.692, 45.308].
    const result = nps({ promoters: 50, passives: 30, detractors: 20 });
    expect(result?.value).toBeCloseTo(30, 10);
    expect(result?.n).toBe(100);
    expect(result?.interval.low).toBeCloseTo(14.692, 2);
    expect(result?.interval.high).toBeCloseTo(45.308, 2);
  });

  it("clamps to [−100, 100]", () => {
    // 9 promoters, 1 detractor: NPS 80, half = 1.96 × √((1 − 0.64)/10) = 0.372 → high 117 → 100.
    const result = nps({ promoters: 9, passives: 0, detractors: 1 });
    expect(result?.value).toBe(80);
    expect(result?.interval.high).toBe(100);
    expect(result?.interval.low).toBeCloseTo(80 - 37.19, 1);
  });

  it("is −100 with an interval of width 0 when everyone is a detractor, and null with no answers", () => {
    expect(nps({ promoters: 0, passives: 0, detractors: 12 })).toMatchObject({
      value: -100,
      interval: { low: -100, high: -100 },
    });
    expect(nps({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
  });
});

describe("ces", () => {
  it("is the mean effort with its t interval", () => {
    // 1, 2, 2, 3, 7: mean 3, s² = (67 − 225/5)/4 = 5.5, s = 2.345208, s/√5 = 1.048809,
    // t(0.975; 4) = 2.776445 → 3 ± 2.911964.
    const result = ces({ n: 5, sum: 15, sumSquares: 67 });
    expect(result?.mean).toBe(3);
    expect(result?.interval?.low).toBeCloseTo(3 - 2.911964, 5);
    expect(result?.interval?.high).toBeCloseTo(3 + 2.911964, 5);
  });
});
