import { describe, expect, it } from "vitest";
import { zCritical } from "./distributions";
import { dersimonianLaird, shrinkToward } from "./shrinkage";

describe("dersimonianLaird", () => {
  it("reproduces the BCG vaccine meta-analysis (Colditz et al. 1994; metafor's dat.bcg, method DL)", () => {
    // 13 trials: [vaccinated TB+, TB−, control TB+, TB−]. Log risk ratio yᵢ = ln((a/(a+b))/(c/(c+d))),
    // vᵢ = 1/a − 1/(a+b) + 1/c − 1/(c+d). metafor (Viechtbauer 2010), checked there against Stata's
    // metan: Q = 152.2330, τ² = 0.3088, μ̂ = −0.7141 with 95 % CI [−1.0644, −0.3638].
    const trials = [
      [4, 119, 11, 128],
      [6, 300, 29, 274],
      [3, 228, 11, 209],
      [62, 13536, 248, 12619],
      [33, 5036, 47, 5761],
      [180, 1361, 372, 1079],
      [8, 2537, 10, 619],
      [505, 87886, 499, 87892],
      [29, 7470, 45, 7232],
      [17, 1699, 65, 1600],
      [186, 50448, 141, 27197],
      [5, 2493, 3, 2338],
      [27, 16886, 29, 17825],
    ] as const;
    const fit = dersimonianLaird(
      trials.map(([a, b, c, d]) => ({
        estimate: Math.log(a / (a + b) / (c / (c + d))),
        variance: 1 / a - 1 / (a + b) + 1 / c - 1 / (c + d),
      })),
    )!;
    expect(fit.k).toBe(13);
    expect(fit.q).toBeCloseTo(152.233, 3);
    expect(fit.tau2).toBeCloseTo(0.3088, 4);
    expect(fit.mean).toBeCloseTo(-0.7141, 4);
    const half = zCritical(0.95) * Math.sqrt(fit.meanVariance);
    expect(fit.mean - half).toBeCloseTo(-1.0644, 4);
    expect(fit.mean + half).toBeCloseTo(-0.3638, 4);
  });

  it("truncates τ² at 0 when the groups differ less than their noise", () => {
    // y = −0.1, 0, 0.1 with v = 1: Q = 0.02 < k − 1 = 2, so τ² = max(0, negative) = 0.
    const fit = dersimonianLaird([-0.1, 0, 0.1].map((estimate) => ({ estimate, variance: 1 })))!;
    expect(fit.tau2).toBe(0);
    expect(fit.mean).toBeCloseTo(0, 12);
  });

  it("needs two groups with a positive variance", () => {
    expect(dersimonianLaird([{ estimate: 1, variance: 1 }])).toBeNull();
    expect(
      dersimonianLaird([
        { estimate: 1, variance: 1 },
        { estimate: 2, variance: 0 },
      ]),
    ).toBeNull();
  });
});

describe("shrinkToward", () => {
  it("moves a group toward the common mean by B = v / (v + τ²), by hand", () => {
    // y = −2, 0, 2, each v = 1: w = 1, ȳ_w = 0, Q = 4 + 0 + 4 = 8, Σw − Σw²/Σw = 3 − 1 = 2,
    // τ² = (8 − 2)/2 = 3. μ̂ = 0, Var(μ̂) = 1/(3 · 1/4) = 4/3. For y = −2: B = 1/(1 + 3) = 0.25,
    // θ̃ = −2 + 0.25·2 = −1.5, V = 0.75·1 + 0.25²·4/3 = 0.75 + 0.083333 = 0.833333.
    const fit = dersimonianLaird([-2, 0, 2].map((estimate) => ({ estimate, variance: 1 })))!;
    expect(fit.tau2).toBeCloseTo(3, 12);
    expect(fit.meanVariance).toBeCloseTo(4 / 3, 12);
    const shrunk = shrinkToward({ estimate: -2, variance: 1 }, fit);
    expect(shrunk.shrinkage).toBeCloseTo(0.25, 12);
    expect(shrunk.estimate).toBeCloseTo(-1.5, 12);
    expect(shrunk.variance).toBeCloseTo(0.75 + 1 / 12, 12);
  });

  it("puts every group on the common mean when τ² = 0", () => {
    const fit = dersimonianLaird([-0.1, 0, 0.1].map((estimate) => ({ estimate, variance: 1 })))!;
    expect(shrinkToward({ estimate: -0.1, variance: 1 }, fit)).toMatchObject({ shrinkage: 1 });
    expect(shrinkToward({ estimate: -0.1, variance: 1 }, fit).estimate).toBeCloseTo(0, 12);
  });
});
