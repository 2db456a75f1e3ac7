import { measuresOf } from "@/lib/analytics/measures";
import type { TGroupMoments, TMeasures } from "@/lib/analytics/schemas";
import {
  npsDifferenceTest,
  twoProportionTest,
  welchTTest,
  type TDifferenceTest,
} from "@/lib/stats/difference-tests";
import {
  HEADLINE_METRICS,
  type TChange,
  type TFigure,
  type THeadline,
  type THeadlineKey,
} from "./schemas";

// The overview's headline: CSAT, NPS and the mean gap of the last 30 days against the 30 before,
// from the sums PostgreSQL returns. Each change comes with the interval of the difference from
// the test that fits the measure — Newcombe's for CSAT shares, the multinomial z for NPS, Welch's
// t for the gap — so "up 3 points" is read together with whether that is more than noise. Pure.

function figureOf(key: THeadlineKey, measures: TMeasures): TFigure | null {
  if (key === "gap")
    return (
      measures.gap && {
        value: measures.gap.mean,
        n: measures.gap.n,
        interval: measures.gap.interval,
      }
    );
  const rate = measures[key];
  return rate && { value: rate.value, n: rate.n, interval: rate.interval };
}

function differenceOf(
  key: THeadlineKey,
  current: TGroupMoments,
  previous: TGroupMoments,
): TDifferenceTest | null {
  if (key === "gap") return welchTTest(current.gap, previous.gap);
  if (key === "nps") return npsDifferenceTest(current.nps, previous.nps);
  const test = twoProportionTest(
    { n: current.csat.n, successes: current.csat.topTwoBox },
    { n: previous.csat.n, successes: previous.csat.topTwoBox },
  );
  // lib/stats gives shares (0–1); CSAT is read in percentage points.
  return (
    test && {
      ...test,
      difference: 100 * test.difference,
      interval: { ...test.interval, low: 100 * test.interval.low, high: 100 * test.interval.high },
    }
  );
}

function changeOf(test: TDifferenceTest | null): TChange | null {
  if (!test) return null;
  return {
    value: test.difference,
    interval: test.interval,
    pValue: test.pValue,
    isBeyondNoise: test.interval.low > 0 || test.interval.high < 0,
  };
}

/**
 * The three headline measures with their change and their monthly trend. `months` are the
 * trend's groups (key = a month's first day); `monthKeys` every month of the trend period, so
 * that a month without answers still has its place on the axis.
 */
export function headlineOf(
  current: TGroupMoments | undefined,
  previous: TGroupMoments | undefined,
  months: readonly TGroupMoments[],
  monthKeys: readonly string[],
): THeadline[] {
  const [now, before] = [measuresOf(current), measuresOf(previous)];
  const byMonth = new Map(months.map((g) => [g.keys[0], measuresOf(g)]));
  return HEADLINE_METRICS.map((key) => ({
    key,
    current: figureOf(key, now),
    previous: figureOf(key, before),
    change: current && previous ? changeOf(differenceOf(key, current, previous)) : null,
    trend: monthKeys.map((month) => {
      const measures = byMonth.get(month);
      return { month, figure: measures ? figureOf(key, measures) : null };
    }),
  }));
}

/** The first day of every month from `from` to `to` (both YYYY-MM-DD), oldest first. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
    if (key > last) break;
    months.push(`${key}-01`);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}
