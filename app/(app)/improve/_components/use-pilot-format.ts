"use client";
import { useLocale, useTranslations } from "next-intl";
import { formatNumber, formatSigned } from "@/lib/format/numbers";
import type { TPilotMetric } from "@/lib/pilots/schemas";

/** Decimals each metric is read with: points to two places, CSAT % and NPS points to one. */
const DIGITS: Record<TPilotMetric, number> = { MEAN_EXPERIENCE: 2, CSAT: 1, NPS: 1 };
/** Below this a p-value is written "p < 0.001": more digits say nothing a manager can use. */
const SMALLEST_P = 0.001;

/** Numbers of a pilot in the reader's language and the metric's unit. */
export function usePilotFormat() {
  const t = useTranslations("improve.units");
  const locale = useLocale();
  return {
    /** A group's figure: "5.50 points", "80.0 %", "NPS 12.0". */
    value: (metric: TPilotMetric, value: number | null) =>
      value === null
        ? "–"
        : t(`value.${metric}`, { value: formatNumber(value, locale, DIGITS[metric]) }),
    /** A difference: "+1.00 points", "+30.0 pp", "+12.0 NPS points". */
    difference: (metric: TPilotMetric, value: number) =>
      t(`difference.${metric}`, { value: formatSigned(value, locale, DIGITS[metric]) }),
    number: (metric: TPilotMetric, value: number) => formatNumber(value, locale, DIGITS[metric]),
    signed: (metric: TPilotMetric, value: number) => formatSigned(value, locale, DIGITS[metric]),
    pValue: (p: number) =>
      p < SMALLEST_P
        ? t("pBelow", { value: formatNumber(SMALLEST_P, locale, 3) })
        : t("p", { value: formatNumber(p, locale, 3) }),
    digits: (metric: TPilotMetric) => DIGITS[metric],
  };
}
