import { describe, expect, it } from "vitest";
import {
  importancesOf,
  measuresOf,
  rankDrivers,
  rankMeasuredItems,
  rankTouchpoints,
} from "./measures";
import type { TDriverRef, TGroupMoments, TTouchpointRef } from "./schemas";

const moments = (values: number[]) => ({
  n: values.length,
  sum: values.reduce((a, b) => a + b, 0),
  sumSquares: values.reduce((a, b) => a + b * b, 0),
});

function group(id: string, gaps: number[], extra: Partial<TGroupMoments> = {}): TGroupMoments {
  return {
    keys: [id],
    observations: gaps.length,
    gap: moments(gaps),
    expectation: {
      n: gaps.length,
      sum: 6 * gaps.length,
      pairedExperienceSum: gaps.reduce((sum, g) => sum + 6 + g, 0),
    },
    experience: {
      n: gaps.length,
      sum: gaps.reduce((sum, g) => sum + 6 + g, 0),
      sumSquares: gaps.reduce((sum, g) => sum + (6 + g) ** 2, 0),
    },
    emotional: moments([]),
    nps: { promoters: 50, passives: 30, detractors: 20 },
    csat: { n: 100, topTwoBox: 80 },
    ces: moments([2, 3, 4]),
    experienceNpsCorrelation: { r: null, n: 0 },
    ...extra,
  };
}

const ref = (id: string): TTouchpointRef => ({
  id,
  nameKo: id,
  nameEn: id,
  position: 0,
  isMoT: true,
  dimension: "FRONTLINE_STAFF",
  channel: "IN_PERSON",
  stage: { id: "s", nameKo: "s", nameEn: "s", position: 0 },
});

describe("measuresOf", () => {
  it("turns the sums into means, NPS, CSAT and CES with their n", () => {
    const m = measuresOf(
      group(
        "a",
        [2, 4, 4, 4, 5, 5, 7, 9].map((x) => x - 6),
      ),
    );
    expect(m.gap).toMatchObject({ n: 8, mean: -1 });
    expect(m.gap!.interval!.low).toBeCloseTo(3.2125 - 6, 4); // the same sample as lib/stats' hand-computed t-interval
    expect(m).toMatchObject({
      observations: 8,
      expectation: 6,
      experience: 5,
      nps: { value: 30, n: 100 },
      csat: { value: 80, n: 100 },
      ces: { n: 3, mean: 3 },
      emotional: null,
    });
  });

  it("shows next to a gap the expectation and experience of the same rows, so they differ by exactly the gap", () => {
    const group0 = group("a", [-1, -3]);
    // A third answer with an experience but no expectation: counted in experience, not next to the gap.
    const m = measuresOf({
      ...group0,
      observations: 3,
      experience: { n: 3, sum: 5 + 3 + 7, sumSquares: 25 + 9 + 49 },
      expectation: { n: 2, sum: 12, pairedExperienceSum: 8 },
    });
    expect(m).toMatchObject({ expectation: 6, experience: 4 });
    expect(m.experience! - m.expectation!).toBeCloseTo(m.gap!.mean, 10);
  });

  it("is empty for a slice without observations", () => {
    expect(measuresOf(undefined)).toMatchObject({ observations: 0, gap: null, nps: null });
  });
});

describe("rankTouchpoints", () => {
  const bad = Array.from({ length: 400 }, (_, i) => -1.5 + ((i % 5) - 2) * 0.5);
  const mild = Array.from({ length: 400 }, (_, i) => -0.3 + ((i % 5) - 2) * 0.5);

  it("puts the touchpoint far below expectation first and says why", () => {
    const result = rankTouchpoints([
      { touchpoint: ref("mild"), statedImportance: null, group: group("mild", mild) },
      { touchpoint: ref("bad"), statedImportance: null, group: group("bad", bad) },
      { touchpoint: ref("decoy"), statedImportance: null, group: group("decoy", [-4, -3, -5]) },
    ]);
    // Three terrible answers do not outrank 400 that are clearly bad (lib/stats/ranking.test.ts has the full planted set).
    expect(result.ranking[0]!.touchpoint.id).toBe("bad");
    expect(result.ranking.find((r) => r.touchpoint.id === "decoy")!.rank).toBeGreaterThan(1);
    expect(result.ranking[0]!.reason).toMatchObject({
      n: 400,
      importanceSource: "DEFAULT",
      importance: 0.5,
      verdict: "BELOW_EXPECTATION",
    });
    expect(result.ranking[0]!.reason.meanGap).toBeCloseTo(-1.5, 6);
  });

  it("uses the importance a manager stated, else the experience–NPS correlation when there are 30 pairs or more", () => {
    const result = rankTouchpoints([
      { touchpoint: ref("stated"), statedImportance: 0.9, group: group("stated", mild) },
      {
        touchpoint: ref("derived"),
        statedImportance: null,
        group: group("derived", mild, { experienceNpsCorrelation: { r: 0.4, n: 400 } }),
      },
      {
        touchpoint: ref("few"),
        statedImportance: null,
        group: group("few", mild, { experienceNpsCorrelation: { r: 0.9, n: 10 } }),
      },
    ]);
    const reasonOf = (id: string) => result.ranking.find((r) => r.touchpoint.id === id)!.reason;
    expect(reasonOf("stated")).toMatchObject({ importance: 0.9, importanceSource: "STATED" });
    expect(reasonOf("derived")).toMatchObject({ importance: 0.4, importanceSource: "DERIVED" });
    // Too few pairs: the mean of its peers' derived importances (here only 0.4), never more than measured data.
    expect(reasonOf("few")).toMatchObject({ importance: 0.4, importanceSource: "DEFAULT" });
    expect(result.ranking.map((r) => r.touchpoint.id)).toEqual(["stated", "derived", "few"]);
    expect(result.importancePerformanceCuts.importance).toBeCloseTo((0.9 + 0.4 + 0.4) / 3, 10);
  });
});

describe("importancesOf", () => {
  const item = (id: string, statedImportance: number | null, r: number | null, n: number) => ({
    id,
    statedImportance,
    group: group(id, [1], { experienceNpsCorrelation: { r, n } }),
  });

  it("prefers the stated importance, then a correlation on 30 pairs or more, then its derived peers' mean", () => {
    const importance = importancesOf([
      item("stated", 0.2, 0.9, 500),
      item("derived", null, 0.6, 30),
      item("other", null, 0.2, 300),
      item("few", null, 0.9, 29),
    ]);
    expect(importance.get("stated")).toEqual({ importance: 0.2, importanceSource: "STATED" });
    expect(importance.get("derived")).toEqual({ importance: 0.6, importanceSource: "DERIVED" });
    expect(importance.get("few")!.importance).toBeCloseTo((0.6 + 0.2) / 2, 10);
    expect(importance.get("few")!.importanceSource).toBe("DEFAULT");
  });

  it("falls back to 0.5 when no item has a derived importance", () => {
    expect(
      importancesOf([item("few", null, 0.9, 29), item("none", null, null, 0)]).get("none"),
    ).toEqual({ importance: 0.5, importanceSource: "DEFAULT" });
  });
});

describe("rankMeasuredItems", () => {
  const spread = (mean: number, n: number) =>
    Array.from({ length: n }, (_, i) => mean + ((i % 5) - 2) * 0.5);

  it("ranks any items by the fix-first score and leaves out those without a gap", () => {
    const ranked = rankMeasuredItems([
      { id: "none", statedImportance: null, group: { ...group("none", []), observations: 40 } },
      { id: "mild", statedImportance: null, group: group("mild", spread(-0.3, 200)) },
      { id: "bad", statedImportance: null, group: group("bad", spread(-1.2, 200)) },
    ]);
    expect(ranked.map((r) => [r.rank, r.id])).toEqual([
      [1, "bad"],
      [2, "mild"],
    ]);
    // Equal reach, default importance: score = shortfall bound × 0.5 × 1.
    expect(ranked[0]!.reason).toMatchObject({
      n: 200,
      reachShare: 1,
      reachWeight: 1,
      importance: 0.5,
      verdict: "BELOW_EXPECTATION",
    });
    expect(ranked[0]!.reason.score).toBeCloseTo(ranked[0]!.reason.shortfallBound * 0.5, 12);
    expect(ranked[0]!.reason.shortfallBound).toBeCloseTo(-ranked[0]!.reason.gapInterval!.high, 12);
  });

  it("gives a touchpoint and a driver with the same numbers the same reason (one formula for both)", () => {
    const g = group("x", spread(-0.8, 120), { experienceNpsCorrelation: { r: 0.45, n: 120 } });
    const [asTouchpoint] = rankTouchpoints([
      { touchpoint: ref("x"), statedImportance: null, group: g },
    ]).ranking;
    const [asDriver] = rankDrivers([{ driver: driverRef("x"), statedImportance: null, group: g }]);
    expect(asDriver!.reason).toEqual(asTouchpoint!.reason);
  });
});

describe("rankDrivers", () => {
  const bad = Array.from({ length: 300 }, (_, i) => -1 + ((i % 5) - 2) * 0.5);

  it("lets a driver's stated importance decide between equally bad drivers, and carries its measures", () => {
    const ranked = rankDrivers([
      {
        driver: driverRef("derived"),
        statedImportance: null,
        group: group("derived", bad, { experienceNpsCorrelation: { r: 0.3, n: 300 } }),
      },
      {
        driver: driverRef("stated"),
        statedImportance: 0.9,
        group: group("stated", bad, { experienceNpsCorrelation: { r: 0.3, n: 300 } }),
      },
    ]);
    expect(ranked.map((r) => r.driver.id)).toEqual(["stated", "derived"]);
    expect(ranked[0]!.reason).toMatchObject({ importance: 0.9, importanceSource: "STATED" });
    expect(ranked[1]!.reason).toMatchObject({ importance: 0.3, importanceSource: "DERIVED" });
    expect(ranked[1]!.reason.score / ranked[0]!.reason.score).toBeCloseTo(0.3 / 0.9, 10);
    expect(ranked[0]!.measures).toMatchObject({
      observations: 300,
      gap: { n: 300 },
      expectation: 6,
      experience: 5,
    });
    expect(ranked[0]!.driver).toMatchObject({
      kind: "RATIONAL",
      dimension: "PRODUCT_SERVICE",
      touchpoint: { id: "tp" },
    });
  });
});

function driverRef(id: string): TDriverRef {
  return {
    id,
    nameKo: id,
    nameEn: id,
    kind: "RATIONAL",
    dimension: "PRODUCT_SERVICE",
    touchpoint: ref("tp"),
  };
}
