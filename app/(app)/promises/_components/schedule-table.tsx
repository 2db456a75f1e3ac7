"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { TPromise, TScheduleRow, TSiteRef } from "@/lib/promises/schemas";
import { localized } from "@/lib/i18n/localized";
import { Table, type TTableColumn } from "@/components/ui/table";

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
  const promiseColumn: TTableColumn<TScheduleRow> = {
    key: "promise",
    header: t("schedule.promise"),
    cell: (row) => {
      const promise = promiseById.get(row.promiseId);
      return (
        promise && (
          <Link href={`/promises/${promise.id}`} className="text-accent hover:underline">
            {localized(promise, "title", locale)}
          </Link>
        )
      );
    },
  };
  const columns: TTableColumn<TScheduleRow>[] = [
    ...(showPromise ? [promiseColumn] : []),
    { key: "site", header: t("schedule.site"), cell: (row) => siteName(row.siteId) },
    {
      key: "lastAudit",
      header: t("schedule.lastAudit"),
      className: "tabular-nums",
      cell: (row) =>
        row.lastAuditedOn === null
          ? t("schedule.never")
          : t(row.lastPassed ? "schedule.passed" : "schedule.failed", {
              date: row.lastAuditedOn,
            }),
    },
    { key: "due", header: t("schedule.due"), className: "tabular-nums", cell: (row) => row.dueOn },
    {
      key: "state",
      header: t("schedule.state"),
      cell: (row) => (
        <>
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
        </>
      ),
    },
  ];
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
      <Table
        columns={columns}
        rows={rows}
        rowKey={(row) => `${row.promiseId}-${row.siteId}`}
        rowProps={(row) => ({ "data-testid": "promise-schedule-row", "data-status": row.status })}
        empty={<p className="mt-3 text-sm text-neutral-600">{t("schedule.none")}</p>}
        frame="none"
        density="compact"
        isScrollable
        className="mt-3"
      />
    </section>
  );
}
