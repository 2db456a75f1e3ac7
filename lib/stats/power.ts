// Sample size before a pilot: how many answers each group (pilot sites, control sites) needs so
// that a real difference of the planned size is found with the planned power. Two-sided test,
// two independent groups of equal size. Pure; callers validate their input first, so bad input
// here is a programming error and throws.
import { tQuantileOf, zQuantile } from "./distributions";
import type { TNpsCounts } from "./proportions";

export const DEFAULT_ALPHA = 0.05;
export const DEFAULT_POWER = 0.8;
export type TPowerOptions = {
  alpha?: number;
  power?: number;
  /**
   * When the test will run on a fixed number of degrees of freedom (a comparison of sites: the
   * number of sites less two), t quantiles on those df replace the normal ones, so the plan allows
   * for the wider critical value the test will have (Snedecor & Cochran's small-sample correction,
   * which Hayes & Bennett 1999 approximate by adding a site per arm).
   */
  df?: number;
};

// Safety net for the t iteration below; it settles in 2–4 rounds in practice.
const MAX_ITERATIONS = 50;

function resolveOptions(options: TPowerOptions): {
  alpha: number;
  power: number;
  df: number | null;
} {
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const power = options.power ?? DEFAULT_POWER;
  const df = options.df ?? null;
  if (!(alpha > 0 && alpha < 1)) throw new Error(`alpha must be in (0, 1), got ${alpha}`);
  if (!(power > 0 && power < 1)) throw new Error(`power must be in (0, 1), got ${power}`);
  if (df !== null && !(df > 0)) throw new Error(`df must be positive, got ${df}`);
  return { alpha, power, df };
}

/** z₁₋α/₂ and z₁₋β, or the t quantiles on a fixed df. */
function quantiles(options: { alpha: number; power: number; df: number | null }): {
  level: number;
  power: number;
} {
  const { alpha, power, df } = options;
  return df === null
    ? { level: zQuantile(1 - alpha / 2), power: zQuantile(power) }
    : { level: tQuantileOf(1 - alpha / 2, df), power: tQuantileOf(power, df) };
}

function assertEffect(effect: number): void {
  if (!Number.isFinite(effect) || effect === 0)
    throw new Error(`effect must be a finite non-zero number, got ${effect}`);
}

/** n = (z₁₋α/₂ + z₁₋β)² · (variance sum) / Δ², rounded up; at least 2 so a variance can be estimated. */
function normalSampleSize(
  options: { alpha: number; power: number; df: number | null },
  varianceSum: number,
  difference: number,
): number {
  const q = quantiles(options);
  const z = q.level + q.power;
  return Math.max(2, Math.ceil((z * z * varianceSum) / (difference * difference)));
}

/**
 * Per-group n to detect a difference `effect` between two means with common sd (t-test).
 * Starts from the normal formula n = 2(z₁₋α/₂ + z₁₋β)²/d², d = effect/sd, then replaces the z
 * quantiles by t quantiles on 2(n − 1) df until n stops changing. That reproduces Cohen's (1988)
 * Table 2.4.1 (d = 0.5 → 64, d = 0.8 → 26 at α = .05 two-sided, power .80). Against the exact
 * noncentral-t answer (G*Power), scanned with scipy over d = 0.1–3 at four α/power settings, it
 * agrees in 210 of 236 cases and is off by one (either way) in 24; only d ≥ 2.75 at α = .10 is off by two (5 v 3).
 */
export function sampleSizeForMeans(input: { sd: number; effect: number } & TPowerOptions): number {
  const options = resolveOptions(input);
  const { alpha, power } = options;
  assertEffect(input.effect);
  if (!(input.sd > 0) || !Number.isFinite(input.sd))
    throw new Error(`sd must be a positive number, got ${input.sd}`);
  const d = Math.abs(input.effect) / input.sd;
  // On a fixed df the t quantiles do not depend on n: no iteration.
  if (options.df !== null) return normalSampleSize(options, 2, d);
  const visited: number[] = [];
  let n = normalSampleSize(options, 2, d);
  while (!visited.includes(n) && visited.length < MAX_ITERATIONS) {
    visited.push(n);
    const df = 2 * (n - 1);
    const t = tQuantileOf(1 - alpha / 2, df) + tQuantileOf(power, df);
    n = Math.max(2, Math.ceil((2 * t * t) / (d * d)));
  }
  // For very large effects (tiny n) the iteration can settle into a cycle such as 3 → 4 → 3:
  // the largest value of the cycle keeps the promised power.
  const cycleStart = visited.indexOf(n);
  return cycleStart === -1 ? n : Math.max(...visited.slice(cycleStart));
}

// A share computed from counts plus an effect typed in % can land a few ulps beyond 1: that is
// the boundary, not beyond it.
const ROUNDING = 1e-12;

/** p itself, pulled back onto [0, 1] when only rounding put it outside. */
function checkedShare(name: string, p: number): number {
  if (!(p >= -ROUNDING && p <= 1 + ROUNDING))
    throw new Error(`${name} must be a proportion in [0, 1], got ${p}`);
  return Math.min(1, Math.max(0, p));
}

/**
 * Per-group n to detect p → p + effect between two proportions (0–1). Normal approximation
 * without continuity correction (Fleiss, Levin & Paik 2003, ch. 4): the α term uses the
 * variance under H₀ (pooled p̄ = p + effect/2), the power term the variance under H₁:
 * n = [z₁₋α/₂ √(2p̄q̄) + z₁₋β √(p₁q₁ + p₂q₂)]² / Δ².
 */
export function sampleSizeForProportions(
  input: { baseline: number; effect: number } & TPowerOptions,
): number {
  const options = resolveOptions(input);
  assertEffect(input.effect);
  const q = quantiles(options);
  const p1 = checkedShare("baseline", input.baseline);
  const p2 = checkedShare("baseline + effect", input.baseline + input.effect);
  const pBar = (p1 + p2) / 2;
  const numerator =
    q.level * Math.sqrt(2 * pBar * (1 - pBar)) + q.power * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  if (p1 === p2) throw new Error("effect vanishes at the boundary of [0, 1]");
  return Math.max(2, Math.ceil((numerator * numerator) / ((p2 - p1) * (p2 - p1))));
}

type TNpsShares = { promoters: number; detractors: number };

function npsVariance(shares: TNpsShares): number {
  const score = shares.promoters - shares.detractors;
  return Math.max(0, shares.promoters + shares.detractors - score * score);
}

/**
 * The mix expected after a change of `delta` (as a share, −2..2) in NPS: half of it from more
 * promoters, half from fewer detractors, passives unchanged — and when one side runs out, the
 * rest comes out of the passives. Documented in docs/METHODS.md ("Pilots").
 */
export function shiftedNpsShares(baseline: TNpsShares, delta: number): TNpsShares {
  if (delta < 0) {
    const mirrored = shiftedNpsShares(
      { promoters: baseline.detractors, detractors: baseline.promoters },
      -delta,
    );
    return { promoters: mirrored.detractors, detractors: mirrored.promoters };
  }
  let promoters = baseline.promoters + delta / 2;
  let detractors = baseline.detractors - delta / 2;
  if (detractors < 0) {
    promoters -= detractors;
    detractors = 0;
  }
  return { promoters, detractors };
}

/**
 * Per-group n to detect a change of `effect` NPS points (−100..100) from the baseline mix.
 * Each answer scores +1 / 0 / −1, NPS is 100 × their mean, and its variance per answer is the
 * multinomial p₊ + p₋ − (p₊ − p₋)² (Rocks 2016). Control keeps the baseline mix, the pilot gets
 * the shifted mix (shiftedNpsShares); unpooled normal formula
 * n = (z₁₋α/₂ + z₁₋β)² (σ₀² + σ₁²) / Δ². With no passives this is exactly the two-proportion
 * formula with unpooled variances for p₊ → p₊ + Δ/2.
 */
export function sampleSizeForNps(
  input: { baseline: TNpsCounts; effect: number } & TPowerOptions,
): number {
  const options = resolveOptions(input);
  assertEffect(input.effect);
  const { promoters, passives, detractors } = input.baseline;
  for (const [name, count] of [
    ["promoters", promoters],
    ["passives", passives],
    ["detractors", detractors],
  ] as const) {
    if (!Number.isInteger(count) || count < 0)
      throw new Error(`${name} must be a non-negative integer, got ${count}`);
  }
  const total = promoters + passives + detractors;
  if (total === 0) throw new Error("the NPS baseline has no answers");
  const base = { promoters: promoters / total, detractors: detractors / total };
  const delta = input.effect / 100;
  const target = base.promoters - base.detractors + delta;
  if (!(target >= -1 - ROUNDING && target <= 1 + ROUNDING)) {
    throw new Error(
      `baseline NPS ${100 * (base.promoters - base.detractors)} + effect ${input.effect} leaves −100..100`,
    );
  }
  const varianceSum = npsVariance(base) + npsVariance(shiftedNpsShares(base, delta));
  return normalSampleSize(options, varianceSum, delta);
}
