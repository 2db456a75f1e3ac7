import { describe, expect, it } from "vitest";
import type { TGroupMoments } from "@/lib/analytics/schemas";
import { EMPTY_SUMS, pilotOutcome } from "@/lib/pilots/outcome";
import { addDays } from "@/lib/dates/local-days";
import { momentsOf } from "@/lib/stats/summary";
import { caseOutcomeOf, rolledOutPilots } from "./outcomes";
import { outcomePeriods } from "./periods";
import type { TOverviewPilot } from "./schemas";

function pilot(
  id: string,
  decision: TOverviewPilot["decision"],
  metric: TOverviewPilot["metric"] = "MEAN_EXPERIENCE",
): TOverviewPilot {
  return {
    id,
    projectId: `project-${id}`,
    project: { id: `project-${id}`, title: `Project ${id}` },
    name: `Pilot ${id}`,
    touchpoint: { id: "tp", nameKo: "요금제 추천", nameEn: "Plan recommendation" },
    metric,
    design: "CONTROL_SITES",
    targetEffect: 0.5,
    startDay: "2026-03-01",
    endDay: "2026-03-28",
    baselineStartDay: null,
    baselineEndDay: null,
    plannedOn: "2026-02-27",
    isRetrospective: false,
    stage: "COMPLETED",
    sites: [],
    decision,
    outcome: pilotOutcome({
      metric,
      pilot: EMPTY_SUMS,
      control: EMPTY_SUMS,
      plannedPerGroup: null,
    }),
  };
}
const decided = (decision: "ROLLOUT" | "NO_ROLLOUT" | "EXTEND", rolloutDay: string | null) => ({
  decision,
  note: "",
  decidedBy: null,
  decidedAt: "2026-03-29T00:00:00.000Z",
  rolloutDay,
});

/** Sums of experienced scores (and CSAT answers, 1–5) as the aggregation returns them. */
function sums(experience: number[], csat: number[] = []): TGroupMoments {
  return {
    keys: [],
    observations: experience.length,
    gap: { n: 0, sum: 0, sumSquares: 0 },
    expectation: { n: 0, sum: 0, pairedExperienceSum: 0 },
    experience: momentsOf(experience),
    emotional: { n: 0, sum: 0, sumSquares: 0 },
    nps: { promoters: 0, passives: 0, detractors: 0 },
    csat: { n: csat.length, topTwoBox: csat.filter((x) => x >= 4).length },
    ces: { n: 0, sum: 0, sumSquares: 0 },
    experienceNpsCorrelation: { r: null, n: 0 },
  };
}
const repeat = (values: number[], times: number) =>
  Array.from({ length: times }, () => values).flat();
/** A finished evaluation window (rollout 2026-03-29, 28 days, judged from 2026-04-26). */
const periods = {
  before: { from: "2025-12-01", to: "2026-02-28" },
  after: { from: "2026-03-29", to: "2026-04-25" },
  evaluation: { to: "2026-04-25", isComplete: true, verdictDay: "2026-04-26" },
};

describe("the overview's case outcomes", () => {
  it("judge only pilots rolled out on a known day, the latest rollout first", () => {
    const pilots = [
      pilot("a", decided("ROLLOUT", "2026-03-29")),
      pilot("b", decided("NO_ROLLOUT", null)),
      pilot("c", null),
      pilot("d", decided("ROLLOUT", "2026-04-02")),
      pilot("e", decided("EXTEND", null)),
    ];
    expect(rolledOutPilots(pilots).map((p) => p.id)).toEqual(["d", "a"]);
  });

  it("compare the mean in the evaluation window with the 90 days before the pilot, with Welch's interval", () => {
    const [rolled] = rolledOutPilots([pilot("a", decided("ROLLOUT", "2026-03-29"))]);
    // Before: 3, 4, 5 twenty times (mean 4, s² = 40/59); after: 4, 5, 6 twenty-five times (mean 5, s² = 50/74).
    const outcome = caseOutcomeOf(rolled!, periods, {
      before: sums(repeat([3, 4, 5], 20)),
      after: sums(repeat([4, 5, 6], 25)),
    });
    expect(outcome).toMatchObject({
      pilotId: "a",
      projectId: "project-a",
      projectTitle: "Project a",
      rolloutDay: "2026-03-29",
      verdict: "IMPROVED",
      before: { ...periods.before, figure: { n: 60 } },
      after: { ...periods.after, figure: { n: 75 } },
    });
    expect(outcome.before.figure!.value).toBeCloseTo(4, 10);
    expect(outcome.after.figure!.value).toBeCloseTo(5, 10);
    expect(outcome.difference!.value).toBeCloseTo(1, 10);
    // By hand: SE = √(40/59/60 + 50/74/75) ≈ 0.1425; Welch–Satterthwaite df ≈ 126.5; t(0.975; 126.5) ≈ 1.979 → 1 ± 0.282.
    expect(outcome.difference!.interval.low).toBeCloseTo(0.718, 2);
    expect(outcome.difference!.interval.high).toBeCloseTo(1.282, 2);
    expect(outcome.difference!.pValue).toBeLessThan(1e-6);
  });

  it("read CSAT in percentage points, and refuse to judge without answers after the rollout", () => {
    const [rolled] = rolledOutPilots([pilot("a", decided("ROLLOUT", "2026-03-29"), "CSAT")]);
    const csat = caseOutcomeOf(rolled!, periods, {
      before: sums([], repeat([5, 4, 2, 1], 50)),
      after: sums([], repeat([5, 4, 4, 2], 50)),
    });
    expect(csat.before.figure!.value).toBeCloseTo(50, 10);
    expect(csat.after.figure!.value).toBeCloseTo(75, 10);
    expect(csat.difference!.value).toBeCloseTo(25, 10);
    expect(csat.verdict).toBe("IMPROVED");

    const empty = caseOutcomeOf(rolled!, periods, {
      before: sums([], repeat([5, 4, 2, 1], 50)),
      after: undefined,
    });
    expect(empty).toMatchObject({
      difference: null,
      verdict: "NOT_ENOUGH_DATA",
      after: { figure: null },
    });
  });
  it("give a rollout whose after window grows day by day no verdict until its 28 days are in, then one verdict on those 28 days that later answers do not change", () => {
    // Armitage, McPherson & Rowe (1969): testing accumulating data every day and calling the first
    // p < 0.05 inflates the false-positive rate far above 5 %. Hand-worked case, three answers a day:
    // before (the 90 days before the pilot): 3, 4, 5 twenty times, n = 60, mean 4, s² = 40/59 = 0.6780.
    // After, from the rollout day 2026-03-29: days 1–7 answer 4, 5, 6 (a good first week), days 8–28
    // answer 3, 4, 5, and days 29–60 answer 4, 5, 6 again.
    // - Looked at on day 4 (12 answers, mean 5, s² = 0.727): t = 1/√(0.727/12 + 0.678/60) = 3.73,
    //   p < 0.01 — today's code said IMPROVED from that day on, and flipped as the window grew.
    // - The fixed window, days 1–28: 84 answers, 3 ×21, 4 ×28, 5 ×28, 6 ×7; Σx = 357, mean 4.25;
    //   Σx² = 1589, SS = 1589 − 357²/84 = 71.75, s² = 71.75/83 = 0.8645.
    //   SE² = 0.8645/84 + 0.6780/60 = 0.010291 + 0.011299 = 0.021590, SE = 0.14694; t = 0.25/SE = 1.701;
    //   Welch df = 0.021590² / (0.010291²/83 + 0.011299²/59) = 135.5; two-sided p = 0.091;
    //   t(0.975; 135.5) = 1.978, interval 0.25 ± 0.291 = [−0.041, 0.541] → NO_CLEAR_DIFFERENCE.
    // - With days 29–60 counted too (n = 180, mean 4.65) a growing window would say IMPROVED.
    const rolloutDay = "2026-03-29";
    const daily = (day: number) => (day >= 8 && day <= 28 ? [3, 4, 5] : [4, 5, 6]);
    const dayNumber = (localDay: string) =>
      Math.round((Date.parse(localDay) - Date.parse(rolloutDay)) / 86_400_000) + 1;
    const [rolled] = rolledOutPilots([pilot("a", decided("ROLLOUT", rolloutDay))]);
    const looks = Array.from({ length: 60 }, (_, i) => {
      const today = addDays(rolloutDay, i);
      const looked = outcomePeriods("2026-03-01", rolloutDay, today)!;
      const days = Array.from({ length: dayNumber(looked.after.to) }, (_, d) => d + 1);
      return {
        today,
        outcome: caseOutcomeOf(rolled!, looked, {
          before: sums(repeat([3, 4, 5], 20)),
          after: sums(days.flatMap(daily)),
        }),
      };
    });

    const running = looks.filter((l) => l.today < "2026-04-26");
    expect(running).toHaveLength(28);
    for (const { today, outcome } of running) {
      expect(outcome.verdict).toBeNull();
      expect(outcome.evaluation).toEqual({
        to: "2026-04-25",
        isComplete: false,
        verdictDay: "2026-04-26",
      });
      expect(outcome.after).toMatchObject({ from: rolloutDay, to: today });
      expect(outcome.difference?.pValue ?? null).toBeNull();
    }
    // The estimate and its interval are shown while the window runs: day 4's, as worked above.
    const dayFour = looks[3]!.outcome;
    expect(dayFour.after.figure!.n).toBe(12);
    expect(dayFour.difference!.value).toBeCloseTo(1, 10);
    expect(dayFour.difference!.interval.low).toBeGreaterThan(0);

    const judged = looks.slice(28).map((l) => l.outcome);
    expect(judged).toHaveLength(32);
    for (const outcome of judged) {
      expect(outcome).toMatchObject({
        verdict: "NO_CLEAR_DIFFERENCE",
        after: { from: rolloutDay, to: "2026-04-25", figure: { n: 84 } },
        evaluation: { to: "2026-04-25", isComplete: true, verdictDay: "2026-04-26" },
      });
      expect(outcome.difference!.value).toBeCloseTo(0.25, 10);
      expect(outcome.difference!.pValue).toBeCloseTo(0.091, 3);
      expect(outcome.difference!.interval.low).toBeCloseTo(-0.041, 3);
      expect(outcome.difference!.interval.high).toBeCloseTo(0.541, 3);
    }
  });
});
