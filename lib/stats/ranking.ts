// The fix-first ranking: which touchpoints (or drivers) to improve first. Formula, reasons and
// sources in docs/METHODS.md, "Fix-first score".
import { assertConfidence, DEFAULT_CONFIDENCE } from "./distributions";
import { assertMoments, sampleVariance, tInterval, type TInterval, type TMoments } from "./summary";

export type TImportanceSource = "STATED" | "DERIVED" | "DEFAULT";

export type TRankInput = {
  id: string;
  /** Moments of (experienced − expectation), one value per observation. */
  gap: TMoments;
  /** 0..1 */
  importance: number;
  importanceSource: TImportanceSource;
  /** Observations (or customers) passing the touchpoint; weighs the score sub-linearly. */
  reach: number;
};

/** The verdict on an item's gap: shown below expectation, not shown below, or too few observations to tell. */
type TVerdict = "BELOW_EXPECTATION" | "NOT_SHOWN_BELOW" | "TOO_FEW_OBSERVATIONS";

/**
 * Why an item stands where it does ("why is this first?"): the numbers of the formula, as data —
 * the UI words them in the user's language.
 */
export type TRankReason = {
  verdict: TVerdict;
  n: number;
  meanGap: number | null;
  /** The gap's confidence interval (its `confidence` included); null when n < 2. */
  gapInterval: TInterval | null;
  /** The standard deviation the interval used (moderated toward the pooled one, see below). */
  sdUsed: number | null;
  shortfallBound: number;
  importance: number;
  importanceSource: TImportanceSource;
  reachShare: number;
  /** (reach / busiest reach)^reachExponent: the factor reach contributes to the score. */
  reachWeight: number;
  score: number;
};

/** A ranked item: what was ranked (an id here; a touchpoint or a driver in the views), its place and why. */
export type TRanked<TItem = { id: string }> = TItem & { rank: number; reason: TRankReason };

export type TRankOptions = {
  confidence?: number;
  /**
   * Degrees of freedom of the prior variance (Smyth 2004's d₀): each item's variance is
   * pulled toward the variance pooled over all items as if d₀ extra observations had it.
   * Matters for small samples only; 0 turns it off.
   */
  priorDf?: number;
  /** reach weight = (reach / busiest reach)^reachExponent; 0.5 = square root, 0 ignores reach. */
  reachExponent?: number;
};

const DEFAULT_PRIOR_DF = 4;
const DEFAULT_REACH_EXPONENT = 0.5;

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

type TGapBound = { meanGap: number | null; interval: TInterval | null; sdUsed: number | null };

/**
 * The gap's t interval with a moderated variance s̃² = (d₀·s₀² + (n − 1)·s²) / (d₀ + n − 1)
 * on d₀ + n − 1 degrees of freedom. Why: with three observations the sample sd is itself noise
 * — three identical answers give s = 0 and an interval of width 0 that would look certain.
 */
function gapBound(
  m: TMoments,
  priorVariance: number | null,
  priorDf: number,
  confidence: number,
): TGapBound {
  if (m.n === 0) return { meanGap: null, interval: null, sdUsed: null };
  const meanGap = m.sum / m.n;
  const variance = sampleVariance(m);
  if (variance === null) return { meanGap, interval: null, sdUsed: null };
  const d0 = priorVariance === null ? 0 : priorDf;
  const df = d0 + m.n - 1;
  const moderated = (d0 * (priorVariance ?? 0) + (m.n - 1) * variance) / df;
  return {
    meanGap,
    interval: tInterval(meanGap, moderated, m.n, df, confidence),
    sdUsed: Math.sqrt(moderated),
  };
}

function verdictOf(bound: TGapBound, shortfallBound: number): TVerdict {
  if (bound.interval === null) return "TOO_FEW_OBSERVATIONS";
  return shortfallBound > 0 ? "BELOW_EXPECTATION" : "NOT_SHOWN_BELOW";
}

/**
 * score = shortfallBound × importance × (reach / busiest reach)^½, where
 * shortfallBound = max(0, −(upper end of the gap's confidence interval)): how far below
 * expectation the item is at least, at the given confidence. Items with n < 2 score 0.
 * Order: score, then n, then id (descending, descending, ascending) — stable across runs.
 */
export function rankItems(items: readonly TRankInput[], options: TRankOptions = {}): TRanked[] {
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  const priorDf = options.priorDf ?? DEFAULT_PRIOR_DF;
  const reachExponent = options.reachExponent ?? DEFAULT_REACH_EXPONENT;
  assertConfidence(confidence);
  if (!(priorDf >= 0)) throw new RangeError(`priorDf must be ≥ 0, got ${priorDf}`);
  if (!(reachExponent >= 0))
    throw new RangeError(`reachExponent must be ≥ 0, got ${reachExponent}`);
  const ids = new Set<string>();
  for (const item of items) {
    assertInput(item);
    if (ids.has(item.id)) throw new RangeError(`duplicate id ${item.id}`);
    ids.add(item.id);
  }

  const priorVariance = priorDf > 0 ? pooledVariance(items.map((item) => item.gap)) : null;
  const busiest = items.reduce((max, item) => Math.max(max, item.reach), 0);

  const scored = items.map((item) => {
    const bound = gapBound(item.gap, priorVariance, priorDf, confidence);
    const shortfallBound = bound.interval === null ? 0 : Math.max(0, -bound.interval.high);
    const reachShare = busiest === 0 ? 0 : item.reach / busiest;
    const reachWeight = reachExponent === 0 ? 1 : reachShare ** reachExponent;
    const reason: TRankReason = {
      verdict: verdictOf(bound, shortfallBound),
      n: item.gap.n,
      meanGap: bound.meanGap,
      gapInterval: bound.interval,
      sdUsed: bound.sdUsed,
      shortfallBound,
      importance: item.importance,
      importanceSource: item.importanceSource,
      reachShare,
      reachWeight,
      score: shortfallBound * item.importance * reachWeight,
    };
    return { id: item.id, reason };
  });

  scored.sort(
    (a, b) =>
      b.reason.score - a.reason.score ||
      b.reason.n - a.reason.n ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return scored.map((item, index) => ({ id: item.id, rank: index + 1, reason: item.reason }));
}
