"use client";
import { useLocale, useTranslations } from "next-intl";
import { Table, type TTableColumn } from "@/components/ui/table";
import { formatInteger, formatNumber } from "@/lib/format/numbers";
import { shownPValue } from "@/lib/pilots/shown-p-value";
import type { TPilotDetail } from "@/lib/pilots/schemas";
import { MIN_OBSERVATIONS_PER_GROUP } from "@/lib/stats/pilot-verdict";
import { usePilotFormat } from "../../../../_components/use-pilot-format";
import { VerdictBadge } from "../../../../_components/verdict-badge";

/**
 * The result in plain words, then the numbers behind it: the difference with its interval and
 * p-value, the test, and each group's n against the n the power analysis asked for.
 */
export function VerdictCard({ pilot }: { pilot: TPilotDetail }) {
  const t = useTranslations("improve.result");
  const tImprove = useTranslations("improve");
  const locale = useLocale();
  const format = usePilotFormat();
  const { outcome, metric } = pilot;
  const { difference } = outcome;
  // No p-value beside "no verdict: one site": that comparison takes the answers as independent.
  const pValue = shownPValue(outcome);
  const smaller = Math.min(outcome.pilot.n, outcome.control.n);
  const comparison =
    pilot.design === "BEFORE_AFTER" ? t("comparison.before") : t("comparison.control");
  const words = {
    metric: tImprove(`metrics.${metric}`),
    difference: difference ? format.difference(metric, difference.value) : "–",
    low: difference ? format.signed(metric, difference.interval.low) : "–",
    high: difference ? format.signed(metric, difference.interval.high) : "–",
    p: pValue !== null ? format.pValue(pValue) : "–",
    n: formatInteger(smaller, locale),
    planned: formatInteger(outcome.plannedPerGroup ?? 0, locale),
    min: MIN_OBSERVATIONS_PER_GROUP,
    target: format.difference(metric, pilot.targetEffect),
    comparison,
  };
  const isUncontrolled = pilot.design === "BEFORE_AFTER";
  // The exploratory mark is what let a one-site group be judged (decided in lib/pilots/outcome.ts).
  const isExploratory = outcome.isJudgedAsExploratory;
  const notEnough =
    outcome.reason === "TOO_FEW_SITES"
      ? "tooFewSites"
      : outcome.reason === "BELOW_PLANNED_SAMPLE"
        ? "belowPlanned"
        : "tooFew";
  // A before/after pilot has no control group: its words say "higher than before", not "worked".
  const verdictSentence =
    outcome.verdict === "NOT_ENOUGH_DATA"
      ? t(`explain.${notEnough}`, words)
      : isUncontrolled
        ? t(`explainUncontrolled.${outcome.verdict}`, words)
        : t(`explain.${outcome.verdict}`, words);
  // A verdict past the sample floor reached the plan, when there was one.
  const sentence =
    outcome.verdict !== "NOT_ENOUGH_DATA" && outcome.plannedPerGroup !== null
      ? `${verdictSentence} ${t("explain.reachedPlan")}`
      : verdictSentence;
  const { infeasiblePlan } = outcome;
  const isUnplanned = outcome.plannedPerGroup === null && infeasiblePlan === null;
  const groups = [
    { key: "pilot", label: t("groups.pilot"), figure: outcome.pilot },
    {
      key: "control",
      label: pilot.design === "BEFORE_AFTER" ? t("groups.before") : t("groups.control"),
      figure: outcome.control,
    },
  ];
  const planned = outcome.plannedPerGroup;
  const columns: TTableColumn<(typeof groups)[number]>[] = [
    { key: "group", header: t("table.group"), isRowHeader: true, cell: ({ label }) => label },
    {
      key: "n",
      header: t("table.n"),
      isNumeric: true,
      cell: ({ figure }) => formatInteger(figure.n, locale),
    },
    {
      key: "ofPlanned",
      header: t("table.ofPlanned"),
      isNumeric: true,
      cell: ({ figure }) =>
        planned
          ? t("ofPlannedValue", { value: formatNumber((100 * figure.n) / planned, locale, 0) })
          : "–",
    },
    {
      key: "value",
      header: words.metric,
      isNumeric: true,
      cell: ({ figure }) => format.value(metric, figure.value),
    },
    {
      key: "interval",
      header: t("table.ci"),
      isNumeric: true,
      cell: ({ figure }) =>
        figure.interval
          ? t("range", {
              low: format.number(metric, figure.interval.low),
              high: format.number(metric, figure.interval.high),
            })
          : "–",
    },
  ];
  return (
    <section
      aria-labelledby="verdict-heading"
      className="rounded-lg border border-neutral-200 bg-white p-4"
      data-testid="pilot-result"
    >
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="verdict-heading" className="font-medium">
          {t("verdictHeading")}
        </h2>
        <VerdictBadge verdict={outcome.verdict} />
      </div>
      <p className="mt-2 text-base text-neutral-900" data-testid="verdict-sentence">
        {sentence}
      </p>
      {(isUnplanned ||
        infeasiblePlan ||
        pilot.isRetrospective ||
        isUncontrolled ||
        isExploratory) && (
        <ul className="mt-3 flex flex-col gap-1 text-sm text-amber-800">
          {isUncontrolled && (
            <li className="rounded-md bg-amber-50 px-2 py-1" data-testid="pilot-uncontrolled">
              {t("notes.uncontrolled")}
            </li>
          )}
          {isExploratory && (
            <li className="rounded-md bg-amber-50 px-2 py-1" data-testid="pilot-exploratory">
              {t("notes.exploratory")}
            </li>
          )}
          {isUnplanned && (
            <li className="rounded-md bg-amber-50 px-2 py-1" data-testid="pilot-unplanned">
              {t("notes.unplanned")}
            </li>
          )}
          {infeasiblePlan && (
            <li className="rounded-md bg-amber-50 px-2 py-1" data-testid="pilot-infeasible-plan">
              {infeasiblePlan.minSitesPerGroup !== null
                ? t("notes.infeasible", { min: infeasiblePlan.minSitesPerGroup })
                : t("notes.infeasibleUnknown")}
            </li>
          )}
          {pilot.isRetrospective && (
            <li className="rounded-md bg-amber-50 px-2 py-1" data-testid="pilot-retrospective">
              {t("notes.retrospective", { plannedOn: pilot.plannedOn, start: pilot.startDay })}
            </li>
          )}
        </ul>
      )}
      <dl className="mt-4 grid gap-3 sm:grid-cols-3">
        <div className="rounded-md bg-neutral-50 p-3" data-testid="result-difference">
          <dt className="text-xs text-neutral-600">{t("difference", { comparison })}</dt>
          <dd className="mt-0.5 text-2xl font-semibold tabular-nums">{words.difference}</dd>
          <dd className="text-xs text-neutral-600">
            {difference
              ? t(outcome.treatsAnswersAsIndependent ? "intervalIndependent" : "interval", {
                  low: words.low,
                  high: words.high,
                  level: formatNumber(difference.interval.confidence * 100, locale, 0),
                })
              : t("noTest")}
          </dd>
        </div>
        <div className="rounded-md bg-neutral-50 p-3" data-testid="result-p-value">
          <dt className="text-xs text-neutral-600">{t("pValue")}</dt>
          <dd className="mt-0.5 text-2xl font-semibold tabular-nums">{words.p}</dd>
          <dd className="text-xs text-neutral-600">
            {difference
              ? t(`tests.${outcome.test}`, {
                  statistic: formatNumber(difference.statistic, locale, 2),
                  df: difference.df === null ? "" : formatNumber(difference.df, locale, 1),
                })
              : t(`testNames.${outcome.test}`)}
          </dd>
        </div>
        <div className="rounded-md bg-neutral-50 p-3" data-testid="result-sample">
          <dt className="text-xs text-neutral-600">{t("sample")}</dt>
          <dd className="mt-0.5 text-2xl font-semibold tabular-nums">
            {t("sampleValue", {
              pilot: formatInteger(outcome.pilot.n, locale),
              control: formatInteger(outcome.control.n, locale),
            })}
          </dd>
          <dd className="text-xs text-neutral-600">
            {outcome.plannedPerGroup !== null
              ? t("planned", { n: words.planned })
              : t(infeasiblePlan ? "infeasiblePlan" : "noPlan")}
          </dd>
        </div>
      </dl>
      <Table
        columns={columns}
        rows={groups}
        rowKey={(group) => group.key}
        rowProps={(group) => ({ "data-testid": `group-${group.key}` })}
        caption={t("groupsCaption")}
        frame="none"
        density="compact"
        className="mt-4"
      />
      <p className="mt-3 text-xs text-neutral-500">{t(`method.${outcome.test}`)}</p>
    </section>
  );
}
