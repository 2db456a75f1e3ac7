"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { AlertTriangle } from "lucide-react";
import { formatNumber } from "@/lib/format/numbers";
import type { TControlAlert } from "@/lib/control/schemas";
import { localized } from "@/lib/i18n/localized";

/** The project's control charts that flag a drift back: which touchpoint, which rule, since when. */
export function ControlAlerts({
  alerts,
  hasCharts,
}: {
  alerts: TControlAlert[];
  hasCharts: boolean;
}) {
  const t = useTranslations("improve.alerts");
  const tControl = useTranslations("control");
  const locale = useLocale();
  const value = (alert: TControlAlert, v: number) =>
    alert.metric === "CSAT"
      ? t("percent", { value: formatNumber(v, locale, 1) })
      : formatNumber(v, locale, 2);
  return (
    <section
      aria-labelledby="alerts-heading"
      className="rounded-lg border border-neutral-200 bg-white p-4"
      data-testid="project-control-alerts"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="alerts-heading" className="font-medium">
          {t("heading")}
        </h2>
        <Link href="/control" className="text-sm text-accent hover:underline">
          {t("openControl")}
        </Link>
      </div>
      {alerts.length === 0 ? (
        <p className="mt-2 text-sm text-neutral-600" data-testid="no-control-alerts">
          {hasCharts ? t("none") : t("noCharts")}
        </p>
      ) : (
        <ul className="mt-2 flex flex-col gap-2">
          {alerts.map((alert) => (
            <li
              key={alert.chartId}
              className="flex items-start gap-2 rounded-md border border-orange-200 bg-orange-50/60 px-3 py-2 text-sm"
              data-testid="project-control-alert"
              data-rule={alert.rule}
            >
              <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0 text-gap-below" />
              <div className="min-w-0">
                <p className="font-medium">
                  {t("title", {
                    touchpoint: localized(alert.touchpoint, "name", locale),
                    metric: t(`metrics.${alert.metric}`),
                  })}
                </p>
                <p className="text-xs text-neutral-700">
                  {t("detail", {
                    rule: tControl(`rules.${alert.rule}.name`),
                    day: alert.pointDate,
                    value: value(alert, alert.value),
                    center: value(alert, alert.center),
                  })}
                </p>
                <Link
                  href={`/control#chart-${alert.chartId}`}
                  className="text-xs font-medium text-accent hover:underline"
                >
                  {t("seeChart")}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
