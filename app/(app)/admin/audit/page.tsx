import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { listAuditLog, listAuditLogFilterOptions } from "@/lib/audit/queries";
import {
  AUDIT_EXPORT_LIMIT,
  auditSearchString,
  parseAuditLogFilter,
  type TSearchParams,
} from "@/lib/audit/schemas";
import { requireUser } from "@/lib/auth/session";
import { AuditFilters } from "./_components/audit-filters";
import { AuditTable } from "./_components/audit-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auditLog"))("title") };
}

type TProps = { searchParams: Promise<TSearchParams> };

export default async function AuditLogPage({ searchParams }: TProps) {
  const user = await requireUser("audit:read");
  const { filter, ignored } = parseAuditLogFilter(await searchParams);
  const [page, options, t] = await Promise.all([
    listAuditLog(user, filter),
    listAuditLogFilterOptions(user),
    getTranslations("auditLog"),
  ]);
  const isFiltered = Object.keys(filter).some((field) => field !== "before");
  const linkClass =
    "rounded-md border border-neutral-300 bg-white px-3 py-1.5 text-sm hover:bg-neutral-100";

  return (
    <>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
        actions={
          <div className="flex flex-col items-end gap-1">
            <a
              href={`/admin/audit/export${auditSearchString(filter, { before: undefined })}`}
              className={linkClass}
              data-testid="audit-export"
              download
            >
              {t("export")}
            </a>
            <p className="max-w-56 text-right text-xs text-neutral-600">
              {t("exportHint", { limit: AUDIT_EXPORT_LIMIT })}
            </p>
          </div>
        }
      />
      {ignored.length > 0 && (
        <div className="mb-4">
          <Notice tone="error">
            {t("filters.ignored", {
              fields: ignored.map((field) => t(`fields.${field}`)).join(", "),
            })}
          </Notice>
        </div>
      )}
      <div className="grid gap-6 xl:grid-cols-[18rem_1fr]">
        <AuditFilters filter={filter} options={options} />
        <div className="min-w-0">
          <AuditTable
            entries={page.entries}
            filter={filter}
            emptyText={isFiltered ? t("empty") : t("emptyAll")}
          />
          <nav className="mt-3 flex items-center justify-between gap-2" aria-label={t("title")}>
            <p className="text-xs text-neutral-600">{t("count", { count: page.entries.length })}</p>
            <div className="flex gap-2">
              {filter.before && (
                <Link
                  href={`/admin/audit${auditSearchString(filter, { before: undefined })}`}
                  className={linkClass}
                >
                  {t("newest")}
                </Link>
              )}
              {page.nextCursor && (
                <Link
                  href={`/admin/audit${auditSearchString(filter, { before: page.nextCursor })}`}
                  className={linkClass}
                  data-testid="audit-older"
                >
                  {t("older")}
                </Link>
              )}
            </div>
          </nav>
        </div>
      </div>
    </>
  );
}
