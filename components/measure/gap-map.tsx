"use client";
import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { ChartCard } from "@/components/charts/chart-card";
import { GapLegend } from "@/components/charts/gap-legend";
import { JourneyBoard } from "@/components/journey-map/journey-board";
import type { TJourneyOverlay } from "@/components/journey-map/overlay";
import { useSliceTable } from "./slice-table";
import { useSliceLabel } from "./use-slice-label";
import { formatInteger, formatSigned } from "@/lib/format/numbers";
import { gapTone } from "@/lib/analytics/gap-tone";
import { searchStringOf } from "@/lib/analytics/filter-url";
import type { TAnalysisFilter, TMeasureView } from "@/lib/analytics/schemas";
import type { TStage } from "@/lib/journeys/schemas";

type TProps = {
  stages: TStage[];
  byTouchpoint: TMeasureView["byTouchpoint"];
  filter: TAnalysisFilter;
};

/** The journey map of Define, read-only, each touchpoint coloured by its gap; a click drills down. */
export function GapMap({ stages, byTouchpoint, filter }: TProps) {
  const t = useTranslations("measure.map");
  const tCol = useTranslations("measure.columns");
  const locale = useLocale();
  const router = useRouter();
  const toTable = useSliceTable();
  const sliceLabel = useSliceLabel();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const layout = useMemo(
    () => stages.map((s) => ({ stageId: s.id, touchpointIds: s.touchpoints.map((tp) => tp.id) })),
    [stages],
  );

  const overlay = useMemo<TJourneyOverlay>(() => {
    const entries = byTouchpoint.map(({ touchpoint, measures }) => {
      const gap = measures.gap;
      const label = gap ? formatSigned(gap.mean, locale, 1) : t("noGap");
      const title = gap
        ? gap.interval
          ? t("overlayTitle", {
              gap: formatSigned(gap.mean, locale),
              low: formatSigned(gap.interval.low, locale),
              high: formatSigned(gap.interval.high, locale),
              n: formatInteger(gap.n, locale),
            })
          : t("overlayTitleNoCi", {
              gap: formatSigned(gap.mean, locale),
              n: formatInteger(gap.n, locale),
            })
        : t("noGapTitle");
      return [touchpoint.id, { tone: gapTone(gap), label, title }] as const;
    });
    // Touchpoints nobody observed in this filter say so, rather than looking unmeasured by mistake.
    const empty = stages
      .flatMap((s) => s.touchpoints)
      .map(
        (tp) => [tp.id, { tone: "neutral", label: t("noGap"), title: t("noGapTitle") }] as const,
      );
    return Object.fromEntries([...empty, ...entries]);
  }, [byTouchpoint, stages, locale, t]);

  const n = byTouchpoint.reduce((sum, row) => sum + (row.measures.gap?.n ?? 0), 0);
  const table = toTable(byTouchpoint, tCol("touchpoint"), (row) => sliceLabel(row.label));

  return (
    <ChartCard
      title={t("title")}
      description={t("description")}
      n={n}
      table={table}
      csvSlug="gap-by-touchpoint"
      testId="gap-map"
      footer={<GapLegend />}
    >
      {/* The board is full-bleed on the journey page; inside a card it scrolls within the card, and "relative" keeps its sr-only labels (absolutely positioned) from widening the page. */}
      <div className="[&_[data-testid='journey-board']]:relative [&_[data-testid='journey-board']]:mx-0 [&_[data-testid='journey-board']]:px-0">
        <JourneyBoard
          stages={stages}
          layout={layout}
          isCompact={stages.length > 8}
          isMoTOnly={Boolean(filter.motOnly)}
          collapsed={collapsed}
          onToggleCollapsed={(stageId) => setCollapsed((prev) => toggled(prev, stageId))}
          onOpenTouchpoint={(touchpoint) =>
            router.push(`/measure/touchpoints/${touchpoint.id}${searchStringOf(filter)}`)
          }
          overlay={overlay}
        />
      </div>
    </ChartCard>
  );
}

function toggled(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}
