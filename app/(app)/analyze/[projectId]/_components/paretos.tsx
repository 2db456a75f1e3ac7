"use client";
import { useTranslations } from "next-intl";
import { ChartCard } from "@/components/charts/chart-card";
import { ParetoChart } from "@/components/charts/pareto-chart";
import type { TAnalysisWindow } from "@/lib/projects/windows";
import type { TParetoBar } from "@/lib/projects/schemas";

/** The causes by how often they were seen: the vital few first. */
export function CausePareto({ bars }: { bars: TParetoBar[] }) {
  const t = useTranslations("analyze");
  return (
    <ChartCard
      title={t("causePareto")}
      description={t("causeParetoLead")}
      n={bars.reduce((sum, b) => sum + b.count, 0)}
      csvSlug="cause-pareto"
      testId="cause-pareto"
      table={{
        columns: [
          { label: t("cause") },
          { label: t("frequency"), format: "integer" },
          { label: t("share"), format: "number", digits: 1 },
          { label: t("cumulative"), format: "number", digits: 1 },
        ],
        rows: bars.map((b) => [b.label, b.count, b.share * 100, b.cumulativeShare * 100]),
      }}
    >
      <ParetoChart data={bars} countLabel={t("frequency")} cumulativeLabel={t("cumulative")} />
    </ChartCard>
  );
}

/** What customers' complaints at this touchpoint talk about, by a Korean and English lexicon (docs/METHODS.md). */
export function ThemePareto({
  bars,
  commentsRead,
  commentsInWindow,
  window,
}: {
  bars: (TParetoBar & { examples: string[] })[];
  commentsRead: number;
  commentsInWindow: number;
  window: TAnalysisWindow;
}) {
  const t = useTranslations("analyze");
  const themeName = (key: string) => t(`themes.${key}`);
  return (
    <ChartCard
      title={t("themePareto")}
      description={t("themeParetoLead", {
        comments: commentsRead,
        all: commentsInWindow,
        from: window.from,
        to: window.to,
      })}
      n={commentsRead}
      csvSlug="comment-themes"
      testId="theme-pareto"
      table={{
        columns: [
          { label: t("theme") },
          { label: t("mentions"), format: "integer" },
          { label: t("share"), format: "number", digits: 1 },
          { label: t("examples") },
        ],
        rows: bars.map((b) => [themeName(b.key), b.count, b.share * 100, b.examples.join(" | ")]),
      }}
      footer={
        <ul className="flex flex-col gap-1">
          {bars.slice(0, 3).map((b) => (
            <li key={b.key}>
              <span className="font-medium">{themeName(b.key)}</span>
              {b.examples[0] && (
                <span className="text-neutral-500">
                  {t("exampleQuote", { text: b.examples[0] })}
                </span>
              )}
            </li>
          ))}
        </ul>
      }
    >
      <ParetoChart
        data={bars.map((b) => ({ ...b, label: themeName(b.key) }))}
        countLabel={t("mentions")}
        cumulativeLabel={t("cumulative")}
      />
    </ChartCard>
  );
}
