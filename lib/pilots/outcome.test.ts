import { describe, expect, it } from "vitest";
import { momentsOf } from "@/lib/stats/summary";
import { EMPTY_SUMS, groupFigure, pilotOutcome, pilotStage, sumGroups } from "./outcome";
import { shownPValue } from "./shown-p-value";
import type { TGroupSums } from "./schemas";

const repeat = (values: number[], times: number) =>
  Array.from({ length: times }, () => values).flat();
const scores = (values: number[]): TGroupSums => ({
  ...EMPTY_SUMS,
  observations: values.length,
  experience: momentsOf(values),
});

describe("a pilot's outcome", () => {
  it("compares mean experience by Welch's t: 5.5 against 4.5 with 30 answers each", () => {
    // Each group: half 6s and 5s (or 5s and 4s) → sd² = 7.5/29; SE = √(2·(7.5/29)/30) = 0.13131; t = 7.616 on 58 df.
    const outcome = pilotOutcome({
      metric: "MEAN_EXPERIENCE",
      pilot: scores(repeat([6, 5], 15)),
      control: scores(repeat([5, 4], 15)),
      plannedPerGroup: 26,
    });
    expect(outcome.test).toBe("WELCH_T");
    expect(outcome.pilot).toMatchObject({ n: 30, value: 5.5 });
    expect(outcome.control).toMatchObject({ n: 30, value: 4.5 });
    expect(outcome.difference!.value).toBeCloseTo(1, 10);
    expect(outcome.difference!.statistic).toBeCloseTo(7.6158, 3);
    expect(outcome.difference!.df).toBeCloseTo(58, 6);
    // 1 ± t(.975; 58) · SE = 1 ± 2.00172 · 0.13131
    expect(outcome.difference!.interval.low).toBeCloseTo(0.7372, 3);
    expect(outcome.difference!.interval.high).toBeCloseTo(1.2628, 3);
    expect(outcome.difference!.pValue).toBeLessThan(1e-9);
    expect(outcome).toMatchObject({ verdict: "IMPROVED", reason: "SIGNIFICANT", alpha: 0.05 });
  });

  it("refuses a verdict below the planned sample, however large the difference", () => {
    const outcome = pilotOutcome({
      metric: "MEAN_EXPERIENCE",
      pilot: scores(repeat([6, 5], 15)),
      control: scores(repeat([5, 4], 15)),
      plannedPerGroup: 64,
    });
    expect(outcome).toMatchObject({ verdict: "NOT_ENOUGH_DATA", reason: "BELOW_PLANNED_SAMPLE" });
    expect(outcome.difference).not.toBeNull();
    const tiny = pilotOutcome({
      metric: "MEAN_EXPERIENCE",
      pilot: scores([7, 6, 7]),
      control: scores([2, 3]),
      plannedPerGroup: null,
    });
    expect(tiny).toMatchObject({ verdict: "NOT_ENOUGH_DATA", reason: "TOO_FEW_OBSERVATIONS" });
  });

  it("reports CSAT in percentage points: 80 % against 50 % of 100 answers each", () => {
    const pilot: TGroupSums = { ...EMPTY_SUMS, csat: { n: 100, topTwoBox: 80 } };
    const control: TGroupSums = { ...EMPTY_SUMS, csat: { n: 100, topTwoBox: 50 } };
    const outcome = pilotOutcome({ metric: "CSAT", pilot, control, plannedPerGroup: 50 });
    expect(outcome.test).toBe("TWO_PROPORTION_Z");
    expect(outcome.pilot.value).toBeCloseTo(80, 10);
    expect(outcome.control.value).toBeCloseTo(50, 10);
    expect(outcome.difference!.value).toBeCloseTo(30, 10);
    // Pooled z = 0.3 / √(0.65 · 0.35 · 2/100) = 4.447
    expect(outcome.difference!.statistic).toBeCloseTo(4.4475, 3);
    expect(outcome.difference!.interval.low).toBeGreaterThan(15);
    expect(outcome.difference!.interval.high).toBeLessThan(45);
    expect(outcome.verdict).toBe("IMPROVED");
  });

  it("judges NPS on the per-answer score and calls a worse pilot worse", () => {
    const pilot: TGroupSums = {
      ...EMPTY_SUMS,
      nps: { promoters: 20, passives: 30, detractors: 50 },
    };
    const control: TGroupSums = {
      ...EMPTY_SUMS,
      nps: { promoters: 50, passives: 30, detractors: 20 },
    };
    const outcome = pilotOutcome({ metric: "NPS", pilot, control, plannedPerGroup: null });
    expect(outcome.test).toBe("NPS_Z");
    expect(outcome.pilot).toMatchObject({ n: 100, value: -30 });
    expect(outcome.difference!.value).toBeCloseTo(-60, 10);
    expect(outcome.verdict).toBe("WORSENED");
  });

  it("adds up sites into a group, and shows an empty group as no figure", () => {
    const a = {
      observations: 2,
      experience: momentsOf([5, 6]),
      csat: { n: 1, topTwoBox: 1 },
      nps: { promoters: 1, passives: 0, detractors: 0 },
    };
    const b = {
      observations: 1,
      experience: momentsOf([4]),
      csat: { n: 1, topTwoBox: 0 },
      nps: { promoters: 0, passives: 0, detractors: 1 },
    };
    expect(sumGroups([a, b])).toEqual({
      observations: 3,
      experience: momentsOf([5, 6, 4]),
      csat: { n: 2, topTwoBox: 1 },
      nps: { promoters: 1, passives: 0, detractors: 1 },
    });
    expect(groupFigure("MEAN_EXPERIENCE", EMPTY_SUMS)).toEqual({
      n: 0,
      value: null,
      interval: null,
    });
    expect(
      pilotOutcome({ metric: "CSAT", pilot: EMPTY_SUMS, control: EMPTY_SUMS, plannedPerGroup: 10 }),
    ).toMatchObject({ difference: null, verdict: "NOT_ENOUGH_DATA" });
  });

  it("places a pilot before, during or after its window, and completed once decided", () => {
    const window = { startDay: "2026-03-01", endDay: "2026-03-14" };
    expect(pilotStage({ ...window, today: "2026-02-28", decision: null })).toBe("PLANNED");
    expect(pilotStage({ ...window, today: "2026-03-14", decision: null })).toBe("RUNNING");
    expect(pilotStage({ ...window, today: "2026-03-15", decision: "EXTEND" })).toBe("ENDED");
    expect(pilotStage({ ...window, today: "2026-03-02", decision: "ROLLOUT" })).toBe("COMPLETED");
  });
});

describe("a pilot over sites (issue 17: sites are clusters)", () => {
  // Four stores whose customers answer differently for reasons of their own (staff, location):
  // site means 5.6 and 5.2 (pilot), 4.8 and 4.4 (control), each site's answers its mean ± 1.
  // Before the pilot the stores stood exactly where they stand during it: the change does nothing.
  const site = (mean: number, times: number) => scores(repeat([mean - 1, mean, mean + 1], times));
  const means = { A: 5.6, B: 5.2, C: 4.8, D: 4.4 };
  const during = (code: keyof typeof means) => site(means[code], 33);
  const before = (code: keyof typeof means) => site(means[code], 20);

  it("calls the site effect an improvement when answers are taken as independent (what the app did)", () => {
    const outcome = pilotOutcome({
      metric: "MEAN_EXPERIENCE",
      pilot: sumGroups([during("A"), during("B")]),
      control: sumGroups([during("C"), during("D")]),
      plannedPerGroup: null,
    });
    expect(outcome.verdict).toBe("IMPROVED");
  });

  const clustered = (
    pilotSites: TGroupSums[],
    controlSites: TGroupSums[],
    baselineSites: TGroupSums[],
    isExploratory = false,
  ) =>
    pilotOutcome({
      metric: "MEAN_EXPERIENCE",
      pilot: sumGroups(pilotSites),
      control: sumGroups(controlSites),
      plannedPerGroup: null,
      sites: { design: "CONTROL_SITES", isExploratory, pilotSites, controlSites, baselineSites },
    });

  it("reads the ICC from the pilot's own days with the groups as strata, so sites that drift apart are not called improved (review finding 1)", () => {
    // Before the pilot the four stores were alike (each {4, 5, 6} × 20, mean 5): the baseline ICC
    // is 0, and a test on it (what the app did) finds t = 0.8/√(2·0.710254/198) = 9.445 on 2 df,
    // p = 0.011: "improved". During the pilot the stores sit at 5.6, 5.2 | 4.8, 4.4: within each
    // group the sites are 0.2 from the group's mean. Pooled within groups (hand-worked, Donner &
    // Klar 2000):
    //   SSB = 4·99·0.2² = 15.84 on k − A = 4 − 2 df → MSB = 7.92;
    //   SSW = 4·66 = 264 on 396 − 4 df → MSW = 33/49 = 0.673469; m₀ = 99;
    //   ρ = (7.92 − 0.673469)/(7.92 + 98·0.673469) = 7.246531/73.92 = 0.098032.
    // DEFF = 1 + 98ρ = 10.607143; s² = (132 + 198·0.04)/197 = 0.710254 in each group;
    // SE = √(2·10.607143·0.710254/198) = 0.275860, t = 0.8/0.275860 = 2.900024 on 2 df,
    // p = 0.101179 (scipy.stats.t.sf): no clear difference.
    const alike = ["A", "B", "C", "D"].map(() => site(5, 20));
    const outcome = clustered([during("A"), during("B")], [during("C"), during("D")], alike);
    expect(outcome.test).toBe("CLUSTERED_T");
    expect(outcome.clustering!.iccSource).toBe("PILOT_WINDOW");
    expect(outcome.clustering!.icc).toBeCloseTo(7.246531 / 73.92, 6);
    expect(outcome.clustering!.pilot.designEffect).toBeCloseTo(10.607143, 5);
    expect(outcome.difference!.df).toBe(2);
    expect(outcome.difference!.statistic).toBeCloseTo(2.900024, 5);
    expect(outcome.difference!.pValue).toBeCloseTo(0.101179, 5);
    expect(outcome).toMatchObject({ verdict: "NO_CLEAR_DIFFERENCE", reason: "NOT_SIGNIFICANT" });
  });

  it("widens each group's interval by its design effect, on the test's df (review finding 6)", () => {
    // Same stores: the pilot group's mean 5.4 ± t(.975; 2)·√(DEFF·s²/n)
    // = 5.4 ± 4.302653·√(10.607143·0.710254/198) = 5.4 ± 0.839285 → [4.560715, 6.239285].
    // Taking the 198 answers as independent gave 5.4 ± 0.119, too narrow to agree with the
    // difference's interval.
    const alike = ["A", "B", "C", "D"].map(() => site(5, 20));
    const outcome = clustered([during("A"), during("B")], [during("C"), during("D")], alike);
    expect(outcome.pilot.value).toBeCloseTo(5.4, 10);
    expect(outcome.pilot.interval!.low).toBeCloseTo(4.560715, 5);
    expect(outcome.pilot.interval!.high).toBeCloseTo(6.239285, 5);
    expect(outcome.control.interval!.low).toBeCloseTo(4.6 - 0.839285, 5);
  });

  it("falls back on the baseline's ICC when the pilot's days cannot give one, and still shows its design effect when nothing can be tested (review finding 7)", () => {
    // Every answer during the pilot is 6 at the pilot stores and 4 at the control stores: no
    // variation within a group, so neither the ICC of the pilot's days nor the test exists.
    // Baseline ICC, hand-worked: 4 sites × 60 answers, site means 5.6, 5.2, 4.8, 4.4 (grand 5.0):
    // SSB = 60·(0.36 + 0.04 + 0.04 + 0.36) = 48 on 3 df → MSB = 16; SSW = 4·40 = 160 on 236 df
    // → MSW = 0.677966; m₀ = 60; ρ = (16 − 0.677966)/(16 + 59·0.677966) = 15.322034/56 = 0.273608.
    // Each group: two sites of 10 answers → DEFF = 1 + (10 − 1)·0.273608 = 3.462472, not 1.
    const flat = (x: number) => scores(Array.from({ length: 10 }, () => x));
    const outcome = clustered(
      [flat(6), flat(6)],
      [flat(4), flat(4)],
      [before("A"), before("B"), before("C"), before("D")],
    );
    expect(outcome.difference).toBeNull();
    expect(outcome.clustering!.iccSource).toBe("BASELINE");
    expect(outcome.clustering!.pilot.designEffect).toBeCloseTo(1 + 9 * (15.322034 / 56), 5);
    expect(outcome.clustering!.pilot.effectiveN).toBeCloseTo(20 / 3.462472, 4);
  });

  it("still finds a real change at sites that differ little", () => {
    // Four sites a group, site means within ±0.1 of 4.5 before; the pilot sites gain 1 point.
    const offsets = [-0.1, 0, 0.1, 0];
    const baselineSites = offsets.flatMap((o) => [site(4.5 + o, 20), site(4.5 - o, 20)]);
    const pilotSites = offsets.map((o) => site(5.5 + o, 20));
    const controlSites = offsets.map((o) => site(4.5 - o, 20));
    const outcome = pilotOutcome({
      metric: "MEAN_EXPERIENCE",
      pilot: sumGroups(pilotSites),
      control: sumGroups(controlSites),
      plannedPerGroup: null,
      sites: {
        design: "CONTROL_SITES",
        isExploratory: false,
        pilotSites,
        controlSites,
        baselineSites,
      },
    });
    expect(outcome.difference!.df).toBe(6);
    expect(outcome).toMatchObject({ verdict: "IMPROVED", reason: "SIGNIFICANT" });
  });

  it("gives one site against one site no verdict unless the pilot is exploratory", () => {
    const sites = (isExploratory: boolean) => ({
      design: "CONTROL_SITES" as const,
      isExploratory,
      pilotSites: [during("A")],
      controlSites: [during("D")],
      baselineSites: [before("A"), before("D")],
    });
    const input = {
      metric: "MEAN_EXPERIENCE" as const,
      pilot: during("A"),
      control: during("D"),
      plannedPerGroup: null,
    };
    const refused = pilotOutcome({ ...input, sites: sites(false) });
    expect(refused).toMatchObject({
      verdict: "NOT_ENOUGH_DATA",
      reason: "TOO_FEW_SITES",
      isExploratory: false,
      clustering: null,
    });
    // The difference is still shown, as the answers' comparison of these two sites.
    expect(refused.difference!.value).toBeCloseTo(1.2, 10);
    const exploratory = pilotOutcome({ ...input, sites: sites(true) });
    expect(exploratory).toMatchObject({
      verdict: "IMPROVED",
      isExploratory: true,
      test: "WELCH_T",
    });
  });

  it("counts the sites that answered: two pilot sites of which one is silent are one site (review finding 2)", () => {
    // Pilot sites A (mean 6.5, 99 answers) and a site that never answered; control C, D at 4.5
    // and 4.6. The old code counted 2 v 2, ran the site-adjusted test on 3 sites (1 df) with the
    // baseline's ICC of 0 (all four alike before), found t ≈ 19 > t(.975; 1) = 12.71 and called
    // it IMPROVED: a comparison of one site with two, judged as if the change were proven.
    const silent = EMPTY_SUMS;
    const alike = ["A", "B", "C", "D"].map(() => site(5, 20));
    const outcome = clustered([site(6.5, 33), silent], [site(4.5, 33), site(4.6, 33)], alike);
    expect(outcome).toMatchObject({
      verdict: "NOT_ENOUGH_DATA",
      reason: "TOO_FEW_SITES",
      sitesWithAnswers: { pilot: 1, control: 2 },
      treatsAnswersAsIndependent: true,
      isJudgedAsExploratory: false,
      clustering: null,
    });
    // The difference is shown as the answers' comparison, without a p-value to act on.
    expect(outcome.difference).not.toBeNull();
    expect(shownPValue(outcome)).toBeNull();
    // Marked exploratory, the one pilot site gets its first look, and says so on every page.
    const exploratory = clustered(
      [site(6.5, 33), silent],
      [site(4.5, 33), site(4.6, 33)],
      alike,
      true,
    );
    expect(exploratory).toMatchObject({
      verdict: "IMPROVED",
      test: "WELCH_T",
      isJudgedAsExploratory: true,
    });
    expect(shownPValue(exploratory)).toBe(exploratory.difference!.pValue);
  });

  it("marks a pilot exploratory only when the mark is what let it be judged (review finding 7)", () => {
    // Two sites a group, ticked exploratory: the site-adjusted test judges it; the mark changed nothing.
    const outcome = clustered(
      [during("A"), during("B")],
      [during("C"), during("D")],
      [before("A"), before("B"), before("C"), before("D")],
      true,
    );
    expect(outcome).toMatchObject({
      test: "CLUSTERED_T",
      isExploratory: true,
      isJudgedAsExploratory: false,
      treatsAnswersAsIndependent: false,
      sitesWithAnswers: { pilot: 2, control: 2 },
    });
  });

  it("carries an infeasible plan, so that the page does not call the pilot unplanned (review finding 7)", () => {
    const input = {
      metric: "MEAN_EXPERIENCE" as const,
      pilot: during("A"),
      control: during("D"),
      infeasiblePlan: { minSitesPerGroup: 21 },
    };
    expect(pilotOutcome({ ...input, plannedPerGroup: null }).infeasiblePlan).toEqual({
      minSitesPerGroup: 21,
    });
    expect(pilotOutcome({ ...input, plannedPerGroup: 30 }).infeasiblePlan).toBeNull();
    expect(
      pilotOutcome({ ...input, plannedPerGroup: null, infeasiblePlan: undefined }).infeasiblePlan,
    ).toBeNull();
  });

  it("puts CSAT and NPS on the same site-adjusted footing, in their display units", () => {
    // CSAT as a 0/1 score: sites 60 %, 70 % (pilot) against 50 %, 60 % (control), 100 answers each.
    const csatSite = (share: number): TGroupSums => ({
      ...EMPTY_SUMS,
      csat: { n: 100, topTwoBox: share },
    });
    const pilotSites = [csatSite(60), csatSite(70)];
    const controlSites = [csatSite(50), csatSite(60)];
    const outcome = pilotOutcome({
      metric: "CSAT",
      pilot: sumGroups(pilotSites),
      control: sumGroups(controlSites),
      plannedPerGroup: null,
      sites: {
        design: "CONTROL_SITES",
        isExploratory: false,
        pilotSites,
        controlSites,
        baselineSites: [csatSite(60), csatSite(70), csatSite(50), csatSite(60)],
      },
    });
    expect(outcome.test).toBe("CLUSTERED_T");
    expect(outcome.difference!.value).toBeCloseTo(10, 10);
    expect(outcome.clustering!.icc).toBeGreaterThan(0);
  });
});

describe("a before/after pilot against the other sites (difference in differences, one change per site)", () => {
  const periods = (before: number, after: number, times: number) => ({
    before: scores(repeat([before - 1, before, before + 1], times)),
    after: scores(repeat([after - 1, after, after + 1], times)),
  });
  const beforeAfter = (
    pilotSites: ReturnType<typeof periods>[],
    otherSites: ReturnType<typeof periods>[],
  ) =>
    pilotOutcome({
      metric: "MEAN_EXPERIENCE",
      pilot: sumGroups(pilotSites.map((s) => s.after)),
      control: sumGroups(pilotSites.map((s) => s.before)),
      plannedPerGroup: null,
      sites: { design: "BEFORE_AFTER", pilotSites, otherSites },
    });

  it("separates the pilot's change from a change every site went through", () => {
    // Every site rose by 0.5 between the periods (a season); the pilot sites rose by 0.5 as well.
    const outcome = beforeAfter(
      [periods(5, 5.5, 20), periods(4.8, 5.3, 20)],
      [periods(4.5, 5, 20), periods(4.4, 4.9, 20), periods(4.6, 5.1, 20)],
    );
    // The plain before/after sees a rise; the DiD, (+0.5) − (+0.5) = 0, does not.
    expect(outcome.verdict).toBe("IMPROVED");
    const did = outcome.differenceInDifferences!;
    expect(did.value).toBeCloseTo(0, 10);
    expect(did.others).toEqual({ sites: 3, before: 180, after: 180 });
    // Without other sites there is nothing to difference against.
    expect(beforeAfter([periods(5, 5.5, 20)], []).differenceInDifferences).toBeNull();
  });

  it("tests the sites' changes, not the answers, and counts a site only with answers in both periods (review finding 3)", () => {
    // Pilot sites changed by +0.6 and +0.2, the other sites by +0.2 and −0.2, 99 answers a site
    // and period: DiD = 0.4 − 0 = 0.4. Taken as 800 independent answers (what the app did),
    // SE = √(4·0.6734/198) ≈ 0.117 and p < 0.001. On the four changes (Welch): each side's s² =
    // 0.08, SE = √(0.08/2 + 0.08/2) = 0.282843, t = √2 on 2 df, p = 1 − √2/√(2 + 2) = 0.292893
    // (the t distribution with 2 df in closed form); 95 % CI 0.4 ± 4.302653·0.282843.
    const onlyAfter = { before: EMPTY_SUMS, after: scores(repeat([6, 7], 50)) };
    const outcome = beforeAfter(
      [periods(5, 5.6, 33), periods(5, 5.2, 33)],
      [periods(4.5, 4.7, 33), periods(4.5, 4.3, 33), onlyAfter],
    );
    const did = outcome.differenceInDifferences!;
    expect(did.value).toBeCloseTo(0.4, 10);
    expect(did.df).toBeCloseTo(2, 10);
    expect(did.pValue).toBeCloseTo(1 - Math.SQRT2 / 2, 8);
    expect(did.interval!.low).toBeCloseTo(0.4 - 4.302653 * 0.282843, 5);
    expect(did.interval!.high).toBeCloseTo(0.4 + 4.302653 * 0.282843, 5);
    expect(did).toMatchObject({ pilotSites: 2, others: { sites: 2, before: 198, after: 198 } });
    // One pilot site: the estimate, without an interval or a p-value.
    const single = beforeAfter(
      [periods(5, 5.6, 33)],
      [periods(4.5, 4.7, 33), periods(4.5, 4.3, 33)],
    ).differenceInDifferences!;
    expect(single).toMatchObject({ interval: null, df: null, pValue: null, pilotSites: 1 });
    expect(single.value).toBeCloseTo(0.6, 10);
  });
});

describe("a before/after pilot's own test: the weeks are its clusters", () => {
  // The pilot sites are compared with themselves, so what varies between the periods is time:
  // answers of one week share rosters, weather and campaigns (the overdispersion the control
  // charts test for; Laney 2002). Hand-worked, 30 answers a week, each week m − 1, m, m + 1 ten
  // times: before, 12 weeks alternating m = 3.6 and 4.4 (mean 4.0); during the pilot, 3 weeks at
  // 4.4 and 1 at 3.6 (mean 4.2) — no change at all, sampled in luckier weeks. As independent
  // answers (Welch) t = 2.118, p = 0.0353: IMPROVED. Weeks as clusters: MSB = 5.142857 (14 df),
  // MSW = 0.689655 (464 df), m₀ = 30, ICC = 0.177116, DEFF = 1 + 29·ICC = 6.136364 a period,
  // SE = 0.233871, t = 0.855174 on 12 + 4 − 2 = 14 df, p = 0.406853 (scipy.stats.t)
  // → NO_CLEAR_DIFFERENCE.
  const week = (m: number) => scores(repeat([m - 1, m, m + 1], 10));
  const before = Array.from({ length: 12 }, (_, i) => week(i % 2 === 0 ? 3.6 : 4.4));
  const after = [week(4.4), week(4.4), week(4.4), week(3.6)];
  const outcomeOf = (withWeeks: boolean) =>
    pilotOutcome({
      metric: "MEAN_EXPERIENCE",
      pilot: sumGroups(after),
      control: sumGroups(before),
      plannedPerGroup: null,
      sites: {
        design: "BEFORE_AFTER",
        pilotSites: [{ before: sumGroups(before), after: sumGroups(after) }],
        otherSites: [],
        ...(withWeeks && { weeks: { before, after } }),
      },
    });

  it("does not call luckier weeks an improvement", () => {
    const answers = outcomeOf(false);
    expect(answers).toMatchObject({ test: "WELCH_T", verdict: "IMPROVED" });
    expect(answers.difference!.pValue).toBeCloseTo(0.035327, 5);

    const byWeek = outcomeOf(true);
    expect(byWeek).toMatchObject({ test: "WEEK_CLUSTERED_T", verdict: "NO_CLEAR_DIFFERENCE" });
    expect(byWeek.difference!.value).toBeCloseTo(0.2, 10);
    expect(byWeek.difference!.df).toBe(14);
    expect(byWeek.difference!.pValue).toBeCloseTo(0.406853, 5);
    expect(byWeek.difference!.interval.low).toBeCloseTo(-0.301603, 5);
    expect(byWeek.difference!.interval.high).toBeCloseTo(0.701603, 5);
  });
});
