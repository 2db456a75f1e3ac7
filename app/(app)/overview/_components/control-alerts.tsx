import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { TriangleAlert } from "lucide-react";
import { formatNumber } from "@/lib/format/numbers";
import type { TControlAlert } from "@/lib/control/schemas";
import { localized } from "@/lib/i18n/localized";
import { EMPTY_CLASS, LIST_CLASS, ROW_LINK_CLASS } from "./overview-section";

/** Touchpoints drifting back after a rollout: which rule fired, when, and how far from the center; each opens Control. */
export async function ControlAlerts({ alerts }: { alerts: TControlAlert[] }) {
  const [t, locale] = await Promise.all([getTranslations("overview.alerts"), getLocale()]);
  if (alerts.length === 0) return <p className={EMPTY_CLASS}>{t("none")}</p>;
  const show = (alert: TControlAlert, value: number) =>
    formatNumber(value, locale, alert.metric === "CSAT" ? 1 : 2);
  return (
    <ul className={LIST_CLASS}>
      {alerts.map((alert) => (
        <li key={alert.chartId} data-testid="overview-alert">
          <Link
            href="/control"
            className={`${ROW_LINK_CLASS} flex items-start gap-2`}
            aria-label={t("open", { touchpoint: localized(alert.touchpoint, "name", locale) })}
          >
            <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-gap-below" />
            <span className="min-w-0">
              <span className="block font-medium text-neutral-900">
                {t("item", { touchpoint: localized(alert.touchpoint, "name", locale) })}
              </span>
              <span className="block text-sm text-gap-below">
                {t(`rule.${alert.rule}`)} · {t(`metric.${alert.metric}`)}
              </span>
              <span className="block text-xs tabular-nums text-neutral-600">
                {t("detail", {
                  date: alert.pointDate,
                  value: show(alert, alert.value),
                  center: show(alert, alert.center),
                })}
              </span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
