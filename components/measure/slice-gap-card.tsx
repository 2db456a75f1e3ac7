"use client";
import { ChartCard } from "@/components/charts/chart-card";
import { GapBars } from "@/components/charts/gap-bars";
import { GapLegend } from "@/components/charts/gap-legend";
import type { TSliceMeasures } from "@/lib/analytics/schemas";
import { useSliceLabel } from "./use-slice-label";
import { useSliceTable } from "./slice-table";

type TProps = {
  title: string;
  description: string;
  sliceHeader: string;
  slices: TSliceMeasures[];
  csvSlug: string;
  testId?: string;
  labelOf?: (slice: TSliceMeasures) => string;
};

/** The gap of one split (by segment, site, source, …) as bars with whiskers, or as a table. */
export function SliceGapCard({
  title,
  description,
  sliceHeader,
  slices,
  csvSlug,
  testId,
  labelOf,
}: TProps) {
  const sliceLabel = useSliceLabel();
  const toTable = useSliceTable();
  const nameOf = labelOf ?? ((s: TSliceMeasures) => sliceLabel(s.label));
  const withGap = slices.filter((s) => s.measures.gap !== null);
  const n = withGap.reduce((sum, s) => sum + (s.measures.gap?.n ?? 0), 0);
  return (
    <ChartCard
      title={title}
      description={description}
      n={n}
      table={toTable(withGap, sliceHeader, nameOf)}
      csvSlug={csvSlug}
      testId={testId}
      footer={<GapLegend />}
    >
      <GapBars bars={withGap.map((s) => ({ label: nameOf(s), gap: s.measures.gap! }))} />
    </ChartCard>
  );
}
