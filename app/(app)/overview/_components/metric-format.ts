import { formatNumber, formatSigned } from "@/lib/format/numbers";
import type { TPilotMetric } from "@/lib/pilots/schemas";

// A pilot metric in its display unit, as the pilots' own pages show it: mean experience on the
// 1–7 scale, CSAT in % (differences in percentage points), NPS in points.

const DIGITS: Record<TPilotMetric, number> = { MEAN_EXPERIENCE: 2, CSAT: 1, NPS: 0 };

export const formatMetricValue = (metric: TPilotMetric, value: number, locale: string) =>
  metric === "NPS"
    ? formatSigned(value, locale, 0)
    : formatNumber(value, locale, DIGITS[metric]) + (metric === "CSAT" ? "%" : "");

export const formatMetricDifference = (metric: TPilotMetric, value: number, locale: string) =>
  formatSigned(value, locale, DIGITS[metric]) + (metric === "CSAT" ? "%p" : "");

/** A p-value as people read it: "< 0.001" below that, three decimals otherwise. */
export const formatPValue = (p: number, locale: string) =>
  p < 0.001 ? `< ${formatNumber(0.001, locale, 3)}` : formatNumber(p, locale, 3);

export const VERDICT_TONE = {
  IMPROVED: "text-gap-above",
  WORSENED: "text-gap-below",
  NO_CLEAR_DIFFERENCE: "text-neutral-700",
  NOT_ENOUGH_DATA: "text-neutral-500",
} as const;
