import type { TInterval } from "@/lib/analytics/schemas";

/** Error-bar offsets (below, above the mean) for recharts' ErrorBar; zero when there is no interval. */
export function errorOffsets(mean: number, interval: TInterval | null): [number, number] {
  if (!interval) return [0, 0];
  return [Math.max(0, mean - interval.low), Math.max(0, interval.high - mean)];
}
