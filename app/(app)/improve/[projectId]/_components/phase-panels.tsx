"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { CheckCircle2, Star } from "lucide-react";
import { Table, type TTableColumn } from "@/components/ui/table";
import { formatInteger, formatNumber, formatSigned } from "@/lib/format/numbers";
import type { TInterval } from "@/lib/analytics/schemas";
import { DIMENSIONS } from "@/lib/journeys/document";
import { localized } from "@/lib/i18n/localized";
import type { TProjectDetail } from "@/lib/projects/schemas";
import type { TTargetProgress } from "@/lib/projects/targets";
import { EVALUATION_DAYS } from "@/lib/projects/windows";

// What each earlier phase produced for this project, read where it was made: the map (Define),
// the gap and the fix-first ranking (Measure), the causes and the chosen option (Analyze).

const PANEL = "rounded-lg border border-neutral-200 bg-white p-4";
const LINK = "text-sm font-medium text-accent hover:underline";

type TTouchpoints = TProjectDetail["touchpoints"];

export function DefinePanel({
  problem,
  touchpoints,
}: {
  problem: string;
  touchpoints: TTouchpoints;
}) {
  const t = useTranslations("improve.define");
  const tDimension = useTranslations("journeyMap.dimensions");
  const locale = useLocale();
  const journeys = [...new Map(touchpoints.map((tp) => [tp.journey.id, tp.journey])).values()];
  return (
    <section aria-labelledby="define-heading" className={PANEL} data-testid="panel-DEFINE">
      <h2 id="define-heading" className="font-medium">
        {t("heading")}
      </h2>
      <p className="mt-1 text-sm text-neutral-600">{t("lead")}</p>
      <h3 className="mt-3 text-sm font-semibold text-neutral-800">{t("problem")}</h3>
      <p className="mt-1 whitespace-pre-line text-sm">{problem || t("noProblem")}</p>
      <h3 className="mt-3 text-sm font-semibold text-neutral-800">{t("touchpoints")}</h3>
      <ul className="mt-1 flex flex-col gap-1">
        {touchpoints.map((tp) => (
          <li key={tp.id} className="flex flex-wrap items-center gap-2 text-sm">
            {tp.isMoT && <Star aria-label={t("mot")} className="size-3.5 fill-mot text-mot" />}
            <span className="font-medium">{localized(tp, "name", locale)}</span>
            <span className="text-xs text-neutral-600">
              {t("where", {
                stage: localized(tp.stage, "name", locale),
                dimension: tDimension(tp.dimension),
              })}
            </span>
          </li>
        ))}
      </ul>
      <div className="mt-3 flex flex-wrap gap-4">
        {journeys.map((j) => (
          <Link key={j.id} href={`/journeys/${j.id}`} className={LINK}>
            {t("openMap", { journey: localized(j, "name", locale) })}
          </Link>
        ))}
      </div>
    </section>
  );
}

/** One touchpoint's place in the fix-first ranking of its journey, with its mean gap. */
export type TTouchpointStanding = {
  touchpointId: string;
  rank: number | null;
  rankedOf: number;
  meanGap: number | null;
  gapInterval: TInterval | null;
  n: number;
};

export function MeasurePanel({
  touchpoints,
  standings,
  progress,
  targets,
}: {
  touchpoints: TTouchpoints;
  standings: TTouchpointStanding[];
  progress: TTargetProgress;
  targets: Pick<TProjectDetail, "targetGapClosed" | "targetCsatChange">;
}) {
  const t = useTranslations("improve.measure");
  const locale = useLocale();
  const byId = new Map(standings.map((s) => [s.touchpointId, s]));
  return (
    <section aria-labelledby="measure-heading" className={PANEL} data-testid="panel-MEASURE">
      <h2 id="measure-heading" className="font-medium">
        {t("heading")}
      </h2>
      <p className="mt-1 text-sm text-neutral-600">{t("lead")}</p>
      <ul className="mt-3 flex flex-col gap-2">
        {touchpoints.map((tp) => {
          const s = byId.get(tp.id);
          return (
            <li
              key={tp.id}
              className="rounded-md border border-neutral-100 px-3 py-2"
              data-testid="touchpoint-standing"
            >
              <p className="text-sm font-medium">{localized(tp, "name", locale)}</p>
              {s && s.meanGap !== null ? (
                <p className="text-xs text-neutral-700">
                  {s.gapInterval
                    ? t("gapWithInterval", {
                        gap: formatSigned(s.meanGap, locale),
                        low: formatSigned(s.gapInterval.low, locale),
                        high: formatSigned(s.gapInterval.high, locale),
                        n: formatInteger(s.n, locale),
                      })
                    : t("gap", {
                        gap: formatSigned(s.meanGap, locale),
                        n: formatInteger(s.n, locale),
                      })}
                  {" · "}
                  {s.rank !== null ? t("rank", { rank: s.rank, of: s.rankedOf }) : t("notRanked")}
                </p>
              ) : (
                <p className="text-xs text-neutral-500">{t("noData")}</p>
              )}
              <div className="mt-1 flex flex-wrap gap-4">
                <Link
                  href={`/measure/touchpoints/${tp.id}?journey=${tp.journey.id}`}
                  className="text-xs font-medium text-accent hover:underline"
                >
                  {t("drilldown")}
                </Link>
                <Link
                  href={`/measure?journey=${tp.journey.id}#fix-first`}
                  className="text-xs font-medium text-accent hover:underline"
                >
                  {t("ranking")}
                </Link>
              </div>
            </li>
          );
        })}
      </ul>
      <TargetProgress progress={progress} targets={targets} />
    </section>
  );
}

/** The touchpoints' gap and CSAT before the work began against the evaluation window from the rollout, with the targets once it is over. */
export function TargetProgress({
  progress,
  targets,
}: {
  progress: TTargetProgress;
  targets: Pick<TProjectDetail, "targetGapClosed" | "targetCsatChange">;
}) {
  const t = useTranslations("improve.progress");
  const locale = useLocale();
  const { before, after } = progress;
  const gap = (p: typeof before | null) =>
    p?.gap
      ? t("gapValue", {
          value: formatSigned(p.gap.mean, locale),
          n: formatInteger(p.gap.n, locale),
        })
      : t("noValue");
  const csat = (p: typeof before | null) =>
    p?.csat
      ? t("csatValue", {
          value: formatNumber(p.csat.value, locale, 1),
          n: formatInteger(p.csat.n, locale),
        })
      : t("noValue");
  const verdict = (isMet: boolean | null) =>
    isMet === null ? null : isMet ? t("met") : t("notMet");
  const rows = [
    {
      key: "gap",
      label: t("gap"),
      before: gap(before),
      after: gap(after),
      change: progress.gapClosed === null ? t("noValue") : formatSigned(progress.gapClosed, locale),
      target:
        targets.targetGapClosed === null
          ? t("noTarget")
          : t("targetGap", { value: formatNumber(targets.targetGapClosed, locale, 1) }),
      isMet: progress.isGapMet,
    },
    {
      key: "csat",
      label: t("csat"),
      before: csat(before),
      after: csat(after),
      change:
        progress.csatChange === null
          ? t("noValue")
          : t("points", { value: formatSigned(progress.csatChange, locale, 1) }),
      target:
        targets.targetCsatChange === null
          ? t("noTarget")
          : t("targetCsat", { value: formatNumber(targets.targetCsatChange, locale, 0) }),
      isMet: progress.isCsatMet,
    },
  ];
  const columns: TTableColumn<(typeof rows)[number]>[] = [
    { key: "measure", header: t("measure"), isRowHeader: true, cell: (r) => r.label },
    { key: "before", header: t("before"), className: "tabular-nums", cell: (r) => r.before },
    { key: "after", header: t("after"), className: "tabular-nums", cell: (r) => r.after },
    { key: "change", header: t("change"), className: "tabular-nums", cell: (r) => r.change },
    {
      key: "target",
      header: t("target"),
      cell: (r) => (
        <>
          {r.target}
          {verdict(r.isMet) && (
            <span
              className={`ml-2 inline-flex items-center gap-0.5 text-xs font-medium ${r.isMet ? "text-green-700" : "text-gap-below"}`}
            >
              {r.isMet && <CheckCircle2 aria-hidden className="size-3" />}
              {verdict(r.isMet)}
            </span>
          )}
        </>
      ),
    },
  ];
  return (
    <div className="mt-4 border-t border-neutral-100 pt-3" data-testid="target-progress">
      <h3 className="text-sm font-semibold text-neutral-800">{t("heading")}</h3>
      <p className="mt-0.5 text-xs text-neutral-600">
        {t("periods", { beforeFrom: before.from, beforeTo: before.to })}{" "}
        {after && progress.evaluation
          ? t(progress.evaluation.isComplete ? "afterPeriod" : "afterRunning", {
              from: after.from,
              to: after.to,
              days: EVALUATION_DAYS,
              end: progress.evaluation.to,
              day: progress.evaluation.verdictDay,
            })
          : t("noRollout")}
      </p>
      <Table
        columns={columns}
        rows={rows}
        rowKey={(row) => row.key}
        rowProps={(row) => ({ "data-testid": `progress-${row.key}` })}
        caption={t("heading")}
        frame="none"
        density="compact"
        className="mt-2"
      />
    </div>
  );
}

export function AnalyzePanel({
  projectId,
  causes,
  chosenOption,
  optionCount,
}: Pick<TProjectDetail, "causes" | "chosenOption" | "optionCount"> & { projectId: string }) {
  const t = useTranslations("improve.analyze");
  const tDimension = useTranslations("journeyMap.dimensions");
  return (
    <section aria-labelledby="analyze-heading" className={PANEL} data-testid="panel-ANALYZE">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="analyze-heading" className="font-medium">
          {t("heading")}
        </h2>
        <Link href={`/analyze/${projectId}`} className={LINK}>
          {t("open")}
        </Link>
      </div>
      <p className="mt-1 text-sm text-neutral-600">{t("lead")}</p>
      <div className="mt-3 grid gap-3 md:grid-cols-3">
        {DIMENSIONS.map((dimension) => {
          const own = causes.filter((c) => c.dimension === dimension);
          return (
            <div key={dimension} className="rounded-md bg-neutral-50 p-3">
              <h3 className="text-sm font-semibold text-neutral-800">{tDimension(dimension)}</h3>
              {own.length === 0 ? (
                <p className="mt-1 text-xs text-neutral-500">{t("noCauses")}</p>
              ) : (
                <ul className="mt-1 flex flex-col gap-1 text-sm">
                  {own.map((c) => (
                    <li key={c.id}>
                      {c.description}
                      <span className="text-xs text-neutral-500">
                        {t("frequency", { count: c.frequency })}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
      </div>
      <h3 className="mt-3 text-sm font-semibold text-neutral-800">{t("chosen")}</h3>
      <p className="mt-1 text-sm" data-testid="chosen-option">
        {chosenOption ? chosenOption.description : t("noChoice", { count: optionCount })}
      </p>
    </section>
  );
}
