import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  getFixFirstRanking,
  getMeasureView,
  getTouchpointDrilldown,
} from "@/lib/analytics/queries";
import type { TObservationInput } from "@/lib/observations/schemas";
import { recordObservations } from "@/lib/observations/mutations";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations } from "./helpers/factories";
import { buildJourney, type TFixture } from "./helpers/journey-fixture";

// The Measure view's metric splits and the drivers' ranking: CSAT, NPS and
// CES per stage and per month on a hand-made data set whose answers are worked out below, and the
// fix-first ranking of loyalty drivers. Real PostgreSQL, through the domain functions.

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

describe("getMeasureView: CSAT, NPS and CES by stage and by month", () => {
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
    const view = await getMeasureView(cast.a.manager, { journeyId: f.journeyId });
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
    const view = await getMeasureView(cast.a.manager, { journeyId: f.journeyId });
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
    const view = await getMeasureView(cast.a.manager, {
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
    const noAnswers = await getMeasureView(cast.a.manager, {
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
});

describe("getMeasureView: fix-first ranking of loyalty drivers", () => {
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
    const view = await getMeasureView(cast.a.manager, { journeyId: f.journeyId });
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
    expect(view.ranking.find((r) => r.touchpoint.id === f.mot)!.reason).toMatchObject({
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
    const view = await getMeasureView(cast.a.manager, { journeyId: f.journeyId });
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

describe("getMeasureView: who may read it", () => {
  it("refuses frontline staff, and answers another organization's journey as not found", async () => {
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
    await expect(
      getMeasureView(cast.a.frontline, { journeyId: f.journeyId }),
    ).rejects.toMatchObject({ name: "AppError", code: "FORBIDDEN" });
    await expect(getMeasureView(cast.b.manager, { journeyId: f.journeyId })).rejects.toMatchObject({
      name: "AppError",
      code: "NOT_FOUND",
    });
    await expect(
      getMeasureView(cast.b.executive, { journeyId: f.journeyId }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    // The other reads of the same data answer alike.
    await expect(
      getFixFirstRanking(cast.a.frontline, { journeyId: f.journeyId }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      getFixFirstRanking(cast.b.manager, { journeyId: f.journeyId }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      getTouchpointDrilldown(cast.b.manager, { journeyId: f.journeyId }, f.mot),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(
      (await getFixFirstRanking(cast.a.manager, { journeyId: f.journeyId })).map(
        (r) => r.touchpoint.id,
      ),
    ).toEqual([f.mot]);

    // Their own journey sees none of ours, in any of the new parts.
    const theirs = await buildJourney(cast.b.manager, "Hotel");
    const view = await getMeasureView(cast.b.manager, { journeyId: theirs.journeyId });
    expect(view.driverRanking).toEqual([]);
    expect(view.bySlice).toEqual({ stage: [], month: [] });

    // The executive of ours reads it.
    const ours = await getMeasureView(cast.a.executive, { journeyId: f.journeyId });
    expect(ours.driverRanking.map((r) => r.driver.id)).toEqual([f.drivers[0]]);
    expect(ours.bySlice.month).toHaveLength(1);
  });
});
