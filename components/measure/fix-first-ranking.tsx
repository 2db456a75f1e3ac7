"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { ChevronRight, Star } from "lucide-react";
import { ChartCard } from "@/components/charts/chart-card";
import { searchStringOf } from "@/lib/analytics/filter-url";
import type {
  TAnalysisFilter,
  TMeasures,
  TRankedTouchpoint,
  TRankingRules,
} from "@/lib/analytics/schemas";
import { localized } from "@/lib/i18n/localized";
import { RankedList, RankingMethod, rankingRuleValues } from "./ranked-list";

type TProps = {
  ranking: TRankedTouchpoint[];
  measuresOf: Record<string, TMeasures>;
  filter: TAnalysisFilter;
  /** The numbers the method's words state. */
  rules: TRankingRules;
};

/** The heart of the product: what to fix first, each row with its reason in words. */
export function FixFirstRanking({ ranking, measuresOf, filter, rules }: TProps) {
  const t = useTranslations("measure.ranking");
  const tMap = useTranslations("journeyMap");
  const locale = useLocale();
  const nameOf = (item: TRankedTouchpoint) => localized(item.touchpoint, "name", locale);

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
      { label: t("gapEstimate"), format: "signed" as const },
      { label: t("verdict") },
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
      item.reason.gapEstimate,
      t(`verdicts.${item.reason.verdict}`),
      item.reason.importance,
      t(`sources.${item.reason.importanceSource}`),
      item.reason.reachShare,
      item.reason.score,
    ]),
  };

  return (
    <ChartCard
      title={t("title")}
      description={t("description")}
      table={table}
      csvSlug="fix-first"
      testId="fix-first"
      footer={
        <RankingMethod
          title={t("methodTitle")}
          text={t("method", rankingRuleValues(rules, locale))}
        />
      }
    >
      <RankedList
        subject="touchpoint"
        nameHeader={t("touchpoint")}
        testId="fix-first"
        rows={ranking.map((item) => {
          const name = nameOf(item);
          return {
            id: item.touchpoint.id,
            rank: item.rank,
            reason: item.reason,
            measures: measuresOf[item.touchpoint.id],
            name,
            badges: item.touchpoint.isMoT && (
              <span
                className="mt-0.5 inline-flex shrink-0 items-center gap-0.5 rounded bg-mot px-1 text-[10px] font-semibold uppercase text-white"
                title={tMap("motLong")}
              >
                <Star aria-hidden className="size-3 fill-current" />
                {tMap("mot")}
              </span>
            ),
            context: <p className="truncate">{localized(item.touchpoint.stage, "name", locale)}</p>,
            action: (
              <Link
                href={`/measure/touchpoints/${item.touchpoint.id}${searchStringOf(filter)}`}
                className="inline-flex items-center gap-0.5 text-xs font-medium text-accent hover:underline"
                data-testid="drilldown-link"
                aria-label={t("drillDownOf", { name })}
              >
                {t("drillDown")}
                <ChevronRight aria-hidden className="size-3.5" />
              </Link>
            ),
          };
        })}
      />
    </ChartCard>
  );
}
