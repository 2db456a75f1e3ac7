import { describe, expect, it } from "vitest";
import { momentsOf } from "@/lib/stats/summary";
import { EMPTY_SUMS, groupFigure, pilotOutcome, pilotStage, sumGroups } from "./outcome";
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

  it("finds no clear difference once the ICC from the baseline and the sites' df are allowed for", () => {
    // Baseline ICC, hand-worked: 4 sites × 60 answers, site means 5.6, 5.2, 4.8, 4.4 (grand 5.0).
    // SSB = 60·(0.36 + 0.04 + 0.04 + 0.36) = 48 on 3 df → MSB = 16.
    // Within a site: 20 × {−1, 0, +1} → SS 40 on 59 df per site → MSW = 160/236 = 0.677966.
    // m₀ = 60. ρ = (16 − 0.677966)/(16 + 59·0.677966) = 15.322034/56 = 0.273608.
    // Pilot window: 99 answers a site → DEFF = 1 + 98·0.273608 = 27.8136, effective n = 198/27.81 = 7.1.
    // SE = √(DEFF·s²/198 + DEFF·s²/198), s² = (2·66 + 198·0.04)/197 = 0.710254 → SE = 0.446702;
    // t = 0.8/0.446702 = 1.790905 on 4 − 2 = 2 df → p = 0.215190 (scipy.stats.t.sf).
    const outcome = pilotOutcome({
      metric: "MEAN_EXPERIENCE",
      pilot: sumGroups([during("A"), during("B")]),
      control: sumGroups([during("C"), during("D")]),
      plannedPerGroup: null,
      sites: {
        design: "CONTROL_SITES",
        isExploratory: false,
        pilotSites: [during("A"), during("B")],
        controlSites: [during("C"), during("D")],
        baselineSites: [before("A"), before("B"), before("C"), before("D")],
      },
    });
    expect(outcome.test).toBe("CLUSTERED_T");
    expect(outcome.clustering!.icc).toBeCloseTo(15.322034 / 56, 6);
    expect(outcome.clustering!.iccSource).toBe("BASELINE");
    expect(outcome.clustering!.pilot.designEffect).toBeCloseTo(27.8136, 3);
    expect(outcome.clustering!.pilot.effectiveN).toBeCloseTo(198 / 27.8136, 3);
    expect(outcome.difference!.value).toBeCloseTo(0.8, 10);
    expect(outcome.difference!.df).toBe(2);
    expect(outcome.difference!.statistic).toBeCloseTo(1.790905, 5);
    expect(outcome.difference!.pValue).toBeCloseTo(0.21519, 5);
    expect(outcome).toMatchObject({ verdict: "NO_CLEAR_DIFFERENCE", reason: "NOT_SIGNIFICANT" });
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

describe("a before/after pilot against the other sites (difference in differences)", () => {
  it("separates the pilot's change from a change every site went through", () => {
    // Every site rose by 0.5 between the periods (a season); the pilot sites rose by 0.5 as well.
    const pilotBefore = scores(repeat([4, 5, 6], 40)); // mean 5
    const pilotAfter = scores(repeat([4.5, 5.5, 6.5], 40)); // mean 5.5
    const othersBefore = scores(repeat([3.5, 4.5, 5.5], 60)); // mean 4.5
    const othersAfter = scores(repeat([4, 5, 6], 60)); // mean 5
    const outcome = pilotOutcome({
      metric: "MEAN_EXPERIENCE",
      pilot: pilotAfter,
      control: pilotBefore,
      plannedPerGroup: null,
      sites: {
        design: "BEFORE_AFTER",
        others: { sites: 3, before: othersBefore, after: othersAfter },
      },
    });
    // The plain before/after sees a rise; the DiD, (5.5 − 5) − (5 − 4.5) = 0, does not.
    expect(outcome.verdict).toBe("IMPROVED");
    const did = outcome.differenceInDifferences!;
    expect(did.value).toBeCloseTo(0, 10);
    expect(did.interval.low).toBeLessThan(0);
    expect(did.interval.high).toBeGreaterThan(0);
    expect(did.others).toEqual({ sites: 3, before: 180, after: 180 });
    // Without other sites there is nothing to difference against.
    const alone = pilotOutcome({
      metric: "MEAN_EXPERIENCE",
      pilot: pilotAfter,
      control: pilotBefore,
      plannedPerGroup: null,
      sites: { design: "BEFORE_AFTER", others: null },
    });
    expect(alone.differenceInDifferences).toBeNull();
  });
});
