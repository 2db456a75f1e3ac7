import { describe, expect, it } from "vitest";
import {
  answersPerDay,
  BASELINE_DAYS,
  baselineFigure,
  baselineWindow,
  daysToReach,
  DEFAULT_PLANNING_ICC,
  hasTooFewSites,
  isRetrospective,
  planPilot,
  planSitesOf,
} from "./planning";
import { momentsOf } from "@/lib/stats/summary";
import { EMPTY_SUMS } from "./outcome";
import type { TGroupSums } from "./schemas";

/** 101 answers with mean 0 and sd exactly 1 (Σx² = 100 = (n − 1)·1). */
const UNIT_SD: TGroupSums = {
  ...EMPTY_SUMS,
  observations: 101,
  experience: { n: 101, sum: 0, sumSquares: 100 },
};
const HALF_SATISFIED: TGroupSums = {
  ...EMPTY_SUMS,
  observations: 200,
  csat: { n: 200, topTwoBox: 100 },
};

describe("the power analysis before a pilot", () => {
  it("needs 64 per group for half a standard deviation (Cohen 1988, d = 0.5, α = .05, power .80)", () => {
    expect(planPilot("MEAN_EXPERIENCE", UNIT_SD, 0.5)).toEqual({ perGroup: 64, clustering: null });
    expect(baselineFigure("MEAN_EXPERIENCE", UNIT_SD)).toEqual({
      metric: "MEAN_EXPERIENCE",
      n: 101,
      mean: 0,
      sd: 1,
    });
  });

  it("reads the CSAT target in percentage points: 50 % → 60 % needs 388 per group (Fleiss, no continuity correction)", () => {
    expect(planPilot("CSAT", HALF_SATISFIED, 10)).toEqual({ perGroup: 388, clustering: null });
    // A target above 100 % cannot be reached, so it cannot be detected either.
    expect(planPilot("CSAT", { ...EMPTY_SUMS, csat: { n: 100, topTwoBox: 95 } }, 10)).toEqual({
      problem: "EFFECT_OUT_OF_RANGE",
    });
  });

  it("plans an NPS pilot from the baseline mix, and refuses a target beyond +100", () => {
    const mix: TGroupSums = { ...EMPTY_SUMS, nps: { promoters: 30, passives: 40, detractors: 30 } };
    const plan = planPilot("NPS", mix, 10);
    expect("perGroup" in plan && plan.perGroup).toBeGreaterThan(100);
    expect(
      planPilot("NPS", { ...EMPTY_SUMS, nps: { promoters: 95, passives: 5, detractors: 0 } }, 10),
    ).toEqual({ problem: "EFFECT_OUT_OF_RANGE" });
  });

  it("says so when the touchpoint has no baseline to plan from", () => {
    expect(planPilot("MEAN_EXPERIENCE", EMPTY_SUMS, 0.5)).toEqual({ problem: "NO_BASELINE" });
    expect(
      planPilot(
        "MEAN_EXPERIENCE",
        { ...EMPTY_SUMS, experience: { n: 5, sum: 25, sumSquares: 125 } },
        0.5,
      ),
    ).toEqual({ problem: "NO_BASELINE" });
    expect(planPilot("CSAT", EMPTY_SUMS, 5)).toEqual({ problem: "NO_BASELINE" });
    expect(planPilot("MEAN_EXPERIENCE", UNIT_SD, 0)).toEqual({ problem: "EFFECT_OUT_OF_RANGE" });
  });

  it("estimates the days the slower group needs at its sites' recent pace", () => {
    const bySite = [
      { siteId: "a", sums: { ...EMPTY_SUMS, experience: { n: 180, sum: 0, sumSquares: 0 } } },
      { siteId: "b", sums: { ...EMPTY_SUMS, experience: { n: 360, sum: 0, sumSquares: 0 } } },
    ];
    expect(answersPerDay("MEAN_EXPERIENCE", bySite, ["a"], 90)).toBe(2);
    expect(answersPerDay("MEAN_EXPERIENCE", bySite, ["a", "b"], 90)).toBe(6);
    expect(daysToReach(64, [2, 4])).toBe(32);
    expect(daysToReach(64, [0, 4])).toBeNull();
  });

  it("plans from the 90 days before the pilot's first day, never from the pilot's own days", () => {
    // A pilot over past days: its baseline ends the day before it starts, whatever today is.
    expect(baselineWindow("2026-03-01", "2026-04-15")).toEqual({
      from: "2025-12-01",
      to: "2026-02-28",
    });
    // Starting tomorrow: the 90 days up to today, today included.
    expect(baselineWindow("2026-04-16", "2026-04-15")).toEqual({
      from: "2026-01-16",
      to: "2026-04-15",
    });
    // Starting later: still the 90 days up to today (the days in between hold no answers yet).
    expect(baselineWindow("2026-06-01", "2026-04-15")).toEqual(
      baselineWindow("2026-04-16", "2026-04-15"),
    );
    expect(BASELINE_DAYS).toBe(90);
  });

  it("calls a pilot planned after its first day retrospective", () => {
    expect(isRetrospective("2026-03-01", "2026-03-02")).toBe(true);
    expect(isRetrospective("2026-03-01", "2026-03-01")).toBe(false);
    expect(isRetrospective("2026-03-02", "2026-03-01")).toBe(false);
  });
});

describe("the power analysis over sites (issue 17: sites are clusters)", () => {
  const site = (values: number[]): TGroupSums => ({
    ...EMPTY_SUMS,
    observations: values.length,
    experience: momentsOf(values),
  });
  const repeat = (values: number[], times: number) =>
    Array.from({ length: times }, () => values).flat();

  it("plans for the test on the sites' df when the sites are alike (ICC 0)", () => {
    // Three alike sites a group: ICC 0, the test on 6 − 2 = 4 df. With sd 1 and effect 0.5,
    // n = 2(t(.975; 4) + t(.80; 4))²/0.25 = 2·3.717410²·4 = 110.6 → 111, not Cohen's 64.
    const alike = Array.from({ length: 3 }, () => site(repeat([4, 5, 6], 10)));
    const plan = planPilot("MEAN_EXPERIENCE", UNIT_SD, 0.5, {
      pilot: alike,
      control: alike,
      all: [...alike, ...alike],
    });
    expect(plan).toEqual({
      perGroup: 111,
      clustering: {
        icc: 0,
        iccEstimated: true,
        sitesPerGroup: 3,
        designEffect: 1,
        effectivePerGroup: 111,
      },
    });
  });

  it("inflates the plan by the design effect of the baseline ICC, and says when no number of answers is enough", () => {
    // Baseline of the four chosen sites: means 4.5, 5.5, 4.5, 5.5, 30 answers each (m − 1, m, m + 1).
    // SSB = 30·4·0.25 = 30 on 3 df → MSB = 10; SSW = 4·20 = 80 on 116 df → MSW = 0.689655;
    // m₀ = 30; ρ = (10 − 0.689655)/(10 + 29·0.689655) = 9.310345/30 = 0.310345.
    // Two sites a group: the test has 2 df, nᵢ = 231, and k = 2 ≤ 231·0.31 (Hemming et al. 2011):
    // no number of answers at two sites reaches the power. With many sites nᵢ tends to 64, so
    // about 64·0.31 ≈ 20 sites a group are the least that could.
    const apart = [site(repeat([3.5, 4.5, 5.5], 10)), site(repeat([4.5, 5.5, 6.5], 10))];
    const plan = planPilot("MEAN_EXPERIENCE", UNIT_SD, 0.5, {
      pilot: apart,
      control: apart,
      all: [...apart, ...apart],
    });
    expect(plan).toMatchObject({ problem: "TOO_FEW_SITES" });
    // The minimum it names is feasible and one fewer is not.
    const min = (plan as { minSitesPerGroup: number }).minSitesPerGroup;
    expect(min).toBeGreaterThan(20);
    const many = (k: number) => Array.from({ length: k }, (_, i) => apart[i % 2]!);
    expect(
      planPilot("MEAN_EXPERIENCE", UNIT_SD, 0.5, {
        pilot: many(min),
        control: many(min),
        all: [...apart, ...apart],
      }),
    ).toHaveProperty("perGroup");
  });

  it("plans as for independent answers with one site a group (an exploratory pilot)", () => {
    const one = [site(repeat([4, 5, 6], 10))];
    expect(
      planPilot("MEAN_EXPERIENCE", UNIT_SD, 0.5, { pilot: one, control: one, all: one }),
    ).toEqual({
      perGroup: 64,
      clustering: null,
    });
  });

  it("reads the ICC from every site with baseline answers, not only the chosen ones (review finding 1)", () => {
    // Four chosen stores alike (mean 4.5), two other stores at 5.5, 30 answers each (m − 1, m, m + 1).
    // Over all six (hand-worked, one-way ANOVA): grand mean 29/6;
    // SSB = 30·(4·(1/3)² + 2·(2/3)²) = 40 on 5 df → MSB = 8; SSW = 6·20 = 120 on 174 df → MSW =
    // 0.689655; m₀ = 30; ρ = (8 − 0.689655)/(8 + 29·0.689655) = 7.310345/28 = 0.261084.
    // Two sites a group: nᵢ = 231 on the test's 2 df, and k = 2 ≤ 231·0.261: no number of answers
    // is enough. The chosen four alone give ρ = 0 and a plan that looks feasible (what the app did).
    const low = site(repeat([3.5, 4.5, 5.5], 10));
    const high = site(repeat([4.5, 5.5, 6.5], 10));
    const chosen = { pilot: [low, low], control: [low, low] };
    const plan = planPilot("MEAN_EXPERIENCE", UNIT_SD, 0.5, {
      ...chosen,
      all: [low, low, low, low, high, high],
    });
    expect(plan).toMatchObject({ problem: "TOO_FEW_SITES" });
    expect(
      planPilot("MEAN_EXPERIENCE", UNIT_SD, 0.5, { ...chosen, all: [low, low, low, low] }),
    ).toHaveProperty("perGroup");
  });

  it("assumes a stated ICC, not 0, when the baseline cannot estimate one (Adams et al. 2004)", () => {
    // No site has baseline answers: ρ = 0.032, the upper quartile of Adams et al. (2004).
    // Three sites a group, sd 1, effect 1: nᵢ on 4 df = 2(t(.975; 4) + t(.80; 4))² = 27.64 → 28;
    // m = 28·(1 − 0.032)/(3 − 28·0.032) = 27.104/2.104 = 12.882 a site → 3·12.882 = 38.65 → 39;
    // DEFF = 1 + (12.882 − 1)·0.032 = 1.380228. With ρ = 0 (what the app did) the plan was 28.
    const empty = [EMPTY_SUMS, EMPTY_SUMS, EMPTY_SUMS];
    const plan = planPilot("MEAN_EXPERIENCE", UNIT_SD, 1, {
      pilot: empty,
      control: empty,
      all: [],
    });
    expect(DEFAULT_PLANNING_ICC).toBe(0.032);
    expect(plan).toMatchObject({
      perGroup: 39,
      clustering: { icc: 0.032, iccEstimated: false, sitesPerGroup: 3 },
    });
    expect((plan as { clustering: { designEffect: number } }).clustering.designEffect).toBeCloseTo(
      1.380228,
      5,
    );
  });

  it("reads the chosen sites from the baseline in one place, for the form and the server", () => {
    const a = site([4, 5, 6]);
    const baseline = { bySite: [{ siteId: "a", sums: a }] };
    expect(planSitesOf(baseline, "CONTROL_SITES", ["a"], ["b"])).toEqual({
      pilot: [a],
      control: [EMPTY_SUMS],
      all: [a],
    });
    expect(planSitesOf(baseline, "BEFORE_AFTER", ["a"], [])).toBeUndefined();
    expect(hasTooFewSites(1, 3)).toBe(true);
    expect(hasTooFewSites(2, 2)).toBe(false);
  });
});
