import { describe, expect, it } from "vitest";
import {
  clusteredDifferenceTest,
  npsDifferenceTest,
  twoProportionTest,
  siteDifferenceInDifferences,
  welchTTest,
} from "./difference-tests";
import { momentsOf } from "./summary";

describe("welchTTest", () => {
  // Wikipedia, "Welch's t-test", Examples (data sets A1 and A2, unequal variances): published
  // t = −2.46, df ≈ 25.0, p = 0.021. Checked with scipy.stats.ttest_ind(equal_var=False):
  // t = −2.455356, df = 24.98853, p = 0.021378, 95 % CI [−3.984096, −0.349237].
  const a1 = [
    27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4,
  ];
  const a2 = [
    27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4,
  ];

  it("reproduces the published example", () => {
    const result = welchTTest(momentsOf(a1), momentsOf(a2))!;
    expect(result.statistic).toBeCloseTo(-2.46, 2);
    expect(result.df).toBeCloseTo(25.0, 1);
    expect(result.pValue).toBeCloseTo(0.021, 3);
    expect(result.statistic).toBeCloseTo(-2.455356, 5);
    expect(result.df).toBeCloseTo(24.98853, 4);
    expect(result.pValue).toBeCloseTo(0.021378, 5);
    expect(result.interval.low).toBeCloseTo(-3.984096, 5);
    expect(result.interval.high).toBeCloseTo(-0.349237, 5);
    expect(result.interval.confidence).toBe(0.95);
    expect(result.difference).toBeCloseTo(momentsOf(a1).sum / 15 - momentsOf(a2).sum / 15, 12);
  });

  it("takes another confidence level and unequal sizes (scipy: t 2.711631, df 8.744327, p 0.024547, 90 % CI [0.536207, 2.797127])", () => {
    const result = welchTTest(momentsOf([5, 6, 7, 7, 5]), momentsOf([4, 4, 5, 6, 3, 4]), 0.9)!;
    expect(result.statistic).toBeCloseTo(2.711631, 5);
    expect(result.df).toBeCloseTo(8.744327, 5);
    expect(result.pValue).toBeCloseTo(0.024547, 5);
    expect(result.interval).toMatchObject({ confidence: 0.9 });
    expect(result.interval.low).toBeCloseTo(0.536207, 5);
    expect(result.interval.high).toBeCloseTo(2.797127, 5);
  });

  it("is antisymmetric: swapping the groups flips the sign, not the p-value", () => {
    const forward = welchTTest(momentsOf(a1), momentsOf(a2))!;
    const backward = welchTTest(momentsOf(a2), momentsOf(a1))!;
    expect(backward.statistic).toBeCloseTo(-forward.statistic, 12);
    expect(backward.pValue).toBeCloseTo(forward.pValue, 12);
    expect(backward.interval.low).toBeCloseTo(-forward.interval.high, 12);
  });

  it("is null when a group has fewer than 2 answers or neither group varies", () => {
    expect(welchTTest(momentsOf([5]), momentsOf([4, 5, 6]))).toBeNull();
    expect(welchTTest(momentsOf([4, 5, 6]), momentsOf([]))).toBeNull();
    expect(welchTTest(momentsOf([5, 5, 5]), momentsOf([4, 4]))).toBeNull();
  });

  it("still tests when only one group varies (df = n − 1 of that group)", () => {
    // [6, 6, 6] vs [3, 4, 5]: SE = √(1/3), t = 2/0.57735 = 3.464102, df = 2.
    const result = welchTTest(momentsOf([6, 6, 6]), momentsOf([3, 4, 5]))!;
    expect(result.statistic).toBeCloseTo(3.464102, 5);
    expect(result.df).toBeCloseTo(2, 10);
  });
});

describe("twoProportionTest", () => {
  // Newcombe, R. G. (1998). Interval estimation for the difference between independent
  // proportions: comparison of eleven methods. Statistics in Medicine 17, 873–890, Table II,
  // method 10 (hybrid score, no continuity correction). p-values: the pooled z, whose square is
  // Pearson's χ² without correction (scipy.stats.chi2_contingency(correction=False)):
  // 56/70 v 48/80: χ² 7.023411 → z 2.650172, p 0.008045; 9/10 v 3/10: χ² 7.5 → p 0.006170;
  // 5/56 v 0/29: χ² 2.751116 → p 0.097187; 10/10 v 0/20: χ² 30 → p 4.3205e−8.
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339, 0.008045],
    [9, 10, 3, 10, 0.1705, 0.809, 0.00617],
    [5, 56, 0, 29, -0.0381, 0.1926, 0.097187],
    [10, 10, 0, 20, 0.6791, 1, 4.3205e-8],
  ])("%i/%i − %i/%i → [%f, %f], p %f", (x1, n1, x2, n2, low, high, p) => {
    const result = twoProportionTest({ n: n1, successes: x1 }, { n: n2, successes: x2 })!;
    expect(result.difference).toBeCloseTo(x1 / n1 - x2 / n2, 12);
    expect(result.interval.low).toBeCloseTo(low, 4);
    expect(result.interval.high).toBeCloseTo(high, 4);
    expect(result.pValue).toBeCloseTo(p, 5);
    expect(result.df).toBeNull();
  });

  it("gives the pooled z itself (56/70 v 48/80: z = 2.650172)", () => {
    expect(
      twoProportionTest({ n: 70, successes: 56 }, { n: 80, successes: 48 })?.statistic,
    ).toBeCloseTo(2.650172, 5);
  });

  it("reports no difference (z 0, p 1) with Newcombe's interval when both groups are all failures (0/10 v 0/20 → [−0.1611, 0.2775])", () => {
    const result = twoProportionTest({ n: 10, successes: 0 }, { n: 20, successes: 0 })!;
    expect(result).toMatchObject({ difference: 0, statistic: 0, pValue: 1 });
    expect(result.interval.low).toBeCloseTo(-0.1611, 4);
    expect(result.interval.high).toBeCloseTo(0.2775, 4);
  });

  it("is null for an empty group and refuses impossible counts", () => {
    expect(twoProportionTest({ n: 0, successes: 0 }, { n: 10, successes: 3 })).toBeNull();
    expect(() => twoProportionTest({ n: 5, successes: 6 }, { n: 10, successes: 3 })).toThrow(
      RangeError,
    );
    expect(() => twoProportionTest({ n: 5, successes: 1.5 }, { n: 10, successes: 3 })).toThrow(
      RangeError,
    );
  });
});

describe("npsDifferenceTest", () => {
  // Checked independently in numpy: per-answer scores +1/0/−1, SE = √(var₁/n₁ + var₂/n₂) with
  // the divisor-n variance, which is the multinomial p₊ + p₋ − (p₊ − p₋)² (the variance of a
  // difference of two independent means is the sum of their variances).
  // 50/30/20 v 35/35/30 (n 100 each): Δ = 30 − 5 = 25, SE = 11.213831, z = 2.229390,
  // p = 0.025788, 95 % CI [3.021296, 46.978704].
  it("matches the hand computation", () => {
    const result = npsDifferenceTest(
      { promoters: 50, passives: 30, detractors: 20 },
      { promoters: 35, passives: 35, detractors: 30 },
    )!;
    expect(result.difference).toBeCloseTo(25, 10);
    expect(result.statistic).toBeCloseTo(2.22939, 5);
    expect(result.pValue).toBeCloseTo(0.025788, 5);
    expect(result.interval.low).toBeCloseTo(3.021296, 4);
    expect(result.interval.high).toBeCloseTo(46.978704, 4);
    expect(result.df).toBeNull();
  });

  it("handles unequal groups and a 90 % interval (30/10/10 v 20/15/25: Δ 48.333, SE 15.869549, z 3.045665, p 0.002322, CI [22.230248, 74.436419])", () => {
    const result = npsDifferenceTest(
      { promoters: 30, passives: 10, detractors: 10 },
      { promoters: 20, passives: 15, detractors: 25 },
      0.9,
    )!;
    expect(result.difference).toBeCloseTo(48.333333, 5);
    expect(result.statistic).toBeCloseTo(3.045665, 5);
    expect(result.pValue).toBeCloseTo(0.002322, 5);
    expect(result.interval.low).toBeCloseTo(22.230248, 4);
    expect(result.interval.high).toBeCloseTo(74.436419, 4);
  });

  it("is null with fewer than 2 answers in a group or no spread in either", () => {
    expect(
      npsDifferenceTest(
        { promoters: 1, passives: 0, detractors: 0 },
        { promoters: 5, passives: 5, detractors: 5 },
      ),
    ).toBeNull();
    expect(
      npsDifferenceTest(
        { promoters: 10, passives: 0, detractors: 0 },
        { promoters: 0, passives: 0, detractors: 8 },
      ),
    ).toBeNull();
    expect(() =>
      npsDifferenceTest(
        { promoters: -1, passives: 0, detractors: 3 },
        { promoters: 5, passives: 5, detractors: 5 },
      ),
    ).toThrow(RangeError);
  });
});

describe("clusteredDifferenceTest (Donner & Klar 2000, df = sites − 2)", () => {
  // Hand-worked, checked with scipy: treatment sites A {6,7,5,6} and B {5,6,4,5,5,5}, control
  // sites C {4,5,3,4} and D {5,4,6,5,4,6}, ICC 0.1.
  // Arm means 5.4 and 4.6 (difference 0.8); arm variances s² = 0.71111 and 0.93333 on n = 10.
  // Site sizes 4 and 6 in each arm: m_A = (16 + 36)/10 = 5.2, DEFF = 1 + 4.2·0.1 = 1.42.
  // SE = √(1.42·0.71111/10 + 1.42·0.93333/10) = 0.483230; t = 1.655527 on 4 − 2 = 2 df,
  // p = 0.239653 (scipy.stats.t.sf); t(0.975; 2) = 4.302653, interval 0.8 ± 2.079170.
  // Welch's test on the same 20 answers as if independent: t = 1.973, df 17.7, p = 0.064.
  const a = momentsOf([6, 7, 5, 6]);
  const b = momentsOf([5, 6, 4, 5, 5, 5]);
  const c = momentsOf([4, 5, 3, 4]);
  const d = momentsOf([5, 4, 6, 5, 4, 6]);

  it("inflates each arm's variance by its design effect and counts df by sites", () => {
    const test = clusteredDifferenceTest([a, b], [c, d], 0.1)!;
    expect(test.difference).toBeCloseTo(0.8, 12);
    expect(test.treatment).toEqual({ sites: 2, n: 10, designEffect: 1.42, effectiveN: 10 / 1.42 });
    expect(test.control.designEffect).toBeCloseTo(1.42, 12);
    expect(test.statistic).toBeCloseTo(1.655527, 5);
    expect(test.df).toBe(2);
    expect(test.pValue).toBeCloseTo(0.239653, 5);
    expect(test.interval.low).toBeCloseTo(0.8 - 2.07917, 4);
    expect(test.interval.high).toBeCloseTo(0.8 + 2.07917, 4);
  });

  it("with ICC 0 keeps the per-answer variance but still counts df by sites", () => {
    const test = clusteredDifferenceTest([a, b], [c, d], 0)!;
    expect(test.treatment.designEffect).toBe(1);
    // SE = √(0.16444) = 0.405518, t = 1.972784 (Welch's t), but on 2 df.
    expect(test.statistic).toBeCloseTo(1.972788, 5);
    expect(test.df).toBe(2);
  });

  it("has no result with fewer than three sites, an empty arm or no variation", () => {
    expect(clusteredDifferenceTest([a], [c], 0.1)).toBeNull();
    expect(clusteredDifferenceTest([a, b], [], 0.1)).toBeNull();
    // A site without answers is no site: three sites, 1 df.
    expect(clusteredDifferenceTest([a, b], [c, momentsOf([])], 0.1)!.df).toBe(1);
    const flat = momentsOf([4, 4, 4]);
    expect(clusteredDifferenceTest([flat, flat], [flat, flat], 0.1)).toBeNull();
  });
});

describe("siteDifferenceInDifferences (Bertrand, Duflo & Mullainathan 2004: one change per site)", () => {
  // Treated sites: A {3,4,5} → {5,6,7} (+2), B {4,5,6} → {5,6,7} (+1).
  // Other sites: C {4,4,5,3} → {4,5,6,5} (+1), D {2,3,4} → {3,3,3} (0), E {5,5} → {5.5,5.5} (+0.5).
  const site = (before: number[], after: number[]) => ({
    before: momentsOf(before),
    after: momentsOf(after),
  });
  const treated = [site([3, 4, 5], [5, 6, 7]), site([4, 5, 6], [5, 6, 7])];
  const others = [
    site([4, 4, 5, 3], [4, 5, 6, 5]),
    site([2, 3, 4], [3, 3, 3]),
    site([5, 5], [5.5, 5.5]),
  ];

  it("compares the sites' changes by Welch's t (hand-worked; scipy.stats.ttest_ind(equal_var=False))", () => {
    // Changes {2, 1} (mean 1.5, s² 0.5) and {1, 0, 0.5} (mean 0.5, s² 0.25): DiD = 1.
    // SE = √(0.5/2 + 0.25/3) = √(1/3) = 0.577350, t = 1.732051;
    // df = (1/3)² / ((1/4)²/1 + (1/12)²/2) = 1.684211; p = 0.248189, 95 % CI [−1.988499, 3.988499].
    const did = siteDifferenceInDifferences(treated, others)!;
    expect(did).toMatchObject({ treatedSites: 2, otherSites: 3 });
    expect(did.difference).toBeCloseTo(1, 12);
    expect(did.test!.statistic).toBeCloseTo(1.732051, 6);
    expect(did.test!.df).toBeCloseTo(1.684211, 6);
    expect(did.test!.pValue).toBeCloseTo(0.248189, 6);
    expect(did.test!.interval.low).toBeCloseTo(-1.988499, 5);
    expect(did.test!.interval.high).toBeCloseTo(3.988499, 5);
  });

  it("counts a site only with answers in both periods, and gives no test with fewer than 2 sites a side", () => {
    const onlyAfter = { before: momentsOf([]), after: momentsOf([7, 7]) };
    const did = siteDifferenceInDifferences([treated[0]!, onlyAfter], others)!;
    // One treated site left: the estimate (+2) − (+0.5) = 1.5, but no interval and no p-value.
    expect(did).toMatchObject({ treatedSites: 1, otherSites: 3, test: null });
    expect(did.difference).toBeCloseTo(1.5, 12);
    expect(siteDifferenceInDifferences(treated, [onlyAfter])).toBeNull();
  });
});
