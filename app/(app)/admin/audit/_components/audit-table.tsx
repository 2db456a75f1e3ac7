import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, type TTableColumn } from "@/components/ui/table";
import { auditSearchString, type TAuditLogEntry, type TAuditLogFilter } from "@/lib/audit/schemas";

type TProps = { entries: TAuditLogEntry[]; filter: TAuditLogFilter; emptyText: string };

/** Who did what, when and from where; the details of each entry open on demand. */
export async function AuditTable({ entries, filter, emptyText }: TProps) {
  const [t, format] = await Promise.all([getTranslations("auditLog"), getFormatter()]);
  const narrowed = (patch: Partial<TAuditLogFilter>) =>
    `/admin/audit${auditSearchString(filter, { ...patch, before: undefined })}`;
  const columns: TTableColumn<TAuditLogEntry>[] = [
    {
      key: "when",
      header: t("columns.when"),
      className: "whitespace-nowrap tabular-nums text-neutral-700",
      cell: (entry) => (
        <time dateTime={entry.at}>
          {format.dateTime(new Date(entry.at), { dateStyle: "medium", timeStyle: "medium" })}
        </time>
      ),
    },
    {
      key: "who",
      header: t("columns.who"),
      cell: (entry) =>
        entry.actor ? (
          <Link
            href={narrowed({ actorId: entry.actor.id })}
            title={t("filterByActor", { name: entry.actor.name })}
            className="hover:underline"
          >
            <span className="block font-medium">{entry.actor.name}</span>
            <span className="block text-xs text-neutral-600">{entry.actor.email}</span>
          </Link>
        ) : (
          <span className="text-neutral-500">{t("noActor")}</span>
        ),
    },
    {
      key: "what",
      header: t("columns.what"),
      cell: (entry) => (
        <>
          {t.has(`actions.${entry.action}`) && (
            <span className="block">{t(`actions.${entry.action}`)}</span>
          )}
          <code className="block text-xs text-neutral-600">{entry.action}</code>
          {Object.keys(entry.details).length > 0 && (
            <details className="mt-1">
              <summary className="cursor-pointer text-xs text-accent">{t("showDetails")}</summary>
              <pre className="mt-1 max-w-md overflow-x-auto whitespace-pre-wrap break-all rounded bg-neutral-50 p-2 text-xs">
                {JSON.stringify(entry.details, null, 2)}
              </pre>
            </details>
          )}
        </>
      ),
    },
    {
      key: "entity",
      header: t("columns.entity"),
      cell: (entry) =>
        entry.entityType && (
          <Link
            href={narrowed({ entityType: entry.entityType, entityId: entry.entityId || undefined })}
            title={t("filterByEntity", { type: entry.entityType, id: entry.entityId })}
            className="hover:underline"
          >
            <span className="block">{entry.entityType}</span>
            <code className="block max-w-40 truncate text-xs text-neutral-600">
              {entry.entityId}
            </code>
          </Link>
        ),
    },
    {
      key: "where",
      header: t("columns.where"),
      cell: (entry) => (
        <>
          <span className="block tabular-nums">{entry.ipAddress || t("noAddress")}</span>
          <span
            className="block max-w-56 truncate text-xs text-neutral-600"
            title={entry.userAgent}
          >
            {entry.userAgent}
          </span>
        </>
      ),
    },
  ];
  return (
    <Table
      columns={columns}
      rows={entries}
      rowKey={(entry) => entry.id}
      rowProps={(entry) => ({
        className: "align-top",
        "data-testid": "audit-row",
        "data-action": entry.action,
      })}
      caption={t("title")}
      empty={<EmptyState title={emptyText} />}
      testId="audit-table"
    />
  );
}
