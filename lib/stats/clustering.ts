// Answers from the same site are not independent: they share its staff, its location and its
// customers. A comparison of sites therefore carries less information than its number of answers
// says. These functions measure how much less (the intraclass correlation, ICC) and what it costs
// (the design effect), from per-site sufficient statistics (n, Σx, Σx²) as PostgreSQL returns
// them. Pure; bad input is a programming error and throws.
import { assertMoments, type TMoments } from "./summary";

export type TIccEstimate = {
  /** The ICC, truncated at 0: a negative estimate means no detectable site effect. */
  icc: number;
  /** The ANOVA estimate before truncation (can be negative). */
  raw: number;
  /** Sites with at least one answer, and their answers. */
  sites: number;
  n: number;
};

/**
 * The one-way analysis-of-variance estimator of the ICC (Donner & Klar 2000; Killip,
 * Mahfoud & Pearce 2004), for sites of unequal size, optionally nested in strata (the arms of a
 * pilot) whose own means are removed first, so that a treatment effect is not read as a site
 * effect:
 *   MSB = Σ mⱼ(x̄ⱼ − x̄_stratum)² / (k − A),  MSW = Σ Σ (xᵢⱼ − x̄ⱼ)² / (M − k),
 *   m₀  = (M − Σ_stratum Σⱼ mⱼ² / M_stratum) / (k − A),
 *   ρ̂  = (MSB − MSW) / (MSB + (m₀ − 1)·MSW), truncated at 0,
 * with k sites, A strata and M answers. null when there are not two sites in a stratum, no
 * within-site degrees of freedom, or no variation at all.
 */
export function anovaIcc(strata: readonly (readonly TMoments[])[]): TIccEstimate | null {
  let sites = 0;
  let answers = 0;
  let usedStrata = 0;
  let between = 0;
  let within = 0;
  let sizeTerm = 0;
  for (const stratum of strata) {
    for (const site of stratum) assertMoments(site);
    const present = stratum.filter((s) => s.n > 0);
    if (present.length === 0) continue;
    usedStrata += 1;
    const stratumN = present.reduce((a, s) => a + s.n, 0);
    const stratumMean = present.reduce((a, s) => a + s.sum, 0) / stratumN;
    for (const s of present) {
      const mean = s.sum / s.n;
      sites += 1;
      answers += s.n;
      between += s.n * (mean - stratumMean) ** 2;
      within += Math.max(0, s.sumSquares - (s.sum * s.sum) / s.n);
      sizeTerm += (s.n * s.n) / stratumN;
    }
  }
  const betweenDf = sites - usedStrata;
  const withinDf = answers - sites;
  if (betweenDf < 1 || withinDf < 1) return null;
  const msb = between / betweenDf;
  const msw = within / withinDf;
  const m0 = (answers - sizeTerm) / betweenDf;
  const denominator = msb + (m0 - 1) * msw;
  if (!(denominator > 0)) return null;
  const raw = (msb - msw) / denominator;
  return { icc: Math.min(1, Math.max(0, raw)), raw, sites, n: answers };
}

function assertIcc(icc: number): void {
  if (!(icc >= 0 && icc <= 1)) throw new RangeError(`icc must be in [0, 1], got ${icc}`);
}

/**
 * The design effect of one arm of sites with `sizes` answers each: DEFF = 1 + (m_A − 1)·ρ, where
 * m_A = Σmⱼ² / Σmⱼ is the size-weighted mean site size (Donner & Klar 2000; it equals
 * Eldridge, Ashby & Kerry's (2006) m̄(1 + CV²) with the CV of the sizes). Unequal sites cost more
 * than equal ones: one big site dominates the arm. The variance of the arm's mean is DEFF times
 * what independent answers would give, so n / DEFF is its effective sample size.
 */
export function designEffect(sizes: readonly number[], icc: number): number {
  assertIcc(icc);
  const total = sizes.reduce((a, m) => a + m, 0);
  if (sizes.some((m) => !(m >= 0)) || total === 0) return 1;
  const weighted = sizes.reduce((a, m) => a + m * m, 0) / total;
  return 1 + (weighted - 1) * icc;
}

/** Coefficient of variation (population sd / mean) of site sizes; 0 for fewer than two or no answers. */
export function sizeCv(sizes: readonly number[]): number {
  if (sizes.length < 2) return 0;
  const mean = sizes.reduce((a, m) => a + m, 0) / sizes.length;
  if (!(mean > 0)) return 0;
  const variance = sizes.reduce((a, m) => a + (m - mean) ** 2, 0) / sizes.length;
  return Math.sqrt(variance) / mean;
}

/**
 * Answers per arm when each arm has a fixed number of sites (Hemming, Girling, Sitch, Marsh &
 * Lilford 2011): with nᵢ the answers independent observations would need, ρ the ICC and CV the
 * variation of the site sizes (Eldridge et al. 2006), each site needs
 *   m = nᵢ(1 − ρ) / (k − nᵢ(1 + CV²)ρ)
 * answers, so the arm k·m, and then DEFF = 1 + ((1 + CV²)m − 1)ρ = k·m / nᵢ. When
 * k ≤ nᵢ(1 + CV²)ρ no number of answers is enough: the site-to-site variation alone hides the
 * effect, and only more sites help. null then.
 */
export function clusteredSampleSize(input: {
  individual: number;
  sitesPerArm: number;
  icc: number;
  cv?: number;
}): { perArm: number; perSite: number; designEffect: number } | null {
  const { individual, sitesPerArm: k, icc } = input;
  const cv = input.cv ?? 0;
  assertIcc(icc);
  if (!(individual > 0) || !Number.isInteger(k) || k < 1 || !(cv >= 0))
    throw new RangeError("individual > 0, an integer number of sites ≥ 1 and cv ≥ 0 are needed");
  const room = k - individual * (1 + cv * cv) * icc;
  if (!(room > 0)) return null;
  const perSite = (individual * (1 - icc)) / room;
  const perArm = Math.max(2, Math.ceil(k * perSite - 1e-9));
  return { perArm, perSite, designEffect: 1 + ((1 + cv * cv) * perSite - 1) * icc };
}
