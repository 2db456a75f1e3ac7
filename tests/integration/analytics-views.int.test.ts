import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  getFixFirstRanking,
  getMeasureDrivers,
  getMeasureHeadline,
  getMeasureHeatMap,
  getMeasureSplits,
  getMeasureStagesAndMonths,
  getTouchpointDrilldown,
  getTouchpointDrilldownSplits,
  listJourneysWithData,
} from "@/lib/analytics/queries";
import { mergePendingRollups } from "@/lib/observations/rollup-merge";
import type { TAnalysisFilterInput, TSliceMeasures } from "@/lib/analytics/schemas";
import type { TActor } from "@/lib/auth/permissions";
import type { TObservationInput } from "@/lib/observations/schemas";
import { recordObservations } from "@/lib/observations/mutations";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations } from "./helpers/factories";
import { buildJourney, type TFixture } from "./helpers/journey-fixture";

// The Measure view's parts (the page streams them): CSAT, NPS and CES per stage and per month on a
// hand-made data set whose answers are worked out below, every part counting the same observations,
// the fix-first ranking of loyalty drivers, and who may read each part. Real PostgreSQL, through the
// domain functions.

let cast: Awaited<ReturnType<typeof createTwoOrganizations>>;
let f: TFixture;

beforeEach(async () => {
  await resetDatabase();
  cast = await createTwoOrganizations();
  f = await buildJourney(cast.a.manager);
});

const at = (day: string) => new Date(`${day}T10:00:00Z`);
const record = (observations: TObservationInput[]) =>
  recordObservations(cast.a.manager, { observations });

/** Every part of the Measure page, as the page reads them. */
const MEASURE_PARTS = [
  getMeasureHeadline,
  getMeasureDrivers,
  getMeasureSplits,
  getMeasureStagesAndMonths,
  getMeasureHeatMap,
] as const;
const observationsIn = (rows: { measures: { observations: number } }[]) =>
  rows.reduce((sum, row) => sum + row.measures.observations, 0);

describe("the Measure view's parts: CSAT, NPS and CES by stage and by month", () => {
  beforeEach(async () => {
    await record([
      // Booking stage (mot, plain): NPS 10, 8, 3, 9 · CSAT 5, 4, 2, 5 · CES 2, 4, 6
      {
        touchpointId: f.mot,
        source: "SURVEY",
        observedAt: at("2026-10-15"),
        experiencedScore: 6,
        nps: 10,
        csat: 5,
        ces: 2,
      },
      {
        touchpointId: f.mot,
        source: "SURVEY",
        observedAt: at("2026-10-20"),
        experiencedScore: 5,
        nps: 8,
        csat: 4,
        ces: 4,
      },
      {
        touchpointId: f.plain,
        source: "SURVEY",
        observedAt: at("2026-11-03"),
        experiencedScore: 2,
        nps: 3,
        csat: 2,
        ces: 6,
      },
      {
        touchpointId: f.plain,
        source: "SURVEY",
        observedAt: at("2026-11-04"),
        experiencedScore: 6,
        nps: 9,
        csat: 5,
      },
      // Return stage (other): NPS 6 · CSAT 3 · CES 3, 5; the second observation has neither NPS nor CSAT.
      {
        touchpointId: f.other,
        source: "SURVEY",
        observedAt: at("2026-11-05"),
        experiencedScore: 4,
        nps: 6,
        csat: 3,
        ces: 3,
      },
      {
        touchpointId: f.other,
        source: "SURVEY",
        observedAt: at("2026-11-06"),
        experiencedScore: 4,
        ces: 5,
      },
    ]);
  });

  it("gives each stage, in journey order, its CSAT (top-2-box, Wilson), NPS and CES with their n", async () => {
    const view = await getMeasureStagesAndMonths(cast.a.manager, { journeyId: f.journeyId });
    expect(view.bySlice.stage.map((s) => [s.key, s.label, s.measures.observations])).toEqual([
      [
        f.booking,
        {
          kind: "bilingual",
          name: { id: f.booking, nameKo: "예약", nameEn: "Booking", position: 0 },
        },
        4,
      ],
      [
        f.returning,
        {
          kind: "bilingual",
          name: { id: f.returning, nameKo: "반납", nameEn: "Return", position: 1 },
        },
        2,
      ],
    ]);
    const [booking, returning] = view.bySlice.stage.map((s) => s.measures);

    // CSAT 3 of 4 in the top two boxes = 75 %; Wilson 95 % for 3/4 is 30.06 % to 95.44 % (Newcombe 1998).
    expect(booking!.csat).toMatchObject({ n: 4, value: 75 });
    expect(booking!.csat!.interval!.low).toBeCloseTo(30.06, 2);
    expect(booking!.csat!.interval!.high).toBeCloseTo(95.44, 2);
    // NPS: 2 promoters, 1 passive, 1 detractor of 4 = 50 − 25 = 25. Adjusted Wald (Rocks 2016):
    // ñ = 7, p̃₊ = 2.75/7 = 0.392857, p̃₋ = 1.75/7 = 0.25, centre 0.142857,
    // Var = (0.642857 − 0.020408) / 7, half-width 1.959964 × 0.298200 = 0.584455 → −44.16 to 72.73.
    expect(booking!.nps).toMatchObject({ n: 4, value: 25 });
    expect(booking!.nps!.interval!.low).toBeCloseTo(-44.16, 2);
    expect(booking!.nps!.interval!.high).toBeCloseTo(72.73, 2);
    // CES 2, 4, 6: mean 4, s = 2, t(0.975; 2) = 4.302653 → 4 ± 4.9683.
    expect(booking!.ces).toMatchObject({ n: 3, mean: 4 });
    expect(booking!.ces!.interval!.low).toBeCloseTo(4 - 4.9683, 3);

    expect(returning).toMatchObject({
      observations: 2,
      csat: { n: 1, value: 0 },
      nps: { n: 1, value: -100 },
      ces: { n: 2, mean: 4 },
    });
  });

  it("gives each calendar month, oldest first, its own CSAT, NPS and CES", async () => {
    const view = await getMeasureStagesAndMonths(cast.a.manager, { journeyId: f.journeyId });
    expect(view.bySlice.month.map((s) => s.label)).toEqual([
      { kind: "text", text: "2026-10-01" },
      { kind: "text", text: "2026-11-01" },
    ]);
    const [october, november] = view.bySlice.month.map((s) => s.measures);
    expect(october).toMatchObject({
      observations: 2,
      csat: { n: 2, value: 100 },
      nps: { n: 2, value: 50 },
      ces: { n: 2, mean: 3 },
    });
    // November: NPS 3, 9, 6 = 1 promoter, 2 detractors → −33.3; CSAT 2, 5, 3 → 1 of 3; CES 6, 3, 5 → 4.667.
    expect(november!.observations).toBe(4);
    expect(november!.nps!.value).toBeCloseTo(-100 / 3, 10);
    expect(november!.csat!.value).toBeCloseTo(100 / 3, 10);
    expect(november!.ces!.mean).toBeCloseTo(14 / 3, 10);
    expect(november!.ces!.n).toBe(3);
  });

  it("follows the filter: a period leaves only its month and the stages seen in it", async () => {
    const view = await getMeasureStagesAndMonths(cast.a.manager, {
      journeyId: f.journeyId,
      from: "2026-11-01",
      to: "2026-11-30",
    });
    expect(view.bySlice.month.map((s) => s.key)).toEqual(["2026-11-01"]);
    expect(view.bySlice.stage.map((s) => [s.key, s.measures.observations])).toEqual([
      [f.booking, 2],
      [f.returning, 2],
    ]);
    // A slice with answers to none of the three questions has no value, only its n.
    const noAnswers = await getMeasureStagesAndMonths(cast.a.manager, {
      journeyId: f.journeyId,
      from: "2026-11-06",
      to: "2026-11-06",
    });
    expect(noAnswers.bySlice.stage).toHaveLength(1);
    expect(noAnswers.bySlice.stage[0]!.measures).toMatchObject({
      observations: 1,
      csat: null,
      nps: null,
      ces: { n: 1, mean: 5, interval: null },
    });
  });

  // The page shows the parts side by side: each must count the observations of the same filter.
  it.each<[string, Omit<TAnalysisFilterInput, "journeyId">, number]>([
    ["all time", {}, 6],
    ["November", { from: "2026-11-01", to: "2026-11-30" }, 4],
    ["Moments of Truth only", { motOnly: true }, 2],
  ])("every part counts the same observations as the headline (%s)", async (_, filter, n) => {
    const input = { journeyId: f.journeyId, ...filter };
    const view = await readAllParts(cast.a.manager, input);
    const total = view.totals.observations;
    expect(total).toBe(n);
    const partitions: TSliceMeasures[][] = [
      view.byTouchpoint,
      ...Object.values(view.splits),
      view.bySlice.stage,
      view.bySlice.month,
    ];
    for (const slices of partitions) expect(observationsIn(slices)).toBe(total);
    expect(observationsIn(view.stageBySegment)).toBe(total);
    // No observation here names a driver or has a gap: nothing to rank.
    expect(view.driverRanking).toEqual([]);
    expect(view.ranking).toEqual([]);
    expect(view.filter).toMatchObject(input);
  });
});

describe("getMeasureDrivers: fix-first ranking of loyalty drivers", () => {
  const [waiting, courtesy] = [0, 1] as const;
  // Waiting time: expected 6, experienced 3–4 (gap −2.6); courtesy: 4–5 (gap −1.4); n = 10 each (the
  // fewest a ranked item may have), no NPS.
  const rows = (driver: 0 | 1, experienced: number[]): TObservationInput[] =>
    experienced.map((score, i) => ({
      touchpointId: f.mot,
      driverId: f.drivers[driver],
      source: "SURVEY",
      observedAt: at(`2026-11-1${i}`),
      expectationScore: 6,
      experiencedScore: score,
    }));

  it("ranks the drivers with the touchpoints' formula; a stated importance is used as stated", async () => {
    await db.loyaltyDriver.update({
      where: { id: f.drivers[courtesy] },
      data: { statedImportance: 0.9 },
    });
    await record([
      ...rows(waiting, [3, 4, 3, 4, 3, 3, 4, 3, 4, 3]),
      ...rows(courtesy, [5, 4, 5, 4, 5, 5, 4, 5, 4, 5]),
      // No driver: counts for the touchpoint, not for any driver.
      {
        touchpointId: f.mot,
        source: "SURVEY",
        observedAt: at("2026-11-02"),
        expectationScore: 6,
        experiencedScore: 1,
      },
    ]);
    const view = await getMeasureDrivers(cast.a.manager, { journeyId: f.journeyId });
    expect(
      view.driverRanking.map((r) => [
        r.rank,
        r.driver.nameEn,
        r.reason.importanceSource,
        r.reason.importance,
      ]),
    ).toEqual([
      [1, "Waiting time", "DEFAULT", 0.5],
      [2, "Courtesy", "STATED", 0.9],
    ]);
    const [first, second] = view.driverRanking;
    expect(first!.driver).toMatchObject({
      id: f.drivers[waiting],
      nameKo: "대기 시간",
      kind: "RATIONAL",
      dimension: "PRODUCT_SERVICE",
      touchpoint: { id: f.mot, nameEn: "Counter", isMoT: true },
    });
    expect(second!.driver).toMatchObject({
      kind: "EMOTIONAL",
      dimension: "FRONTLINE_STAFF",
      touchpoint: { id: f.mot },
    });
    expect(first!.reason).toMatchObject({ n: 10, verdict: "BELOW_EXPECTATION", reachShare: 1 });
    expect(first!.reason.meanGap).toBeCloseTo(-2.6, 10);
    expect(second!.reason.meanGap).toBeCloseTo(-1.4, 10);
    expect(first!.measures).toMatchObject({ observations: 10, expectation: 6 });
    expect(first!.measures.experience).toBeCloseTo(3.4, 10);
    // The stated 0.9 multiplies the score exactly as stated.
    expect(second!.reason.score).toBeCloseTo(second!.reason.shortfallBound * 0.9, 12);
    // The touchpoint takes its most important driver's stated importance (as before).
    const { ranking } = await getMeasureHeadline(cast.a.manager, { journeyId: f.journeyId });
    expect(ranking.find((r) => r.touchpoint.id === f.mot)!.reason).toMatchObject({
      importance: 0.9,
      importanceSource: "STATED",
    });
  });

  it("when stated high enough, importance puts the milder driver first", async () => {
    await db.loyaltyDriver.update({
      where: { id: f.drivers[waiting] },
      data: { statedImportance: 0.1 },
    });
    await db.loyaltyDriver.update({
      where: { id: f.drivers[courtesy] },
      data: { statedImportance: 1 },
    });
    await record([
      ...rows(waiting, [3, 4, 3, 4, 3, 3, 4, 3, 4, 3]),
      ...rows(courtesy, [5, 4, 5, 4, 5, 5, 4, 5, 4, 5]),
    ]);
    const view = await getMeasureDrivers(cast.a.manager, { journeyId: f.journeyId });
    expect(
      view.driverRanking.map((r) => [
        r.driver.nameEn,
        r.reason.importanceSource,
        r.reason.importance,
      ]),
    ).toEqual([
      ["Courtesy", "STATED", 1],
      ["Waiting time", "STATED", 0.1],
    ]);
  });
});

describe("the Measure view's parts: who may read them", () => {
  it("refuse frontline staff, and answer another organization's journey as not found", async () => {
    await record([
      {
        touchpointId: f.mot,
        driverId: f.drivers[0],
        source: "SURVEY",
        observedAt: at("2026-11-02"),
        expectationScore: 6,
        experiencedScore: 3,
        nps: 2,
        csat: 1,
        ces: 7,
      },
    ]);
    const ours = { journeyId: f.journeyId };
    for (const part of MEASURE_PARTS) {
      await expect(part(cast.a.frontline, ours)).rejects.toMatchObject({
        name: "AppError",
        code: "FORBIDDEN",
      });
      for (const other of [cast.b.manager, cast.b.executive])
        await expect(part(other, ours)).rejects.toMatchObject({
          name: "AppError",
          code: "NOT_FOUND",
        });
      // A filter that does not parse is refused by each part on its own.
      await expect(part(cast.a.manager, { journeyId: "" })).rejects.toMatchObject({
        code: "VALIDATION",
      });
    }

    // The other reads of the same data answer alike.
    const drilldownParts = [getTouchpointDrilldown, getTouchpointDrilldownSplits];
    for (const part of drilldownParts) {
      await expect(part(cast.a.frontline, ours, f.mot)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(part(cast.b.manager, ours, f.mot)).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    await expect(getFixFirstRanking(cast.a.frontline, ours)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(getFixFirstRanking(cast.b.manager, ours)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await getFixFirstRanking(cast.a.manager, ours)).map((r) => r.touchpoint.id)).toEqual([
      f.mot,
    ]);

    // Their own journey sees none of ours, in any part.
    const theirs = await buildJourney(cast.b.manager, "Hotel");
    const theirView = await readAllParts(cast.b.manager, { journeyId: theirs.journeyId });
    expect(theirView.totals.observations).toBe(0);
    expect(theirView.driverRanking).toEqual([]);
    expect(theirView.bySlice).toEqual({ stage: [], month: [] });
    expect(theirView.stageBySegment).toEqual([]);
    expect(Object.values(theirView.splits).flat()).toEqual([]);

    // The executive of ours reads every part.
    const view = await readAllParts(cast.a.executive, ours);
    expect(view.totals.observations).toBe(1);
    expect(view.driverRanking.map((r) => r.driver.id)).toEqual([f.drivers[0]]);
    expect(view.bySlice.month).toHaveLength(1);
    expect(view.splits.source.map((s) => [s.key, s.measures.observations])).toEqual([
      ["SURVEY", 1],
    ]);
    expect(view.stageBySegment.map((c) => [c.stage.id, c.measures.observations])).toEqual([
      [f.booking, 1],
    ]);
  });
});

/** The whole page, from its parts. */
async function readAllParts(actor: TActor, filter: TAnalysisFilterInput) {
  const [headline, drivers, splits, stagesAndMonths, heatMap] = await Promise.all([
    getMeasureHeadline(actor, filter),
    getMeasureDrivers(actor, filter),
    getMeasureSplits(actor, filter),
    getMeasureStagesAndMonths(actor, filter),
    getMeasureHeatMap(actor, filter),
  ]);
  return { ...headline, ...drivers, ...splits, ...stagesAndMonths, ...heatMap };
}

describe("listJourneysWithData", () => {
  it("counts each journey's observations, merged into the rollups or still pending, busiest first", async () => {
    const other = await buildJourney(cast.a.manager, "Other");
    const answer = (touchpointId: string, i: number): TObservationInput => ({
      clientId: `count-${touchpointId}-${i}`,
      touchpointId,
      source: "FRONTLINE",
      observedAt: new Date("2026-11-02T03:00:00Z"),
      experiencedScore: 5,
    });
    await record([0, 1, 2].map((i) => answer(f.mot, i)));
    await mergePendingRollups();
    await record([3, 4].map((i) => answer(f.plain, i))); // still pending
    await record([0].map((i) => answer(other.mot, i)));
    const counts = (await listJourneysWithData(cast.a.manager)).map((j) => [j.id, j.observations]);
    expect(counts.slice(0, 2)).toEqual([
      [f.journeyId, 5],
      [other.journeyId, 1],
    ]);
    // Another organization's manager sees none of them.
    const theirs = await listJourneysWithData(cast.b.manager);
    expect(theirs.every((j) => j.observations === 0)).toBe(true);
  });
});
