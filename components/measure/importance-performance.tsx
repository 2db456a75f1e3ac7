"use client";
import { useLocale, useTranslations } from "next-intl";
import { ChartCard } from "@/components/charts/chart-card";
import { QuadrantScatter } from "@/components/charts/quadrant-scatter";
import type { TMeasureView } from "@/lib/analytics/schemas";
import { localized } from "@/lib/i18n/localized";

type TProps = Pick<TMeasureView, "importancePerformance" | "importancePerformanceCuts">;

/** Importance–performance analysis: which touchpoints matter and perform poorly (concentrate here). */
export function ImportancePerformance({
  importancePerformance,
  importancePerformanceCuts,
}: TProps) {
  const t = useTranslations("measure");
  const locale = useLocale();
  const points = importancePerformance.map((p) => ({
    id: p.touchpoint.id,
    label: localized(p.touchpoint, "name", locale),
    importance: p.importance,
    performance: p.performance,
    quadrant: p.quadrant,
    isMoT: p.touchpoint.isMoT,
  }));
  // Performance is the mean gap: a whole-point range symmetric around 0 (meets expectation), wide
  // enough for every point and the cut.
  const extent = Math.max(
    1,
    Math.ceil(
      Math.max(
        Math.abs(importancePerformanceCuts.performance),
        ...importancePerformance.map((p) => Math.abs(p.performance)),
      ),
    ),
  );
  const table = {
    columns: [
      { label: t("columns.touchpoint") },
      { label: t("columns.stage") },
      { label: t("ipa.importanceColumn"), format: "number" as const },
      { label: t("ipa.performanceColumn"), format: "signed" as const },
      { label: t("ipa.quadrantColumn") },
    ],
    rows: importancePerformance.map((p) => [
      localized(p.touchpoint, "name", locale),
      localized(p.touchpoint.stage, "name", locale),
      p.importance,
      p.performance,
      t(`quadrants.${p.quadrant}`),
    ]),
  };
  return (
    <ChartCard
      title={t("ipa.title")}
      description={t("ipa.description")}
      table={table}
      csvSlug="importance-performance"
      testId="importance-performance"
      footer={t("ipa.footer")}
    >
      <QuadrantScatter
        points={points}
        cuts={importancePerformanceCuts}
        performanceDomain={[-extent, extent]}
      />
    </ChartCard>
  );
}
