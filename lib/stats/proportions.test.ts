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
  // The interval is Rocks's (2016) adjusted Wald, as Lewis & Sauro (MeasuringU, "Confidence
  // intervals for Net Promoter Scores", 2021) describe it: add 3 to n and ¾ to the promoters and
  // to the detractors, then take the Wald interval of the difference of the two shares.
  it("is % promoters − % detractors with the adjusted Wald interval computed by hand", () => {
    // 50 / 30 / 20 of 100: NPS = 50 − 20 = 30.
    // ñ = 103, p̃₊ = 50.75/103 = 0.492718, p̃₋ = 20.75/103 = 0.201456, centre = 0.291262,
    // Var = (0.694175 − 0.084834) / 103 = 0.0059159, SE = 0.076915, z = 1.959964,
    // half = 0.150751 → [14.051, 44.201]. (Plain Wald gave [14.692, 45.308].)
    const result = nps({ promoters: 50, passives: 30, detractors: 20 });
    expect(result?.value).toBeCloseTo(30, 10);
    expect(result?.n).toBe(100);
    expect(result?.interval?.low).toBeCloseTo(14.051, 2);
    expect(result?.interval?.high).toBeCloseTo(44.201, 2);
  });

  it("clamps to [−100, 100]", () => {
    // 9 promoters, 1 detractor: NPS 80. ñ = 13, p̃₊ = 9.75/13 = 0.75, p̃₋ = 1.75/13 = 0.134615,
    // centre = 0.615385, Var = (0.884615 − 0.378698) / 13 = 0.038917, half = 0.386652
    // → [22.873, 100.203] → high clamped to 100.
    const result = nps({ promoters: 9, passives: 0, detractors: 1 });
    expect(result?.value).toBe(80);
    expect(result?.interval?.high).toBe(100);
    expect(result?.interval?.low).toBeCloseTo(22.873, 2);
  });

  it("gives a sample in one group an interval of real width, and no answers no result", () => {
    // 12 detractors: NPS −100, where plain Wald said [−100, −100] as if it were certain.
    // ñ = 15, p̃₊ = 0.05, p̃₋ = 12.75/15 = 0.85, centre = −0.8, Var = (0.9 − 0.64) / 15 = 0.017333,
    // half = 0.258041 → [−105.8, −54.196] → [−100, −54.196].
    const result = nps({ promoters: 0, passives: 0, detractors: 12 });
    expect(result?.value).toBe(-100);
    expect(result?.interval?.low).toBe(-100);
    expect(result?.interval?.high).toBeCloseTo(-54.196, 2);
    expect(nps({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
  });

  it("gives one answer no interval: the adjusted interval [−48.5, 98.5] would exclude its own 100", () => {
    // ñ = 4, p̃₊ = 1.75/4 = 0.4375, p̃₋ = 0.1875, centre 0.25, Var = (0.625 − 0.0625)/4,
    // half = 1.959964 × 0.375 = 0.734986 → [−48.5, 98.5], which does not contain NPS = 100.
    expect(nps({ promoters: 1, passives: 0, detractors: 0 })).toEqual({
      value: 100,
      n: 1,
      interval: null,
    });
    // Two answers already give an interval that holds the observed score.
    const two = nps({ promoters: 2, passives: 0, detractors: 0 })!;
    expect(two.interval!.high).toBe(100);
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
