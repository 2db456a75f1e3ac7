"use client";
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { CircleDashed } from "lucide-react";
import { ChartCard } from "@/components/charts/chart-card";
import { LineSeries } from "@/components/charts/line-series";
import { MetricCell, type TMetricScale } from "./metric-cell";
import { useSliceLabel } from "./use-slice-label";
import { formatMonth } from "@/lib/format/months";
import { formatNumber, formatSigned } from "@/lib/format/numbers";
import { isIndicative, MIN_N_FOR_FIRM_METRIC } from "@/lib/analytics/indicative-metric";
import { METRIC_SLICES, type TMetricSlice, type TSliceMeasures } from "@/lib/analytics/schemas";
import { CES_SCALE } from "@/lib/observations/scale";

const PAGE = 12;
const CSAT_SCALE_PERCENT: TMetricScale = { min: 0, max: 100 };
const NPS_RANGE: TMetricScale = { min: -100, max: 100, reference: 0 };
const CES_RANGE: TMetricScale = { min: CES_SCALE.min, max: CES_SCALE.max };
const COLUMNS = "grid grid-cols-[minmax(0,1.4fr)_repeat(3,minmax(0,1fr))] gap-x-4";

type TProps = { slices: Record<TMetricSlice, TSliceMeasures[]> };

/** CSAT, NPS and CES side by side for each touchpoint, stage, segment or month, each with its interval and n. */
export function CustomerMetrics({ slices }: TProps) {
  const t = useTranslations("measure.metrics");
  const locale = useLocale();
  const sliceLabel = useSliceLabel();
  const [slice, setSlice] = useState<TMetricSlice>("touchpoint");
  const [shown, setShown] = useState(PAGE);
  const rows = slices[slice];
  const nameOf = (s: TSliceMeasures) =>
    slice === "month" && s.label.kind === "text"
      ? formatMonth(s.label.text, locale)
      : sliceLabel(s.label);

  const percent = (v: number) => t("percent", { value: formatNumber(v, locale, 1) });
  const npsFormat = (v: number) => formatSigned(v, locale, 0);
  const cesFormat = (v: number) => formatNumber(v, locale, 2);

  const table = {
    columns: [
      { label: t(`slices.${slice}`) },
      { label: t("observations"), format: "integer" as const },
      { label: t("csat"), format: "number" as const, digits: 1 },
      { label: t("csatLow"), format: "number" as const, digits: 1 },
      { label: t("csatHigh"), format: "number" as const, digits: 1 },
      { label: t("csatN"), format: "integer" as const },
      { label: t("nps"), format: "number" as const, digits: 1 },
      { label: t("npsLow"), format: "number" as const, digits: 1 },
      { label: t("npsHigh"), format: "number" as const, digits: 1 },
      { label: t("npsN"), format: "integer" as const },
      { label: t("ces"), format: "number" as const },
      { label: t("cesLow"), format: "number" as const },
      { label: t("cesHigh"), format: "number" as const },
      { label: t("cesN"), format: "integer" as const },
      { label: t("indicativeColumn", { min: MIN_N_FOR_FIRM_METRIC }) },
    ],
    rows: rows.map((s) => {
      const { csat, nps, ces } = s.measures;
      const indicative = (["csat", "nps", "ces"] as const)
        .filter((key) => isIndicative(s.measures[key]?.n ?? 0))
        .map((key) => t(key));
      return [
        nameOf(s),
        s.measures.observations,
        csat?.value ?? null,
        csat?.interval?.low ?? null,
        csat?.interval?.high ?? null,
        csat?.n ?? 0,
        nps?.value ?? null,
        nps?.interval?.low ?? null,
        nps?.interval?.high ?? null,
        nps?.n ?? 0,
        ces?.mean ?? null,
        ces?.interval?.low ?? null,
        ces?.interval?.high ?? null,
        ces?.n ?? 0,
        indicative.join(", "),
      ];
    }),
  };

  const selector = (
    <div
      role="radiogroup"
      aria-label={t("sliceLabel")}
      className="inline-flex rounded-md border border-neutral-200 p-0.5"
      data-testid="metrics-slice"
    >
      {METRIC_SLICES.map((key) => (
        <button
          key={key}
          type="button"
          role="radio"
          aria-checked={slice === key}
          onClick={() => {
            setSlice(key);
            setShown(PAGE);
          }}
          className={`h-7 rounded px-2 text-xs font-medium ${slice === key ? "bg-neutral-900 text-white" : "text-neutral-700 hover:bg-neutral-100"}`}
        >
          {t(`slices.${key}`)}
        </button>
      ))}
    </div>
  );

  return (
    <ChartCard
      title={t("title")}
      description={t("description")}
      n={rows.reduce((sum, s) => sum + s.measures.observations, 0)}
      table={table}
      csvSlug={`customer-metrics-by-${slice}`}
      testId="customer-metrics"
      controls={selector}
      footer={<Legend />}
    >
      {slice === "month" && (
        <div className="mb-3" data-testid="nps-trend">
          <LineSeries
            ariaLabel={t("trendTitle")}
            xLabel={t("monthAxis")}
            yLabel={t("trendAxis")}
            yDomain={[NPS_RANGE.min, NPS_RANGE.max]}
            referenceY={0}
            bandLabel={t("band")}
            series={[{ key: "nps", label: t("nps") }]}
            points={rows.map((s) => ({
              x: nameOf(s),
              values: { nps: s.measures.nps?.value ?? null },
              band: s.measures.nps?.interval
                ? [s.measures.nps.interval.low, s.measures.nps.interval.high]
                : null,
            }))}
          />
        </div>
      )}
      <div
        className={`${COLUMNS} border-b border-neutral-100 pb-1.5 text-xs font-medium text-neutral-500`}
        aria-hidden
      >
        <span>{t(`slices.${slice}`)}</span>
        <span className="text-right">{t("csat")}</span>
        <span className="text-right">{t("nps")}</span>
        <span className="text-right">{t("ces")}</span>
      </div>
      <ul className="divide-y divide-neutral-100" data-testid="metrics-rows">
        {rows.slice(0, shown).map((s) => (
          <li
            key={s.key ?? "none"}
            className={`${COLUMNS} items-start py-2 text-sm`}
            data-testid="metrics-row"
          >
            <span className="min-w-0">
              <span
                className="line-clamp-2 font-medium text-neutral-900"
                data-testid="metrics-name"
              >
                {nameOf(s)}
              </span>
            </span>
            <MetricCell
              metric={s.measures.csat}
              scale={CSAT_SCALE_PERCENT}
              format={percent}
              testId="metric-csat"
            />
            <MetricCell
              metric={s.measures.nps}
              scale={NPS_RANGE}
              format={npsFormat}
              testId="metric-nps"
            />
            <MetricCell
              metric={
                s.measures.ces && {
                  value: s.measures.ces.mean,
                  n: s.measures.ces.n,
                  interval: s.measures.ces.interval,
                }
              }
              scale={CES_RANGE}
              format={cesFormat}
              testId="metric-ces"
            />
          </li>
        ))}
      </ul>
      {rows.length > shown && (
        <button
          type="button"
          onClick={() => setShown(shown + PAGE)}
          className="mt-2 text-sm font-medium text-accent hover:underline"
          data-testid="metrics-more"
        >
          {t("showMore", { count: Math.min(PAGE, rows.length - shown), total: rows.length })}
        </button>
      )}
    </ChartCard>
  );
}

function Legend() {
  const t = useTranslations("measure.metrics");
  return (
    <div className="space-y-1">
      <p className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <span className="inline-flex items-center gap-1">
          <CircleDashed aria-hidden className="size-3 text-neutral-400" />
          {t("legendIndicative", { min: MIN_N_FOR_FIRM_METRIC })}
        </span>
        <span>{t("legendNone")}</span>
      </p>
      <p>{t("legendWhisker")}</p>
      <details>
        <summary className="cursor-pointer select-none font-medium text-accent hover:underline">
          {t("methodTitle")}
        </summary>
        <p className="mt-1.5 max-w-3xl leading-relaxed">{t("method")}</p>
      </details>
    </div>
  );
}
