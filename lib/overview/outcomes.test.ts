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
/** The same week's answers, `times` weeks running: one aggregation row per week. */
const weeks = (experience: number[], times: number, csat: number[] = []) =>
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

  it("compare the mean in the evaluation window with the 90 days before the pilot, weeks as clusters", () => {
    const [rolled] = rolledOutPilots([pilot("a", decided("ROLLOUT", "2026-03-29"))]);
    // Before: 3, 4, 5, 3, 4, 5 in each of 10 weeks (n = 60, mean 4, s² = 40/59); after: 4, 5, 6,
    // repeated, 75 answers in 4 weeks (mean 5, s² = 50/74). Every week alike: the ICC of the
    // weeks is 0 and the design effect 1.
    const outcome = caseOutcomeOf(rolled!, periods, {
      before: weeks([3, 4, 5, 3, 4, 5], 10),
      after: [...weeks(repeat([4, 5, 6], 6), 3), sums(repeat([4, 5, 6], 7))],
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
    // By hand: SE = √(40/59/60 + 50/74/75) = 0.142508 on 10 + 4 − 2 = 12 weeks' df;
    // t(0.975; 12) = 2.178813 → 1 ± 0.310497 (scipy.stats.t).
    expect(outcome.difference!.interval.low).toBeCloseTo(0.689503, 5);
    expect(outcome.difference!.interval.high).toBeCloseTo(1.310497, 5);
    expect(outcome.difference!.pValue).toBeCloseTo(1.4003e-5, 8);
  });

  it("read CSAT in percentage points, and refuse to judge without answers after the rollout", () => {
    const [rolled] = rolledOutPilots([pilot("a", decided("ROLLOUT", "2026-03-29"), "CSAT")]);
    const csat = caseOutcomeOf(rolled!, periods, {
      before: weeks([], 12, repeat([5, 4, 2, 1], 4)),
      after: weeks([], 4, repeat([5, 4, 4, 2], 12)),
    });
    expect(csat.before.figure!.value).toBeCloseTo(50, 10);
    expect(csat.after.figure!.value).toBeCloseTo(75, 10);
    expect(csat.difference!.value).toBeCloseTo(25, 10);
    expect(csat.verdict).toBe("IMPROVED");

    const empty = caseOutcomeOf(rolled!, periods, {
      before: weeks([], 12, repeat([5, 4, 2, 1], 4)),
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
    // before (the 90 days before the pilot): 3, 4, 5, 3, 4, 5 in each of 10 weeks, n = 60, mean 4,
    // s² = 40/59 = 0.6780. After, from the rollout day 2026-03-29: days 1–7 answer 4, 5, 6 (a good
    // first week), days 8–28 answer 3, 4, 5, and days 29–60 answer 4, 5, 6 again. (Weeks here are
    // seven days from the rollout; the query groups by Monday weeks, the arithmetic is the same.)
    // - Looked at on day 4 (12 answers, mean 5, s² = 0.727): t = 1/√(0.727/12 + 0.678/60) = 3.73,
    //   p < 0.01 — the old code said IMPROVED from that day on, and flipped as the window grew.
    // - The fixed window, days 1–28: 84 answers in 4 weeks, 3 ×21, 4 ×28, 5 ×28, 6 ×7; mean 4.25,
    //   s² = 71.75/83 = 0.8645. Weeks as clusters: week 1's mean (5) stands out, so the ICC of the
    //   weeks (each window's mean removed) is MSB 1.3125, MSW 0.73846, m₀ 9.75 → 0.073840;
    //   DEFF after = 1 + (21 − 1)·0.073840 = 2.476809, before = 1 + (6 − 1)·0.073840 = 1.369202;
    //   SE = √(2.476809·0.8645/84 + 1.369202·0.6780/60) = 0.202387, t = 1.235258 on 4 + 10 − 2 =
    //   12 df, p = 0.240373, interval 0.25 ± 2.178813·SE = [−0.190963, 0.690963] (scipy.stats.t)
    //   → NO_CLEAR_DIFFERENCE.
    // - With days 29–60 counted too (n = 180, mean 4.65) a growing window would say IMPROVED.
    const rolloutDay = "2026-03-29";
    const daily = (day: number) => (day >= 8 && day <= 28 ? [3, 4, 5] : [4, 5, 6]);
    const dayNumber = (localDay: string) =>
      Math.round((Date.parse(localDay) - Date.parse(rolloutDay)) / 86_400_000) + 1;
    /** Days 1..last in weeks of seven from the rollout day, one row per week. */
    const weeksUpTo = (last: number) =>
      Array.from({ length: Math.ceil(last / 7) }, (_, w) =>
        sums(
          Array.from({ length: Math.min(7, last - 7 * w) }, (_, d) => 7 * w + d + 1).flatMap(daily),
        ),
      );
    const [rolled] = rolledOutPilots([pilot("a", decided("ROLLOUT", rolloutDay))]);
    const looks = Array.from({ length: 60 }, (_, i) => {
      const today = addDays(rolloutDay, i);
      const looked = outcomePeriods("2026-03-01", rolloutDay, today)!;
      return {
        today,
        outcome: caseOutcomeOf(rolled!, looked, {
          before: weeks([3, 4, 5, 3, 4, 5], 10),
          after: weeksUpTo(dayNumber(looked.after.to)),
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
      expect(outcome.difference!.pValue).toBeCloseTo(0.240373, 5);
      expect(outcome.difference!.interval.low).toBeCloseTo(-0.190963, 5);
      expect(outcome.difference!.interval.high).toBeCloseTo(0.690963, 5);
    }
  });

  it("carry the swing between weeks: a change that did nothing is not called IMPROVED because its window had good weeks", () => {
    // Weeks share rosters, weather and campaigns, so answers of one week are not independent (the
    // overdispersion the control charts test for; Laney 2002). Hand-worked, 30 answers a week,
    // each week m − 1, m, m + 1 ten times: before, 12 weeks alternating m = 3.6 and 4.4 (mean 4.0);
    // after, 3 weeks at 4.4 and 1 at 3.6 (mean 4.2) — a process that did not change, sampled in
    // luckier weeks. Answers as independent (Welch): t = 2.118, p = 0.035, IMPROVED.
    // Weeks as clusters: MSB = 5.142857 on 14 df, MSW = 0.689655 on 464, m₀ = 30,
    // ICC = 0.177116, DEFF = 6.136364 per window, SE = 0.233871, t = 0.855174 on 14 df,
    // p = 0.406853 (scipy.stats.t) → NO_CLEAR_DIFFERENCE.
    const week = (m: number) => sums(repeat([m - 1, m, m + 1], 10));
    const [rolled] = rolledOutPilots([pilot("a", decided("ROLLOUT", "2026-03-29"))]);
    const outcome = caseOutcomeOf(rolled!, periods, {
      before: Array.from({ length: 12 }, (_, i) => week(i % 2 === 0 ? 3.6 : 4.4)),
      after: [week(4.4), week(4.4), week(4.4), week(3.6)],
    });
    expect(outcome.difference!.value).toBeCloseTo(0.2, 10);
    expect(outcome.difference!.pValue).toBeCloseTo(0.406853, 5);
    expect(outcome.difference!.interval.low).toBeCloseTo(-0.301603, 5);
    expect(outcome.difference!.interval.high).toBeCloseTo(0.701603, 5);
    expect(outcome.verdict).toBe("NO_CLEAR_DIFFERENCE");
    // Each window's own interval on the same footing: mean ± t(0.975; 14)·√(DEFF·s²/n).
    // After: 4.2 ± 2.144787·√(6.136364·0.793277/120) = [3.768022, 4.631978];
    // before: 4.0 ± 2.144787·√(6.136364·0.828969/360) = [3.745048, 4.254952].
    expect(outcome.after.figure!.interval!.low).toBeCloseTo(3.768022, 5);
    expect(outcome.after.figure!.interval!.high).toBeCloseTo(4.631978, 5);
    expect(outcome.before.figure!.interval!.low).toBeCloseTo(3.745048, 5);
    expect(outcome.before.figure!.interval!.high).toBeCloseTo(4.254952, 5);
  });
});
