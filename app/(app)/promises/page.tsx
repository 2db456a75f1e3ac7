import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatPercent } from "@/lib/format/numbers";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { localized } from "@/lib/i18n/localized";
import { getPromisesView } from "@/lib/promises/queries";
import { savePromiseAction } from "./actions";
import { ComplianceChart } from "./_components/compliance-chart";
import { PromiseForm } from "./_components/promise-form";
import { ScheduleTable } from "./_components/schedule-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("promises"))("title") };
}

export default async function PromisesPage() {
  const user = await requireUser("promise:read");
  const [view, t, locale] = await Promise.all([
    getPromisesView(user),
    getTranslations("promises"),
    getLocale(),
  ]);
  const promiseById = new Map(view.promises.map((p) => [p.id, p]));
  const complianceOf = new Map(view.compliance.map((s) => [s.key, s]));
  const overdueOf = (promiseId: string) =>
    view.schedule.filter((r) => r.promiseId === promiseId && r.status === "OVERDUE").length;

  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <div className="flex flex-col gap-6">
        <ScheduleTable
          rows={view.schedule}
          promises={view.promises}
          sites={view.sites}
          showPromise
        />
        <ComplianceChart
          title={t("compliance.title")}
          description={t("compliance.lead")}
          seriesLabel={t("schedule.promise")}
          series={view.compliance.map((s) => ({
            ...s,
            label: s.key
              ? localized(
                  promiseById.get(s.key) ?? { titleKo: s.key, titleEn: s.key },
                  "title",
                  locale,
                )
              : "",
          }))}
          months={view.months}
          csvSlug="promise-compliance"
          testId="promise-compliance"
        />
        <section aria-labelledby="promise-list" className="flex flex-col gap-3">
          <h2 id="promise-list" className="font-medium">
            {t("list.title")}
          </h2>
          {view.promises.length === 0 ? (
            <EmptyState title={t("list.none")}>{t("list.noneLead")}</EmptyState>
          ) : (
            <ul className="grid gap-3 lg:grid-cols-2">
              {view.promises.map((p) => {
                const total = complianceOf.get(p.id)?.total;
                const overdue = overdueOf(p.id);
                return (
                  <li
                    key={p.id}
                    className={`rounded-lg border bg-white p-4 ${p.isActive ? "border-neutral-200" : "border-dashed border-neutral-300 opacity-80"}`}
                    data-testid="promise"
                  >
                    <div className="flex items-start justify-between gap-3">
                      <Link
                        href={`/promises/${p.id}`}
                        className="font-medium text-accent hover:underline"
                      >
                        {localized(p, "title", locale)}
                      </Link>
                      {!p.isActive && (
                        <span className="shrink-0 rounded bg-neutral-100 px-1.5 py-0.5 text-xs text-neutral-700">
                          {t("list.inactive")}
                        </span>
                      )}
                    </div>
                    {p.description && (
                      <p className="mt-1 text-sm text-neutral-700">{p.description}</p>
                    )}
                    <p className="mt-2 text-xs text-neutral-600">
                      {t("list.every", { items: p.checklistItems.length, days: p.auditEveryDays })}
                    </p>
                    {p.touchpoint && (
                      <p className="text-xs text-neutral-600">
                        {t("list.touchpoint", { name: localized(p.touchpoint, "name", locale) })}
                      </p>
                    )}
                    <p className="mt-1 text-sm">
                      {total
                        ? t("list.rate", {
                            rate: formatPercent(total.rate, locale),
                            audits: total.audits,
                          })
                        : t("list.noAudits")}
                      {overdue > 0 && (
                        <span className="ml-2 font-medium text-gap-below">
                          {t("list.overdue", { count: overdue })}
                        </span>
                      )}
                    </p>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
        {can(user.role, "promise:write") && (
          <section
            aria-labelledby="new-promise"
            className="rounded-lg border border-neutral-200 bg-white p-4"
          >
            <h2 id="new-promise" className="mb-3 font-medium">
              {t("form.title")}
            </h2>
            <PromiseForm touchpoints={view.touchpoints} savePromise={savePromiseAction} />
          </section>
        )}
      </div>
    </>
  );
}
