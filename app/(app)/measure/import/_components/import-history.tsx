import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import type { TSurveyImportSummary } from "@/lib/imports/schemas";

/** The organization's latest imports: what came in, what was already there, what was refused. */
export async function ImportHistory({ imports }: { imports: TSurveyImportSummary[] }) {
  const [t, format] = await Promise.all([getTranslations("imports.history"), getFormatter()]);
  return (
    <section className="mt-10" aria-labelledby="import-history-heading">
      <h2 id="import-history-heading" className="mb-3 text-lg font-semibold">
        {t("heading")}
      </h2>
      {imports.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
          <table className="min-w-full text-left text-sm" data-testid="import-history">
            <thead className="bg-neutral-50 text-xs text-neutral-600">
              <tr>
                {(
                  [
                    "when",
                    "file",
                    "who",
                    "mode",
                    "status",
                    "rows",
                    "imported",
                    "duplicates",
                    "errors",
                  ] as const
                ).map((column) => (
                  <th key={column} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                    {t(column)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {imports.map((run) => (
                <tr
                  key={run.id}
                  className="border-t border-neutral-100"
                  data-testid="import-history-row"
                >
                  <td className="px-3 py-2 whitespace-nowrap">
                    {format.dateTime(new Date(run.createdAt), {
                      dateStyle: "medium",
                      timeStyle: "short",
                    })}
                  </td>
                  <td className="px-3 py-2">{run.fileName}</td>
                  <td className="px-3 py-2">{run.createdBy}</td>
                  <td className="px-3 py-2">
                    {run.validRowsOnly ? t("validOnly") : t("allOrNothing")}
                  </td>
                  <td className={`px-3 py-2 ${run.status === "FAILED" ? "text-red-700" : ""}`}>
                    {t(`statuses.${run.status}`)}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{run.totalRows}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{run.importedRows}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{run.duplicateRows}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{run.errorRows}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
