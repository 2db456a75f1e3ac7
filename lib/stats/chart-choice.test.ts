import { describe, expect, it } from "vitest";
import {
  chooseMeanChart,
  chooseShareChart,
  laneySigmaZ,
  OVERDISPERSION_ALPHA,
} from "./chart-choice";
import { MIN_WITHIN_DF } from "./chart-thresholds";
import { c4, detectSignals, pChart, xBarChart } from "./control-charts";
import { chiSquareUpperTail, fUpperTail } from "./chi-square-f";
import type { TMoments } from "./summary";

/** n answers with this mean and a sample variance of 1: Σx and Σx² as PostgreSQL returns them. */
const subgroup = (n: number, mean: number): TMoments => ({
  n,
  sum: n * mean,
  sumSquares: n - 1 + n * mean * mean,
});
const single = (x: number): TMoments => ({ n: 1, sum: x, sumSquares: x * x });
/** d2 for moving ranges of two, 2/√π (tables: 1.128). */
const D2 = 2 / Math.sqrt(Math.PI);

describe("the tails of the χ² and F distributions", () => {
  it("give 5 % at the tabled 95 % critical values (NIST/SEMATECH e-Handbook §1.3.6.7.3–4)", () => {
    // χ²(0.95; 4) = 9.488; F(0.95; 4, 20) = 2.866; F(0.95; 1, 10) = 4.965.
    expect(chiSquareUpperTail(9.487729, 4)).toBeCloseTo(0.05, 6);
    expect(fUpperTail(2.866081, 4, 20)).toBeCloseTo(0.05, 6);
    expect(fUpperTail(4.964603, 1, 10)).toBeCloseTo(0.05, 6);
    expect(chiSquareUpperTail(0, 3)).toBe(1);
  });
});

describe("Laney's σ_z", () => {
  it("is the moving-range σ of the z-scores: MR̄ / 1.128", () => {
    // Moving ranges 2, 4, 3, 2: MR̄ = 2.75, σ_z = 2.75 / (2/√π) = 2.4373.
    expect(laneySigmaZ([0, 2, -2, 1, -1])).toBeCloseTo(2.75 / D2, 12);
    expect(laneySigmaZ([1])).toBeNull();
  });
});

describe("the chart of daily means: enough data within the days (issue #17, item 6)", () => {
  // Hand-worked. Twenty baseline days; the first holds two answers (5 and 6), every other day
  // one. The spread within days then rests on ν = 1 degree of freedom: s² = 0.5, and
  // σ̂ = √0.5 / c4(2) = √0.5 · √(π/2) = √π / 2 = 0.8862. A day at 2 would sit
  // (2 − 103/21) / 0.8862 = −3.28σ below the X-bar center (103 points over 21 answers), a
  // "beyond 3σ" alarm — yet the baseline's own days already ran from 3 to 6.
  // The individuals chart of the twenty daily means instead: Σ = 97.5, center 4.875; the 19
  // moving ranges sum to 1.5+2+1+2+3+1+1+2+1+1+2+1+2+3+1+1+2+1+1 = 29.5, MR̄ = 1.5526,
  // σ̂ = MR̄ / 1.128 = 1.3760; a day at 2 is (2 − 4.875) / 1.3760 = −2.09σ: no alarm.
  const MEANS = [5.5, 4, 6, 5, 3, 6, 5, 4, 6, 5, 4, 6, 5, 3, 6, 5, 4, 6, 5, 4];
  const baseline = [{ n: 2, sum: 11, sumSquares: 61 }, ...MEANS.slice(1).map((x) => single(x))];

  it("falls back to an individuals chart of the daily means when ν is below the threshold", () => {
    const { method, points } = chooseMeanChart(baseline, [single(2)]);
    expect(method).toEqual({
      kind: "INDIVIDUALS",
      reason: "TOO_FEW_WITHIN_DF",
      withinDf: 1,
      dispersion: null,
    });
    const [point] = points!;
    expect(point!.center).toBeCloseTo(4.875, 12);
    expect(point!.sigma).toBeCloseTo(29.5 / 19 / D2, 12);
    expect(point!.z).toBeCloseTo(-2.0894, 4);
    expect(detectSignals(points!)).toEqual([]);
    // What the X-bar chart from ν = 1 would have said.
    const xBar = xBarChart(baseline, [single(2)])!;
    expect(xBar[0]!.sigma).toBeCloseTo(Math.sqrt(Math.PI) / 2, 12);
    expect(xBar[0]!.z).toBeCloseTo(-3.2777, 4);
  });

  it("draws the X-bar chart from ν = 50 within-day degrees of freedom, not from 49", () => {
    // 25 days of 3 answers give ν = 50; one day with 2 instead gives 49.
    const days = Array.from({ length: 25 }, (_, i) => subgroup(3, 5 + (i % 2 ? 0.1 : -0.1)));
    expect(MIN_WITHIN_DF).toBe(50);
    expect(chooseMeanChart(days, days).method).toMatchObject({ kind: "XBAR", withinDf: 50 });
    const fewer = [subgroup(2, 4.9), ...days.slice(1)];
    expect(chooseMeanChart(fewer, fewer).method).toMatchObject({
      kind: "INDIVIDUALS",
      withinDf: 49,
    });
  });
});

describe("overdispersion: Laney's p′ chart (issue #17, item 7)", () => {
  // Hand-worked, after Laney (2002). Five baseline days of 400 answers with 300, 320, 280, 310
  // and 290 in the top two boxes: p̄ = 1500 / 2000 = 0.75, and for n = 400
  // σ_p = √(0.75 · 0.25 / 400) = √3 / 80 = 0.021651.
  // z = (pᵢ − p̄) / σ_p: the shares 0.75, 0.80, 0.70, 0.775, 0.725 are 0, ±0.05 and ±0.025 off,
  // and 0.05 / σ_p = 4/√3, so z = (0, 2, −2, 1, −1) · 2/√3.
  // Pearson's χ² = Σz² = (0 + 4 + 4 + 1 + 1) · 4/3 = 40/3 = 13.33 on 4 df; with 4 df the tail is
  // e^(−x/2)(1 + x/2), so p = e^(−20/3) · 23/3 = 0.009757 < 0.05.
  // Moving ranges (2, 4, 3, 2) · 2/√3, MR̄ = 2.75 · 2/√3; σ_z = MR̄ / (2/√π) = 2.75 · √(π/3) = 2.814.
  // p′ limits: 0.75 ± 3 · σ_p · σ_z = 0.75 ± 0.18278 → [0.5672, 0.9328], where the p-chart's are
  // 0.75 ± 0.06495 → [0.6850, 0.8150]. A later day with 268 of 400 (0.67) is z = −3.70 on the
  // p-chart — an alarm — but −3.70 / 2.814 = −1.31 on the p′ chart: the baseline's own days
  // swing that far.
  const counts = (...successes: number[]) => successes.map((s) => ({ n: 400, successes: s }));
  const baseline = counts(300, 320, 280, 310, 290);
  const sigmaP = Math.sqrt(3) / 80;
  const sigmaZ = 2.75 * Math.sqrt(Math.PI / 3);

  it("widens the limits by σ_z when the days vary more than sampling explains", () => {
    const { method, points } = chooseShareChart(baseline, counts(268));
    expect(method.kind).toBe("P_PRIME");
    expect(method.reason).toBe("OVERDISPERSED");
    expect(method.dispersion).toMatchObject({ test: "CHI_SQUARE", df1: 4, df2: null });
    expect(method.dispersion!.sigmaZ).toBeCloseTo(sigmaZ, 12);
    expect(method.dispersion!.statistic).toBeCloseTo(40 / 3, 10);
    expect(method.dispersion!.pValue).toBeCloseTo((Math.exp(-20 / 3) * 23) / 3, 12);
    const [point] = points!;
    expect(point!.center).toBeCloseTo(0.75, 12);
    expect(point!.upper).toBeCloseTo(0.75 + 3 * sigmaP * sigmaZ, 12);
    expect(point!.lower).toBeCloseTo(0.5672, 4);
    expect(point!.z).toBeCloseTo(-0.08 / sigmaP / sigmaZ, 10);
    expect(detectSignals(points!)).toEqual([]);
    // The plain p-chart flags the same day.
    expect(pChart(baseline, counts(268))![0]!.z).toBeCloseTo(-3.695, 3);
  });

  it("keeps the p-chart when the days vary as sampling alone makes them", () => {
    // 300, 305, 295, 302, 298 of 400: z = (0, 1, −1, 0.4, −0.4) / √3 (0.0125 / σ_p = 1/√3),
    // Σz² = 2.32 / 3 = 0.773 on 4 df: p = 0.94.
    const { method } = chooseShareChart(counts(300, 305, 295, 302, 298), counts(300));
    expect(method.kind).toBe("P");
    expect(method.reason).toBe("WITHIN_SPREAD_EXPLAINS");
    expect(method.dispersion!.statistic).toBeCloseTo(2.32 / 3, 10);
    expect(method.dispersion!.pValue).toBeGreaterThan(OVERDISPERSION_ALPHA);
  });

  it("keeps the p-chart, and says so, when the days differ by a shift inside the baseline rather than by noise", () => {
    // 280, 280, 280, 320, 320, 320: χ² = 6 · 16/3 = 32 on 5 df (p ≈ 6·10⁻⁶), but the only
    // moving range that is not 0 is the step: MR̄ = (8/√3)/5, σ_z = 0.82 ≤ 1.
    const { method } = chooseShareChart(counts(280, 280, 280, 320, 320, 320), counts(300));
    expect(method).toMatchObject({ kind: "P", reason: "BASELINE_SHIFT" });
    expect(method.dispersion!.statistic).toBeCloseTo(32, 10);
    expect(method.dispersion!.sigmaZ).toBeCloseTo(8 / Math.sqrt(3) / 5 / D2, 12);
  });

  it("does not test a baseline of one day", () => {
    expect(chooseShareChart(counts(300), counts(300)).method).toEqual({
      kind: "P",
      reason: "ONE_SUBGROUP",
      withinDf: null,
      dispersion: null,
    });
  });
});

describe("overdispersion of means: the X-bar′ chart (issue #17, item 7)", () => {
  // Hand-worked, Laney's construction on the z of the means. Five baseline days of 100 answers,
  // each with a within-day variance of 1, with means 5.0, 5.3, 4.7, 5.15, 4.85: grand mean 5.
  // ν = 5 · 99 = 495, σ̂ = 1 / c4(496). z = (x̄ᵢ − 5) / (σ̂/10) = c4 · (0, 3, −3, 1.5, −1.5).
  // F = [100 · (0 + 0.09 + 0.09 + 0.0225 + 0.0225) / 4] / 1 = 5.625 on (4, 495) df: p ≈ 0.0002.
  // Moving ranges c4 · (3, 6, 4.5, 3), MR̄ = 4.125 · c4; σ_z = 4.125 · c4 · √π / 2 = 3.654 · c4.
  // X-bar′ limits: 5 ± 3 · σ̂/10 · σ_z = 5 ± 0.3 · 4.125 · √π / 2 = 5 ± 1.0967 (c4 cancels:
  // Laney's limits rest on the day-to-day moving ranges, not on the within-day σ). The X-bar
  // limits were 5 ± 0.3 / c4 = 5 ± 0.3002, and a day at 4.5 was 5.0σ below them.
  const baseline = [5, 5.3, 4.7, 5.15, 4.85].map((mean) => subgroup(100, mean));
  const c = c4(496);

  it("widens the limits by σ_z when the daily means vary more than the spread within days explains", () => {
    const { method, points } = chooseMeanChart(baseline, [subgroup(100, 4.5)]);
    expect(method).toMatchObject({ kind: "XBAR_PRIME", reason: "OVERDISPERSED", withinDf: 495 });
    expect(method.dispersion).toMatchObject({ test: "F", df1: 4, df2: 495 });
    expect(method.dispersion!.statistic).toBeCloseTo(5.625, 10);
    expect(method.dispersion!.pValue).toBeCloseTo(fUpperTail(5.625, 4, 495), 12);
    expect(method.dispersion!.pValue).toBeLessThan(0.001);
    expect(method.dispersion!.sigmaZ).toBeCloseTo((4.125 * c * Math.sqrt(Math.PI)) / 2, 10);
    const [point] = points!;
    expect(point!.upper).toBeCloseTo(5 + (0.3 * 4.125 * Math.sqrt(Math.PI)) / 2, 10);
    expect(point!.lower).toBeCloseTo(3.9033, 4);
    expect(detectSignals(points!)).toEqual([]);
    expect(xBarChart(baseline, [subgroup(100, 4.5)])![0]!.z).toBeCloseTo(-5 * c, 10);
  });

  it("keeps the X-bar chart when the daily means vary as the spread within days predicts", () => {
    // Means 5 ± 0.05 with n = 100 and s = 1: F = 100 · 4 · 0.0025 / 4 = 0.25, p ≈ 0.91.
    const calm = [5, 5.05, 4.95, 5.05, 4.95].map((mean) => subgroup(100, mean));
    const { method } = chooseMeanChart(calm, calm);
    expect(method).toMatchObject({ kind: "XBAR", reason: "WITHIN_SPREAD_EXPLAINS" });
    expect(method.dispersion!.statistic).toBeCloseTo(0.25, 10);
  });
});
