"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { ChartCard } from "@/components/charts/chart-card";
import { formatInteger } from "@/lib/format/numbers";
import { localized } from "@/lib/i18n/localized";
import type { TCaseOutcome } from "@/lib/overview/schemas";
import { EVALUATION_DAYS } from "@/lib/projects/windows";
import { formatMetricDifference, formatMetricValue, VERDICT_TONE } from "./metric-format";
import { EMPTY_CLASS, LIST_CLASS, ROW_LINK_CLASS } from "./overview-section";

/** An estimate while its window runs: no colour, since colour would already read as a verdict. */
const PENDING_TONE = "text-neutral-700";

/**
 * Each rolled-out change, before against after at its touchpoint, with the difference and its
 * interval; the table view and CSV carry the same figures. While the evaluation window runs, the
 * estimate so far is shown in neutral and the verdict's place says the day it will come.
 */
export function CaseOutcomes({ outcomes }: { outcomes: TCaseOutcome[] }) {
  const t = useTranslations("overview.outcomes");
  const tPilots = useTranslations("overview.pilots");
  const locale = useLocale();
  const verdictOf = (o: TCaseOutcome) =>
    o.verdict ? tPilots(`verdict.${o.verdict}`) : t("pending", { day: o.evaluation.verdictDay });
  const toneOf = (o: TCaseOutcome) => (o.verdict ? VERDICT_TONE[o.verdict] : PENDING_TONE);
  if (outcomes.length === 0) return <p className={EMPTY_CLASS}>{t("none")}</p>;
  const table = {
    columns: [
      { label: t("touchpoint") },
      { label: t("metricColumn") },
      { label: t("beforeColumn"), format: "number" as const },
      { label: t("afterColumn"), format: "number" as const },
      { label: t("differenceColumn"), format: "signed" as const },
      { label: t("lowColumn"), format: "signed" as const },
      { label: t("highColumn"), format: "signed" as const },
      { label: t("verdictColumn") },
    ],
    rows: outcomes.map((o) => [
      localized(o.touchpoint, "name", locale),
      tPilots(`metric.${o.metric}`),
      o.before.figure?.value ?? null,
      o.after.figure?.value ?? null,
      o.difference?.value ?? null,
      o.difference?.interval.low ?? null,
      o.difference?.interval.high ?? null,
      verdictOf(o),
    ]),
  };
  const figure = (o: TCaseOutcome, f: TCaseOutcome["before"]["figure"]) =>
    f
      ? t("figure", {
          value: formatMetricValue(o.metric, f.value, locale),
          n: formatInteger(f.n, locale),
        })
      : t("noValue");
  return (
    <ChartCard title={t("tableTitle")} table={table} csvSlug="overview-outcomes">
      <ul className={`${LIST_CLASS} -mx-1`}>
        {outcomes.map((o) => (
          <li key={o.pilotId} data-testid="overview-outcome">
            <Link
              href={`/improve/${o.projectId}`}
              className={`${ROW_LINK_CLASS} grid gap-1 sm:grid-cols-[minmax(0,1fr)_auto]`}
              aria-label={t("open", { title: o.projectTitle })}
            >
              <span className="min-w-0">
                <span className="block font-medium text-neutral-900">
                  {localized(o.touchpoint, "name", locale)}
                </span>
                <span className="block text-xs text-neutral-600">
                  {o.projectTitle} · {tPilots(`metric.${o.metric}`)} ·{" "}
                  {t("rolledOut", { day: o.rolloutDay })}
                </span>
                <span className="mt-1 block text-xs tabular-nums text-neutral-700">
                  {t("before", {
                    from: o.before.from,
                    to: o.before.to,
                    figure: figure(o, o.before.figure),
                  })}
                </span>
                <span className="block text-xs tabular-nums text-neutral-700">
                  {t(o.evaluation.isComplete ? "after" : "afterRunning", {
                    from: o.after.from,
                    to: o.after.to,
                    days: EVALUATION_DAYS,
                    figure: figure(o, o.after.figure),
                  })}
                </span>
              </span>
              <span className="text-right tabular-nums">
                <span
                  className={`block text-lg font-semibold ${toneOf(o)}`}
                  data-testid="overview-outcome-difference"
                >
                  {o.difference ? formatMetricDifference(o.metric, o.difference.value, locale) : ""}
                </span>
                <span className="block text-[11px] text-neutral-500">
                  {o.difference
                    ? t("differenceInterval", {
                        low: formatMetricDifference(o.metric, o.difference.interval.low, locale),
                        high: formatMetricDifference(o.metric, o.difference.interval.high, locale),
                      })
                    : t("noDifference")}
                </span>
                <span
                  className={`block text-xs font-medium ${toneOf(o)}`}
                  data-testid="overview-outcome-verdict"
                >
                  {verdictOf(o)}
                </span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </ChartCard>
  );
}
