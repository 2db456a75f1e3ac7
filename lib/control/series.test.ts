import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/dates/local-days";
import { c4 } from "@/lib/stats/control-charts";
import {
  alertOf,
  alertWindowStart,
  buildSeries,
  chartStartOf,
  isBaselineSubgroup,
  type TChartConfig,
  type TSubgroupSums,
} from "./series";

// Daily subgroups of N answers with a within-day standard deviation of 1: the pooled σ is then
// 1 / c4, and a day whose mean sits z·σ/√N from the center plots at z.
const N = 16;
const SIGMA = 1 / c4(30 * (N - 1) + 1);
const CENTER = 5;
/** A wobble that stays in control: no run, trend, zone pattern or hugging (it sums to 0 over 8 days). */
const STABLE = [1.3, 0.2, -0.4, -1.2, 0.3, -0.6, 1.1, -0.7];

function day(date: string, z: number, n = N): TSubgroupSums {
  const mean = CENTER + (z * SIGMA) / Math.sqrt(n);
  // Σx and Σx² of n answers with this mean and a sample variance of 1.
  return {
    date,
    experience: { n, sum: n * mean, sumSquares: n - 1 + n * mean * mean },
    csat: { n: 0, topTwoBox: 0 },
  };
}

const BASELINE_FROM = "2026-01-01";
const BASELINE_TO = "2026-01-30"; // 30 days
const TODAY = "2026-03-10";
const config: TChartConfig = {
  metric: "MEAN_EXPERIENCE",
  subgroup: "DAY",
  baselineFrom: BASELINE_FROM,
  baselineTo: BASELINE_TO,
};

/** Days from the baseline's first to `until`, each at the z `zOf(index)` gives. */
function days(until: string, zOf: (i: number, date: string) => number): TSubgroupSums[] {
  const out: TSubgroupSums[] = [];
  for (let i = 0, date = BASELINE_FROM; date <= until; i += 1, date = addDays(date, 1))
    out.push(day(date, zOf(i, date)));
  return out;
}
const stable = (i: number) => STABLE[i % STABLE.length]!;

describe("a control chart of mean experience (X-bar, limits from the baseline)", () => {
  it("sets the center and ±3σ/√n limits from the baseline and flags nothing on a stable series", () => {
    const series = buildSeries(config, days(TODAY, stable));
    expect(series).toMatchObject({ kind: "XBAR", status: "OK", baselineSubgroups: 30 });
    expect(series.points.filter((p) => p.isBaseline)).toHaveLength(30);
    const [first] = series.points;
    // 30 baseline days = three whole wobbles (summing to 0) and its first six days.
    const offset = STABLE.slice(0, 6).reduce((a, b) => a + b, 0) / 30;
    expect(first!.center).toBeCloseTo(CENTER + (offset * SIGMA) / Math.sqrt(N), 10);
    expect(first!.upper - first!.center).toBeCloseTo((3 * SIGMA) / Math.sqrt(N), 6);
    expect(series.points.flatMap((p) => p.signals)).toEqual([]);
    expect(alertOf(series, "DAY", TODAY)).toBeNull();
  });

  it("flags a relapse below the baseline and raises an alert at its latest point, naming the most severe rule", () => {
    const relapse = (i: number, date: string) => (date >= "2026-03-06" ? -3.6 : stable(i));
    const series = buildSeries(config, days(TODAY, relapse));
    const last = series.points.at(-1)!;
    expect(last.date).toBe(TODAY);
    expect(last.signals).toEqual(
      expect.arrayContaining([
        { rule: "BEYOND_3_SIGMA", direction: "DOWN" },
        { rule: "TWO_OF_THREE_BEYOND_2_SIGMA", direction: "DOWN" },
      ]),
    );
    const alert = alertOf(series, "DAY", TODAY)!;
    expect(alert.point.date).toBe(TODAY);
    expect(alert.rule).toBe("BEYOND_3_SIGMA");
    expect(alert.rules).toEqual([
      "BEYOND_3_SIGMA",
      "TWO_OF_THREE_BEYOND_2_SIGMA",
      "FOUR_OF_FIVE_BEYOND_1_SIGMA",
    ]);
    expect(alert.point.value).toBeLessThan(alert.point.lower);
  });

  it("flags a slow slide (nine days on the low side) that no single day shows", () => {
    const slide = (i: number, date: string) => (date >= "2026-03-02" ? -0.7 : stable(i));
    const alert = alertOf(buildSeries(config, days(TODAY, slide)), "DAY", TODAY)!;
    expect(alert.rule).toBe("RUN_ON_ONE_SIDE");
    expect(alert.point.date).toBe(TODAY);
  });

  it("shows an improvement above the baseline on the chart, but raises no alert", () => {
    const series = buildSeries(
      config,
      days(TODAY, (i, date) => (date >= "2026-03-06" ? 3.6 : stable(i))),
    );
    expect(series.points.at(-1)!.signals).toContainEqual({
      rule: "BEYOND_3_SIGMA",
      direction: "UP",
    });
    expect(alertOf(series, "DAY", TODAY)).toBeNull();
  });

  it("raises no alert for a relapse older than the window (28 days), nor for signals inside the baseline", () => {
    const old = buildSeries(
      config,
      days(TODAY, (i, date) => (date === "2026-02-10" || date === "2026-01-10" ? -4 : stable(i))),
    );
    expect(old.points.find((p) => p.date === "2026-02-10")!.signals).toContainEqual({
      rule: "BEYOND_3_SIGMA",
      direction: "DOWN",
    });
    expect(alertWindowStart("DAY", TODAY)).toBe("2026-02-11");
    expect(alertOf(old, "DAY", TODAY)).toBeNull();
    expect(alertOf(old, "DAY", "2026-03-09")).toMatchObject({ point: { date: "2026-02-10" } });
  });

  it("uses an individuals chart when every baseline day holds one answer, and drops days without answers", () => {
    const single = (date: string, x: number): TSubgroupSums => ({
      date,
      experience: { n: 1, sum: x, sumSquares: x * x },
      csat: { n: 0, topTwoBox: 0 },
    });
    const empty: TSubgroupSums = {
      date: "2026-01-04",
      experience: { n: 0, sum: 0, sumSquares: 0 },
      csat: { n: 0, topTwoBox: 0 },
    };
    const series = buildSeries({ ...config, baselineTo: "2026-01-05" }, [
      single("2026-01-01", 5),
      single("2026-01-02", 6),
      single("2026-01-03", 4),
      empty,
      single("2026-01-05", 5),
      single("2026-01-06", 1),
    ]);
    expect(series.kind).toBe("INDIVIDUALS");
    expect(series.points.map((p) => p.date)).toEqual([
      "2026-01-01",
      "2026-01-02",
      "2026-01-03",
      "2026-01-05",
      "2026-01-06",
    ]);
    // center 5; MR̄ = (1 + 2 + 1) / 3, σ = MR̄ / d2 = 1.1816; 1 is 3.39σ below.
    expect(series.points[0]!.center).toBe(5);
    expect(series.points.at(-1)!.signals).toContainEqual({
      rule: "BEYOND_3_SIGMA",
      direction: "DOWN",
    });
  });

  it("says why there are no limits: no answers in the baseline, or no variation in them", () => {
    expect(buildSeries(config, [day("2026-02-01", 0)])).toMatchObject({
      status: "NO_BASELINE_DATA",
      points: [],
    });
    const flat = (date: string): TSubgroupSums => ({
      date,
      experience: { n: 3, sum: 15, sumSquares: 75 },
      csat: { n: 0, topTwoBox: 0 },
    });
    expect(buildSeries(config, [flat("2026-01-01"), flat("2026-01-02")])).toMatchObject({
      status: "NO_VARIATION",
      points: [],
    });
  });
});

describe("the chart a baseline supports (issue #17, items 6 and 7; worked cases in lib/stats/chart-choice.test.ts)", () => {
  const single = (date: string, x: number): TSubgroupSums => ({
    date,
    experience: { n: 1, sum: x, sumSquares: x * x },
    csat: { n: 0, topTwoBox: 0 },
  });
  /** Daily means from 2026-01-01 on; the first day holds two answers (5 and 6), the others one. */
  function thinDays(means: readonly number[]): TSubgroupSums[] {
    return means.map((x, i) =>
      i === 0
        ? { ...single("2026-01-01", 0), experience: { n: 2, sum: 11, sumSquares: 61 } }
        : single(addDays("2026-01-01", i), x),
    );
  }

  it("draws the daily means on an individuals chart when the baseline's days hold too few answers, and no alarm where an X-bar from ν = 1 raised one", () => {
    // Twenty baseline days, ν = 1 (only the first holds two answers), then a day at 2. The
    // X-bar limits would rest on that one df (σ̂ = √π/2) and put the day 3.28σ below; the
    // individuals chart of the means (center 4.875, σ̂ = MR̄/1.128 = 1.376) puts it at −2.09σ.
    const means = [5.5, 4, 6, 5, 3, 6, 5, 4, 6, 5, 4, 6, 5, 3, 6, 5, 4, 6, 5, 4, 2];
    const series = buildSeries({ ...config, baselineTo: "2026-01-20" }, thinDays(means));
    expect(series).toMatchObject({
      kind: "INDIVIDUALS",
      reason: "TOO_FEW_WITHIN_DF",
      withinDf: 1,
      status: "OK",
      baselineSubgroups: 20,
      isProvisional: false,
    });
    expect(series.points.at(-1)!.z).toBeCloseTo(-2.0894, 4);
    expect(alertOf(series, "DAY", "2026-01-21")).toBeNull();
    // Each point still says how many answers its day held (2 on the first day, 1 on the others).
    expect(series.points.slice(0, 3).map((p) => p.n)).toEqual([2, 1, 1]);
  });

  it("calls limits from fewer than 20 baseline subgroups provisional", () => {
    const stableDays = days(TODAY, stable);
    expect(buildSeries({ ...config, baselineTo: "2026-01-19" }, stableDays)).toMatchObject({
      baselineSubgroups: 19,
      isProvisional: true,
    });
    expect(buildSeries({ ...config, baselineTo: "2026-01-20" }, stableDays)).toMatchObject({
      baselineSubgroups: 20,
      isProvisional: false,
    });
  });

  it("waits for a second baseline day when one day holds too few answers to set limits", () => {
    const series = buildSeries({ ...config, baselineTo: "2026-01-01" }, [day("2026-01-01", 0, 10)]);
    expect(series).toMatchObject({ kind: "INDIVIDUALS", status: "TOO_FEW_SUBGROUPS", points: [] });
  });

  it("widens a CSAT chart to Laney's p′ when its days vary more than sampling explains, and raises no alarm for a day within that swing", () => {
    // Five baseline days of 400 answers (300, 320, 280, 310, 290 top-two-box): χ² = 13.3 on 4 df,
    // p = 0.0098, σ_z = 2.81. A day with 268 of 400 is −3.70σ on the p-chart, −1.31σ on the p′.
    const csatDay = (date: string, top: number): TSubgroupSums => ({
      date,
      experience: { n: 0, sum: 0, sumSquares: 0 },
      csat: { n: 400, topTwoBox: top },
    });
    const subgroups = [300, 320, 280, 310, 290, 268].map((top, i) =>
      csatDay(addDays("2026-01-01", i), top),
    );
    const series = buildSeries(
      { metric: "CSAT", subgroup: "DAY", baselineFrom: "2026-01-01", baselineTo: "2026-01-05" },
      subgroups,
    );
    expect(series).toMatchObject({
      kind: "P_PRIME",
      reason: "OVERDISPERSED",
      status: "OK",
      isProvisional: true,
    });
    expect(series.dispersion!.sigmaZ).toBeCloseTo(2.75 * Math.sqrt(Math.PI / 3), 10);
    const last = series.points.at(-1)!;
    expect(last.value).toBeCloseTo(67, 10);
    expect(last.lower).toBeCloseTo(56.72, 2);
    expect(last.signals).toEqual([]);
    expect(alertOf(series, "DAY", "2026-01-06")).toBeNull();
  });
});

describe("a p-chart of the CSAT share", () => {
  it("plots CSAT in % against p̄ ± 3√(p̄(1−p̄)/n) and flags a drop", () => {
    const csatDay = (date: string, n: number, top: number): TSubgroupSums => ({
      date,
      experience: { n: 0, sum: 0, sumSquares: 0 },
      csat: { n, topTwoBox: top },
    });
    const subgroups = [
      csatDay("2026-01-01", 100, 80),
      csatDay("2026-01-02", 100, 70),
      csatDay("2026-01-03", 0, 0),
      csatDay("2026-02-01", 100, 50),
    ];
    const series = buildSeries(
      { metric: "CSAT", subgroup: "DAY", baselineFrom: "2026-01-01", baselineTo: "2026-01-31" },
      subgroups,
    );
    expect(series.kind).toBe("P");
    expect(series.points).toHaveLength(3);
    const last = series.points.at(-1)!;
    // p̄ = 150 / 200 = 0.75, σ = √(0.75 · 0.25 / 100) = 0.0433: 50 % is 5.77σ below.
    expect(last.center).toBeCloseTo(75, 10);
    expect(last.lower).toBeCloseTo(75 - 300 * Math.sqrt(0.1875 / 100), 10);
    expect(last.value).toBe(50);
    expect(last.z).toBeCloseTo(-0.25 / Math.sqrt(0.1875 / 100), 10);
    expect(alertOf(series, "DAY", "2026-02-03")).toMatchObject({
      rule: "BEYOND_3_SIGMA",
      point: { date: "2026-02-01" },
    });
  });
});

describe("a weekly chart", () => {
  // A week holds more answers than a day: 40, so that its three baseline weeks give the X-bar
  // chart ν = 117 within-week degrees of freedom (at least 50 are needed, chart-choice.ts).
  const WEEK_N = 40;
  const week = (date: string, z: number) => day(date, z, WEEK_N);
  const weekly = (baselineFrom: string, baselineTo: string): TChartConfig => ({
    metric: "MEAN_EXPERIENCE",
    subgroup: "WEEK",
    baselineFrom,
    baselineTo,
  });

  it("counts only the whole weeks (Monday to Sunday) inside the baseline and looks back eight weeks for alerts", () => {
    const subgroups = [
      "2025-12-29",
      "2026-01-05",
      "2026-01-12",
      "2026-01-19",
      "2026-01-26",
      "2026-02-02",
    ].map((d, i) => week(d, [0.5, -0.5, 0.8, -0.8, 0.1, -4][i]!));
    // Thursday 1 January to Saturday 31 January: the week of 29 December starts before the baseline
    // and the week of 26 January ends after it, so neither sets the limits.
    const config = weekly("2026-01-01", "2026-01-31");
    expect(chartStartOf(config)).toBe("2026-01-05");
    const series = buildSeries(config, subgroups);
    expect(series.points.map((p) => p.date)).toEqual([
      "2026-01-05",
      "2026-01-12",
      "2026-01-19",
      "2026-01-26",
      "2026-02-02",
    ]);
    expect(series.points.filter((p) => p.isBaseline).map((p) => p.date)).toEqual([
      "2026-01-05",
      "2026-01-12",
      "2026-01-19",
    ]);
    expect(series.baselineSubgroups).toBe(3);
    // The limits come from those three weeks alone: their grand mean is the center.
    const mean = (z: number) => CENTER + (z * SIGMA) / Math.sqrt(WEEK_N);
    expect(series.points[0]!.center).toBeCloseTo((mean(-0.5) + mean(0.8) + mean(-0.8)) / 3, 10);
    expect(alertWindowStart("WEEK", "2026-03-25")).toBe("2026-02-02");
    expect(alertOf(series, "WEEK", "2026-03-25")).toMatchObject({
      rule: "BEYOND_3_SIGMA",
      point: { date: "2026-02-02" },
    });
    expect(alertOf(series, "WEEK", "2026-04-01")).toBeNull();
  });

  it("keeps a baseline of whole weeks whole, and a daily chart's days as they are", () => {
    expect(chartStartOf(weekly("2026-01-05", "2026-02-01"))).toBe("2026-01-05");
    expect(
      ["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02"].map((d) =>
        isBaselineSubgroup(d, weekly("2026-01-05", "2026-02-01")),
      ),
    ).toEqual([true, true, true, true, false]);
    expect(chartStartOf(config)).toBe(BASELINE_FROM);
    expect(
      [BASELINE_FROM, BASELINE_TO, "2026-01-31"].map((d) => isBaselineSubgroup(d, config)),
    ).toEqual([true, true, false]);
  });
});
