"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { ChartCard } from "@/components/charts/chart-card";
import { formatInteger, formatNumber, formatSigned } from "@/lib/format/numbers";
import { formatMonth } from "@/lib/format/months";
import { gapTone } from "@/lib/analytics/gap-tone";
import type { THeadline, THeadlineKey } from "@/lib/overview/schemas";
import { TrendSparkline } from "./trend-sparkline";

type TDomain = [number | string, number | string];
/** How each measure reads: decimals, unit of its change, the trend's scale and reference line. */
const SPEC: Record<
  THeadlineKey,
  {
    digits: number;
    changeUnit: "changeUnitPoints" | "changeUnitPercentPoints";
    domain: TDomain;
    reference?: number;
  }
> = {
  csat: { digits: 1, changeUnit: "changeUnitPercentPoints", domain: [0, 100] },
  nps: { digits: 0, changeUnit: "changeUnitPoints", domain: ["auto", "auto"], reference: 0 },
  gap: { digits: 2, changeUnit: "changeUnitPoints", domain: ["auto", "auto"], reference: 0 },
};
const TONE_TEXT = { below: "text-gap-below", above: "text-gap-above", neutral: "text-neutral-900" };
const FORMULA_KEY: Record<THeadlineKey, string> = {
  csat: "csatFormula",
  nps: "npsFormula",
  gap: "gapFormula",
};

/** One headline measure: its value for the last 30 days (a link to Measure), the change against the 30 before, and its 12-month trend. */
export function HeadlineCard({
  headline,
  measureHref,
}: {
  headline: THeadline;
  measureHref: string;
}) {
  const t = useTranslations("overview.headline");
  const tFormula = useTranslations("measure.headline");
  const locale = useLocale();
  const { key, current, previous, change, trend } = headline;
  const spec = SPEC[key];
  const show = (value: number) =>
    key === "csat"
      ? t("percent", { value: formatNumber(value, locale, spec.digits) })
      : formatSigned(value, locale, spec.digits);
  const metric = t(key);
  const tone =
    key === "gap" && current
      ? gapTone({ n: current.n, mean: current.value, interval: current.interval })
      : "neutral";
  const changeTone = !change?.isBeyondNoise
    ? "text-neutral-600"
    : change.value > 0
      ? "text-gap-above"
      : "text-gap-below";

  const table = {
    columns: [
      { label: t("month") },
      { label: t("value"), format: "number" as const, digits: spec.digits },
      { label: t("low"), format: "number" as const, digits: spec.digits },
      { label: t("high"), format: "number" as const, digits: spec.digits },
      { label: t("answers"), format: "integer" as const },
    ],
    rows: trend
      .filter((p) => p.figure)
      .map((p) => [
        formatMonth(p.month, locale),
        p.figure!.value,
        p.figure!.interval?.low ?? null,
        p.figure!.interval?.high ?? null,
        p.figure!.n,
      ]),
  };

  return (
    // Two rows of the parent's grid (subgrid): the figures and the trends line up across the three measures.
    <div
      className="row-span-2 grid min-w-0 grid-rows-subgrid gap-2"
      data-testid={`overview-headline-${key}`}
    >
      <Link
        href={measureHref}
        aria-label={t("openMeasure", { metric })}
        className="block rounded-lg border border-neutral-200 bg-white px-4 py-3 hover:border-accent focus-visible:border-accent"
        title={tFormula(FORMULA_KEY[key])}
      >
        <span className="block text-xs font-medium text-neutral-600">{metric}</span>
        <span
          className={`mt-1 block text-3xl font-semibold tabular-nums ${TONE_TEXT[tone]}`}
          data-testid="overview-headline-value"
        >
          {current ? show(current.value) : t("noValue")}
        </span>
        <span className="mt-0.5 block text-xs tabular-nums text-neutral-600">
          {current?.interval &&
            t("interval", { low: show(current.interval.low), high: show(current.interval.high) })}
          {current?.interval && " · "}
          {t("n", { n: formatInteger(current?.n ?? 0, locale) })}
        </span>
        {change ? (
          <span
            className={`mt-2 block text-sm tabular-nums ${changeTone}`}
            data-testid="overview-headline-change"
          >
            {t("change", {
              value: `${formatSigned(change.value, locale, spec.digits)} ${t(spec.changeUnit)}`,
            })}{" "}
            <span className="text-xs">
              {t("changeInterval", {
                low: formatSigned(change.interval.low, locale, spec.digits),
                high: formatSigned(change.interval.high, locale, spec.digits),
              })}
            </span>{" "}
            <span
              className={`ml-1 inline-block rounded-full border px-1.5 text-[11px] font-medium ${change.isBeyondNoise ? "border-current" : "border-neutral-300 text-neutral-600"}`}
              title={change.isBeyondNoise ? t("beyondNoiseTitle") : t("withinNoiseTitle")}
            >
              {change.isBeyondNoise ? t("beyondNoise") : t("withinNoise")}
            </span>
          </span>
        ) : (
          <span className="mt-2 block text-xs text-neutral-500">{t("noChange")}</span>
        )}
        {previous && (
          <span className="mt-0.5 block text-xs tabular-nums text-neutral-500">
            {t("previous", { value: show(previous.value) })}
          </span>
        )}
      </Link>
      <ChartCard
        title={t("trendTitle", { metric })}
        description={t("trendDescription")}
        n={trend.reduce((sum, p) => sum + (p.figure?.n ?? 0), 0)}
        table={table}
        csvSlug={`overview-${key}-by-month`}
        footer={tFormula(FORMULA_KEY[key])}
      >
        <TrendSparkline
          ariaLabel={t("trendLabel", { metric })}
          points={trend.map((p) => ({
            label: formatMonth(p.month, locale),
            value: p.figure?.value ?? null,
          }))}
          domain={spec.domain}
          referenceY={spec.reference}
          format={(v) => formatNumber(v, locale, key === "gap" ? 1 : 0)}
        />
      </ChartCard>
    </div>
  );
}
