// After a pilot: is the pilot group different from the control group? Every test reports
// treatment (pilot) − control in the metric's own unit, a confidence interval of that
// difference, the test statistic and a two-sided p-value. Higher is better for every metric.
import {
  assertConfidence,
  DEFAULT_CONFIDENCE,
  tCritical,
  twoSidedPValueT,
  twoSidedPValueZ,
  zCritical,
} from "./distributions";
import { designEffect } from "./clustering";
import { proportionInterval, type TNpsCounts } from "./proportions";
import { assertMoments, momentsOf, sampleVariance, type TInterval, type TMoments } from "./summary";

export type TDifferenceTest = {
  /** treatment − control, in the metric's natural unit (mean points; proportion 0–1; NPS points −100..100) */
  difference: number;
  /** CI of the difference */
  interval: TInterval;
  /** t or z */
  statistic: number;
  /** Welch–Satterthwaite df for t; null for z */
  df: number | null;
  /** two-sided */
  pValue: number;
};

/**
 * Welch's (1947) t-test of two means from their sufficient statistics: no equal-variance
 * assumption, df by Welch–Satterthwaite, interval difference ± t(1 − α/2; df)·SE.
 * null when a group has n < 2 (no variance) or both variances are 0 (SE 0: the statistic is undefined).
 */
export function welchTTest(
  treatment: TMoments,
  control: TMoments,
  confidence: number = DEFAULT_CONFIDENCE,
): TDifferenceTest | null {
  assertMoments(treatment);
  assertMoments(control);
  assertConfidence(confidence);
  const treatmentVariance = sampleVariance(treatment);
  const controlVariance = sampleVariance(control);
  if (treatmentVariance === null || controlVariance === null) return null;
  const a = treatmentVariance / treatment.n;
  const b = controlVariance / control.n;
  if (a + b === 0) return null;
  const se = Math.sqrt(a + b);
  const df = ((a + b) * (a + b)) / ((a * a) / (treatment.n - 1) + (b * b) / (control.n - 1));
  const difference = treatment.sum / treatment.n - control.sum / control.n;
  const statistic = difference / se;
  const half = tCritical(confidence, df) * se;
  return {
    difference,
    interval: { low: difference - half, high: difference + half, confidence },
    statistic,
    df,
    pValue: twoSidedPValueT(statistic, df),
  };
}

function assertCounts(group: { n: number; successes: number }): void {
  if (!Number.isInteger(group.n) || group.n < 0)
    throw new RangeError(`n must be a non-negative integer, got ${group.n}`);
  if (!Number.isInteger(group.successes) || group.successes < 0 || group.successes > group.n) {
    throw new RangeError(
      `successes must be an integer in [0, n], got ${group.successes} of ${group.n}`,
    );
  }
}

/**
 * Two proportions (0–1), e.g. CSAT top-two-box shares.
 * - p-value: the pooled z-test (the score test; equals Pearson's χ² without continuity correction).
 * - interval: Newcombe's (1998) hybrid score interval, method 10, built from each group's Wilson
 *   interval — the same Wilson interval CSAT shows on its own, so the two never contradict, and
 *   unlike Wald it stays inside [−1, 1] and keeps its coverage for small n and shares near 0 or 1.
 * When both groups are all successes or all failures there is no variance under H₀: the observed
 * difference is exactly 0, z = 0 and p = 1.
 * null when a group has no answers.
 */
export function twoProportionTest(
  treatment: { n: number; successes: number },
  control: { n: number; successes: number },
  confidence: number = DEFAULT_CONFIDENCE,
): TDifferenceTest | null {
  assertCounts(treatment);
  assertCounts(control);
  assertConfidence(confidence);
  const t = proportionInterval(treatment.successes, treatment.n, confidence);
  const c = proportionInterval(control.successes, control.n, confidence);
  if (t === null || c === null) return null;
  const difference = t.p - c.p;
  const low = difference - Math.sqrt((t.p - t.interval.low) ** 2 + (c.interval.high - c.p) ** 2);
  const high = difference + Math.sqrt((t.interval.high - t.p) ** 2 + (c.p - c.interval.low) ** 2);
  const pooled = (treatment.successes + control.successes) / (treatment.n + control.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / treatment.n + 1 / control.n));
  const statistic = se === 0 ? 0 : difference / se;
  return {
    difference,
    interval: { low: Math.max(-1, low), high: Math.min(1, high), confidence },
    statistic,
    df: null,
    pValue: twoSidedPValueZ(statistic),
  };
}

function npsMoments(counts: TNpsCounts): { n: number; score: number; variance: number } {
  for (const key of ["promoters", "passives", "detractors"] as const) {
    const value = counts[key];
    if (!Number.isInteger(value) || value < 0)
      throw new RangeError(`${key} must be a non-negative integer, got ${value}`);
  }
  const n = counts.promoters + counts.passives + counts.detractors;
  if (n === 0) return { n, score: 0, variance: 0 };
  const promoterShare = counts.promoters / n;
  const detractorShare = counts.detractors / n;
  const score = promoterShare - detractorShare;
  return { n, score, variance: Math.max(0, promoterShare + detractorShare - score * score) };
}

/**
 * Difference of two NPS in points. Each answer scores +1 (promoter), 0 (passive), −1 (detractor);
 * NPS/100 is their mean, whose variance is (p₊ + p₋ − (p₊ − p₋)²)/n (multinomial; Rocks 2016).
 * z = Δ / √(Var₁ + Var₂) (unpooled, Wald), interval Δ ± z₁₋α/₂·SE, clipped to [−200, 200].
 * null when a group has n < 2 or both groups have no spread (every answer in one category).
 */
export function npsDifferenceTest(
  treatment: TNpsCounts,
  control: TNpsCounts,
  confidence: number = DEFAULT_CONFIDENCE,
): TDifferenceTest | null {
  assertConfidence(confidence);
  const t = npsMoments(treatment);
  const c = npsMoments(control);
  if (t.n < 2 || c.n < 2) return null;
  const se = Math.sqrt(t.variance / t.n + c.variance / c.n);
  if (se === 0) return null;
  const differenceShare = t.score - c.score;
  const statistic = differenceShare / se;
  const half = zCritical(confidence) * se;
  return {
    difference: 100 * differenceShare,
    interval: {
      low: Math.max(-200, 100 * (differenceShare - half)),
      high: Math.min(200, 100 * (differenceShare + half)),
      confidence,
    },
    statistic,
    df: null,
    pValue: twoSidedPValueZ(statistic),
  };
}

function armOf(sites: readonly TMoments[]): { moments: TMoments; sizes: number[] } {
  for (const site of sites) assertMoments(site);
  const present = sites.filter((s) => s.n > 0);
  return {
    moments: present.reduce(
      (a, s) => ({ n: a.n + s.n, sum: a.sum + s.sum, sumSquares: a.sumSquares + s.sumSquares }),
      { n: 0, sum: 0, sumSquares: 0 },
    ),
    sizes: present.map((s) => s.n),
  };
}

export type TClusteredDifferenceTest = TDifferenceTest & {
  /** Per arm: sites with answers, answers, design effect, effective sample size n / DEFF. */
  treatment: { sites: number; n: number; designEffect: number; effectiveN: number };
  control: { sites: number; n: number; designEffect: number; effectiveN: number };
};

/**
 * Two arms of sites compared on the mean of a per-answer score (an experience score; 1/0 for
 * CSAT; +1/0/−1 for NPS), allowing for the correlation of answers within a site. Each arm's
 * variance of the mean is inflated by its design effect (designEffect, from the ICC):
 *   SE = √(DEFF₁·s₁²/n₁ + DEFF₂·s₂²/n₂),
 * and the statistic is referred to Student's t on k₁ + k₂ − 2 degrees of freedom, the number of
 * sites less two: the treatment varies between sites, not between answers, so the sites are the
 * units that carry the information (Donner & Klar's 2000 adjusted t-test, on the between-site df:
 * Leyrat et al. 2018 found that analyses on the sites' df hold the 5 % error rate with few
 * sites, and answer-level ones do not).
 * null when there are fewer than three sites with answers in all, a site-less arm, an arm with
 * fewer than 2 answers, or no variation at all.
 */
export function clusteredDifferenceTest(
  treatmentSites: readonly TMoments[],
  controlSites: readonly TMoments[],
  icc: number,
  confidence: number = DEFAULT_CONFIDENCE,
): TClusteredDifferenceTest | null {
  assertConfidence(confidence);
  const treatment = armOf(treatmentSites);
  const control = armOf(controlSites);
  const df = treatment.sizes.length + control.sizes.length - 2;
  if (treatment.sizes.length === 0 || control.sizes.length === 0 || df < 1) return null;
  const treatmentVariance = sampleVariance(treatment.moments);
  const controlVariance = sampleVariance(control.moments);
  if (treatmentVariance === null || controlVariance === null) return null;
  const treatmentDeff = designEffect(treatment.sizes, icc);
  const controlDeff = designEffect(control.sizes, icc);
  const se = Math.sqrt(
    (treatmentDeff * treatmentVariance) / treatment.moments.n +
      (controlDeff * controlVariance) / control.moments.n,
  );
  if (se === 0) return null;
  const difference =
    treatment.moments.sum / treatment.moments.n - control.moments.sum / control.moments.n;
  const statistic = difference / se;
  const half = tCritical(confidence, df) * se;
  const arm = (a: ReturnType<typeof armOf>, deff: number) => ({
    sites: a.sizes.length,
    n: a.moments.n,
    designEffect: deff,
    effectiveN: a.moments.n / deff,
  });
  return {
    difference,
    interval: { low: difference - half, high: difference + half, confidence },
    statistic,
    df,
    pValue: twoSidedPValueT(statistic, df),
    treatment: arm(treatment, treatmentDeff),
    control: arm(control, controlDeff),
  };
}

/** One site's answers in the two periods of a before/after comparison. */
export type TSitePeriods = { before: TMoments; after: TMoments };

export type TSiteDifferenceInDifferences = {
  /** Mean change of the treated sites − mean change of the other sites (each site counts once). */
  difference: number;
  /** Sites with answers in both periods, the only ones that count. */
  treatedSites: number;
  otherSites: number;
  /** Welch's t on the site changes; null with fewer than 2 sites a side or no spread at all. */
  test: TDifferenceTest | null;
};

/**
 * Difference in differences at the level of sites: each site's change (its mean after − its mean
 * before, for a site with answers in both periods) is one observation, and the treated sites'
 * changes are compared with the other sites' by Welch's t on the changes (about sites − 2 df).
 * Answers of one site in one period are not independent (the site's staff and that month's
 * circumstances move them together), so a difference in differences on the answers is
 * anticonservative: Bertrand, Duflo & Mullainathan (2004) found it rejects a true null far too
 * often, and collapsing each unit to one before and one after figure restores the error rate.
 * The changes are not weighted by answers: a big site's change is no less subject to its own
 * drift than a small one's, and the unweighted test on site summaries keeps its size with
 * unequal sites (Hayes & Moulton 2017). null when a side has no site with answers in both periods.
 */
export function siteDifferenceInDifferences(
  treated: readonly TSitePeriods[],
  others: readonly TSitePeriods[],
  confidence: number = DEFAULT_CONFIDENCE,
): TSiteDifferenceInDifferences | null {
  assertConfidence(confidence);
  const changes = (sites: readonly TSitePeriods[]) =>
    sites.flatMap(({ before, after }) => {
      assertMoments(before);
      assertMoments(after);
      return before.n > 0 && after.n > 0 ? [after.sum / after.n - before.sum / before.n] : [];
    });
  const t = changes(treated);
  const o = changes(others);
  if (t.length === 0 || o.length === 0) return null;
  const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
  const hasTest = t.length >= 2 && o.length >= 2;
  return {
    difference: mean(t) - mean(o),
    treatedSites: t.length,
    otherSites: o.length,
    test: hasTest ? welchTTest(momentsOf(t), momentsOf(o), confidence) : null,
  };
}
