import { describe, expect, it } from "vitest";
import { pooledVariance, rankItems, type TRankInput } from "./ranking";
import { tQuantileOf } from "./distributions";
import { dersimonianLaird, shrinkToward } from "./shrinkage";
import { momentsOf, sampleVariance, type TMoments } from "./summary";

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

  it("lists both decoys as too few to rank, after every ranked touchpoint", () => {
    const ranked = rankItems(items);
    for (const decoy of ["decoy-noisy", "decoy-flat"])
      expect(ranked.find((r) => r.id === decoy)!.reason).toMatchObject({
        verdict: "TOO_FEW_OBSERVATIONS",
        score: 0,
        minAnswers: 10,
      });
    expect(
      ranked
        .slice(-2)
        .map((r) => r.id)
        .sort(),
    ).toEqual(["decoy-flat", "decoy-noisy"]);
  });

  it("keeps the true worst above the noisy decoy on the bound alone, without reach or the minimum", () => {
    const ranked = rankItems(items, { reachExponent: 0, minAnswers: 2 });
    const worst = ranked.find((r) => r.id === "true-worst")!;
    const decoy = ranked.find((r) => r.id === "decoy-noisy")!;
    expect(decoy.reason.meanGap).toBe(-3);
    expect(decoy.reason.shortfallBound).toBeLessThan(worst.reason.shortfallBound);
    expect(decoy.rank).toBeGreaterThan(worst.rank);
  });

  it("moderates the variance: three identical answers do not get an interval of width 0", () => {
    const bare = { reachExponent: 0, minAnswers: 2, shrink: false };
    const unmoderated = rankItems(items, { ...bare, priorDf: 0 }).find(
      (r) => r.id === "decoy-flat",
    )!;
    expect(unmoderated.reason.shortfallBound).toBe(3);
    const moderated = rankItems(items, bare).find((r) => r.id === "decoy-flat")!;
    expect(moderated.reason.sdUsed).toBeGreaterThan(0.5);
    expect(moderated.reason.shortfallBound).toBeLessThan(2);
  });
});

describe("rankItems on a thin journey (issue #17, item 1)", () => {
  // The case, tried as a new user would: the busiest touchpoint has 50 answers. Gaps are
  // whole numbers, as experienced − expected on the 1–7 scale always are.
  const repeat = (counts: [gap: number, times: number][]) =>
    counts.flatMap(([gap, times]) => Array.from({ length: times }, () => gap));
  const journey = [
    item(
      "busiest",
      momentsOf(
        repeat([
          [-2, 10],
          [-1, 10],
          [0, 10],
          [1, 20],
        ]),
      ),
    ), // n 50, mean −0.2
    item(
      "quiet",
      momentsOf(
        repeat([
          [-1, 10],
          [0, 20],
          [1, 10],
        ]),
      ),
    ), // n 40, mean 0
    item(
      "twenty-five",
      momentsOf(
        repeat([
          [-2, 6],
          [-1, 9],
          [0, 6],
          [1, 4],
        ]),
      ),
    ), // n 25, mean −0.68
    item("three", momentsOf([-4, -3, -1])), // n 3, mean −2.67
  ];

  it("is the issue's case: three answers at −2.67 would top the old ranking", () => {
    // The old formula (two-sided bound, no minimum, no shrinkage), by hand. Sample variances
    // 1.3878 (49 df), 0.5128 (39), 1.06 (24), 2.3333 (2): pooled s₀² = 118.11/114 = 1.0360.
    // "three": s̃² = (4·1.0360 + 2·2.3333)/6 = 1.4685 on 6 df, upper end −2.6667 + t(0.975; 6)·√(1.4685/3)
    // = −2.6667 + 2.4469·0.6996 = −0.9547, reach weight √(3/50) = 0.2449 → score 0.2339.
    // "twenty-five": s̃² = (4·1.0360 + 24·1.06)/28 = 1.0566 on 28 df, upper end −0.68 + 2.0484·0.2056
    // = −0.2589, weight √(25/50) = 0.7071 → score 0.1831. So "three" came first.
    expect(
      momentsOf(
        repeat([
          [-2, 6],
          [-1, 9],
          [0, 6],
          [1, 4],
        ]),
      ).sum / 25,
    ).toBeCloseTo(-0.68, 12);
    const ranked = rankItems(journey);
    expect(ranked[0]?.id).toBe("twenty-five");
    expect(ranked.find((r) => r.id === "three")).toMatchObject({
      rank: 4,
      reason: { verdict: "TOO_FEW_OBSERVATIONS", score: 0, shortfallBound: 0 },
    });
  });
});

describe("rankItems, the formula", () => {
  it("computes the score by hand (no moderation, no shrinkage)", () => {
    // Gaps −2, −4, −4, −4, −5, −5, −7, −9: mean −5, s² = 32/7, SE = √(32/56) = 0.755929; two-sided
    // 95 % t interval [−6.787488, −3.212512] (see summary.test.ts). The shortfall bound is the
    // ONE-sided 95 % bound: −5 + t(0.95; 7)·SE = −5 + 1.894579 × 0.755929 = −3.567833, so 3.567833;
    // importance 0.5; reach 8 of the busiest 32 → weight √(8/32) = 0.5; score = 3.567833 × 0.25 = 0.891958.
    const ranked = rankItems(
      [
        item("a", momentsOf([-2, -4, -4, -4, -5, -5, -7, -9]), { importance: 0.5 }),
        item("busy", momentsOf([1, 2]), { reach: 32 }),
      ],
      { priorDf: 0, minAnswers: 2, shrink: false },
    );
    const a = ranked.find((r) => r.id === "a")!;
    expect(a.rank).toBe(1);
    expect(a.reason.shortfallBound).toBeCloseTo(3.567833, 5);
    expect(a.reason.reachShare).toBe(0.25);
    expect(a.reason.score).toBeCloseTo(0.891958, 5);
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
    // Two-sided: t(0.975; 6) = 2.446912; half = 2.446912 × √(2.6/3) = 2.277952 → high −0.722048.
    // One-sided bound: t(0.95; 6) = 1.943180; 1.943180 × 0.930949 = 1.809002 → −1.190998.
    const b = { n: 9, sum: -9, sumSquares: 41 };
    expect(pooledVariance([momentsOf([-4, -3, -2]), b])).toBeCloseTo(3.4, 12);
    const ranked = rankItems([item("a", momentsOf([-4, -3, -2])), item("b", b)], {
      minAnswers: 2,
      shrink: false,
    });
    const a = ranked.find((r) => r.id === "a")!;
    expect(a.reason.gapInterval?.high).toBeCloseTo(-0.722048, 5);
    expect(a.reason.shortfallBound).toBeCloseTo(1.190998, 5);
    expect(a.reason.sdUsed).toBeCloseTo(Math.sqrt(2.6), 12);
  });

  it("pulls a thin item's mean gap toward the common one (empirical Bayes), only where that is more cautious", () => {
    // Four items with 400 answers around −0.3…0 and one with 12 answers at −2. The bound of each is
    // the higher (more cautious) of its own one-sided bound and the one of its shrunk estimate
    // θ̃ = ȳ − B(ȳ − μ̂), V = (1 − B)v + B²·Var(μ̂) (shrinkage.test.ts pins the DerSimonian–Laird fit).
    const spread = (mean: number, n: number) =>
      momentsOf(Array.from({ length: n }, (_, i) => mean + ((i % 4) - 1.5)));
    const items = [
      item("a", spread(-0.3, 400)),
      item("b", spread(-0.1, 400)),
      item("c", spread(0, 400)),
      item("d", spread(0.2, 400)),
      item("thin", spread(-2, 12)),
    ];
    const options = { priorDf: 0, reachExponent: 0 };
    const ranked = rankItems(items, options);
    const fit = dersimonianLaird(
      items.map(({ gap }) => ({
        estimate: gap.sum / gap.n,
        variance: sampleVariance(gap)! / gap.n,
      })),
    )!;
    const thin = ranked.find((r) => r.id === "thin")!.reason;
    expect(thin.commonGap).toBeCloseTo(fit.mean, 12);
    const shrunk = shrinkToward(
      { estimate: -2, variance: sampleVariance(items[4]!.gap)! / 12 },
      fit,
    );
    expect(thin.shrinkage).toBeCloseTo(shrunk.shrinkage, 12);
    expect(thin.shrinkage).toBeGreaterThan(0);
    expect(thin.gapEstimate).toBeCloseTo(shrunk.estimate, 12);
    expect(thin.gapEstimate!).toBeGreaterThan(-2);
    expect(thin.gapEstimate!).toBeLessThan(fit.mean);
    expect(thin.shortfallBound).toBeCloseTo(
      -(shrunk.estimate + tQuantileOf(0.95, 11) * Math.sqrt(shrunk.variance)),
      12,
    );
    // Less than its own bound alone would claim:
    const own = rankItems(items, { ...options, shrink: false }).find((r) => r.id === "thin")!;
    expect(thin.shortfallBound).toBeLessThan(own.reason.shortfallBound);
    // An item above the common mean is not pulled down: its own answers decide.
    const d = ranked.find((r) => r.id === "d")!.reason;
    expect(d).toMatchObject({ shrinkage: 0, gapEstimate: d.meanGap, verdict: "NOT_SHOWN_BELOW" });
  });

  it("floors the prior variance at 1/12: every gap identical does not give an interval of width 0", () => {
    // Hand-worked: A has 20 answers all −2, B 20 answers all −1. The pooled variance is 0; the
    // floor s₀² = 1/12 is the variance of rounding to a whole point: a uniform error on ±½ has
    // variance h²/12 with h = 1 (Sheppard 1898, the basis of Sheppard's correction).
    // s̃² = 4·(1/12) / (4 + 19) = 0.014493, v = s̃²/20 = 0.00072464, t(0.95; 23) = 1.713872.
    // Own bound of A: −2 + 1.713872·√0.00072464 = −2 + 0.046136 = −1.953864.
    // DerSimonian–Laird: w = 1/v = 1380, ȳ_w = −1.5, Q = 1380·(0.25 + 0.25) = 690,
    // τ² = (690 − 1) / (2760 − 1380) = 0.499275; μ̂ = −1.5, Var(μ̂) = (v + τ²)/2 = 0.25.
    // B = v/(v + τ²) = 0.0014493, θ̃ = −2 + B·0.5 = −1.999275, V = (1 − B)·v + B²·0.25 = 0.00072412,
    // pulled bound = −1.999275 + 1.713872·0.026909 = −1.953156, the higher: shortfall 1.953156.
    // Before: s̃² = 0, "at least 2.00 below", and the fit switched off (no common gap).
    const ranked = rankItems([
      item("A", { n: 20, sum: -40, sumSquares: 80 }),
      item("B", { n: 20, sum: -20, sumSquares: 20 }),
    ]);
    const a = ranked.find((r) => r.id === "A")!.reason;
    expect(a.sdUsed!).toBeCloseTo(Math.sqrt(4 / 12 / 23), 10);
    expect(a.gapInterval!.high - a.gapInterval!.low).toBeGreaterThan(0.1);
    expect(a.commonGap!).toBeCloseTo(-1.5, 6);
    expect(a.shortfallBound).toBeCloseTo(1.953156, 4);
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
    const ranked = rankItems(
      [
        item("above", momentsOf([1, 0, 1, 2, 1])),
        item("single", momentsOf([-6])),
        item("none", momentsOf([])),
        item("below", momentsOf([-1, -2, -1, -2, -1, -2])),
      ],
      { minAnswers: 2 },
    );
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
