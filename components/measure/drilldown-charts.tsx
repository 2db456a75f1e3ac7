"use client";
import { useLocale, useTranslations } from "next-intl";
import { ChartCard } from "@/components/charts/chart-card";
import { LineSeries } from "@/components/charts/line-series";
import { SliceGapCard } from "./slice-gap-card";
import { useSliceTable } from "./slice-table";
import type { TSliceMeasures, TTouchpointDrilldown } from "@/lib/analytics/schemas";

const SPLITS = ["segment", "site", "source", "driver"] as const;

/** One touchpoint's gap by segment, site, source and driver (bars), and week by week (a trend line). */
export function DrilldownCharts({ splits }: Pick<TTouchpointDrilldown, "splits">) {
  const t = useTranslations("measure");
  const locale = useLocale();
  const toTable = useSliceTable();
  const weekOf = (slice: TSliceMeasures) =>
    slice.key
      ? t("drilldown.weekOf", { date: new Date(`${slice.key}T00:00:00Z`) })
      : t("labels.notSet");
  const weeks = [...splits.week].filter((w) => w.key).sort((a, b) => (a.key! < b.key! ? -1 : 1));
  const weekN = weeks.reduce((sum, w) => sum + (w.measures.gap?.n ?? 0), 0);
  const withGap = weeks.filter((w) => w.measures.gap);
  const dateFormat = new Intl.DateTimeFormat(locale, {
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {SPLITS.map((key) => (
        <SliceGapCard
          key={key}
          title={t(`drilldown.${key}.title`)}
          description={t("splits.description")}
          sliceHeader={t(`drilldown.${key}.header`)}
          slices={splits[key]}
          csvSlug={`touchpoint-gap-by-${key}`}
          testId={`drilldown-${key}`}
        />
      ))}
      <div className="lg:col-span-2">
        <ChartCard
          title={t("drilldown.week.title")}
          description={t("drilldown.week.description")}
          n={weekN}
          table={toTable(withGap, t("drilldown.week.header"), weekOf)}
          csvSlug="touchpoint-gap-by-week"
          testId="drilldown-week"
        >
          <LineSeries
            ariaLabel={t("drilldown.week.title")}
            xLabel={t("drilldown.week.axis")}
            yLabel={t("chart.gapAxisShort")}
            referenceY={0}
            series={[{ key: "gap", label: t("columns.meanGap"), isEmphasized: true }]}
            bandLabel={t("drilldown.week.band")}
            points={withGap.map((w) => {
              const interval = w.measures.gap!.interval;
              return {
                x: dateFormat.format(new Date(`${w.key}T00:00:00Z`)),
                values: { gap: w.measures.gap!.mean },
                band: interval ? [interval.low, interval.high] : null,
              };
            })}
          />
        </ChartCard>
      </div>
    </div>
  );
}
