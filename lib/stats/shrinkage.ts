// Empirical-Bayes shrinkage of group means toward their common mean, with the between-group
// variance estimated from the data (DerSimonian & Laird 1986). Why and how the fix-first ranking
// uses it: docs/METHODS.md, "Fix-first score".

/** One group's estimate and the sampling variance of that estimate (for a mean, s²/n). */
type TEffect = { estimate: number; variance: number };

/** The random-effects fit: groups' true values spread around `mean` with variance `tau2`. */
export type TRandomEffects = {
  /** τ², the between-group variance, truncated at 0. */
  tau2: number;
  /** μ̂, the mean weighted by 1 / (vᵢ + τ²). */
  mean: number;
  /** Var(μ̂) = 1 / Σ 1 / (vᵢ + τ²). */
  meanVariance: number;
  /** Cochran's Q around the fixed-effect mean, from which τ² is read. */
  q: number;
  k: number;
};

/**
 * DerSimonian–Laird's method-of-moments estimate of τ²:
 * τ² = max(0, (Q − (k − 1)) / (Σwᵢ − Σwᵢ² / Σwᵢ)), wᵢ = 1/vᵢ, Q = Σwᵢ(yᵢ − ȳ_w)².
 * Null with fewer than two groups, or when a variance is not positive (the weights need 1/vᵢ).
 */
export function dersimonianLaird(effects: readonly TEffect[]): TRandomEffects | null {
  const k = effects.length;
  if (k < 2 || effects.some((e) => !(e.variance > 0) || !Number.isFinite(e.variance))) return null;
  let sumW = 0;
  let sumW2 = 0;
  let sumWY = 0;
  for (const e of effects) {
    const w = 1 / e.variance;
    sumW += w;
    sumW2 += w * w;
    sumWY += w * e.estimate;
  }
  const fixedMean = sumWY / sumW;
  let q = 0;
  for (const e of effects) q += (e.estimate - fixedMean) ** 2 / e.variance;
  const tau2 = Math.max(0, (q - (k - 1)) / (sumW - sumW2 / sumW));
  let sumWStar = 0;
  let sumWStarY = 0;
  for (const e of effects) {
    const w = 1 / (e.variance + tau2);
    sumWStar += w;
    sumWStarY += w * e.estimate;
  }
  return { tau2, mean: sumWStarY / sumWStar, meanVariance: 1 / sumWStar, q, k };
}

/** A group's estimate pulled toward the common mean, with the share of the way it moved. */
type TShrunk = { estimate: number; variance: number; shrinkage: number };

/**
 * The empirical-Bayes estimate (BLUP) of one group's true value:
 * B = v / (v + τ²), θ̃ = y − B·(y − μ̂), and its error variance (1 − B)·v + B²·Var(μ̂), which
 * counts the uncertainty of μ̂ but not that of τ² (Raudenbush & Bryk 2002, ch. 3, empirical Bayes
 * estimates). A group with a noisy estimate (large v) moves far; with τ² = 0 every group is the
 * common mean.
 */
export function shrinkToward(effect: TEffect, fit: TRandomEffects): TShrunk {
  const shrinkage = effect.variance / (effect.variance + fit.tau2);
  return {
    estimate: effect.estimate - shrinkage * (effect.estimate - fit.mean),
    variance: (1 - shrinkage) * effect.variance + shrinkage * shrinkage * fit.meanVariance,
    shrinkage,
  };
}
