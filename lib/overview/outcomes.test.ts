import { describe, expect, it } from "vitest";
import type { TGroupMoments } from "@/lib/analytics/schemas";
import { EMPTY_SUMS, pilotOutcome } from "@/lib/pilots/outcome";
import { momentsOf } from "@/lib/stats/summary";
import { caseOutcomeOf, rolledOutPilots } from "./outcomes";
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
const periods = {
  before: { from: "2026-02-01", to: "2026-02-28" },
  after: { from: "2026-03-29", to: "2026-04-30" },
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

  it("compare the mean after the rollout with the 28 days before the pilot, with Welch's interval", () => {
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
});
