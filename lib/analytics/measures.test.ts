import { describe, expect, it } from "vitest";
import enMeasure from "@/lib/i18n/messages/en/measure.json";
import koMeasure from "@/lib/i18n/messages/ko/measure.json";
import { MIN_ANSWERS_TO_RANK } from "@/lib/stats/ranking";
import {
  importancesOf,
  measuresOf,
  RANKING_RULES,
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
    // The only derived correlation is the strongest: 0.4 / 0.4 = 1 on the one scale.
    expect(reasonOf("derived")).toMatchObject({
      importance: 1,
      importanceSource: "DERIVED",
      importanceDetail: { correlation: { r: 0.4, n: 400 }, strongestR: 0.4, defaultReason: null },
    });
    // Too few pairs: the mean of its peers' derived importances (here only 1), capped at the middle
    // of the scale, 0.5 — a made-up importance never tops the scale (review of issue #17, item 5).
    expect(reasonOf("few")).toMatchObject({
      importance: 0.5,
      importanceSource: "DEFAULT",
      importanceDetail: { defaultReason: "TOO_FEW_PAIRS" },
    });
    expect(result.ranking.map((r) => r.touchpoint.id)).toEqual(["derived", "stated", "few"]);
    expect(result.importancePerformanceCuts.importance).toBeCloseTo((0.9 + 1 + 0.5) / 3, 10);
  });

  it("puts stated and derived importance on one scale: a stated 0.5 no longer outweighs the strongest driver (issue #17, item 5)", () => {
    // Equal gaps everywhere, so only importance decides. Correlations with NPS of r = 0.45 and
    // r = 0.25 on 400 pairs each (Fisher z: atanh 0.25 = 0.2554, SE = 1/√397 = 0.0502, so both
    // intervals exclude 0), and a manager's stated 0.5 ("half as important as the most important").
    // Before, 0.5 beat 0.45 and doubled 0.25: the raw r and the stated share were compared
    // directly. On one scale the derived ones are r ÷ 0.45: 1 and 0.5556, and the stated 0.5 comes last.
    const result = rankTouchpoints([
      { touchpoint: ref("stated"), statedImportance: 0.5, group: group("stated", mild) },
      {
        touchpoint: ref("strong"),
        statedImportance: null,
        group: group("strong", mild, { experienceNpsCorrelation: { r: 0.45, n: 400 } }),
      },
      {
        touchpoint: ref("weak"),
        statedImportance: null,
        group: group("weak", mild, { experienceNpsCorrelation: { r: 0.25, n: 400 } }),
      },
    ]);
    expect(result.ranking.map((r) => r.touchpoint.id)).toEqual(["strong", "weak", "stated"]);
    const reasonOf = (id: string) => result.ranking.find((r) => r.touchpoint.id === id)!.reason;
    expect(reasonOf("strong").importance).toBe(1);
    expect(reasonOf("weak").importance).toBeCloseTo(0.25 / 0.45, 12);
    expect(reasonOf("stated").importance).toBe(0.5);
  });

  it("does not use a derived importance whose 95 % interval includes 0, and says why", () => {
    // r = 0.2 on 40 pairs: atanh 0.2 = 0.202733, SE = 1/√37 = 0.164399, z = 1.959964 →
    // tanh(0.202733 ∓ 0.322216) = [tanh(−0.119484), tanh(0.524949)] = [−0.118918, 0.481510],
    // which includes 0. It falls back like DEFAULT: min(0.5, mean of the derived ones — the other
    // touchpoint's r = 0.5 on 400 pairs, relative 1) = 0.5, and at most its interval's upper end
    // relative to the strongest r, 0.481510 / 0.5 = 0.963, so 0.5.
    const result = rankTouchpoints([
      {
        touchpoint: ref("unsure"),
        statedImportance: null,
        group: group("unsure", mild, { experienceNpsCorrelation: { r: 0.2, n: 40 } }),
      },
      {
        touchpoint: ref("sure"),
        statedImportance: null,
        group: group("sure", bad, { experienceNpsCorrelation: { r: 0.5, n: 400 } }),
      },
    ]);
    const unsure = result.ranking.find((r) => r.touchpoint.id === "unsure")!.reason;
    expect(unsure).toMatchObject({
      importance: 0.5,
      importanceSource: "DEFAULT",
      importanceDetail: { defaultReason: "NOT_SHOWN", correlation: { r: 0.2, n: 40 } },
    });
    const interval = unsure.importanceDetail!.correlation!.interval!;
    expect(interval.low).toBeCloseTo(-0.118918, 5);
    expect(interval.high).toBeCloseTo(0.48151, 5);
  });
});

describe("rankTouchpoints: the importance–performance points (issue #17, item 9)", () => {
  /** n answers, each expecting `expected` and experiencing `experienced`. */
  const levels = (id: string, expected: number, experienced: number, n = 40): TGroupMoments => ({
    ...group(
      id,
      Array.from({ length: n }, () => experienced - expected),
    ),
    expectation: { n, sum: expected * n, pairedExperienceSum: experienced * n },
    experience: { n, sum: experienced * n, sumSquares: experienced ** 2 * n },
  });

  it("plots performance as the mean gap, like the ranking, not as the raw experience", () => {
    // "low": customers expect 3 and get 4 (gap +1). "high": they expect 7 and get 5 (gap −2).
    // By raw experience "high" performs better (5 > 4); against what its own customers expected it
    // falls short. Equal importance (0.5 each, no correlation), so the importance cut is 0.5 and
    // both are "important"; the performance cut is the mean gap, (1 − 2)/2 = −0.5 (Martilla & James
    // 1977: cuts at the means): "high" is CONCENTRATE_HERE, "low" KEEP_UP_THE_GOOD_WORK.
    const result = rankTouchpoints([
      { touchpoint: ref("low"), statedImportance: null, group: levels("low", 3, 4) },
      { touchpoint: ref("high"), statedImportance: null, group: levels("high", 7, 5) },
    ]);
    const pointOf = (id: string) =>
      result.importancePerformance.find((p) => p.touchpoint.id === id)!;
    expect(pointOf("low")).toMatchObject({ performance: 1, quadrant: "KEEP_UP_THE_GOOD_WORK" });
    expect(pointOf("high")).toMatchObject({ performance: -2, quadrant: "CONCENTRATE_HERE" });
    expect(result.importancePerformanceCuts.performance).toBeCloseTo(-0.5, 12);
  });

  it("leaves touchpoints with too few answers to rank out of the points and the cuts", () => {
    // Hand-worked (review of issue #17): "good" (40 answers, gap +1), "short" (40 answers, gap
    // −0.5) and "thin" (3 answers at −2.7, too few to rank). Importance is 0.5 for all (no
    // correlation), so all sit on the importance cut. Before, "thin" was plotted: the performance
    // cut was (1 − 0.5 − 2.7)/3 = −0.7333, "thin" read CONCENTRATE_HERE beside "too few to rank",
    // and "short" (−0.5 ≥ −0.7333) read KEEP_UP_THE_GOOD_WORK. Without it the cut is
    // (1 − 0.5)/2 = +0.25 and "short", which falls below expectation, is CONCENTRATE_HERE.
    const result = rankTouchpoints([
      { touchpoint: ref("good"), statedImportance: null, group: levels("good", 5, 6) },
      { touchpoint: ref("short"), statedImportance: null, group: levels("short", 6, 5.5) },
      { touchpoint: ref("thin"), statedImportance: null, group: levels("thin", 6.7, 4, 3) },
    ]);
    expect(result.importancePerformance.map((p) => p.touchpoint.id)).toEqual(["good", "short"]);
    expect(result.importancePerformanceCuts.performance).toBeCloseTo(0.25, 12);
    expect(result.importancePerformance.find((p) => p.touchpoint.id === "short")!.quadrant).toBe(
      "CONCENTRATE_HERE",
    );
    // It is still listed in the ranking, as too few to rank.
    expect(result.ranking.find((r) => r.touchpoint.id === "thin")!.reason.verdict).toBe(
      "TOO_FEW_OBSERVATIONS",
    );
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
    // Derived: r ÷ the strongest r (0.6): 1 and 1/3. Both intervals exclude 0 (Fisher z).
    expect(importance.get("stated")).toMatchObject({ importance: 0.2, importanceSource: "STATED" });
    expect(importance.get("derived")).toMatchObject({ importance: 1, importanceSource: "DERIVED" });
    expect(importance.get("other")!.importance).toBeCloseTo(0.2 / 0.6, 12);
    // The mean of the derived, (1 + 1/3) / 2 = 0.667, capped at 0.5.
    expect(importance.get("few")!.importance).toBe(0.5);
    expect(importance.get("few")!.importanceSource).toBe("DEFAULT");
  });

  it("falls back to 0.5 when no item has a derived importance, with the reason of each", () => {
    const importance = importancesOf([
      item("few", null, 0.9, 29),
      item("flat", null, null, 100),
      item("none", null, null, 0),
    ]);
    expect(importance.get("none")).toMatchObject({
      importance: 0.5,
      importanceSource: "DEFAULT",
      importanceDetail: { defaultReason: "TOO_FEW_PAIRS", correlation: null, strongestR: null },
    });
    expect(importance.get("flat")!.importanceDetail.defaultReason).toBe("NO_CORRELATION");
    expect(importance.get("few")!.importanceDetail).toMatchObject({
      defaultReason: "TOO_FEW_PAIRS",
      correlation: { r: 0.9, n: 29 },
    });
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
    expect(ranked[0]!.reason.shortfallBound).toBeGreaterThan(0);
    expect(ranked[0]!.reason.shortfallBound).toBeLessThan(1.2);
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
        driver: driverRef("strongest"),
        statedImportance: null,
        group: group("strongest", bad, { experienceNpsCorrelation: { r: 0.5, n: 300 } }),
      },
      {
        driver: driverRef("stated"),
        statedImportance: 0.9,
        group: group("stated", bad, { experienceNpsCorrelation: { r: 0.3, n: 300 } }),
      },
    ]);
    expect(ranked.map((r) => r.driver.id)).toEqual(["strongest", "stated", "derived"]);
    expect(ranked[1]!.reason).toMatchObject({ importance: 0.9, importanceSource: "STATED" });
    expect(ranked[2]!.reason).toMatchObject({ importance: 0.6, importanceSource: "DERIVED" });
    expect(ranked[2]!.reason.score / ranked[1]!.reason.score).toBeCloseTo(0.6 / 0.9, 10);
    ranked.shift();
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

describe("RANKING_RULES: the numbers the ranking's words state", () => {
  it("come from the constants, and the ko and en texts interpolate them instead of writing 10, 30 and 95 %", () => {
    expect(RANKING_RULES).toEqual({
      minAnswers: MIN_ANSWERS_TO_RANK,
      minPairs: 30,
      confidence: 0.95,
    });
    for (const messages of [enMeasure, koMeasure]) {
      const methods = [messages.ranking.method, messages.drivers.method];
      for (const text of methods) {
        expect(text).toContain("{min}");
        expect(text).toContain("{pairs}");
        expect(text).toContain("{confidence}");
        expect(text).not.toMatch(/\b(10|30)\b|95 ?%/);
      }
      for (const text of [messages.sections.fixFirstLead, messages.sections.ipaLead]) {
        expect(text).toContain("{min}");
        expect(text).not.toMatch(/\b10\b/);
      }
    }
  });
});
