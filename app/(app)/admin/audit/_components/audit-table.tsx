import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { auditSearchString, type TAuditLogEntry, type TAuditLogFilter } from "@/lib/audit/schemas";

type TProps = { entries: TAuditLogEntry[]; filter: TAuditLogFilter; emptyText: string };

/** Who did what, when and from where; the details of each entry open on demand. */
export async function AuditTable({ entries, filter, emptyText }: TProps) {
  const [t, format] = await Promise.all([getTranslations("auditLog"), getFormatter()]);
  if (entries.length === 0) return <EmptyState title={emptyText} />;
  const narrowed = (patch: Partial<TAuditLogFilter>) =>
    `/admin/audit${auditSearchString(filter, { ...patch, before: undefined })}`;
  const cell = "px-3 py-2 align-top";
  return (
    <section className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="audit-table">
        <caption className="sr-only">{t("title")}</caption>
        <thead className="border-b border-neutral-200 bg-neutral-50 text-xs text-neutral-600">
          <tr>
            {(["when", "who", "what", "entity", "where"] as const).map((column) => (
              <th key={column} scope="col" className="px-3 py-2 font-medium">
                {t(`columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr
              key={entry.id}
              className="border-b border-neutral-100 last:border-0"
              data-testid="audit-row"
              data-action={entry.action}
            >
              <td className={`${cell} whitespace-nowrap tabular-nums text-neutral-700`}>
                <time dateTime={entry.at}>
                  {format.dateTime(new Date(entry.at), {
                    dateStyle: "medium",
                    timeStyle: "medium",
                  })}
                </time>
              </td>
              <td className={cell}>
                {entry.actor ? (
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
                )}
              </td>
              <td className={cell}>
                {t.has(`actions.${entry.action}`) && (
                  <span className="block">{t(`actions.${entry.action}`)}</span>
                )}
                <code className="block text-xs text-neutral-600">{entry.action}</code>
                {Object.keys(entry.details).length > 0 && (
                  <details className="mt-1">
                    <summary className="cursor-pointer text-xs text-accent">
                      {t("showDetails")}
                    </summary>
                    <pre className="mt-1 max-w-md overflow-x-auto whitespace-pre-wrap break-all rounded bg-neutral-50 p-2 text-xs">
                      {JSON.stringify(entry.details, null, 2)}
                    </pre>
                  </details>
                )}
              </td>
              <td className={cell}>
                {entry.entityType && (
                  <Link
                    href={narrowed({
                      entityType: entry.entityType,
                      entityId: entry.entityId || undefined,
                    })}
                    title={t("filterByEntity", { type: entry.entityType, id: entry.entityId })}
                    className="hover:underline"
                  >
                    <span className="block">{entry.entityType}</span>
                    <code className="block max-w-40 truncate text-xs text-neutral-600">
                      {entry.entityId}
                    </code>
                  </Link>
                )}
              </td>
              <td className={cell}>
                <span className="block tabular-nums">{entry.ipAddress || t("noAddress")}</span>
                <span
                  className="block max-w-56 truncate text-xs text-neutral-600"
                  title={entry.userAgent}
                >
                  {entry.userAgent}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
