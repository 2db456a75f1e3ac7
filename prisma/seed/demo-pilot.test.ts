import { describe, expect, it } from "vitest";
import type { TObservationInput } from "@/lib/observations/schemas";
import { chooseMeanChart } from "@/lib/stats/chart-choice";
import { detectSignals } from "@/lib/stats/control-charts";
import { welchTTest } from "@/lib/stats/difference-tests";
import { pilotVerdict } from "@/lib/stats/pilot-verdict";
import { sampleSizeForMeans } from "@/lib/stats/power";
import { momentsOf, sampleVariance } from "@/lib/stats/summary";
import {
  DEMO_PILOT_SURVEY_COUNT,
  generateDemoObservations,
  generateDemoPilotSurveys,
  PLANTED_MOT,
} from "./demo-observations";
import {
  DEMO_FIX_EFFECT,
  DEMO_PILOT,
  DEMO_RELAPSE_SHIFT,
  demoPilotDates,
  plantedGapShift,
} from "./demo-pilot";
import { daysAgoOf, demoInput, TEST_NOW, touchpointNamed } from "./demo-test-input";

// The Improve and Control story on the generated rows, judged by the very statistics the app
// uses (lib/stats): the pilot wins clearly on the planned sample, a two-day pilot has too little
// data, and a daily X-bar chart with limits from the 14 days after the rollout flags the relapse.
// Every property is checked on seven consecutive days, because which weekday today is changes
// the draws (busy days get more observations).

const planted = touchpointNamed(PLANTED_MOT.nameEn);
const PLANNED_EFFECT = 0.5;

function demoRowsAt(now: Date) {
  const input = demoInput(2009, now);
  const rows = [...generateDemoObservations(input), ...generateDemoPilotSurveys(input)].filter(
    (r) => r.touchpointId === planted.id,
  );
  const between = (from: number, to: number, site?: string) =>
    rows.filter(
      (r) =>
        daysAgoOf(r, now) <= from &&
        daysAgoOf(r, now) >= to &&
        (!site || r.siteId === `site-${site}`),
    );
  return { rows, between };
}
const experience = (rows: TObservationInput[]) => momentsOf(rows.map((r) => r.experiencedScore!));
const sdOf = (rows: TObservationInput[]) => Math.sqrt(sampleVariance(experience(rows))!);

const weekOfNows = Array.from(
  { length: 7 },
  (_, i) => new Date(TEST_NOW.getTime() + i * 86_400_000 + (i % 2 ? 14 : 0) * 3_600_000),
);

describe("the demo pilot timeline", () => {
  it("shifts the planted MOT's gap: at the pilot store during the pilot, everywhere after the rollout, below the start in the relapse", () => {
    const {
      startDaysAgo,
      endDaysAgo,
      rolloutDaysAgo,
      relapseDaysAgo,
      pilotSiteCode,
      controlSiteCode,
    } = DEMO_PILOT;
    expect(rolloutDaysAgo).toBe(endDaysAgo - 1);
    for (const site of [pilotSiteCode, controlSiteCode, "CALLCENTER", null]) {
      expect(plantedGapShift(startDaysAgo + 1, site)).toBe(0);
      expect(plantedGapShift(rolloutDaysAgo, site)).toBe(DEMO_FIX_EFFECT);
      expect(plantedGapShift(relapseDaysAgo + 1, site)).toBe(DEMO_FIX_EFFECT);
      expect(plantedGapShift(relapseDaysAgo, site)).toBe(DEMO_RELAPSE_SHIFT);
      expect(plantedGapShift(0, site)).toBe(DEMO_RELAPSE_SHIFT);
    }
    for (const day of [startDaysAgo, endDaysAgo]) {
      expect(plantedGapShift(day, pilotSiteCode)).toBe(DEMO_FIX_EFFECT);
      expect(plantedGapShift(day, controlSiteCode)).toBe(0);
    }
  });

  it("names its days as local days in Korea time, the day after the pilot being the rollout", () => {
    // 16:00 UTC on the 25th is 01:00 on the 26th in Seoul.
    expect(demoPilotDates(new Date("2026-11-25T16:00:00Z"))).toEqual({
      today: "2026-11-26",
      startsOn: "2026-09-24",
      endsOn: "2026-10-21",
      rolloutOn: "2026-10-22",
      relapseFrom: "2026-11-19",
      beforeFrom: "2026-06-26",
      beforeTo: "2026-09-23",
      evaluationTo: "2026-11-18",
    });
    expect(demoPilotDates(new Date("2026-11-25T14:59:59Z")).today).toBe("2026-11-25");
  });

  it("adds a fixed number of pilot surveys a day at each of the two stores, with client ids of their own", () => {
    const surveys = generateDemoPilotSurveys(demoInput());
    expect(surveys).toHaveLength(DEMO_PILOT_SURVEY_COUNT);
    expect(new Set(surveys.map((r) => r.clientId)).size).toBe(surveys.length);
    expect(
      surveys.every(
        (r) =>
          r.clientId!.startsWith("demo:skt:pilot:") &&
          r.touchpointId === planted.id &&
          r.source === "SURVEY",
      ),
    ).toBe(true);
    const ages = surveys.map((r) => daysAgoOf(r));
    expect(Math.min(...ages)).toBe(1);
    expect(Math.max(...ages)).toBe(DEMO_PILOT.startDaysAgo);
    expect(generateDemoPilotSurveys(demoInput())).toEqual(surveys);
  });

  it.each(weekOfNows.map((now) => [now.toISOString(), now] as const))(
    "lets a pilot of Gangnam against Jamsil win clearly on its planned sample (now = %s)",
    (_, now) => {
      const { between } = demoRowsAt(now);
      const { startDaysAgo, endDaysAgo, pilotSiteCode, controlSiteCode } = DEMO_PILOT;
      const pilot = between(startDaysAgo, endDaysAgo, pilotSiteCode);
      const control = between(startDaysAgo, endDaysAgo, controlSiteCode);
      // The plan's sd, however the page estimates it: the 28 days before the pilot, the pilot window, or all 120 days.
      const required = Math.max(
        ...[
          between(startDaysAgo + 28, startDaysAgo + 1),
          [...pilot, ...control],
          between(119, 0),
        ].map((rows) => sampleSizeForMeans({ sd: sdOf(rows), effect: PLANNED_EFFECT })),
      );
      expect(Math.min(pilot.length, control.length)).toBeGreaterThan(1.2 * required);

      const test = welchTTest(experience(pilot), experience(control))!;
      expect(test.difference).toBeGreaterThan(0.8);
      expect(test.interval.low).toBeGreaterThan(PLANNED_EFFECT);
      expect(test.pValue).toBeLessThan(1e-6);
      expect(
        pilotVerdict({
          test,
          pilotN: pilot.length,
          controlN: control.length,
          requiredPerGroup: required,
        }).verdict,
      ).toBe("IMPROVED");

      // The stores were alike before the pilot: the difference is the pilot's.
      const before = welchTTest(
        experience(between(startDaysAgo + 28, startDaysAgo + 1, pilotSiteCode)),
        experience(between(startDaysAgo + 28, startDaysAgo + 1, controlSiteCode)),
      )!;
      expect(Math.abs(before.difference)).toBeLessThan(0.5);

      // Two days are not enough for the plan.
      const short = [
        between(endDaysAgo + 1, endDaysAgo, pilotSiteCode),
        between(endDaysAgo + 1, endDaysAgo, controlSiteCode),
      ] as const;
      expect(
        pilotVerdict({
          test: welchTTest(experience(short[0]), experience(short[1])),
          pilotN: short[0].length,
          controlN: short[1].length,
          requiredPerGroup: required,
        }).verdict,
      ).toBe("NOT_ENOUGH_DATA");
    },
  );

  it.each(weekOfNows.map((now) => [now.toISOString(), now] as const))(
    "relapses so that the daily chart of means from the 14 days after the rollout flags the last week, and only it (now = %s)",
    (_, now) => {
      const { between } = demoRowsAt(now);
      const days = Array.from(
        { length: DEMO_PILOT.rolloutDaysAgo + 1 },
        (_, i) => DEMO_PILOT.rolloutDaysAgo - i,
      ).map((daysAgo) => ({ daysAgo, rows: between(daysAgo, daysAgo) }));
      // Enough answers every day for a daily chart (today is still under way).
      expect(
        Math.min(...days.filter((d) => d.daysAgo >= 1).map((d) => d.rows.length)),
      ).toBeGreaterThanOrEqual(10);

      const baseline = days.slice(0, 14);
      const points = days.slice(14).filter((d) => d.rows.length > 0);
      // The chart the app draws from that baseline (X-bar, or Laney's X-bar′ if the days vary
      // more than their answers explain), with limits from enough answers within the days.
      const chart = chooseMeanChart(
        baseline.map((d) => experience(d.rows)),
        points.map((d) => experience(d.rows)),
      );
      expect(chart.method.kind).toMatch(/^XBAR/);
      const downward = detectSignals(chart.points!).filter((s) => s.direction === "DOWN");
      const flaggedDaysAgo = (rule?: string) =>
        new Set(
          downward
            .filter((s) => !rule || s.rule === rule)
            .map((s) => points[s.pointIndex]!.daysAgo),
        );

      // Every whole day of the relapse is flagged below the baseline, most beyond 3σ. On some
      // days the 14 baseline days vary enough for Laney's X-bar′ (σ_z ≈ 1.5), whose wider limits
      // leave a few relapse days at 2.6–3σ, still caught by "2 of 3 beyond 2σ".
      const flagged = flaggedDaysAgo();
      const beyond = flaggedDaysAgo("BEYOND_3_SIGMA");
      const relapseDays = points
        .filter((p) => p.daysAgo <= DEMO_PILOT.relapseDaysAgo && p.daysAgo >= 1)
        .map((p) => p.daysAgo);
      expect(relapseDays.filter((d) => !flagged.has(d))).toEqual([]);
      expect(relapseDays.filter((d) => beyond.has(d)).length).toBeGreaterThanOrEqual(3);
      // Nothing worse than the baseline is flagged before the relapse: the alerts tell one story.
      expect([...flaggedDaysAgo()].filter((d) => d > DEMO_PILOT.relapseDaysAgo)).toEqual([]);
    },
  );
});
