import { addDays, firstMondayFrom, mondayOf, type TLocalDay } from "@/lib/dates/local-days";
import {
  chooseMeanChart,
  chooseShareChart,
  type TChartMethod,
  type TChosenChart,
} from "@/lib/stats/chart-choice";
import { MIN_BASELINE_SUBGROUPS } from "@/lib/stats/chart-thresholds";
import { detectSignals } from "@/lib/stats/control-charts";
import type { TMoments } from "@/lib/stats/summary";
import {
  SIGNAL_RULES,
  type TChartPoint,
  type TChartStatus,
  type TControlMetric,
  type TControlSubgroup,
  type TSignalRule,
} from "./schemas";

// A control chart from its subgroups (days or weeks of one touchpoint, summed in PostgreSQL):
// limits from the baseline subgroups, every point judged against them, the run rules read over
// the whole series, and the alert — the latest downward signal after the baseline, if recent.
// Pure: lib/stats/control-charts.ts has the formulas, queries.ts the data.

/** One day or week of one touchpoint: its first local day and the sums the two metrics need. */
export type TSubgroupSums = {
  date: TLocalDay;
  experience: TMoments;
  csat: { n: number; topTwoBox: number };
};

export type TChartConfig = {
  metric: TControlMetric;
  subgroup: TControlSubgroup;
  baselineFrom: TLocalDay;
  baselineTo: TLocalDay;
};

export type TSeries = TChartMethod & {
  status: TChartStatus;
  baselineSubgroups: number;
  /** Fewer than MIN_BASELINE_SUBGROUPS (20) baseline subgroups: the limits are provisional. */
  isProvisional: boolean;
  n: number;
  points: TChartPoint[];
};

/** Alerts look back this far: 28 days on a daily chart, 8 weeks on a weekly one. */
const ALERT_WINDOW: Record<TControlSubgroup, { days: number }> = {
  DAY: { days: 28 },
  WEEK: { days: 8 * 7 },
};

/** The first day of the subgroup a day belongs to. */
const subgroupStartOf = (day: TLocalDay, subgroup: TControlSubgroup): TLocalDay =>
  subgroup === "WEEK" ? mondayOf(day) : day;

/**
 * Where a chart's data begins: its baseline's first whole subgroup. A weekly chart counts whole
 * weeks (Monday to Sunday), so it begins at the first Monday on or after baselineFrom: the days
 * before it are not part of the baseline and must not set its limits.
 */
export const chartStartOf = (config: Pick<TChartConfig, "subgroup" | "baselineFrom">): TLocalDay =>
  config.subgroup === "WEEK" ? firstMondayFrom(config.baselineFrom) : config.baselineFrom;

/**
 * A subgroup (by its first day) is in the baseline when every one of its days is: a week whose
 * Monday is on or after baselineFrom and whose Sunday is on or before baselineTo. The week the
 * baseline ends in, when it runs past baselineTo, is the first one judged against the limits.
 */
export function isBaselineSubgroup(
  start: TLocalDay,
  config: Pick<TChartConfig, "subgroup" | "baselineFrom" | "baselineTo">,
): boolean {
  const end = config.subgroup === "WEEK" ? addDays(start, 6) : start;
  return start >= chartStartOf(config) && end <= config.baselineTo;
}

/** The first subgroup whose signals still raise an alert on `today`. */
export function alertWindowStart(subgroup: TControlSubgroup, today: TLocalDay): TLocalDay {
  return addDays(
    subgroupStartOf(today, subgroup),
    -(ALERT_WINDOW[subgroup].days - (subgroup === "WEEK" ? 7 : 1)),
  );
}

/** CSAT is plotted in % (as everywhere else in the product); the p-chart computes shares 0–1. */
const scaleOf = (metric: TControlMetric) => (metric === "CSAT" ? 100 : 1);

const countsOf = (s: TSubgroupSums) => ({ n: s.csat.n, successes: s.csat.topTwoBox });

/**
 * The chart of a series: which chart the baseline supports and why (lib/stats/chart-choice.ts),
 * its points judged against the baseline's limits, and the run rules read over them all.
 */
export function buildSeries(config: TChartConfig, subgroups: readonly TSubgroupSums[]): TSeries {
  const start = chartStartOf(config);
  // Subgroups without an answer to the chart's question have nothing to plot.
  const sizeOf = (s: TSubgroupSums) => (config.metric === "CSAT" ? s.csat.n : s.experience.n);
  const charted = subgroups
    .filter((s) => s.date >= start && sizeOf(s) > 0)
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  const isBaseline = (s: TSubgroupSums) => isBaselineSubgroup(s.date, config);
  const baseline = charted.filter(isBaseline);
  const n = charted.reduce((sum, s) => sum + sizeOf(s), 0);
  const chosen: TChosenChart =
    config.metric === "CSAT"
      ? chooseShareChart(baseline.map(countsOf), charted.map(countsOf))
      : chooseMeanChart(
          baseline.map((s) => s.experience),
          charted.map((s) => s.experience),
        );
  const summary = {
    ...chosen.method,
    baselineSubgroups: baseline.length,
    isProvisional: baseline.length < MIN_BASELINE_SUBGROUPS,
    n,
  };
  const computed = chosen.points;
  if (baseline.length === 0) return { ...summary, status: "NO_BASELINE_DATA", points: [] };
  if (computed === null) {
    // An individuals chart needs two baseline subgroups for a moving range.
    const status =
      chosen.method.kind === "INDIVIDUALS" && baseline.length < 2
        ? "TOO_FEW_SUBGROUPS"
        : "NO_VARIATION";
    return { ...summary, status, points: [] };
  }

  const signals = detectSignals(computed);
  const scale = scaleOf(config.metric);
  const points = computed.map((point, i): TChartPoint => ({
    date: charted[i]!.date,
    isBaseline: isBaseline(charted[i]!),
    value: point.value * scale,
    // The answers behind the point (an individuals chart of daily means counts each day as 1).
    n: sizeOf(charted[i]!),
    center: point.center * scale,
    upper: point.upper * scale,
    lower: point.lower * scale,
    sigma: point.sigma * scale,
    z: point.z,
    signals: signals
      .filter((s) => s.pointIndex === i)
      .map(({ rule, direction }) => ({ rule, direction })),
  }));
  return { ...summary, status: "OK", points };
}

/**
 * The alert a series raises on `today`: its latest point after the baseline, within the alert
 * window, that a rule flags DOWNWARD — worse than the baseline, since higher is better for both
 * experience and CSAT. Upward signals (the improvement holding or growing) and the patterns
 * without a direction (alternating, hugging or avoiding the center) are shown on the chart but
 * raise no alert: they call for a look at the process, not for reopening a project.
 */
export function alertOf(
  series: Pick<TSeries, "points">,
  subgroup: TControlSubgroup,
  today: TLocalDay,
): { point: TChartPoint; rule: TSignalRule; rules: TSignalRule[] } | null {
  const from = alertWindowStart(subgroup, today);
  const flagged = series.points.filter(
    (p) =>
      !p.isBaseline &&
      p.date >= from &&
      p.date <= today &&
      p.signals.some((s) => s.direction === "DOWN"),
  );
  const latest = flagged.at(-1);
  if (!latest) return null;
  const downRules = (p: TChartPoint) =>
    p.signals.filter((s) => s.direction === "DOWN").map((s) => s.rule);
  const bySeverity = (rules: Iterable<TSignalRule>) =>
    SIGNAL_RULES.filter((rule) => new Set(rules).has(rule));
  return {
    point: latest,
    rule: bySeverity(downRules(latest))[0]!,
    rules: bySeverity(flagged.flatMap(downRules)),
  };
}
