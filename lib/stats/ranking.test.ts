import { describe, expect, it } from "vitest";
import { pooledVariance, rankItems, type TRankInput } from "./ranking";
import { momentsOf, type TMoments } from "./summary";

function item(id: string, gap: TMoments, overrides: Partial<TRankInput> = {}): TRankInput {
  return { id, gap, importance: 1, importanceSource: "STATED", reach: gap.n, ...overrides };
}

// A seeded generator (mulberry32) so the planted data set is the same on every run.
function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n observations on the 1–7 scale: expectation 4–6, experience = expectation + gap + noise (sd 1.2), rounded and clamped. */
function plantedGaps(n: number, gap: number, random: () => number): number[] {
  const gaps: number[] = [];
  for (let i = 0; i < n; i++) {
    const expectation = 4 + Math.floor(random() * 3);
    const noise = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()) * 1.2;
    const experienced = Math.min(7, Math.max(1, Math.round(expectation + gap + noise)));
    gaps.push(experienced - expectation);
  }
  return gaps;
}

describe("rankItems on a planted data set", () => {
  const random = seededRandom(20261125);
  const ordinary: [string, number, number][] = [
    ["tp-a", 300, -0.1],
    ["tp-b", 500, -0.4],
    ["tp-c", 800, -0.2],
    ["tp-d", 1200, -0.3],
    ["tp-e", 1500, -0.15],
    ["tp-f", 2000, -0.35],
    ["tp-g", 2500, -0.25],
    ["tp-h", 3000, -0.4],
  ];
  const items = [
    ...ordinary.map(([id, n, gap]) => item(id, momentsOf(plantedGaps(n, gap, random)))),
    item("true-worst", momentsOf(plantedGaps(2000, -1.2, random))),
    // Decoys: three answers averaging −3, one with the spread of real answers, one with none.
    item("decoy-noisy", momentsOf([-5, -3, -1])),
    item("decoy-flat", momentsOf([-3, -3, -3])),
  ];
  // Every large touchpoint planted at −0.15 or worse (tp-a, −0.1 on 300, is not shown below expectation).
  const clearlyBad = ordinary.filter(([, , gap]) => gap <= -0.15).map(([id]) => id);
  const rankOf = (ranked: { id: string; rank: number }[], id: string) =>
    ranked.find((r) => r.id === id)?.rank ?? 0;

  it("is a test with teeth: by raw mean gap a decoy would come first", () => {
    const byMean = [...items].sort((a, b) => a.gap.sum / a.gap.n - b.gap.sum / b.gap.n);
    expect(byMean[0]?.id).toMatch(/^decoy/);
  });

  it("puts the true worst first and neither decoy above it or above any large moderately-bad one", () => {
    const ranked = rankItems(items);
    expect(ranked[0]?.id).toBe("true-worst");
    expect(ranked[0]?.reason.verdict).toBe("BELOW_EXPECTATION");
    for (const decoy of ["decoy-noisy", "decoy-flat"]) {
      for (const id of clearlyBad)
        expect(rankOf(ranked, decoy)).toBeGreaterThan(rankOf(ranked, id));
    }
    expect(ranked.map((r) => r.rank)).toEqual(items.map((_, i) => i + 1));
  });

  it("keeps the true worst above the noisy decoy on the confidence bound alone, without reach", () => {
    const ranked = rankItems(items, { reachExponent: 0 });
    const worst = ranked.find((r) => r.id === "true-worst")!;
    const decoy = ranked.find((r) => r.id === "decoy-noisy")!;
    expect(decoy.reason.meanGap).toBe(-3);
    expect(decoy.reason.shortfallBound).toBeLessThan(worst.reason.shortfallBound);
    expect(decoy.rank).toBeGreaterThan(worst.rank);
  });

  it("moderates the variance: three identical answers do not get an interval of width 0", () => {
    const unmoderated = rankItems(items, { reachExponent: 0, priorDf: 0 }).find(
      (r) => r.id === "decoy-flat",
    )!;
    expect(unmoderated.reason.shortfallBound).toBe(3);
    const moderated = rankItems(items, { reachExponent: 0 }).find((r) => r.id === "decoy-flat")!;
    expect(moderated.reason.sdUsed).toBeGreaterThan(0.5);
    expect(moderated.reason.shortfallBound).toBeLessThan(2);
  });
});

describe("rankItems, the formula", () => {
  it("computes the score by hand (no moderation)", () => {
    // Gaps −2, −4, −4, −4, −5, −5, −7, −9: mean −5, 95 % t interval [−6.787488, −3.212512]
    // (see summary.test.ts), shortfall bound 3.212512; importance 0.5; reach 8 of the busiest 32
    // → weight √(8/32) = 0.5; score = 3.212512 × 0.5 × 0.5 = 0.803128.
    const ranked = rankItems(
      [
        item("a", momentsOf([-2, -4, -4, -4, -5, -5, -7, -9]), { importance: 0.5 }),
        item("busy", momentsOf([1, 2]), { reach: 32 }),
      ],
      { priorDf: 0 },
    );
    const a = ranked.find((r) => r.id === "a")!;
    expect(a.rank).toBe(1);
    expect(a.reason.shortfallBound).toBeCloseTo(3.212512, 5);
    expect(a.reason.reachShare).toBe(0.25);
    expect(a.reason.score).toBeCloseTo(0.803128, 5);
    expect(a.reason).toMatchObject({
      n: 8,
      meanGap: -5,
      importance: 0.5,
      importanceSource: "STATED",
      reachWeight: 0.5,
      verdict: "BELOW_EXPECTATION",
    });
    expect(a.reason.gapInterval?.high).toBeCloseTo(-3.212512, 5);
  });

  it("moderates a small sample's variance toward the pooled one (Smyth 2004), by hand", () => {
    // A: −4, −3, −2 (s² = 1, 2 df). B: n = 9, mean −1, s² = 4 (Σ = −9, Σx² = 8·4 + 9 = 41, 8 df).
    // Pooled s₀² = (2·1 + 8·4)/10 = 3.4. A with d₀ = 4: s̃² = (4·3.4 + 2·1)/6 = 2.6 on 6 df;
    // t(0.975; 6) = 2.446912; half = 2.446912 × √(2.6/3) = 2.277952 → high −0.722048.
    const b = { n: 9, sum: -9, sumSquares: 41 };
    expect(pooledVariance([momentsOf([-4, -3, -2]), b])).toBeCloseTo(3.4, 12);
    const ranked = rankItems([item("a", momentsOf([-4, -3, -2])), item("b", b)]);
    const a = ranked.find((r) => r.id === "a")!;
    expect(a.reason.gapInterval?.high).toBeCloseTo(-0.722048, 5);
    expect(a.reason.shortfallBound).toBeCloseTo(0.722048, 5);
    expect(a.reason.sdUsed).toBeCloseTo(Math.sqrt(2.6), 12);
  });

  it("lets importance change the order", () => {
    const gap = { n: 400, sum: -200, sumSquares: 500 };
    const order = (high: string) =>
      rankItems([
        item("x", gap, { importance: high === "x" ? 0.9 : 0.3 }),
        item("y", gap, { importance: high === "y" ? 0.9 : 0.3 }),
      ]).map((r) => r.id);
    expect(order("x")).toEqual(["x", "y"]);
    expect(order("y")).toEqual(["y", "x"]);
  });

  it("scores 0 a touchpoint above expectation, and one with fewer than two observations", () => {
    const ranked = rankItems([
      item("above", momentsOf([1, 0, 1, 2, 1])),
      item("single", momentsOf([-6])),
      item("none", momentsOf([])),
      item("below", momentsOf([-1, -2, -1, -2, -1, -2])),
    ]);
    expect(ranked.map((r) => r.id)).toEqual(["below", "above", "single", "none"]);
    expect(ranked.find((r) => r.id === "above")).toMatchObject({
      reason: { score: 0, shortfallBound: 0, verdict: "NOT_SHOWN_BELOW" },
    });
    expect(ranked.find((r) => r.id === "single")).toMatchObject({
      reason: { score: 0, gapInterval: null, meanGap: -6, verdict: "TOO_FEW_OBSERVATIONS" },
    });
    expect(ranked.find((r) => r.id === "none")).toMatchObject({
      reason: { score: 0, meanGap: null, verdict: "TOO_FEW_OBSERVATIONS" },
    });
  });

  it("breaks ties by n, then id, whatever the input order", () => {
    const inputs = [
      item("m", momentsOf([1, 1, 2])),
      item("k", momentsOf([1, 2, 2])),
      item("z", momentsOf([1, 2, 3, 4])),
      item("a", momentsOf([2, 2])),
    ];
    const expected = ["z", "k", "m", "a"];
    expect(rankItems(inputs).map((r) => r.id)).toEqual(expected);
    expect(rankItems([...inputs].reverse()).map((r) => r.id)).toEqual(expected);
  });

  it("refuses bad input", () => {
    const gap = momentsOf([1, 2]);
    expect(() => rankItems([item("a", gap, { importance: 1.2 })])).toThrow(RangeError);
    expect(() => rankItems([item("a", gap, { reach: -1 })])).toThrow(RangeError);
    expect(() => rankItems([item("a", gap), item("a", gap)])).toThrow(RangeError);
    expect(() => rankItems([item("a", gap)], { confidence: 95 })).toThrow(RangeError);
    expect(rankItems([])).toEqual([]);
  });
});
