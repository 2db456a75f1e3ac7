"use client";
import { useState } from "react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { ChevronRight, Star } from "lucide-react";
import { ChartCard } from "@/components/charts/chart-card";
import { formatInteger, formatNumber, formatPercent, formatSigned, gapTone, searchStringOf } from "@/lib/analytics/format";
import type { TAnalysisFilter, TFixFirstItem, TMeasures } from "@/lib/analytics/schemas";
import { localized } from "@/lib/i18n/localized";
import { WhyFirst } from "./why-first";

const PAGE = 10;
// One grid for the header and the rows, so the columns line up; on a narrow screen each row stacks.
const COLUMNS = "md:grid-cols-[2rem_minmax(0,1.6fr)_minmax(0,0.9fr)_minmax(0,0.5fr)_minmax(0,0.8fr)_minmax(0,0.5fr)_minmax(0,0.6fr)]";
const TONE_TEXT = { below: "text-gap-below", above: "text-gap-above", neutral: "text-neutral-700" };

type TProps = { ranking: TFixFirstItem[]; measuresOf: Record<string, TMeasures>; filter: TAnalysisFilter };

/** The heart of the product: what to fix first, each row with its reason in words. */
export function FixFirstRanking({ ranking, measuresOf, filter }: TProps) {
  const t = useTranslations("measure.ranking");
  const tMap = useTranslations("journeyMap");
  const locale = useLocale();
  const [shown, setShown] = useState(PAGE);
  const n2 = (v: number) => formatNumber(v, locale, 2);
  const nameOf = (item: TFixFirstItem) => localized(item.touchpoint, "name", locale);

  const table = {
    columns: [
      { label: t("rank"), format: "integer" as const },
      { label: t("touchpoint") },
      { label: t("stage") },
      { label: t("mot") },
      { label: t("meanGap"), format: "signed" as const },
      { label: t("ciLow"), format: "signed" as const },
      { label: t("ciHigh"), format: "signed" as const },
      { label: t("n"), format: "integer" as const },
      { label: t("shortfall"), format: "number" as const },
      { label: t("importance"), format: "number" as const },
      { label: t("importanceSource") },
      { label: t("reach"), format: "number" as const },
      { label: t("score"), format: "number" as const, digits: 3 },
    ],
    rows: ranking.map((item) => [
      item.rank,
      nameOf(item),
      localized(item.touchpoint.stage, "name", locale),
      item.touchpoint.isMoT ? t("yes") : "",
      item.reason.meanGap,
      item.reason.gapInterval?.low ?? null,
      item.reason.gapInterval?.high ?? null,
      item.reason.n,
      item.reason.shortfallBound,
      item.reason.importance,
      t(`sources.${item.reason.importanceSource}`),
      item.reason.reachShare,
      item.reason.score,
    ]),
  };

  return (
    <ChartCard title={t("title")} description={t("description")} table={table} csvSlug="fix-first" testId="fix-first" footer={<Method />}>
      <div aria-hidden className={`-mx-4 hidden border-b border-neutral-100 px-4 pb-1.5 text-xs font-medium text-neutral-500 md:grid md:gap-x-3 ${COLUMNS}`}>
        <span>{t("rankShort")}</span>
        <span>{t("touchpoint")}</span>
        <span className="text-right">{t("meanGapCi")}</span>
        <span className="text-right">{t("n")}</span>
        <span className="text-right">{t("importance")}</span>
        <span className="text-right">{t("reach")}</span>
        <span className="text-right">{t("score")}</span>
      </div>
      <ol className="-mx-4 divide-y divide-neutral-100" data-testid="fix-first-list">
        {ranking.slice(0, shown).map((item) => {
          const r = item.reason;
          const name = nameOf(item);
          const tone = gapTone(r.meanGap === null ? null : { n: r.n, mean: r.meanGap, interval: r.gapInterval });
          return (
            <li key={item.touchpoint.id} className="px-4 py-2.5" data-testid="fix-first-row" data-touchpoint-id={item.touchpoint.id}>
              <div className={`grid grid-cols-[2rem_minmax(0,1fr)] gap-x-3 gap-y-1 md:items-center ${COLUMNS}`}>
                <span className="text-lg font-semibold tabular-nums text-neutral-400">{item.rank}</span>
                <div className="min-w-0">
                  <p className="flex items-start gap-1.5 font-medium leading-snug text-neutral-900">
                    <span className="line-clamp-2" title={name} data-testid="fix-first-name">
                      {name}
                    </span>
                    {item.touchpoint.isMoT && (
                      <span className="mt-0.5 inline-flex shrink-0 items-center gap-0.5 rounded bg-mot px-1 text-[10px] font-semibold uppercase text-white" title={tMap("motLong")}>
                        <Star aria-hidden className="size-3 fill-current" />
                        {tMap("mot")}
                      </span>
                    )}
                  </p>
                  <p className="truncate text-xs text-neutral-500">{localized(item.touchpoint.stage, "name", locale)}</p>
                </div>
                <Metric label={t("meanGap")} className="col-start-2 md:col-start-auto">
                  <span className={`font-semibold ${TONE_TEXT[tone]}`}>{r.meanGap === null ? t("none") : formatSigned(r.meanGap, locale)}</span>
                  {r.gapInterval && (
                    <span className="block text-[11px] text-neutral-500">{t("ci", { low: formatSigned(r.gapInterval.low, locale), high: formatSigned(r.gapInterval.high, locale) })}</span>
                  )}
                </Metric>
                <Metric label={t("n")} className="col-start-2 md:col-start-auto">
                  {formatInteger(r.n, locale)}
                </Metric>
                <Metric label={t("importance")} className="col-start-2 md:col-start-auto">
                  {n2(r.importance)}
                  <span className="block text-[11px] text-neutral-500">{t(`sources.${r.importanceSource}`)}</span>
                </Metric>
                <Metric label={t("reach")} className="col-start-2 md:col-start-auto">
                  {formatPercent(r.reachShare, locale)}
                </Metric>
                <Metric label={t("score")} className="col-start-2 md:col-start-auto">
                  <span className="font-semibold text-neutral-900">{formatNumber(r.score, locale, 3)}</span>
                </Metric>
              </div>
              <div className="mt-1.5 flex flex-wrap items-start gap-x-4 gap-y-1 pl-11">
                <details className="group min-w-0 flex-1" data-testid="why-first">
                  <summary className="cursor-pointer select-none text-xs font-medium text-accent hover:underline">
                    {t("why", { rank: item.rank })}
                  </summary>
                  <div className="mt-2 rounded-md bg-neutral-50 px-3 py-2">
                    <WhyFirst item={item} measures={measuresOf[item.touchpoint.id]} />
                  </div>
                </details>
                <Link
                  href={`/measure/touchpoints/${item.touchpoint.id}${searchStringOf(filter)}`}
                  className="inline-flex items-center gap-0.5 text-xs font-medium text-accent hover:underline"
                  data-testid="drilldown-link"
                  aria-label={t("drillDownOf", { name })}
                >
                  {t("drillDown")}
                  <ChevronRight aria-hidden className="size-3.5" />
                </Link>
              </div>
            </li>
          );
        })}
      </ol>
      {ranking.length > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE)} className="mt-2 text-sm font-medium text-accent hover:underline" data-testid="fix-first-more">
          {t("showMore", { count: Math.min(PAGE, ranking.length - shown), total: ranking.length })}
        </button>
      )}
    </ChartCard>
  );
}

function Metric({ label, className = "", children }: { label: string; className?: string; children: React.ReactNode }) {
  return (
    <div className={`flex items-baseline justify-between gap-2 text-sm tabular-nums md:block md:text-right ${className}`}>
      <span className="text-xs text-neutral-500 md:sr-only">{label}</span>
      <span>{children}</span>
    </div>
  );
}

function Method() {
  const t = useTranslations("measure.ranking");
  return (
    <details>
      <summary className="cursor-pointer select-none font-medium text-accent hover:underline">{t("methodTitle")}</summary>
      <p className="mt-1.5 max-w-3xl leading-relaxed">{t("method")}</p>
    </details>
  );
}
