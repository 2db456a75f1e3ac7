"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { TPromise, TScheduleRow, TSiteRef } from "@/lib/promises/schemas";
import { localized } from "@/lib/i18n/localized";

type TProps = {
  rows: TScheduleRow[];
  promises: TPromise[];
  sites: TSiteRef[];
  showPromise: boolean;
};

const STATUS_STYLES: Record<TScheduleRow["status"], string> = {
  OVERDUE: "bg-orange-100 text-orange-900",
  DUE_SOON: "bg-amber-50 text-amber-900",
  SCHEDULED: "bg-neutral-100 text-neutral-700",
};

/** Due and overdue audits, per promise and site, most overdue first. */
export function ScheduleTable({ rows, promises, sites, showPromise }: TProps) {
  const t = useTranslations("promises");
  const locale = useLocale();
  const promiseById = new Map(promises.map((p) => [p.id, p]));
  const siteName = (siteId: string | null) =>
    siteId ? (sites.find((s) => s.id === siteId)?.name ?? siteId) : t("noSite");
  return (
    <section
      aria-labelledby="promise-schedule"
      className="rounded-lg border border-neutral-200 bg-white p-4"
      data-testid="promise-schedule"
    >
      <h2 id="promise-schedule" className="font-medium">
        {t("schedule.title")}
      </h2>
      <p className="mt-1 text-sm text-neutral-600">{t("schedule.lead")}</p>
      {rows.length === 0 ? (
        <p className="mt-3 text-sm text-neutral-600">{t("schedule.none")}</p>
      ) : (
        <div className="mt-3 max-h-96 overflow-auto">
          <table className="w-full border-collapse text-sm">
            <thead className="sticky top-0 bg-white">
              <tr className="border-b border-neutral-200 text-left text-xs text-neutral-600">
                {showPromise && (
                  <th scope="col" className="px-2 py-1.5 font-medium">
                    {t("schedule.promise")}
                  </th>
                )}
                <th scope="col" className="px-2 py-1.5 font-medium">
                  {t("schedule.site")}
                </th>
                <th scope="col" className="px-2 py-1.5 font-medium">
                  {t("schedule.lastAudit")}
                </th>
                <th scope="col" className="px-2 py-1.5 font-medium">
                  {t("schedule.due")}
                </th>
                <th scope="col" className="px-2 py-1.5 font-medium">
                  {t("schedule.state")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const promise = promiseById.get(row.promiseId);
                return (
                  <tr
                    key={`${row.promiseId}-${row.siteId}`}
                    className="border-b border-neutral-100 last:border-0"
                    data-testid="promise-schedule-row"
                    data-status={row.status}
                  >
                    {showPromise && (
                      <td className="px-2 py-1.5">
                        {promise && (
                          <Link
                            href={`/promises/${promise.id}`}
                            className="text-accent hover:underline"
                          >
                            {localized(promise, "title", locale)}
                          </Link>
                        )}
                      </td>
                    )}
                    <td className="px-2 py-1.5">{siteName(row.siteId)}</td>
                    <td className="px-2 py-1.5 tabular-nums">
                      {row.lastAuditedOn === null
                        ? t("schedule.never")
                        : t(row.lastPassed ? "schedule.passed" : "schedule.failed", {
                            date: row.lastAuditedOn,
                          })}
                    </td>
                    <td className="px-2 py-1.5 tabular-nums">{row.dueOn}</td>
                    <td className="px-2 py-1.5">
                      <span
                        className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLES[row.status]}`}
                      >
                        {t(`status.${row.status}`)}
                      </span>{" "}
                      <span className="text-xs text-neutral-600">
                        {row.daysOverdue > 0
                          ? t("schedule.overdueBy", { days: row.daysOverdue })
                          : t("schedule.dueIn", { days: -row.daysOverdue })}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
