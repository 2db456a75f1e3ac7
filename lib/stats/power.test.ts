import { describe, expect, it } from "vitest";
import {
  sampleSizeForMeans,
  sampleSizeForNps,
  sampleSizeForProportions,
  shiftedNpsShares,
} from "./power";

describe("sampleSizeForMeans (two-sided t-test, equal groups)", () => {
  // Cohen, J. (1988). Statistical Power Analysis for the Behavioral Sciences, 2nd ed., Table 2.4.1
  // (α₂ = .05, power .80): d = .50 → 64, d = .80 → 26. The exact noncentral-t answers (what
  // G*Power 3 reports) were computed independently with scipy.stats.nct by searching the smallest n
  // whose power reaches the target: d = .2 → 394 (Cohen's table, from an approximation, says 393),
  // d = .5 → 64, d = .8 → 26, d = 1 → 17, d = 2 → 6, d = 3 → 4; α = .01, power .90, d = .5 → 121;
  // power .90, d = .25 → 338.
  it.each([
    [0.5, 0.05, 0.8, 64],
    [0.8, 0.05, 0.8, 26],
    [0.2, 0.05, 0.8, 394],
    [1, 0.05, 0.8, 17],
    [2, 0.05, 0.8, 6],
    [3, 0.05, 0.8, 4], // iterates 2 → 7 → 3 → 4 → 3 …: the cycle's larger value (exact: 4), not the 7 on the way
    [0.5, 0.01, 0.9, 121],
    [0.25, 0.05, 0.9, 338],
  ])("d = %f, α = %f, power %f → %i per group", (d, alpha, power, n) => {
    expect(sampleSizeForMeans({ sd: 1, effect: d, alpha, power })).toBe(n);
  });

  it("uses the defaults α = .05, power .80 and depends only on |effect| / sd", () => {
    expect(sampleSizeForMeans({ sd: 1.2, effect: 0.6 })).toBe(64);
    expect(sampleSizeForMeans({ sd: 1.2, effect: -0.6 })).toBe(64);
  });

  it("refuses an effect of 0, a non-positive sd and impossible α or power", () => {
    expect(() => sampleSizeForMeans({ sd: 1, effect: 0 })).toThrow(Error);
    expect(() => sampleSizeForMeans({ sd: 0, effect: 0.5 })).toThrow(Error);
    expect(() => sampleSizeForMeans({ sd: -1, effect: 0.5 })).toThrow(Error);
    expect(() => sampleSizeForMeans({ sd: 1, effect: Number.NaN })).toThrow(Error);
    expect(() => sampleSizeForMeans({ sd: 1, effect: 0.5, alpha: 0 })).toThrow(Error);
    expect(() => sampleSizeForMeans({ sd: 1, effect: 0.5, power: 1 })).toThrow(Error);
  });
});

describe("sampleSizeForProportions (Fleiss, Levin & Paik 2003, ch. 4, no continuity correction)", () => {
  // n = [z.975 √(2p̄q̄) + z.80 √(p₁q₁ + p₂q₂)]² / Δ², computed independently with scipy.stats.norm:
  // .60 → .75: 151.869 → 152;  .30 → .50: 92.9988 → 93 (α = .05, power .80) and 123.9986 → 124
  // (power .90);  .80 → .85: 905.37 → 906;  .20 → .10: 198.96 → 199;  .05 → .15: 140.10 → 141.
  it.each([
    [0.6, 0.15, 0.8, 152],
    [0.3, 0.2, 0.8, 93],
    [0.3, 0.2, 0.9, 124],
    [0.8, 0.05, 0.8, 906],
    [0.2, -0.1, 0.8, 199],
    [0.05, 0.1, 0.8, 141],
  ])("p = %f, effect %f, power %f → %i per group", (baseline, effect, power, n) => {
    expect(sampleSizeForProportions({ baseline, effect, power })).toBe(n);
  });

  it("is symmetric: .30 → .50 needs as many as .50 → .30", () => {
    expect(sampleSizeForProportions({ baseline: 0.5, effect: -0.2 })).toBe(93);
  });

  it("takes a target a rounding error above 100 % as 100 % (.70 → 1: 21.02 → 22; NPS 70 → 100: 35.76 → 36, scipy)", () => {
    // Shares computed as counts/n plus an effect typed in % can land a few ulps beyond 1.
    expect(sampleSizeForProportions({ baseline: 0.7, effect: 0.3 + 1e-15 })).toBe(22);
    // σ₀² = .9 − .49 = .41; the target mix is all promoters (σ₁² = 0): 7.848879 × .41 / .09 = 35.76.
    expect(
      sampleSizeForNps({
        baseline: { promoters: 80, passives: 10, detractors: 10 },
        effect: 30 + 1e-13,
      }),
    ).toBe(36);
  });

  it("refuses an effect of 0 and shares outside [0, 1]", () => {
    expect(() => sampleSizeForProportions({ baseline: 0.5, effect: 0 })).toThrow(Error);
    expect(() => sampleSizeForProportions({ baseline: 0.9, effect: 0.2 })).toThrow(Error);
    expect(() => sampleSizeForProportions({ baseline: -0.1, effect: 0.2 })).toThrow(Error);
    expect(() => sampleSizeForProportions({ baseline: 1.1, effect: -0.2 })).toThrow(Error);
  });
});

describe("sampleSizeForNps (multinomial variance of promoter − detractor)", () => {
  it("reduces to the unpooled two-proportion formula when there are no passives", () => {
    // 60 % promoters, 40 % detractors (NPS 20) → NPS 30 means p₊ .60 → .65; each answer is
    // 2·[promoter] − 1, so n = (z.975 + z.80)² (.6·.4 + .65·.35) / .05² = 1467.74 → 1468 (scipy).
    expect(
      sampleSizeForNps({ baseline: { promoters: 60, passives: 0, detractors: 40 }, effect: 10 }),
    ).toBe(1468);
  });

  it("uses the baseline mix for control and the shifted mix for the pilot", () => {
    // 40/30/30 (NPS 10) + 10 points → 45/30/25: σ₀² = .7 − .01 = .69, σ₁² = .7 − .04 = .66;
    // n = 7.848879 × 1.35 / .01 = 1059.60 → 1060 (scipy).
    expect(
      sampleSizeForNps({ baseline: { promoters: 40, passives: 30, detractors: 30 }, effect: 10 }),
    ).toBe(1060);
    // All passives (σ₀² = 0) + 10 → 10 % promoters: σ₁² = .1 − .01 = .09; n = 70.64 → 71.
    expect(
      sampleSizeForNps({ baseline: { promoters: 0, passives: 50, detractors: 0 }, effect: 10 }),
    ).toBe(71);
    // 10/20/70 (NPS −60) − 30 → 0/10/90 (promoters run out, passives make up the rest):
    // σ₀² = .8 − .36 = .44, σ₁² = .9 − .81 = .09; n = 7.848879 × .53 / .09 = 46.22 → 47.
    expect(
      sampleSizeForNps({ baseline: { promoters: 10, passives: 20, detractors: 70 }, effect: -30 }),
    ).toBe(47);
  });

  it("shifts half of the change into promoters and half out of detractors", () => {
    const shifted = shiftedNpsShares({ promoters: 0.4, detractors: 0.3 }, 0.1);
    expect(shifted.promoters).toBeCloseTo(0.45, 12);
    expect(shifted.detractors).toBeCloseTo(0.25, 12);
    const mirrored = shiftedNpsShares({ promoters: 0.1, detractors: 0.7 }, -0.3);
    expect(mirrored.promoters).toBe(0);
    expect(mirrored.detractors).toBeCloseTo(0.9, 12);
  });

  it("refuses an effect of 0, a target beyond ±100 and an empty baseline", () => {
    const baseline = { promoters: 50, passives: 30, detractors: 20 };
    expect(() => sampleSizeForNps({ baseline, effect: 0 })).toThrow(Error);
    expect(() => sampleSizeForNps({ baseline, effect: 80 })).toThrow(Error);
    expect(() =>
      sampleSizeForNps({ baseline: { promoters: 0, passives: 0, detractors: 0 }, effect: 10 }),
    ).toThrow(Error);
    expect(() =>
      sampleSizeForNps({ baseline: { promoters: -1, passives: 0, detractors: 5 }, effect: 10 }),
    ).toThrow(Error);
  });
});

describe("sample sizes on a fixed df (a comparison of sites)", () => {
  // n = 2(t(0.975; df) + t(0.80; df))² / d² with d = 0.5, the quantiles from scipy.stats.t.ppf:
  // df 2: (4.302653 + 1.060660)² = 28.765 → 231; df 4: 3.717410² → 111; df 8: 3.194894² → 82.
  // The normal answer (df ∞) is 63 before the t iteration, 64 after (Cohen 1988).
  it("replaces z by t on the test's df, so few sites need many more answers", () => {
    expect(sampleSizeForMeans({ sd: 1, effect: 0.5, df: 2 })).toBe(231);
    expect(sampleSizeForMeans({ sd: 1, effect: 0.5, df: 4 })).toBe(111);
    expect(sampleSizeForMeans({ sd: 1, effect: 0.5, df: 8 })).toBe(82);
    expect(sampleSizeForMeans({ sd: 1, effect: 0.5, df: 1e9 })).toBe(63);
  });

  it("does the same for proportions and NPS", () => {
    const z = sampleSizeForProportions({ baseline: 0.6, effect: 0.15 });
    expect(z).toBe(152);
    expect(sampleSizeForProportions({ baseline: 0.6, effect: 0.15, df: 1e9 })).toBe(152);
    expect(sampleSizeForProportions({ baseline: 0.6, effect: 0.15, df: 4 })).toBeGreaterThan(
      1.7 * z,
    );
    const baseline = { promoters: 40, passives: 30, detractors: 30 };
    expect(sampleSizeForNps({ baseline, effect: 10, df: 1e9 })).toBe(
      sampleSizeForNps({ baseline, effect: 10 }),
    );
  });
});
