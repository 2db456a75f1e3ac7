"use client";
import { useState } from "react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { AlertTriangle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/action-result";
import { formatNumber } from "@/lib/format/numbers";
import type { TControlAlert, TControlChartView } from "@/lib/control/schemas";
import { localized } from "@/lib/i18n/localized";

type TProps = {
  alerts: TControlAlert[];
  /** The project each chart guards, with its state (whether it is already back in Improve). */
  projects: Record<string, NonNullable<TControlChartView["project"]>>;
  canReopen: boolean;
  reopenProject: (input: unknown) => Promise<TActionResult<void>>;
};

/** The touchpoints drifting back, worst rule first; a chart guarding a project can send it back to Improve. */
export function AlertList({ alerts, projects, canReopen, reopenProject }: TProps) {
  const t = useTranslations("control.alerts");
  return (
    <section
      aria-labelledby="control-alerts"
      className="rounded-lg border border-neutral-200 bg-white p-4"
      data-testid="control-alerts"
    >
      <h2 id="control-alerts" className="font-medium">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-neutral-600">{t("lead")}</p>
      {alerts.length === 0 ? (
        <div
          className="mt-3 rounded-md border border-dashed border-neutral-300 px-4 py-6 text-center"
          data-testid="control-no-alerts"
        >
          <p className="text-sm font-medium text-neutral-800">{t("none")}</p>
          <p className="mt-1 text-xs text-neutral-600">{t("noneLead")}</p>
        </div>
      ) : (
        <ul className="mt-3 flex flex-col gap-2">
          {alerts.map((alert) => (
            <AlertItem
              key={alert.chartId}
              alert={alert}
              project={alert.projectId ? projects[alert.projectId] : undefined}
              canReopen={canReopen}
              reopenProject={reopenProject}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function AlertItem({
  alert,
  project,
  canReopen,
  reopenProject,
}: {
  alert: TControlAlert;
  project?: NonNullable<TControlChartView["project"]>;
  canReopen: boolean;
  reopenProject: TProps["reopenProject"];
}) {
  const t = useTranslations("control");
  const tCommon = useTranslations("common");
  const locale = useLocale();
  const [isOpen, setOpen] = useState(false);
  const reopen = useActionForm(reopenProject, { onSuccess: () => setOpen(false) });
  const digits = alert.metric === "CSAT" ? 1 : 2;
  const isOpenInImprove = project?.phase === "IMPROVE" && project.status === "ACTIVE";
  const others = alert.rules.filter((rule) => rule !== alert.rule);
  return (
    <li
      className="rounded-md border border-orange-200 bg-orange-50/60 px-3 py-2"
      data-testid="control-alert"
      data-chart-id={alert.chartId}
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="flex items-center gap-1.5 text-sm font-medium text-neutral-900">
            <AlertTriangle aria-hidden className="size-4 shrink-0 text-gap-below" />
            {t("alerts.headline", {
              touchpoint: localized(alert.touchpoint, "name", locale),
              metric: t(`metric.${alert.metric}`),
            })}
          </p>
          <p className="mt-0.5 text-sm text-neutral-800">
            <span className="font-medium">{t(`rules.${alert.rule}.name`)}</span>
            {" — "}
            {t(`rules.${alert.rule}.meaning`)}
          </p>
          <p className="mt-0.5 text-xs text-neutral-600">
            {t("alerts.facts", {
              date: alert.pointDate,
              value: formatNumber(alert.value, locale, digits),
              center: formatNumber(alert.center, locale, digits),
            })}
            {others.length > 0 &&
              ` · ${t("alerts.alsoRules", { rules: others.map((rule) => t(`rules.${rule}.name`)).join(", ") })}`}
          </p>
          {project && (
            <p className="mt-0.5 text-xs text-neutral-600">
              {t("alerts.project", { title: project.title })}
            </p>
          )}
        </div>
        <div className="flex shrink-0 flex-wrap items-center gap-2 text-sm">
          <a href={`#chart-${alert.chartId}`} className="font-medium text-accent hover:underline">
            {t("alerts.seeChart")}
          </a>
          {project && (
            <Link
              href={`/improve/${project.id}`}
              className="font-medium text-accent hover:underline"
            >
              {t("alerts.openProject")}
            </Link>
          )}
          {project && canReopen && !isOpenInImprove && (
            <Button
              variant="danger"
              className="min-h-8 px-3"
              onClick={() => setOpen(true)}
              data-testid="control-reopen"
            >
              {t("alerts.reopen")}
            </Button>
          )}
          {project && isOpenInImprove && (
            <span className="text-xs text-neutral-600">{t("alerts.alreadyOpen")}</span>
          )}
        </div>
      </div>
      {reopen.isSuccess && <Notice tone="success">{t("alerts.reopened")}</Notice>}
      {project && (
        <Dialog
          title={t("alerts.reopenTitle", { title: project.title })}
          description={t("alerts.reopenLead")}
          isOpen={isOpen}
          onClose={() => setOpen(false)}
          closeLabel={tCommon("close")}
        >
          {reopen.error && <Notice tone="error">{reopen.error}</Notice>}
          <div className="mt-3 flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t("form.cancel")}
            </Button>
            <Button
              variant="danger"
              disabled={reopen.isPending}
              onClick={() => reopen.submit({ projectId: project.id, chartId: alert.chartId })}
              data-testid="control-reopen-confirm"
            >
              {t("alerts.reopenConfirm")}
            </Button>
          </div>
        </Dialog>
      )}
    </li>
  );
}
