import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { formatPercent } from "@/lib/format/numbers";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { localized } from "@/lib/i18n/localized";
import { getPromiseDetail, listPromiseTouchpoints } from "@/lib/promises/queries";
import { orNotFound } from "@/app/_lib/or-not-found";
import { recordAuditAction, savePromiseAction } from "../actions";
import { AuditForm } from "../_components/audit-form";
import { AuditHistory, FailedItems } from "../_components/audit-history";
import { ComplianceChart } from "../_components/compliance-chart";
import { EditPromiseButton } from "../_components/promise-form";
import { ScheduleTable } from "../_components/schedule-table";

type TProps = { params: Promise<{ promiseId: string }> };

/** Once per request: the metadata and the page share it. Another organization's promise is a 404, not an error. */
const loadPromise = cache(async (promiseId: string) => {
  const user = await requireUser("promise:read");
  return { user, detail: await orNotFound(getPromiseDetail(user, promiseId)) };
});

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const [{ detail }, locale] = await Promise.all([
    loadPromise((await params).promiseId),
    getLocale(),
  ]);
  return { title: localized(detail.promise, "title", locale) };
}

export default async function PromisePage({ params }: TProps) {
  const { user, detail } = await loadPromise((await params).promiseId);
  const canWrite = can(user.role, "promise:write");
  const [touchpoints, t, locale] = await Promise.all([
    canWrite ? listPromiseTouchpoints(user) : [],
    getTranslations("promises"),
    getLocale(),
  ]);
  const { promise } = detail;
  const siteName = (siteId: string | null) =>
    siteId ? (detail.sites.find((s) => s.id === siteId)?.name ?? siteId) : t("noSite");

  return (
    <>
      <nav className="mb-2 text-sm">
        <Link href="/promises" className="text-accent hover:underline">
          {t("detail.back")}
        </Link>
      </nav>
      <PageHeader
        title={localized(promise, "title", locale)}
        lead={promise.description}
        actions={
          canWrite && (
            <EditPromiseButton
              promise={promise}
              touchpoints={touchpoints}
              savePromise={savePromiseAction}
            />
          )
        }
      />
      <div className="flex flex-col gap-6">
        <p className="text-sm text-neutral-700" data-testid="promise-total">
          {detail.total
            ? t("detail.total", {
                rate: formatPercent(detail.total.rate, locale),
                audits: detail.total.audits,
              })
            : t("detail.noAudits")}
          {" · "}
          {t("list.every", { items: promise.checklistItems.length, days: promise.auditEveryDays })}
        </p>
        {!promise.isActive && (
          <p className="rounded-md border border-dashed border-neutral-300 px-3 py-2 text-sm text-neutral-700">
            {t("detail.inactive")}
          </p>
        )}
        <div className="grid gap-6 xl:grid-cols-2">
          <ScheduleTable
            rows={detail.schedule}
            promises={[promise]}
            sites={detail.sites}
            showPromise={false}
          />
          {promise.isActive && can(user.role, "promise:audit") && (
            <AuditForm
              promise={promise}
              sites={detail.sites}
              today={detail.today}
              recordAudit={recordAuditAction}
            />
          )}
        </div>
        <ComplianceChart
          title={t("compliance.siteTitle")}
          description={t("compliance.siteLead")}
          seriesLabel={t("schedule.site")}
          series={detail.compliance.map((s) => ({ ...s, label: siteName(s.key) }))}
          months={detail.months}
          csvSlug="promise-site-compliance"
          testId="promise-site-compliance"
        />
        <FailedItems items={detail.failedItems} />
        <AuditHistory audits={detail.audits} />
      </div>
    </>
  );
}
