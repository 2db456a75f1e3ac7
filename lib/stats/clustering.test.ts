import { describe, expect, it } from "vitest";
import { anovaIcc, clusteredSampleSize, designEffect, sizeCv } from "./clustering";
import { momentsOf } from "./summary";

describe("anovaIcc (one-way ANOVA estimator, Donner & Klar 2000)", () => {
  it("reproduces a hand-worked case with equal sites", () => {
    // Sites {1,2,3}, {3,4,5}, {5,6,7}: means 2, 4, 6, grand mean 4.
    // SSB = 3·(4 + 0 + 4) = 24 on k − 1 = 2 df → MSB = 12.
    // SSW = 2 + 2 + 2 = 6 on M − k = 6 df → MSW = 1. m₀ = (9 − 27/9)/2 = 3.
    // ρ = (12 − 1)/(12 + 2·1) = 11/14.
    const icc = anovaIcc([[momentsOf([1, 2, 3]), momentsOf([3, 4, 5]), momentsOf([5, 6, 7])]])!;
    expect(icc.raw).toBeCloseTo(11 / 14, 12);
    expect(icc.icc).toBeCloseTo(11 / 14, 12);
    expect(icc).toMatchObject({ sites: 3, n: 9 });
  });

  it("reproduces a hand-worked case with unequal sites (m₀ for unequal sizes)", () => {
    // Sites {2,4} (mean 3), {5,6,7} (mean 6), {1,3,5,7} (mean 4); M = 9, grand mean 40/9.
    // SSB = 2(3 − 40/9)² + 3(6 − 40/9)² + 4(4 − 40/9)² = 110/9 → MSB = 55/9.
    // SSW = 2 + 2 + 20 = 24 on 6 df → MSW = 4. m₀ = (9 − (4 + 9 + 16)/9)/2 = 26/9.
    // ρ = (55/9 − 4)/(55/9 + (17/9)·4) = (19/9)/(123/9) = 19/123 ≈ 0.1545.
    const icc = anovaIcc([[momentsOf([2, 4]), momentsOf([5, 6, 7]), momentsOf([1, 3, 5, 7])]])!;
    expect(icc.icc).toBeCloseTo(19 / 123, 12);
  });

  it("removes each stratum's mean, so a difference between the arms is not read as a site effect", () => {
    // Two arms 3 points apart, sites within each arm alike: no site effect within arms.
    const arm = (shift: number) => [
      momentsOf([1, 2, 3].map((x) => x + shift)),
      momentsOf([1, 2, 3].map((x) => x + shift)),
    ];
    expect(anovaIcc([arm(0), arm(3)])!.icc).toBe(0);
    // As one stratum the same data show a large "site effect".
    expect(anovaIcc([[...arm(0), ...arm(3)]])!.icc).toBeGreaterThan(0.5);
  });

  it("truncates a negative estimate at 0 and answers null without two sites or any variation", () => {
    // Site means equal (2 and 2) with spread inside: MSB = 0 < MSW → raw < 0.
    const negative = anovaIcc([[momentsOf([1, 3]), momentsOf([1, 3])]])!;
    expect(negative.raw).toBeLessThan(0);
    expect(negative.icc).toBe(0);
    expect(anovaIcc([[momentsOf([1, 2, 3])]])).toBeNull();
    expect(anovaIcc([[momentsOf([4, 4]), momentsOf([4, 4])]])).toBeNull();
    expect(anovaIcc([[momentsOf([1]), momentsOf([5])]])).toBeNull();
    // Empty sites are no sites.
    expect(anovaIcc([[momentsOf([1, 2, 3]), momentsOf([])]])).toBeNull();
  });
});

describe("designEffect (Donner & Klar 2000; Eldridge, Ashby & Kerry 2006)", () => {
  it("is 1 + (m − 1)ρ for equal sites", () => {
    // Killip, Mahfoud & Pearce (2004): DEFF = 1 + (m − 1)·ICC; 50 answers a site at ICC 0.01 → 1.49.
    expect(designEffect([50, 50, 50], 0.01)).toBeCloseTo(1.49, 12);
    expect(designEffect([20, 20], 0)).toBe(1);
  });

  it("uses Σm²/Σm for unequal sites, which equals Eldridge's m̄(1 + CV²)", () => {
    // Sizes 10 and 30: Σm²/Σm = 1000/40 = 25; m̄ = 20, CV = 10/20 = 0.5, 20·1.25 = 25.
    // DEFF = 1 + 24·0.05 = 2.2, against 1 + 19·0.05 = 1.95 had both sites held 20.
    expect(sizeCv([10, 30])).toBeCloseTo(0.5, 12);
    expect(designEffect([10, 30], 0.05)).toBeCloseTo(2.2, 12);
    expect(designEffect([20, 20], 0.05)).toBeCloseTo(1.95, 12);
  });
});

describe("clusteredSampleSize (Hemming et al. 2011, fixed number of sites)", () => {
  it("reproduces a hand-worked case and its design effect", () => {
    // nᵢ = 64 (d = 0.5), ρ = 0.05, k = 10 sites per arm:
    // m = 64·0.95/(10 − 64·0.05) = 60.8/6.8 = 8.941… per site → 89.41… → 90 per arm.
    // DEFF = 1 + (8.941 − 1)·0.05 = 1.397 = 89.41/64.
    const plan = clusteredSampleSize({ individual: 64, sitesPerArm: 10, icc: 0.05 })!;
    expect(plan.perSite).toBeCloseTo(60.8 / 6.8, 12);
    expect(plan.perArm).toBe(90);
    expect(plan.designEffect).toBeCloseTo((10 * 60.8) / 6.8 / 64, 12);
  });

  it("needs more answers when the sites are unequal, and has no answer when the sites are too few", () => {
    // CV 0.5: m = 64·0.95/(10 − 64·1.25·0.05) = 60.8/6 = 10.13 → 102 per arm.
    expect(
      clusteredSampleSize({ individual: 64, sitesPerArm: 10, icc: 0.05, cv: 0.5 })!.perArm,
    ).toBe(102);
    // k = 3 ≤ 64·0.05 = 3.2: no number of answers at three sites reaches the power.
    expect(clusteredSampleSize({ individual: 64, sitesPerArm: 3, icc: 0.05 })).toBeNull();
    // ICC 0: exactly the independent answer.
    expect(clusteredSampleSize({ individual: 64, sitesPerArm: 3, icc: 0 })!.perArm).toBe(64);
  });
});
