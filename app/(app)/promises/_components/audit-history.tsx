"use client";
import { useTranslations } from "next-intl";
import { CheckCircle2, XCircle } from "lucide-react";
import { ChartCard } from "@/components/charts/chart-card";
import type { TPromiseAudit, TPromiseDetail } from "@/lib/promises/schemas";

/** Which checklist items fail most, over every audit of the promise: where to act first. */
export function FailedItems({ items }: { items: TPromiseDetail["failedItems"] }) {
  const t = useTranslations("promises.detail");
  return (
    <ChartCard
      title={t("failedItems")}
      description={t("failedItemsLead")}
      csvSlug="promise-failed-items"
      testId="promise-failed-items"
      table={{
        columns: [
          { label: t("item") },
          { label: t("checked"), format: "integer" },
          { label: t("failed"), format: "integer" },
          { label: t("failRate"), format: "number", digits: 1 },
        ],
        rows: items.map((i) => [
          i.item,
          i.audits,
          i.failed,
          i.audits ? (100 * i.failed) / i.audits : null,
        ]),
      }}
    />
  );
}

/** The audits, newest first, each with its checklist and evidence. */
export function AuditHistory({ audits }: { audits: TPromiseAudit[] }) {
  const t = useTranslations("promises");
  return (
    <section
      aria-labelledby="audit-history"
      className="rounded-lg border border-neutral-200 bg-white p-4"
    >
      <h2 id="audit-history" className="font-medium">
        {t("detail.history")}
      </h2>
      <p className="mt-1 text-sm text-neutral-600">{t("detail.historyLead")}</p>
      {audits.length === 0 ? (
        <p className="mt-3 text-sm text-neutral-600">{t("detail.noAudits")}</p>
      ) : (
        <ul className="mt-3 flex flex-col gap-2">
          {audits.map((audit) => (
            <li
              key={audit.id}
              className="rounded-md border border-neutral-100 px-3 py-2"
              data-testid="promise-audit"
              data-passed={audit.passed}
            >
              <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
                <span className="flex items-center gap-2">
                  {audit.passed ? (
                    <CheckCircle2 aria-hidden className="size-4 text-green-700" />
                  ) : (
                    <XCircle aria-hidden className="size-4 text-gap-below" />
                  )}
                  <span className="font-medium">
                    {t(audit.passed ? "detail.passed" : "detail.failedAudit")}
                  </span>
                  <span className="text-neutral-700">
                    {t("detail.auditLine", {
                      date: audit.auditedOn,
                      site: audit.site?.name ?? t("noSite"),
                    })}
                  </span>
                </span>
                <span className="text-xs text-neutral-600">
                  {t("detail.itemsMet", {
                    met: audit.checklist.filter((c) => c.passed).length,
                    total: audit.checklist.length,
                  })}
                  {audit.auditor && ` · ${t("detail.by", { name: audit.auditor })}`}
                </span>
              </div>
              {audit.evidence && <p className="mt-1 text-xs text-neutral-700">{audit.evidence}</p>}
              <details className="mt-1 text-sm">
                <summary className="cursor-pointer text-xs text-accent">
                  {t("detail.showChecklist")}
                </summary>
                <ul className="mt-1 flex flex-col gap-1">
                  {audit.checklist.map((entry) => (
                    <li key={entry.item} className="text-xs">
                      <span
                        className={entry.passed ? "text-green-800" : "font-medium text-gap-below"}
                      >
                        {t(entry.passed ? "detail.itemPassed" : "detail.itemFailed")}
                      </span>
                      <span className="text-neutral-900">{` · ${entry.item}`}</span>
                      {entry.evidence && (
                        <span className="text-neutral-600">{` — ${entry.evidence}`}</span>
                      )}
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
