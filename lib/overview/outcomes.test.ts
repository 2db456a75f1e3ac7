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
/** The same day's answers, `times` days running: one aggregation row per day. */
const days = (experience: number[], times: number, csat: number[] = []) =>
  Array.from({ length: times }, () => sums(experience, csat));
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

  it("compare the mean in the evaluation window with the 90 days before the pilot, days as clusters", () => {
    const [rolled] = rolledOutPilots([pilot("a", decided("ROLLOUT", "2026-03-29"))]);
    // Before: 3, 4, 5 on each of 20 days (mean 4, s² = 40/59); after: 4, 5, 6 on each of 25 days
    // (mean 5, s² = 50/74). Every day alike: the ICC of days is 0 and the design effect 1.
    const outcome = caseOutcomeOf(rolled!, periods, {
      before: days([3, 4, 5], 20),
      after: days([4, 5, 6], 25),
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
    // By hand: SE = √(40/59/60 + 50/74/75) = 0.142508 on 20 + 25 − 2 = 43 days' df;
    // t(0.975; 43) = 2.016692 → 1 ± 0.287394 (scipy.stats.t).
    expect(outcome.difference!.interval.low).toBeCloseTo(0.712606, 5);
    expect(outcome.difference!.interval.high).toBeCloseTo(1.287394, 5);
    expect(outcome.difference!.pValue).toBeLessThan(1e-6);
  });

  it("read CSAT in percentage points, and refuse to judge without answers after the rollout", () => {
    const [rolled] = rolledOutPilots([pilot("a", decided("ROLLOUT", "2026-03-29"), "CSAT")]);
    const csat = caseOutcomeOf(rolled!, periods, {
      before: days([], 50, [5, 4, 2, 1]),
      after: days([], 50, [5, 4, 4, 2]),
    });
    expect(csat.before.figure!.value).toBeCloseTo(50, 10);
    expect(csat.after.figure!.value).toBeCloseTo(75, 10);
    expect(csat.difference!.value).toBeCloseTo(25, 10);
    expect(csat.verdict).toBe("IMPROVED");

    const empty = caseOutcomeOf(rolled!, periods, {
      before: days([], 50, [5, 4, 2, 1]),
      after: [],
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
    //   Days as clusters: the ICC of days (each window's mean removed) is negative → 0, so the
    //   design effect is 1, on 28 + 20 − 2 = 46 days' df: two-sided p = 0.0956,
    //   t(0.975; 46) = 2.012896, interval 0.25 ± 0.295770 = [−0.046, 0.546] (scipy.stats.t)
    //   → NO_CLEAR_DIFFERENCE.
    // - With days 29–60 counted too (n = 180, mean 4.65) a growing window would say IMPROVED.
    const rolloutDay = "2026-03-29";
    const daily = (day: number) => (day >= 8 && day <= 28 ? [3, 4, 5] : [4, 5, 6]);
    const dayNumber = (localDay: string) =>
      Math.round((Date.parse(localDay) - Date.parse(rolloutDay)) / 86_400_000) + 1;
    const [rolled] = rolledOutPilots([pilot("a", decided("ROLLOUT", rolloutDay))]);
    const looks = Array.from({ length: 60 }, (_, i) => {
      const today = addDays(rolloutDay, i);
      const looked = outcomePeriods("2026-03-01", rolloutDay, today)!;
      const afterDays = Array.from({ length: dayNumber(looked.after.to) }, (_, d) => d + 1);
      return {
        today,
        outcome: caseOutcomeOf(rolled!, looked, {
          before: days([3, 4, 5], 20),
          after: afterDays.map((d) => sums(daily(d))),
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
      expect(outcome.difference!.pValue).toBeCloseTo(0.0956, 4);
      expect(outcome.difference!.interval.low).toBeCloseTo(-0.04577, 4);
      expect(outcome.difference!.interval.high).toBeCloseTo(0.54577, 4);
    }
  });

  it("carry the day-to-day swing: a change that did nothing is not called IMPROVED because its window had good days", () => {
    // Days share staffing, weather and campaigns, so answers of one day are not independent (the
    // overdispersion the control charts test for; Laney 2002). Hand-worked, 30 answers a day,
    // each day m − 1, m, m + 1 ten times: before, 10 days alternating m = 3.6 and 4.4 (mean 4.0);
    // after, 8 days at 4.4 and 2 at 3.6 (mean 4.24) — a process that did not change, sampled on
    // luckier days. Answers as independent (Welch): t = 3.285, p = 0.0011, IMPROVED.
    // Days as clusters: MSB = 4.3733 on 18 df, MSW = 0.68966 on 580, m₀ = 30,
    // ICC = (MSB − MSW) / (MSB + 29·MSW) = 0.151136, DEFF = 1 + 29·ICC = 5.382932 per window,
    // SE = 0.169494, t = 1.41598 on 18 df, p = 0.17385 (scipy.stats.t) → NO_CLEAR_DIFFERENCE.
    const day = (m: number) => sums(repeat([m - 1, m, m + 1], 10));
    const [rolled] = rolledOutPilots([pilot("a", decided("ROLLOUT", "2026-03-29"))]);
    const outcome = caseOutcomeOf(rolled!, periods, {
      before: Array.from({ length: 10 }, (_, i) => day(i % 2 === 0 ? 3.6 : 4.4)),
      after: [...Array.from({ length: 8 }, () => day(4.4)), day(3.6), day(3.6)],
    });
    expect(outcome.difference!.value).toBeCloseTo(0.24, 10);
    expect(outcome.difference!.pValue).toBeCloseTo(0.17385, 5);
    expect(outcome.difference!.interval.low).toBeCloseTo(-0.116093, 5);
    expect(outcome.difference!.interval.high).toBeCloseTo(0.596093, 5);
    expect(outcome.verdict).toBe("NO_CLEAR_DIFFERENCE");
  });
});
