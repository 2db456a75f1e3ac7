// Which control chart a baseline supports, and why (docs/METHODS.md, "Which chart").
// Two questions decide it. Is there enough spread WITHIN the baseline's subgroups to estimate σ
// from? If not, the daily means go on an individuals chart. Do the subgroups vary from one to the
// next MORE than that within-subgroup σ explains (overdispersion, Laney 2002)? If so, the limits
// are widened by Laney's σ_z: the p′ chart for shares, the X-bar′ chart for means.
import {
  movingRangeSigma,
  individualsChart,
  pChart,
  xBarBaseline,
  xBarChart,
  type TControlPoint,
} from "./control-charts";
import { MIN_WITHIN_DF } from "./chart-thresholds";
import { chiSquareUpperTail, fUpperTail } from "./chi-square-f";
import { assertMoments, type TMoments } from "./summary";

/** The dispersion test's level: overdispersion is declared when its p-value is below it. */
export const OVERDISPERSION_ALPHA = 0.05;

type TChartKind = "XBAR" | "XBAR_PRIME" | "INDIVIDUALS" | "P" | "P_PRIME";

/**
 * Why the chart is the one it is.
 * - TOO_FEW_WITHIN_DF: the baseline's subgroups hold too few answers (ν < MIN_WITHIN_DF) to
 *   measure the spread within them: individuals chart of the subgroup means.
 * - OVERDISPERSED: the subgroups vary more than the within-subgroup spread explains (the test
 *   rejects and σ_z > 1): Laney's chart.
 * - WITHIN_SPREAD_EXPLAINS: the test finds no more variation between subgroups than the spread
 *   within them explains: the plain X-bar or p-chart.
 * - BASELINE_SHIFT: the test finds more, but neighbouring subgroups differ no more than sampling
 *   explains (σ_z ≤ 1): a shift or trend inside the baseline, a special cause rather than
 *   day-to-day noise, which wider limits would hide: the plain chart, and the baseline deserves
 *   a look.
 * - ONE_SUBGROUP: a single baseline subgroup — nothing to compare it with, so dispersion is not
 *   tested yet: the plain chart.
 */
type TChartReason =
  | "TOO_FEW_WITHIN_DF"
  | "OVERDISPERSED"
  | "WITHIN_SPREAD_EXPLAINS"
  | "BASELINE_SHIFT"
  | "ONE_SUBGROUP";

/**
 * Laney's σ_z and the test of overdispersion on the baseline's subgroups.
 * Shares: Pearson's χ² = Σ zᵢ² on k − 1 df (df2 null). Means: the one-way ANOVA F =
 * [Σ nᵢ(x̄ᵢ − x̄)² / (k − 1)] / pooled s², on (k − 1, ν) df.
 */
type TDispersion = {
  sigmaZ: number;
  test: "CHI_SQUARE" | "F";
  statistic: number;
  df1: number;
  df2: number | null;
  pValue: number;
};

export type TChartMethod = {
  kind: TChartKind;
  reason: TChartReason;
  /** ν of the baseline (means only; null for shares) */
  withinDf: number | null;
  /** null when not tested (individuals chart, one baseline subgroup, or no limits at all) */
  dispersion: TDispersion | null;
};

/** The chart's method and its points; points null when the baseline cannot set limits. */
export type TChosenChart = { method: TChartMethod; points: TControlPoint[] | null };

/**
 * Laney's σ_z: the moving-range σ (MR̄ / d2) of the baseline subgroups' z-scores, each z taken
 * against the within-subgroup σ of its own n. 1 when the subgroups vary as sampling alone makes
 * them; above 1 when they vary more (Laney 2002). null with fewer than 2 subgroups.
 */
export function laneySigmaZ(baselineZ: readonly number[]): number | null {
  return movingRangeSigma(baselineZ);
}

/** Laney's chart only when the test shows overdispersion AND σ_z would widen the limits. */
function reasonOf(dispersion: TDispersion): TChartReason {
  if (dispersion.pValue >= OVERDISPERSION_ALPHA) return "WITHIN_SPREAD_EXPLAINS";
  return dispersion.sigmaZ > 1 ? "OVERDISPERSED" : "BASELINE_SHIFT";
}

/**
 * The chart for subgroup means (mean experience per day or week). Subgroups with n = 0 are the
 * caller's to drop, as for every chart.
 */
export function chooseMeanChart(
  baseline: readonly TMoments[],
  points: readonly TMoments[],
): TChosenChart {
  baseline.forEach(assertMoments);
  const withinDf = baseline.reduce((df, s) => df + Math.max(0, s.n - 1), 0);
  if (withinDf < MIN_WITHIN_DF) {
    const mean = (s: TMoments) => s.sum / s.n;
    return {
      method: { kind: "INDIVIDUALS", reason: "TOO_FEW_WITHIN_DF", withinDf, dispersion: null },
      points: individualsChart(baseline.map(mean), points.map(mean)),
    };
  }
  const within = xBarBaseline(baseline);
  const k = baseline.length;
  if (within === null || k < 2) {
    // No spread within the subgroups at all (no limits), or a single subgroup to test.
    return {
      method: {
        kind: "XBAR",
        reason: k < 2 ? "ONE_SUBGROUP" : "WITHIN_SPREAD_EXPLAINS",
        withinDf,
        dispersion: null,
      },
      points: xBarChart(baseline, points),
    };
  }
  // z of each baseline mean against its own σ/√nᵢ: what the X-bar chart itself plots.
  const z = xBarChart(baseline, baseline)!.map((p) => p.z);
  const sigmaZ = laneySigmaZ(z)!;
  // Σ nᵢ(x̄ᵢ − x̄)² = σ̂² Σ zᵢ² (σ̂ = pooled s / c4), divided by the pooled s² of the F test.
  const betweenSquares = z.reduce((total, zi) => total + zi * zi, 0) * within.sigma ** 2;
  const statistic = betweenSquares / (k - 1) / within.pooledVariance;
  const dispersion: TDispersion = {
    sigmaZ,
    test: "F",
    statistic,
    df1: k - 1,
    df2: within.df,
    pValue: fUpperTail(statistic, k - 1, within.df),
  };
  const reason = reasonOf(dispersion);
  const isPrime = reason === "OVERDISPERSED";
  return {
    method: {
      kind: isPrime ? "XBAR_PRIME" : "XBAR",
      reason,
      withinDf,
      dispersion,
    },
    points: xBarChart(baseline, points, isPrime ? sigmaZ : 1),
  };
}

type TCounts = { n: number; successes: number };

/** The chart for a share per subgroup (CSAT top-two-box): the p-chart, or Laney's p′ chart. */
export function chooseShareChart(
  baseline: readonly TCounts[],
  points: readonly TCounts[],
): TChosenChart {
  const plain = (reason: TChartReason): TChosenChart => ({
    method: { kind: "P", reason, withinDf: null, dispersion: null },
    points: pChart(baseline, points),
  });
  // z of each baseline share against √(p̄(1 − p̄)/nᵢ); null when p̄ is 0 or 1 (no limits at all).
  const baselinePoints = pChart(baseline, baseline);
  if (baselinePoints === null) return plain("WITHIN_SPREAD_EXPLAINS");
  const k = baseline.length;
  if (k < 2) return plain("ONE_SUBGROUP");
  const z = baselinePoints.map((p) => p.z);
  const statistic = z.reduce((total, zi) => total + zi * zi, 0);
  const dispersion: TDispersion = {
    sigmaZ: laneySigmaZ(z)!,
    test: "CHI_SQUARE",
    statistic,
    df1: k - 1,
    df2: null,
    pValue: chiSquareUpperTail(statistic, k - 1),
  };
  const reason = reasonOf(dispersion);
  const isPrime = reason === "OVERDISPERSED";
  return {
    method: {
      kind: isPrime ? "P_PRIME" : "P",
      reason,
      withinDf: null,
      dispersion,
    },
    points: pChart(baseline, points, isPrime ? dispersion.sigmaZ : 1),
  };
}
