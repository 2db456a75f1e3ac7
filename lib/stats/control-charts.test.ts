import { describe, expect, it } from "vitest";
import {
  c4,
  detectSignals,
  individualsChart,
  pChart,
  xBarChart,
  type TControlRule,
} from "./control-charts";
import { momentsOf, sampleVariance } from "./summary";

/** Split values into consecutive subgroups of `size`. */
function subgroups(values: readonly number[], size: number): number[][] {
  const groups: number[][] = [];
  for (let i = 0; i < values.length; i += size) groups.push(values.slice(i, i + size));
  return groups;
}

// Montgomery, Introduction to Statistical Quality Control, ch. 6 (piston-ring inside diameters,
// mm): 25 preliminary samples of 5, then 15 more — the `pistonrings` data of R's qcc, whose
// published figures (center 74.00118, s̄ = 0.009240037) this transcription reproduces.
const PISTON_RINGS_PHASE_1 = [
  74.03, 74.002, 74.019, 73.992, 74.008, 73.995, 73.992, 74.001, 74.011, 74.004, 73.988, 74.024,
  74.021, 74.005, 74.002, 74.002, 73.996, 73.993, 74.015, 74.009, 73.992, 74.007, 74.015, 73.989,
  74.014, 74.009, 73.994, 73.997, 73.985, 73.993, 73.995, 74.006, 73.994, 74.0, 74.005, 73.985,
  74.003, 73.993, 74.015, 73.988, 74.008, 73.995, 74.009, 74.005, 74.004, 73.998, 74.0, 73.99,
  74.007, 73.995, 73.994, 73.998, 73.994, 73.995, 73.99, 74.004, 74.0, 74.007, 74.0, 73.996, 73.983,
  74.002, 73.998, 73.997, 74.012, 74.006, 73.967, 73.994, 74.0, 73.984, 74.012, 74.014, 73.998,
  73.999, 74.007, 74.0, 73.984, 74.005, 73.998, 73.996, 73.994, 74.012, 73.986, 74.005, 74.007,
  74.006, 74.01, 74.018, 74.003, 74.0, 73.984, 74.002, 74.003, 74.005, 73.997, 74.0, 74.01, 74.013,
  74.02, 74.003, 73.988, 74.001, 74.009, 74.005, 73.996, 74.004, 73.999, 73.99, 74.006, 74.009,
  74.01, 73.989, 73.99, 74.009, 74.014, 74.015, 74.008, 73.993, 74.0, 74.01, 73.982, 73.984, 73.995,
  74.017, 74.013,
];
const PISTON_RINGS_PHASE_2 = [
  74.012, 74.015, 74.03, 73.986, 74.0, 73.995, 74.01, 73.99, 74.015, 74.001, 73.987, 73.999, 73.985,
  74.0, 73.99, 74.008, 74.01, 74.003, 73.991, 74.006, 74.003, 74.0, 74.001, 73.986, 73.997, 73.994,
  74.003, 74.015, 74.02, 74.004, 74.008, 74.002, 74.018, 73.995, 74.005, 74.001, 74.004, 73.99,
  73.996, 73.998, 74.015, 74.0, 74.016, 74.025, 74.0, 74.03, 74.005, 74.0, 74.016, 74.012, 74.001,
  73.99, 73.995, 74.01, 74.024, 74.015, 74.02, 74.024, 74.005, 74.019, 74.035, 74.01, 74.012,
  74.015, 74.026, 74.017, 74.013, 74.036, 74.025, 74.026, 74.01, 74.005, 74.029, 74.0, 74.02,
];

// Montgomery, ch. 7, Example 7.1: nonconforming orange-juice cans in samples of 50; 30
// preliminary samples, then 24 after the machine adjustment (qcc's `orangejuice`).
const ORANGE_JUICE_PHASE_1 = [
  12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7,
  13, 9, 6,
];
const ORANGE_JUICE_PHASE_2 = [
  9, 6, 12, 5, 6, 4, 6, 3, 7, 6, 2, 4, 3, 6, 5, 4, 8, 5, 6, 7, 5, 6, 3, 5,
];
const cans = (defects: readonly number[]) => defects.map((successes) => ({ n: 50, successes }));

function indicesOf(signals: ReturnType<typeof detectSignals>, rule: TControlRule): number[] {
  return signals.filter((s) => s.rule === rule).map((s) => s.pointIndex);
}

describe("c4", () => {
  it("matches Montgomery's Appendix VI table", () => {
    expect(c4(2)).toBeCloseTo(0.7979, 4);
    expect(c4(5)).toBeCloseTo(0.94, 4);
    expect(c4(10)).toBeCloseTo(0.9727, 4);
    expect(c4(25)).toBeCloseTo(0.9896, 4);
  });
});

describe("xBarChart", () => {
  const baseline = subgroups(PISTON_RINGS_PHASE_1, 5).map(momentsOf);

  it("uses the published data: s̄ = 0.009240037 as qcc reports", () => {
    const sds = baseline.map((m) => Math.sqrt(sampleVariance(m)!));
    expect(sds.reduce((a, b) => a + b, 0) / sds.length).toBeCloseTo(0.009240037, 9);
  });

  it("reproduces the piston-ring x̄ limits (Montgomery §6.3, x̄ and s charts)", () => {
    const [point] = xBarChart(baseline, [momentsOf([74, 74, 74, 74, 74])])!;
    // Published: x̿ = 74.001 (qcc: 74.00118), limits 74.014 / 73.988 (x̄–s chart, s̄/c4).
    expect(point!.center).toBeCloseTo(74.00118, 5);
    expect(point!.upper).toBeCloseTo(74.014, 3);
    expect(point!.lower).toBeCloseTo(73.988, 3);
    // Pooled s over 100 df, / c4(101), computed independently with numpy/scipy:
    // s_p = 0.009862860, σ = 0.009887547 (qcc's s̄/c4 gives 0.009829977), UCL 74.01444154, LCL 73.98791046.
    expect(point!.sigma * Math.sqrt(5)).toBeCloseTo(0.009887547, 8);
    expect(point!.upper).toBeCloseTo(74.01444154, 7);
    expect(point!.lower).toBeCloseTo(73.98791046, 7);
    expect(point!.n).toBe(5);
  });

  it("flags the shift in the later piston-ring samples: 37, 38 and 39 above the UCL", () => {
    const points = xBarChart(baseline, subgroups(PISTON_RINGS_PHASE_2, 5).map(momentsOf))!;
    const beyond = points.flatMap((p, i) => (p.value > p.upper ? [26 + i] : []));
    expect(beyond).toEqual([37, 38, 39]);
    // z of sample 35 = 2.583537, of sample 40 = 2.628767 (numpy).
    expect(points[9]!.z).toBeCloseTo(2.583537, 5);
    expect(points[14]!.z).toBeCloseTo(2.628767, 5);
    const signals = detectSignals(points);
    // Checked with an independent brute-force implementation of the rules (Python).
    expect(indicesOf(signals, "BEYOND_3_SIGMA")).toEqual([11, 12, 13]);
    expect(indicesOf(signals, "TWO_OF_THREE_BEYOND_2_SIGMA")).toEqual([9, 11, 12, 13, 14]);
    expect(indicesOf(signals, "FOUR_OF_FIVE_BEYOND_1_SIGMA")).toEqual([9, 12, 13, 14]);
    expect(signals.every((s) => s.direction === "UP")).toBe(true);
  });

  it("handles subgroups of different sizes by hand", () => {
    // Baseline [1, 2, 3], [2, 4], [5]: center 17/6; SS 2 + 2 on 2 + 1 df → s_p² = 4/3;
    // σ = 1.154701 / c4(4) = 1.154701 / 0.921318 = 1.253314; a point [4, 5]: SE = σ/√2 = 0.886227,
    // z = (4.5 − 2.833333) / 0.886227 = 1.880632, UCL = 5.492014, LCL = 0.174653.
    const [point] = xBarChart(
      [momentsOf([1, 2, 3]), momentsOf([2, 4]), momentsOf([5])],
      [momentsOf([4, 5])],
    )!;
    expect(point!.center).toBeCloseTo(17 / 6, 12);
    expect(point!.sigma).toBeCloseTo(0.886227, 6);
    expect(point!.z).toBeCloseTo(1.880632, 6);
    expect(point!.upper).toBeCloseTo(5.492014, 6);
    expect(point!.lower).toBeCloseTo(0.174653, 6);
  });

  it("is null without within-subgroup spread, and refuses an empty point", () => {
    expect(xBarChart([momentsOf([4]), momentsOf([5])], [momentsOf([4])])).toBeNull(); // size 1 throughout
    expect(xBarChart([momentsOf([4, 4]), momentsOf([5, 5])], [momentsOf([4])])).toBeNull();
    expect(xBarChart([], [momentsOf([4])])).toBeNull();
    expect(() => xBarChart(baseline, [momentsOf([])])).toThrow(RangeError);
  });
});

describe("individualsChart", () => {
  // NIST/SEMATECH e-Handbook of Statistical Methods §6.3.2.2, flow rate of 10 batches:
  // x̄ = 50.81, MR̄ = 1.8778, UCL = 55.8041, LCL = 45.8159 (with d2 rounded to 1.128).
  const flowRate = [49.6, 47.6, 49.9, 51.3, 47.8, 51.2, 52.6, 52.4, 53.6, 52.1];

  it("reproduces the NIST example", () => {
    const points = individualsChart(flowRate, [56, 45, 50])!;
    const [first] = points;
    expect(first!.center).toBeCloseTo(50.81, 10);
    expect(first!.upper).toBeCloseTo(55.8041, 2);
    expect(first!.lower).toBeCloseTo(45.8159, 2);
    // With the exact d2 = 2/√π: σ = 1.877778 / 1.128379 = 1.664137, UCL 55.802412, LCL 45.817588;
    // z of 56, 45, 50: 3.118733, −3.491299, −0.486739 (numpy).
    expect(first!.sigma).toBeCloseTo(1.664137, 6);
    expect(first!.upper).toBeCloseTo(55.802412, 6);
    expect(first!.lower).toBeCloseTo(45.817588, 6);
    expect(points.map((p) => p.z)).toEqual([
      expect.closeTo(3.118733, 6),
      expect.closeTo(-3.491299, 6),
      expect.closeTo(-0.486739, 6),
    ]);
    expect(detectSignals(points).filter((s) => s.rule === "BEYOND_3_SIGMA")).toEqual([
      { rule: "BEYOND_3_SIGMA", pointIndex: 0, direction: "UP" },
      { rule: "BEYOND_3_SIGMA", pointIndex: 1, direction: "DOWN" },
    ]);
  });

  it("is null with fewer than two baseline values or no moving range", () => {
    expect(individualsChart([5], [5])).toBeNull();
    expect(individualsChart([5, 5, 5], [5])).toBeNull();
    expect(() => individualsChart([1, Number.NaN], [5])).toThrow(RangeError);
  });
});

describe("pChart", () => {
  it("reproduces the orange-juice trial limits and the two points above them (Montgomery Example 7.1)", () => {
    // Published: p̄ = 0.2313, UCL = 0.4102, LCL = 0.0524; samples 15 and 23 above the UCL.
    // qcc: center 0.2313333, limits [0.05242755, 0.4102391].
    const points = pChart(cans(ORANGE_JUICE_PHASE_1), cans(ORANGE_JUICE_PHASE_1))!;
    expect(points[0]!.center).toBeCloseTo(0.2313333, 7);
    expect(points[0]!.lower).toBeCloseTo(0.05242755, 8);
    expect(points[0]!.upper).toBeCloseTo(0.4102391, 7);
    expect(points.flatMap((p, i) => (p.value > p.upper ? [i + 1] : []))).toEqual([15, 23]);
  });

  it("revises the limits without 15 and 23 and catches the improvement after the adjustment", () => {
    // Revised: p̄ = 0.2150, UCL = 0.3893, LCL = 0.0407 (qcc 0.3892972 / 0.04070284); sample 21
    // (0.40) stays above it, as in the book.
    const revised = cans(ORANGE_JUICE_PHASE_1.filter((_, i) => i + 1 !== 15 && i + 1 !== 23));
    const trial = pChart(revised, revised)!;
    expect(trial[0]!.center).toBeCloseTo(0.215, 12);
    expect(trial[0]!.upper).toBeCloseTo(0.3892972, 7);
    expect(trial[0]!.lower).toBeCloseTo(0.04070284, 8);
    expect(trial.flatMap((p, i) => (p.value > p.upper ? [i] : []))).toEqual([19]);
    // Samples 31–54 (the new data): the process fraction nonconforming has gone down.
    // Sample 41 (2/50 = 0.04) falls below the LCL; from sample 34 on, every point is below the
    // center, so the 9-point run completes at sample 42 (index 11). Rule hits checked with an
    // independent brute-force implementation (Python).
    const signals = detectSignals(pChart(revised, cans(ORANGE_JUICE_PHASE_2))!);
    expect(signals.filter((s) => s.rule === "BEYOND_3_SIGMA")).toEqual([
      { rule: "BEYOND_3_SIGMA", pointIndex: 10, direction: "DOWN" },
    ]);
    expect(indicesOf(signals, "RUN_ON_ONE_SIDE")).toEqual([
      11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
    ]);
    expect(indicesOf(signals, "TWO_OF_THREE_BEYOND_2_SIGMA")).toEqual([7, 11, 12]);
    expect(indicesOf(signals, "FOUR_OF_FIVE_BEYOND_1_SIGMA")[0]).toBe(5);
    expect(signals.every((s) => s.direction === "DOWN")).toBe(true);
  });

  it("clips the limits to [0, 1] and handles sizes that vary", () => {
    // p̄ = 0.05; n = 10: SE = √(0.05·0.95/10) = 0.068920, UCL 0.256761, LCL 0.05 − 0.206761 → 0.
    const [point] = pChart([{ n: 100, successes: 5 }], [{ n: 10, successes: 1 }])!;
    expect(point!.sigma).toBeCloseTo(0.06892, 6);
    expect(point!.upper).toBeCloseTo(0.256761, 6);
    expect(point!.lower).toBe(0);
    expect(point!.z).toBeCloseTo((0.1 - 0.05) / 0.0689202, 5);
  });

  it("is null when the baseline is empty or never varies, and refuses empty points and bad counts", () => {
    expect(pChart([], [{ n: 10, successes: 1 }])).toBeNull();
    expect(pChart([{ n: 20, successes: 20 }], [{ n: 10, successes: 1 }])).toBeNull();
    expect(pChart([{ n: 20, successes: 0 }], [{ n: 10, successes: 1 }])).toBeNull();
    expect(() => pChart([{ n: 20, successes: 5 }], [{ n: 0, successes: 0 }])).toThrow(RangeError);
    expect(() => pChart([{ n: 20, successes: 25 }], [{ n: 10, successes: 1 }])).toThrow(RangeError);
  });
});

// The rules as defined by Nelson, L. S. (1984), "The Shewhart control chart — tests for special
// causes", Journal of Quality Technology 16(4), 237–239, and the Western Electric Statistical
// Quality Control Handbook (1956); summarised in the NIST/SEMATECH e-Handbook §6.3.2. Each rule:
// one series that triggers it, and a near miss that does not.
describe("detectSignals", () => {
  /** Points whose plotted value is their z (center 0, σ 1). */
  const zs = (...values: number[]) => values.map((z) => ({ value: z, z }));
  const hits = (points: { value: number; z: number }[], rule: TControlRule) =>
    detectSignals(points).filter((s) => s.rule === rule);

  it("BEYOND_3_SIGMA: a point beyond 3σ, either side; exactly 3σ is not beyond", () => {
    expect(hits(zs(0, 3.2, -0.5, -3.1), "BEYOND_3_SIGMA")).toEqual([
      { rule: "BEYOND_3_SIGMA", pointIndex: 1, direction: "UP" },
      { rule: "BEYOND_3_SIGMA", pointIndex: 3, direction: "DOWN" },
    ]);
    expect(hits(zs(2.99, -3, 3), "BEYOND_3_SIGMA")).toEqual([]);
  });

  it("TWO_OF_THREE_BEYOND_2_SIGMA: reported at the second point beyond 2σ on the same side", () => {
    expect(hits(zs(2.5, 0.5, 2.1), "TWO_OF_THREE_BEYOND_2_SIGMA")).toEqual([
      { rule: "TWO_OF_THREE_BEYOND_2_SIGMA", pointIndex: 2, direction: "UP" },
    ]);
    expect(hits(zs(0, -2.2, -3.5), "TWO_OF_THREE_BEYOND_2_SIGMA")).toEqual([
      { rule: "TWO_OF_THREE_BEYOND_2_SIGMA", pointIndex: 2, direction: "DOWN" },
    ]);
    // Near misses: opposite sides; two beyond 2σ but four points apart; 2σ exactly.
    expect(hits(zs(2.5, 0.5, -2.1), "TWO_OF_THREE_BEYOND_2_SIGMA")).toEqual([]);
    expect(hits(zs(2.5, 0, 0, 2.5), "TWO_OF_THREE_BEYOND_2_SIGMA")).toEqual([]);
    expect(hits(zs(2.5, 1, 2), "TWO_OF_THREE_BEYOND_2_SIGMA")).toEqual([]);
  });

  it("FOUR_OF_FIVE_BEYOND_1_SIGMA: four of five beyond 1σ on the same side", () => {
    expect(hits(zs(1.5, 1.2, 0.3, 1.1, 1.8), "FOUR_OF_FIVE_BEYOND_1_SIGMA")).toEqual([
      { rule: "FOUR_OF_FIVE_BEYOND_1_SIGMA", pointIndex: 4, direction: "UP" },
    ]);
    expect(hits(zs(-1.5, -1.2, -1.1, -1.8), "FOUR_OF_FIVE_BEYOND_1_SIGMA")).toEqual([
      { rule: "FOUR_OF_FIVE_BEYOND_1_SIGMA", pointIndex: 3, direction: "DOWN" },
    ]);
    expect(hits(zs(1.5, 1.2, 0.3, 0.9, 1.8), "FOUR_OF_FIVE_BEYOND_1_SIGMA")).toEqual([]);
    expect(hits(zs(1.5, 1.2, -1.3, -1.1, 1.8), "FOUR_OF_FIVE_BEYOND_1_SIGMA")).toEqual([]);
  });

  it("RUN_ON_ONE_SIDE: nine in a row on one side (Nelson), reported at the 9th and every further point", () => {
    const nine = zs(-0.1, 0.2, 0.4, 0.1, 0.3, 0.9, 0.2, 0.5, 0.1, 0.6);
    expect(hits(nine, "RUN_ON_ONE_SIDE")).toEqual([
      { rule: "RUN_ON_ONE_SIDE", pointIndex: 9, direction: "UP" },
    ]);
    expect(
      indicesOf(detectSignals(zs(...Array<number>(10).fill(-0.4))), "RUN_ON_ONE_SIDE"),
    ).toEqual([8, 9]);
    // Near misses: eight in a row (Western Electric's 4th rule would fire; Nelson's does not); a point on the center breaks it.
    expect(hits(zs(...Array<number>(8).fill(0.4)), "RUN_ON_ONE_SIDE")).toEqual([]);
    expect(hits(zs(0.4, 0.4, 0.4, 0.4, 0, 0.4, 0.4, 0.4, 0.4, 0.4), "RUN_ON_ONE_SIDE")).toEqual([]);
  });

  it("TREND: six in a row steadily increasing or decreasing, read on the plotted values", () => {
    const values = (...v: number[]) => v.map((value) => ({ value, z: 0.1 }));
    expect(hits(values(3, 1, 2, 3, 4, 5, 6), "TREND")).toEqual([
      { rule: "TREND", pointIndex: 6, direction: "UP" },
    ]);
    expect(hits(values(6, 5, 4, 3, 2, 1), "TREND")).toEqual([
      { rule: "TREND", pointIndex: 5, direction: "DOWN" },
    ]);
    // Near misses: five rising; a tie inside the six.
    expect(hits(values(1, 2, 3, 4, 5), "TREND")).toEqual([]);
    expect(hits(values(1, 2, 3, 3, 4, 5), "TREND")).toEqual([]);
  });

  it("ALTERNATING: fourteen in a row alternating up and down", () => {
    const sawtooth = (length: number) =>
      Array.from({ length }, (_, i) => ({ value: i % 2 === 0 ? 4 : 5, z: 0 }));
    expect(hits(sawtooth(14), "ALTERNATING")).toEqual([
      { rule: "ALTERNATING", pointIndex: 13, direction: null },
    ]);
    expect(indicesOf(detectSignals(sawtooth(15)), "ALTERNATING")).toEqual([13, 14]);
    // Near misses: thirteen; fourteen with one repeat breaking the alternation.
    expect(hits(sawtooth(13), "ALTERNATING")).toEqual([]);
    const broken = sawtooth(14);
    broken[7] = { value: broken[6]!.value, z: 0 };
    expect(hits(broken, "ALTERNATING")).toEqual([]);
  });

  it("HUGGING_CENTER: fifteen in a row within 1σ", () => {
    const hug: number[] = Array.from({ length: 15 }, (_, i) => (i % 3 === 0 ? -0.4 : 0.3));
    expect(hits(zs(...hug), "HUGGING_CENTER")).toEqual([
      { rule: "HUGGING_CENTER", pointIndex: 14, direction: null },
    ]);
    const near = [...hug];
    near[7] = 1.2;
    expect(hits(zs(...near), "HUGGING_CENTER")).toEqual([]);
    expect(hits(zs(...hug.slice(1)), "HUGGING_CENTER")).toEqual([]);
  });

  it("AVOIDING_CENTER: eight in a row beyond 1σ with points on both sides (a mixture)", () => {
    const mixture = [1.5, -1.4, -1.8, 1.2, 1.6, -1.3, 1.9, -1.1];
    expect(hits(zs(...mixture), "AVOIDING_CENTER")).toEqual([
      { rule: "AVOIDING_CENTER", pointIndex: 7, direction: null },
    ]);
    // Near misses: one point inside 1σ; eight beyond 1σ but all above (a shift, reported by the zone rules instead).
    const inside = [...mixture];
    inside[4] = 0.5;
    expect(hits(zs(...inside), "AVOIDING_CENTER")).toEqual([]);
    const oneSided = zs(1.5, 1.4, 1.8, 1.2, 1.6, 1.3, 1.9, 1.1);
    expect(hits(oneSided, "AVOIDING_CENTER")).toEqual([]);
    expect(hits(oneSided, "FOUR_OF_FIVE_BEYOND_1_SIGMA").length).toBeGreaterThan(0);
  });

  it("finds nothing in a quiet series and nothing in an empty one", () => {
    expect(detectSignals(zs(0.5, -0.8, 1.2, -0.3, 0.1, -1.1, 0.7, -0.2, 0.4, -0.6))).toEqual([]);
    expect(detectSignals([])).toEqual([]);
  });

  it("orders signals by point, then by rule, and refuses non-finite z", () => {
    const signals = detectSignals(zs(3.5, 3.5));
    expect(signals.map((s) => [s.pointIndex, s.rule])).toEqual([
      [0, "BEYOND_3_SIGMA"],
      [1, "BEYOND_3_SIGMA"],
      [1, "TWO_OF_THREE_BEYOND_2_SIGMA"],
    ]);
    expect(() => detectSignals([{ value: 1, z: Number.POSITIVE_INFINITY }])).toThrow(RangeError);
  });
});
