// Shewhart control charts (Shewhart 1931; Montgomery, Introduction to Statistical Quality
// Control) and the run rules that read them (Western Electric 1956; Nelson 1984).
// Limits come from a baseline period; later points are judged against them. A chart function
// returns null when the baseline cannot set limits (no data, or no variation at all).
// Points with n = 0 (an empty day or week) are the caller's to drop before charting: an empty
// subgroup has no value to plot, and passing one throws.
import { logGamma } from "./distributions";
import { assertMoments, sampleVariance, type TMoments } from "./summary";

export type TControlPoint = {
  /** the plotted value: subgroup mean, individual value, or proportion (0–1) */
  value: number;
  n: number;
  center: number;
  upper: number;
  lower: number;
  /** standard error of this point (σ/√n for X-bar, σ for individuals, √(p̄(1−p̄)/n) for p; times σ_z on the Laney charts): limits are center ± 3·sigma (p clipped to [0, 1]) */
  sigma: number;
  /** (value − center) / sigma: the zone the run rules read */
  z: number;
};

const LIMIT_SIGMAS = 3;
/** d2 for moving ranges of two: E|X₁ − X₂| = 2σ/√π (tables round it to 1.128). */
const D2_MOVING_RANGE = 2 / Math.sqrt(Math.PI);

/** c4(m): E[s] = c4·σ for a normal sample of size m (s with m − 1 df). */
export function c4(m: number): number {
  if (!(m >= 2)) throw new RangeError(`c4 needs a sample size of at least 2, got ${m}`);
  return Math.sqrt(2 / (m - 1)) * Math.exp(logGamma(m / 2) - logGamma((m - 1) / 2));
}

function pointOf(
  value: number,
  n: number,
  center: number,
  sigma: number,
  bounds?: { min: number; max: number },
): TControlPoint {
  let upper = center + LIMIT_SIGMAS * sigma;
  let lower = center - LIMIT_SIGMAS * sigma;
  if (bounds) {
    upper = Math.min(bounds.max, upper);
    lower = Math.max(bounds.min, lower);
  }
  return { value, n, center, upper, lower, sigma, z: (value - center) / sigma };
}

function assertPointSize(n: number, index: number): void {
  if (n === 0)
    throw new RangeError(`point ${index} has n = 0: drop empty subgroups before charting`);
}

/** The baseline of an X-bar chart: its grand mean, σ within subgroups and the df ν that σ rests on. */
export type TXBarBaseline = {
  center: number;
  /** σ̂ = pooled s / c4(ν + 1) */
  sigma: number;
  /** ν = Σ(nᵢ − 1) over the baseline subgroups */
  df: number;
  /** pooled s² = Σ(nᵢ − 1)sᵢ² / ν (no c4: the unbiased variance an F test needs) */
  pooledVariance: number;
};

/**
 * center = weighted grand mean of the baseline, Σ sums / Σ n.
 * σ (within subgroups) = pooled s / c4(ν + 1), pooled s = √(Σ(nᵢ − 1)sᵢ² / ν), ν = Σ(nᵢ − 1):
 * the pooled variance weights each subgroup by its degrees of freedom — what Montgomery
 * (§6.3.2, variable sample size) recommends for unequal nᵢ, where the plain average s̄ would
 * let a day of 3 answers count as much as a day of 300 — and dividing by c4 of the pooled df
 * removes its small bias (qcc's "RMSDF"; Burr 1969). It comes straight from (n, Σx, Σx²).
 * null when the baseline has no within-subgroup df (subgroups of size 1 throughout → use
 * individualsChart) or no variation.
 */
export function xBarBaseline(baseline: readonly TMoments[]): TXBarBaseline | null {
  let n = 0;
  let sum = 0;
  let df = 0;
  let sumOfSquares = 0;
  for (const subgroup of baseline) {
    assertMoments(subgroup);
    n += subgroup.n;
    sum += subgroup.sum;
    const variance = sampleVariance(subgroup);
    if (variance !== null) {
      df += subgroup.n - 1;
      sumOfSquares += variance * (subgroup.n - 1);
    }
  }
  if (n === 0 || df === 0) return null;
  const pooledVariance = sumOfSquares / df;
  const sigma = Math.sqrt(pooledVariance) / c4(df + 1);
  if (!(sigma > 0)) return null;
  return { center: sum / n, sigma, df, pooledVariance };
}

function assertSigmaZ(sigmaZ: number): void {
  if (!(sigmaZ > 0 && Number.isFinite(sigmaZ)))
    throw new RangeError(`σ_z must be a positive number, got ${sigmaZ}`);
}

/**
 * X-bar chart of subgroup means (subgroups may differ in size, as daily answer counts do):
 * center and σ from xBarBaseline, limits center ± 3σ/√nᵢ per point.
 * sigmaZ (default 1) widens every point's σ by Laney's factor: the X-bar′ chart, for means that
 * vary more from day to day than the spread within days explains (chart-choice.ts).
 * null when xBarBaseline is.
 */
export function xBarChart(
  baseline: readonly TMoments[],
  points: readonly TMoments[],
  sigmaZ = 1,
): TControlPoint[] | null {
  assertSigmaZ(sigmaZ);
  const limits = xBarBaseline(baseline);
  if (limits === null) return null;
  return points.map((point, index) => {
    assertMoments(point);
    assertPointSize(point.n, index);
    return pointOf(
      point.sum / point.n,
      point.n,
      limits.center,
      (sigmaZ * limits.sigma) / Math.sqrt(point.n),
    );
  });
}

function assertFinite(values: readonly number[]): void {
  for (const value of values)
    if (!Number.isFinite(value))
      throw new RangeError(`values must be finite numbers, got ${value}`);
}

/**
 * σ̂ = MR̄ / d2 of a sequence in time order: MR̄ the mean of the moving ranges |xᵢ − xᵢ₋₁|,
 * d2 = 2/√π ≈ 1.128 (Montgomery §6.4). It reads only the spread between neighbours, so a shift
 * or a trend in the sequence inflates it far less than the overall standard deviation.
 * null with fewer than 2 values.
 */
export function movingRangeSigma(values: readonly number[]): number | null {
  assertFinite(values);
  if (values.length < 2) return null;
  let movingRanges = 0;
  for (let i = 1; i < values.length; i++) movingRanges += Math.abs(values[i]! - values[i - 1]!);
  return movingRanges / (values.length - 1) / D2_MOVING_RANGE;
}

/**
 * Individuals (X-mR) chart for one value per period: center = baseline mean,
 * σ = MR̄ / d2 with MR̄ the mean moving range of consecutive baseline values and d2 = 2/√π ≈ 1.128
 * (Montgomery §6.4; NIST/SEMATECH e-Handbook §6.3.2.2). null with fewer than 2 baseline values or MR̄ = 0.
 */
export function individualsChart(
  baseline: readonly number[],
  points: readonly number[],
): TControlPoint[] | null {
  assertFinite(points);
  const sigma = movingRangeSigma(baseline);
  if (sigma === null || !(sigma > 0)) return null;
  const center = baseline.reduce((total, value) => total + value, 0) / baseline.length;
  return points.map((value) => pointOf(value, 1, center, sigma));
}

function assertCounts(group: { n: number; successes: number }): void {
  if (
    !Number.isInteger(group.n) ||
    group.n < 0 ||
    !Number.isInteger(group.successes) ||
    group.successes < 0 ||
    group.successes > group.n
  ) {
    throw new RangeError(
      `expected integer counts with 0 ≤ successes ≤ n, got ${group.successes} of ${group.n}`,
    );
  }
}

/**
 * p-chart of a share per subgroup (e.g. CSAT top-two-box): p̄ = baseline successes / baseline n,
 * limits p̄ ± 3√(p̄(1−p̄)/nᵢ) clipped to [0, 1] (Montgomery §7.2). sigmaZ (default 1) widens
 * them by Laney's factor: the p′ chart, p̄ ± 3·σ_z·√(p̄(1−p̄)/nᵢ) (Laney 2002; chart-choice.ts).
 * null when the baseline is empty or p̄ is 0 or 1 (no variation to set limits from).
 */
export function pChart(
  baseline: readonly { n: number; successes: number }[],
  points: readonly { n: number; successes: number }[],
  sigmaZ = 1,
): TControlPoint[] | null {
  assertSigmaZ(sigmaZ);
  let n = 0;
  let successes = 0;
  for (const subgroup of baseline) {
    assertCounts(subgroup);
    n += subgroup.n;
    successes += subgroup.successes;
  }
  if (n === 0) return null;
  const center = successes / n;
  if (center === 0 || center === 1) return null;
  return points.map((point, index) => {
    assertCounts(point);
    assertPointSize(point.n, index);
    return pointOf(
      point.successes / point.n,
      point.n,
      center,
      sigmaZ * Math.sqrt((center * (1 - center)) / point.n),
      { min: 0, max: 1 },
    );
  });
}

export type TControlRule =
  | "BEYOND_3_SIGMA" // Western Electric 1 / Nelson 1
  | "TWO_OF_THREE_BEYOND_2_SIGMA" // WE 2 / Nelson 5 (same side)
  | "FOUR_OF_FIVE_BEYOND_1_SIGMA" // WE 3 / Nelson 6 (same side)
  | "RUN_ON_ONE_SIDE" // Nelson 2: 9 in a row on one side of the center (not WE 4's 8)
  | "TREND" // Nelson 3: 6 in a row steadily increasing or decreasing
  | "ALTERNATING" // Nelson 4: 14 in a row alternating up and down
  | "HUGGING_CENTER" // Nelson 7: 15 in a row within 1σ
  | "AVOIDING_CENTER"; // Nelson 8: 8 in a row beyond 1σ, on both sides
export type TControlSignal = {
  rule: TControlRule;
  pointIndex: number;
  direction: "UP" | "DOWN" | null;
};

/** Pattern lengths (Nelson 1984). */
const RUN_LENGTH = 9;
const TREND_LENGTH = 6;
const ALTERNATING_LENGTH = 14;
const HUGGING_LENGTH = 15;
const AVOIDING_LENGTH = 8;

type TSide = 1 | -1 | 0;

function sideBeyond(z: number, sigmas: number): TSide {
  if (z > sigmas) return 1;
  if (z < -sigmas) return -1;
  return 0;
}

function directionOf(side: TSide): "UP" | "DOWN" {
  return side > 0 ? "UP" : "DOWN";
}

/** The point i, beyond `sigmas` on its side, makes at least `needed` of the last `window` points beyond it on that side. */
function zoneSignal(
  z: readonly number[],
  i: number,
  sigmas: number,
  window: number,
  needed: number,
): TSide {
  const side = sideBeyond(z[i]!, sigmas);
  if (side === 0) return 0;
  let count = 0;
  for (let j = Math.max(0, i - window + 1); j <= i; j++)
    if (sideBeyond(z[j]!, sigmas) === side) count++;
  return count >= needed ? side : 0;
}

/** The last `length` points (ending at i) all satisfy `test`. */
function lastAll(i: number, length: number, test: (j: number) => boolean): boolean {
  if (i + 1 < length) return false;
  for (let j = i - length + 1; j <= i; j++) if (!test(j)) return false;
  return true;
}

/**
 * Every rule violation, reported at the point that completes the pattern (pointIndex into
 * points). A pattern that goes on is reported again at each further point that still completes
 * it (a run of 10 on one side: at the 9th and the 10th point).
 * Zone rules and runs read each point's z; TREND and ALTERNATING read the plotted values (the
 * direction of the line the reader sees). A point exactly on the center line breaks a run;
 * equal neighbours break a trend or an alternation. "Beyond kσ" means |z| > k (beyond 3σ also
 * counts as beyond 2σ and 1σ).
 */
export function detectSignals(
  points: readonly Pick<TControlPoint, "value" | "z">[],
): TControlSignal[] {
  const z = points.map((p) => p.z);
  const values = points.map((p) => p.value);
  assertFinite(z);
  assertFinite(values);
  const step = (j: number): TSide =>
    j < 1 ? 0 : (Math.sign(values[j]! - values[j - 1]!) as TSide);
  const signals: TControlSignal[] = [];
  const add = (rule: TControlRule, pointIndex: number, direction: TControlSignal["direction"]) =>
    signals.push({ rule, pointIndex, direction });

  for (let i = 0; i < points.length; i++) {
    const beyond3 = sideBeyond(z[i]!, 3);
    if (beyond3 !== 0) add("BEYOND_3_SIGMA", i, directionOf(beyond3));

    const twoOfThree = zoneSignal(z, i, 2, 3, 2);
    if (twoOfThree !== 0) add("TWO_OF_THREE_BEYOND_2_SIGMA", i, directionOf(twoOfThree));

    const fourOfFive = zoneSignal(z, i, 1, 5, 4);
    if (fourOfFive !== 0) add("FOUR_OF_FIVE_BEYOND_1_SIGMA", i, directionOf(fourOfFive));

    const side = Math.sign(z[i]!) as TSide;
    if (side !== 0 && lastAll(i, RUN_LENGTH, (j) => Math.sign(z[j]!) === side))
      add("RUN_ON_ONE_SIDE", i, directionOf(side));

    // TREND_LENGTH points make TREND_LENGTH − 1 steps, all the same way.
    const trend = step(i);
    if (trend !== 0 && lastAll(i, TREND_LENGTH - 1, (j) => j >= 1 && step(j) === trend))
      add("TREND", i, directionOf(trend));

    // ALTERNATING_LENGTH points make ALTERNATING_LENGTH − 1 steps, each turning against the one before.
    const firstStep = i - ALTERNATING_LENGTH + 2;
    if (
      firstStep >= 1 &&
      lastAll(
        i,
        ALTERNATING_LENGTH - 1,
        (j) => step(j) !== 0 && (j === firstStep || step(j) === -step(j - 1)),
      )
    ) {
      add("ALTERNATING", i, null);
    }

    if (lastAll(i, HUGGING_LENGTH, (j) => Math.abs(z[j]!) <= 1)) add("HUGGING_CENTER", i, null);

    // Nelson's test 8 is a mixture test: points avoid the center on BOTH sides. Eight beyond 1σ
    // on one side is a shift, which the zone and run rules already report.
    if (lastAll(i, AVOIDING_LENGTH, (j) => Math.abs(z[j]!) > 1)) {
      const window = z.slice(i - AVOIDING_LENGTH + 1, i + 1);
      if (window.some((v) => v > 1) && window.some((v) => v < -1)) add("AVOIDING_CENTER", i, null);
    }
  }
  return signals;
}
