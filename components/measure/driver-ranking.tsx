"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { ChevronRight, Star } from "lucide-react";
import { ChartCard } from "@/components/charts/chart-card";
import { searchStringOf } from "@/lib/analytics/filter-url";
import type { TAnalysisFilter, TRankedDriver, TRankingRules } from "@/lib/analytics/schemas";
import { localized } from "@/lib/i18n/localized";
import { RankedList, RankingMethod, rankingRuleValues } from "./ranked-list";

type TProps = {
  ranking: TRankedDriver[];
  filter: TAnalysisFilter;
  /** The numbers the method's words state. */
  rules: TRankingRules;
};

/** Which element of which touchpoint to improve first: the fix-first formula on the loyalty drivers. */
export function DriverRanking({ ranking, filter, rules }: TProps) {
  const t = useTranslations("measure.drivers");
  const tRank = useTranslations("measure.ranking");
  const tMap = useTranslations("journeyMap");
  const locale = useLocale();
  const kindOf = (item: TRankedDriver) => tMap(`driverKinds.${item.driver.kind}`);
  const dimensionOf = (item: TRankedDriver) => tMap(`dimensions.${item.driver.dimension}`);

  const table = {
    columns: [
      { label: tRank("rank"), format: "integer" as const },
      { label: t("driver") },
      { label: t("kind") },
      { label: t("dimension") },
      { label: t("touchpoint") },
      { label: t("stage") },
      { label: tRank("mot") },
      { label: tRank("meanGap"), format: "signed" as const },
      { label: tRank("ciLow"), format: "signed" as const },
      { label: tRank("ciHigh"), format: "signed" as const },
      { label: tRank("n"), format: "integer" as const },
      { label: tRank("shortfall"), format: "number" as const },
      { label: tRank("gapEstimate"), format: "signed" as const },
      { label: tRank("verdict") },
      { label: tRank("importance"), format: "number" as const },
      { label: tRank("importanceSource") },
      { label: tRank("reach"), format: "number" as const },
      { label: tRank("score"), format: "number" as const, digits: 3 },
    ],
    rows: ranking.map((item) => {
      const { rank, driver, reason } = item;
      return [
        rank,
        localized(driver, "name", locale),
        kindOf(item),
        dimensionOf(item),
        localized(driver.touchpoint, "name", locale),
        localized(driver.touchpoint.stage, "name", locale),
        driver.touchpoint.isMoT ? tRank("yes") : "",
        reason.meanGap,
        reason.gapInterval?.low ?? null,
        reason.gapInterval?.high ?? null,
        reason.n,
        reason.shortfallBound,
        reason.gapEstimate,
        tRank(`verdicts.${reason.verdict}`),
        reason.importance,
        tRank(`sources.${reason.importanceSource}`),
        reason.reachShare,
        reason.score,
      ];
    }),
  };

  return (
    <ChartCard
      title={t("title")}
      description={t("description")}
      table={table}
      csvSlug="fix-first-drivers"
      testId="driver-ranking"
      footer={
        <RankingMethod
          title={t("methodTitle")}
          text={t("method", rankingRuleValues(rules, locale))}
        />
      }
    >
      <RankedList
        subject="driver"
        nameHeader={t("driver")}
        testId="driver-ranking"
        rows={ranking.map((item) => {
          const touchpointName = localized(item.driver.touchpoint, "name", locale);
          const where = t("of", {
            touchpoint: touchpointName,
            stage: localized(item.driver.touchpoint.stage, "name", locale),
          });
          return {
            id: item.driver.id,
            rank: item.rank,
            reason: item.reason,
            measures: item.measures,
            name: localized(item.driver, "name", locale),
            badges: (
              <span
                className="mt-0.5 shrink-0 rounded border border-neutral-300 px-1 text-[10px] font-medium text-neutral-600"
                data-testid="driver-kind"
              >
                {kindOf(item)}
              </span>
            ),
            context: (
              <p className="line-clamp-2" title={where} data-testid="driver-context">
                <span className="font-medium text-neutral-600">{dimensionOf(item)}</span>
                {" · "}
                {item.driver.touchpoint.isMoT && (
                  <Star
                    aria-label={tMap("motLong")}
                    className="mr-0.5 inline size-3 fill-mot align-[-2px] text-mot"
                  />
                )}
                {where}
              </p>
            ),
            action: (
              <Link
                href={`/measure/touchpoints/${item.driver.touchpoint.id}${searchStringOf(filter)}`}
                className="inline-flex items-center gap-0.5 text-xs font-medium text-accent hover:underline"
                aria-label={tRank("drillDownOf", { name: touchpointName })}
              >
                {tRank("drillDown")}
                <ChevronRight aria-hidden className="size-3.5" />
              </Link>
            ),
          };
        })}
      />
    </ChartCard>
  );
}
