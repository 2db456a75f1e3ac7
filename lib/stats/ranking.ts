// The fix-first ranking: which touchpoints (or drivers) to improve first. Formula, reasons and
// sources in docs/METHODS.md, "Fix-first score".
import { assertConfidence, DEFAULT_CONFIDENCE, tQuantileOf } from "./distributions";
import type { TImportanceDetail, TImportanceSource } from "./importance";
import { dersimonianLaird, shrinkToward, type TRandomEffects } from "./shrinkage";
import { assertMoments, sampleVariance, tInterval, type TInterval, type TMoments } from "./summary";

export type TRankInput = {
  id: string;
  /** Moments of (experienced − expectation), one value per observation. */
  gap: TMoments;
  /** 0..1, on the one scale of lib/stats/importance.ts. */
  importance: number;
  importanceSource: TImportanceSource;
  /** Where the importance came from, for "why is this first?" (absent: nothing to add). */
  importanceDetail?: TImportanceDetail;
  /** Observations (or customers) passing the touchpoint; weighs the score sub-linearly. */
  reach: number;
};

/**
 * The verdict on an item's gap: shown below expectation, not shown below, or too few answers to
 * rank at all (fewer than `minAnswers`; listed after every ranked item).
 */
type TVerdict = "BELOW_EXPECTATION" | "NOT_SHOWN_BELOW" | "TOO_FEW_OBSERVATIONS";

/**
 * Why an item stands where it does ("why is this first?"): the numbers of the formula, as data —
 * the UI words them in the user's language.
 */
export type TRankReason = {
  verdict: TVerdict;
  n: number;
  /** The fewest answers an item needs to be ranked. */
  minAnswers: number;
  meanGap: number | null;
  /** The gap's TWO-sided confidence interval (its `confidence` included); null when n < 2. */
  gapInterval: TInterval | null;
  /** The standard deviation the interval used (moderated toward the pooled one, see below). */
  sdUsed: number | null;
  /**
   * The gap the bound starts from: the mean gap, or — when that is the more cautious reading —
   * the mean gap pulled toward the ranked items' common mean (empirical Bayes). Null when unranked.
   */
  gapEstimate: number | null;
  /** Share of the way from the mean gap to `commonGap` (0 = not pulled, 1 = all the way). */
  shrinkage: number;
  /** The ranked items' random-effects mean gap μ̂; null when there are fewer than two of them. */
  commonGap: number | null;
  /** How far below expectation the item is at least: a ONE-sided bound at `confidence`. */
  shortfallBound: number;
  importance: number;
  importanceSource: TImportanceSource;
  importanceDetail: TImportanceDetail | null;
  reachShare: number;
  /** (reach / busiest reach)^reachExponent: the factor reach contributes to the score. */
  reachWeight: number;
  score: number;
};

/** A ranked item: what was ranked (an id here; a touchpoint or a driver in the views), its place and why. */
export type TRanked<TItem = { id: string }> = TItem & { rank: number; reason: TRankReason };

export type TRankOptions = {
  /** The level of the one-sided shortfall bound and of the two-sided interval shown beside it. */
  confidence?: number;
  /**
   * Degrees of freedom of the prior variance (Smyth 2004's d₀): each item's variance is
   * pulled toward the variance pooled over all items as if d₀ extra observations had it.
   * Matters for small samples only; 0 turns it off.
   */
  priorDf?: number;
  /** reach weight = (reach / busiest reach)^reachExponent; 0.5 = square root, 0 ignores reach. */
  reachExponent?: number;
  /** Items with fewer answers are not ranked ("too few answers to rank"); at least 2. */
  minAnswers?: number;
  /** Pull each mean gap toward the common one (empirical Bayes) where that is more cautious. */
  shrink?: boolean;
};

const DEFAULT_PRIOR_DF = 4;
const DEFAULT_REACH_EXPONENT = 0.5;
/**
 * The fewest answers behind a ranked item: the floor the pilots' tests use too (docs/METHODS.md),
 * below which a mean on a bounded 1–7 scale and its t interval are not worth acting on.
 */
export const MIN_ANSWERS_TO_RANK = 10;
/**
 * The least prior variance s₀²: 1/12, the variance of rounding to a whole point on the scale
 * (uniform on ±½). Answers are whole points, so identical answers do not mean a spread of 0: with
 * every gap identical the pooled variance is 0, every interval would have width 0 and the
 * empirical-Bayes fit would switch off.
 */
const MIN_PRIOR_VARIANCE = 1 / 12;

function assertInput(item: TRankInput): void {
  assertMoments(item.gap);
  if (!(item.importance >= 0 && item.importance <= 1))
    throw new RangeError(`importance of ${item.id} must be in [0, 1]`);
  if (!(item.reach >= 0) || !Number.isFinite(item.reach))
    throw new RangeError(`reach of ${item.id} must be ≥ 0`);
}

/** Σ(nᵢ − 1)·sᵢ² / Σ(nᵢ − 1) over the items with n ≥ 2; null when there are none. */
export function pooledVariance(samples: readonly TMoments[]): number | null {
  let weighted = 0;
  let df = 0;
  for (const m of samples) {
    const variance = sampleVariance(m);
    if (variance === null) continue;
    weighted += (m.n - 1) * variance;
    df += m.n - 1;
  }
  return df === 0 ? null : weighted / df;
}

/** An item's mean gap with its moderated variance s̃² and the df that go with it. */
type TGapEstimate = { meanGap: number; variance: number; df: number };

/**
 * s̃² = (d₀·s₀² + (n − 1)·s²) / (d₀ + n − 1) on d₀ + n − 1 degrees of freedom. Why: with three
 * observations the sample sd is itself noise — three identical answers give s = 0 and an
 * interval of width 0 that would look certain. Null when n < 2.
 */
function moderatedGap(
  m: TMoments,
  priorVariance: number | null,
  priorDf: number,
): TGapEstimate | null {
  const variance = sampleVariance(m);
  if (variance === null) return null;
  const d0 = priorVariance === null ? 0 : priorDf;
  const df = d0 + m.n - 1;
  return {
    meanGap: m.sum / m.n,
    variance: (d0 * (priorVariance ?? 0) + (m.n - 1) * variance) / df,
    df,
  };
}

type TBound = { upper: number; gapEstimate: number; shrinkage: number };

/**
 * The one-sided upper bound of the gap: ȳ + t(confidence; df)·√(s̃²/n). With a common fit, also the
 * empirical-Bayes bound θ̃ + t·√V (lib/stats/shrinkage.ts), and the higher — the more cautious —
 * of the two is kept: the common mean may temper an item's shortfall, never create one.
 */
function upperBound(
  est: TGapEstimate,
  n: number,
  fit: TRandomEffects | null,
  confidence: number,
): TBound {
  const t = tQuantileOf(confidence, est.df);
  const own = {
    upper: est.meanGap + t * Math.sqrt(est.variance / n),
    gapEstimate: est.meanGap,
    shrinkage: 0,
  };
  if (fit === null) return own;
  const shrunk = shrinkToward({ estimate: est.meanGap, variance: est.variance / n }, fit);
  const upper = shrunk.estimate + t * Math.sqrt(shrunk.variance);
  return upper > own.upper
    ? { upper, gapEstimate: shrunk.estimate, shrinkage: shrunk.shrinkage }
    : own;
}

/**
 * score = shortfallBound × importance × (reach / busiest reach)^½, where
 * shortfallBound = max(0, −(one-sided upper bound of the gap at the given confidence)): how far
 * below expectation the item is at least. Items with fewer than `minAnswers` answers are not
 * ranked: they score 0 and come after every ranked item. Order: ranked first, then score, then n,
 * then id (descending, descending, ascending) — stable across runs.
 */
export function rankItems(items: readonly TRankInput[], options: TRankOptions = {}): TRanked[] {
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  const priorDf = options.priorDf ?? DEFAULT_PRIOR_DF;
  const reachExponent = options.reachExponent ?? DEFAULT_REACH_EXPONENT;
  const minAnswers = options.minAnswers ?? MIN_ANSWERS_TO_RANK;
  const shrink = options.shrink ?? true;
  assertConfidence(confidence);
  if (!(priorDf >= 0)) throw new RangeError(`priorDf must be ≥ 0, got ${priorDf}`);
  if (!(reachExponent >= 0))
    throw new RangeError(`reachExponent must be ≥ 0, got ${reachExponent}`);
  if (!Number.isInteger(minAnswers) || minAnswers < 2)
    throw new RangeError(`minAnswers must be an integer ≥ 2, got ${minAnswers}`);
  const ids = new Set<string>();
  for (const item of items) {
    assertInput(item);
    if (ids.has(item.id)) throw new RangeError(`duplicate id ${item.id}`);
    ids.add(item.id);
  }

  const pooled = priorDf > 0 ? pooledVariance(items.map((item) => item.gap)) : null;
  const priorVariance = pooled === null ? null : Math.max(MIN_PRIOR_VARIANCE, pooled);
  const busiest = items.reduce((max, item) => Math.max(max, item.reach), 0);
  const estimates = items.map((item) => moderatedGap(item.gap, priorVariance, priorDf));
  const isRanked = (i: number) => items[i]!.gap.n >= minAnswers && estimates[i] !== null;
  // The common mean and the spread between items come from the ranked items only: a handful of
  // answers says little about either.
  const fit = shrink
    ? dersimonianLaird(
        items.flatMap((item, i) =>
          isRanked(i)
            ? [{ estimate: estimates[i]!.meanGap, variance: estimates[i]!.variance / item.gap.n }]
            : [],
        ),
      )
    : null;

  const scored = items.map((item, i) => {
    const est = estimates[i] ?? null;
    const ranked = isRanked(i);
    const bound = ranked && est !== null ? upperBound(est, item.gap.n, fit, confidence) : null;
    const shortfallBound = bound === null ? 0 : Math.max(0, -bound.upper);
    const reachShare = busiest === 0 ? 0 : item.reach / busiest;
    const reachWeight = reachExponent === 0 ? 1 : reachShare ** reachExponent;
    const reason: TRankReason = {
      verdict: !ranked
        ? "TOO_FEW_OBSERVATIONS"
        : shortfallBound > 0
          ? "BELOW_EXPECTATION"
          : "NOT_SHOWN_BELOW",
      n: item.gap.n,
      minAnswers,
      meanGap: item.gap.n === 0 ? null : item.gap.sum / item.gap.n,
      gapInterval:
        est === null ? null : tInterval(est.meanGap, est.variance, item.gap.n, est.df, confidence),
      sdUsed: est === null ? null : Math.sqrt(est.variance),
      gapEstimate: bound?.gapEstimate ?? null,
      shrinkage: bound?.shrinkage ?? 0,
      commonGap: fit?.mean ?? null,
      shortfallBound,
      importance: item.importance,
      importanceSource: item.importanceSource,
      importanceDetail: item.importanceDetail ?? null,
      reachShare,
      reachWeight,
      score: shortfallBound * item.importance * reachWeight,
    };
    return { id: item.id, ranked, reason };
  });

  scored.sort(
    (a, b) =>
      Number(b.ranked) - Number(a.ranked) ||
      b.reason.score - a.reason.score ||
      b.reason.n - a.reason.n ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return scored.map((item, index) => ({ id: item.id, rank: index + 1, reason: item.reason }));
}
