"use client";
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ChartCard } from "@/components/charts/chart-card";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/action-result";
import { formatNumber } from "@/lib/format/numbers";
import type { TChartPoint, TControlChartView, TControlView } from "@/lib/control/schemas";
import { localized } from "@/lib/i18n/localized";
import { MIN_WITHIN_DF } from "@/lib/stats/chart-thresholds";
import { ChartSettingsFields } from "./chart-form";
import { ControlPlot } from "./control-plot";

type TAction = (input: unknown) => Promise<TActionResult<void>>;

type TProps = {
  chart: TControlChartView;
  projects: TControlView["projects"];
  canWrite: boolean;
  updateChart: TAction;
  deleteChart: TAction;
};

/** Flagged points listed under a chart, newest first. */
const SIGNALS_LISTED = 6;

/** One control chart: the plot or its table (CSV), the method, and every fired rule said in words. */
export function ControlChartCard({ chart, projects, canWrite, updateChart, deleteChart }: TProps) {
  const t = useTranslations("control");
  const locale = useLocale();
  const touchpoint = localized(chart.touchpoint, "name", locale);
  const metric = t(`metric.${chart.metric}`);
  const digits = chart.metric === "CSAT" ? 1 : 2;
  const ruleNames = (p: TChartPoint) => p.signals.map((s) => t(`rules.${s.rule}.name`)).join(", ");

  const title = t("charts.chartTitle", { metric, touchpoint });
  const description = t("charts.description", {
    kind: t(`kind.${chart.kind}`),
    subgroup: t(`subgroup.${chart.subgroup}`),
    from: chart.baselineFrom,
    to: chart.baselineTo,
  });
  const testId = `control-chart-${chart.touchpoint.id}-${chart.metric}`;
  const settings = canWrite && (
    <ChartSettings
      chart={chart}
      projects={projects}
      updateChart={updateChart}
      deleteChart={deleteChart}
    />
  );

  if (chart.status !== "OK") {
    // Without limits there is nothing to judge: say why, and how to fix it.
    return (
      <section
        id={`chart-${chart.id}`}
        className="rounded-lg border border-neutral-200 bg-white px-4 py-3"
        data-testid={testId}
      >
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div>
            <h4 className="text-sm font-semibold text-neutral-900">{title}</h4>
            <p className="mt-0.5 text-xs text-neutral-600">{description}</p>
          </div>
          {settings}
        </div>
        <p className="mt-4 mb-2 text-sm text-neutral-700" data-testid="control-chart-status">
          {chart.status === "NO_BASELINE_DATA"
            ? t("charts.noBaselineData")
            : chart.status === "TOO_FEW_SUBGROUPS"
              ? t("charts.tooFewSubgroups", { subgroup: t(`subgroup.${chart.subgroup}`) })
              : t("charts.noVariation")}
        </p>
      </section>
    );
  }

  return (
    <div id={`chart-${chart.id}`} className="scroll-mt-4">
      <ChartCard
        title={title}
        description={description}
        n={chart.n}
        csvSlug={`control-${chart.metric.toLowerCase()}-${chart.touchpoint.id}`}
        testId={testId}
        controls={settings}
        table={{
          columns: [
            { label: t("columns.date") },
            { label: t("columns.phase") },
            { label: t("columns.n"), format: "integer" },
            { label: t("columns.value"), format: "number", digits },
            { label: t("columns.center"), format: "number", digits },
            { label: t("columns.lower"), format: "number", digits },
            { label: t("columns.upper"), format: "number", digits },
            { label: t("columns.z"), format: "signed", digits: 2 },
            { label: t("columns.signals") },
          ],
          rows: chart.points.map((p) => [
            p.date,
            t(p.isBaseline ? "phase.baseline" : "phase.after"),
            p.n,
            p.value,
            p.center,
            p.lower,
            p.upper,
            p.z,
            ruleNames(p),
          ]),
        }}
        footer={<ChartFooter chart={chart} />}
      >
        <ControlPlot
          points={chart.points}
          digits={digits}
          yLabel={t(`metricLabel.${chart.metric}`)}
          ariaLabel={t("charts.ariaLabel", {
            metric,
            touchpoint,
            subgroup: t(`subgroup.${chart.subgroup}`),
          })}
        />
      </ChartCard>
    </div>
  );
}

/** A p-value as people read it: "< 0.001" below that, three decimals otherwise. */
const formatPValue = (p: number, locale: string) =>
  p < 0.001 ? `< ${formatNumber(0.001, locale, 3)}` : formatNumber(p, locale, 3);

function ChartFooter({ chart }: { chart: TControlChartView }) {
  const t = useTranslations("control");
  const locale = useLocale();
  // Why the baseline supports this chart (lib/stats/chart-choice.ts), with the figures behind it.
  const reasonOf = ({ reason, dispersion, withinDf, subgroup }: TControlChartView) =>
    t(`charts.reason.${reason}`, {
      subgroup: t(`subgroup.${subgroup}`),
      subgroups: t(`subgroups.${subgroup}`),
      withinDf: withinDf ?? 0,
      minDf: MIN_WITHIN_DF,
      sigmaZ: dispersion ? formatNumber(dispersion.sigmaZ, locale, 2) : "–",
      test: dispersion ? t(`charts.test.${dispersion.test}`) : "–",
      p: dispersion ? formatPValue(dispersion.pValue, locale) : "–",
    });
  const digits = chart.metric === "CSAT" ? 1 : 2;
  const after = chart.points.filter((p) => !p.isBaseline && p.signals.length > 0).reverse();
  const lines = after.flatMap((p) => p.signals.map((s) => ({ p, s })));
  const inBaseline = chart.points.filter((p) => p.isBaseline && p.signals.length > 0).length;
  return (
    <div className="flex flex-col gap-2">
      {chart.project && <p>{t("charts.project", { title: chart.project.title })}</p>}
      {chart.isProvisional && (
        <p className="font-medium text-neutral-800" data-testid="control-chart-provisional">
          {t("charts.provisional", { count: chart.baselineSubgroups })}
        </p>
      )}
      <p>{t(`charts.method.${chart.kind}`)}</p>
      <p data-testid="control-chart-reason">{reasonOf(chart)}</p>
      <div>
        <p className="font-medium text-neutral-800">{t("charts.signalsTitle")}</p>
        {lines.length === 0 ? (
          <p>{t("charts.noSignals")}</p>
        ) : (
          <ul className="mt-1 flex flex-col gap-1" data-testid="control-signals">
            {lines.slice(0, SIGNALS_LISTED).map(({ p, s }) => (
              <li
                key={`${p.date}-${s.rule}`}
                className={s.direction === "DOWN" ? "text-gap-below" : undefined}
                data-testid="control-signal"
              >
                {t("charts.signalLine", {
                  date: `${p.date} (${formatNumber(p.value, locale, digits)})`,
                  rule: t(`rules.${s.rule}.name`),
                  direction: t(`direction.${s.direction ?? "none"}`),
                  meaning: t(`rules.${s.rule}.meaning`),
                })}
              </li>
            ))}
            {lines.length > SIGNALS_LISTED && (
              <li>{t("charts.moreSignals", { count: lines.length - SIGNALS_LISTED })}</li>
            )}
          </ul>
        )}
        {inBaseline > 0 && (
          <p className="mt-1">{t("charts.baselineSignals", { count: inBaseline })}</p>
        )}
      </div>
    </div>
  );
}

function ChartSettings({ chart, projects, updateChart, deleteChart }: Omit<TProps, "canWrite">) {
  const t = useTranslations("control");
  const tCommon = useTranslations("common");
  const [isOpen, setOpen] = useState(false);
  const close = () => setOpen(false);
  const form = useActionForm(updateChart, {
    toInput: (data) => ({ ...Object.fromEntries(data), chartId: chart.id }),
    onSuccess: close,
    resetOnSuccess: false,
  });
  const remove = useActionForm(deleteChart, { onSuccess: close });
  return (
    <>
      <Button variant="secondary" className="min-h-8 px-2 text-xs" onClick={() => setOpen(true)}>
        {t("charts.edit")}
      </Button>
      <Dialog
        title={t("charts.editTitle")}
        isOpen={isOpen}
        onClose={close}
        closeLabel={tCommon("close")}
      >
        <form
          onSubmit={form.onSubmit}
          className="flex flex-col gap-3"
          data-testid="control-chart-edit"
        >
          <ChartSettingsFields
            projects={projects}
            touchpointId={chart.touchpoint.id}
            values={{
              subgroup: chart.subgroup,
              baselineFrom: chart.baselineFrom,
              baselineTo: chart.baselineTo,
              projectId: chart.project?.id ?? null,
            }}
            errorsOf={form.errorsOf}
          />
          {(form.error || remove.error) && (
            <Notice tone="error">{form.error ?? remove.error}</Notice>
          )}
          <div className="flex flex-wrap justify-between gap-2">
            <Button
              type="button"
              variant="danger"
              disabled={remove.isPending}
              onClick={() =>
                window.confirm(t("charts.deleteConfirm")) && remove.submit({ chartId: chart.id })
              }
            >
              {t("charts.delete")}
            </Button>
            <div className="flex gap-2">
              <Button type="button" variant="secondary" onClick={close}>
                {t("form.cancel")}
              </Button>
              <Button type="submit" disabled={form.isPending}>
                {t("form.save")}
              </Button>
            </div>
          </div>
        </form>
      </Dialog>
    </>
  );
}
