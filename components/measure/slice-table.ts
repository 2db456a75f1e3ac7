"use client";
import { useTranslations } from "next-intl";
import type { TTable } from "@/components/charts/data-table";
import type { TSliceMeasures } from "@/lib/analytics/schemas";

/** The table behind every gap chart (and its CSV): one row per slice, gap with its interval and n. */
export function useSliceTable(): (
  slices: TSliceMeasures[],
  sliceHeader: string,
  labelOf: (slice: TSliceMeasures) => string,
) => TTable {
  const t = useTranslations("measure.columns");
  return (slices, sliceHeader, labelOf) => ({
    columns: [
      { label: sliceHeader },
      { label: t("meanGap"), format: "signed" },
      { label: t("ciLow"), format: "signed" },
      { label: t("ciHigh"), format: "signed" },
      { label: t("nGap"), format: "integer" },
      { label: t("expectation"), format: "number" },
      { label: t("experience"), format: "number" },
      { label: t("observations"), format: "integer" },
    ],
    rows: slices.map((s) => [
      labelOf(s),
      s.measures.gap?.mean ?? null,
      s.measures.gap?.interval?.low ?? null,
      s.measures.gap?.interval?.high ?? null,
      s.measures.gap?.n ?? 0,
      s.measures.expectation,
      s.measures.experience,
      s.measures.observations,
    ]),
  });
}
