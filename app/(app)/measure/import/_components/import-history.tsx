import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, type TTableColumn } from "@/components/ui/table";
import type { TSurveyImportSummary } from "@/lib/imports/schemas";

/** The organization's latest imports: what came in, what was already there, what was refused. */
export async function ImportHistory({ imports }: { imports: TSurveyImportSummary[] }) {
  const [t, format] = await Promise.all([getTranslations("imports.history"), getFormatter()]);
  const columns: TTableColumn<TSurveyImportSummary>[] = [
    {
      key: "when",
      header: t("when"),
      className: "whitespace-nowrap",
      cell: (run) =>
        format.dateTime(new Date(run.createdAt), { dateStyle: "medium", timeStyle: "short" }),
    },
    { key: "file", header: t("file"), cell: (run) => run.fileName },
    { key: "who", header: t("who"), cell: (run) => run.createdBy },
    {
      key: "mode",
      header: t("mode"),
      cell: (run) => (run.validRowsOnly ? t("validOnly") : t("allOrNothing")),
    },
    {
      key: "status",
      header: t("status"),
      cell: (run) => t(`statuses.${run.status}`),
      cellProps: (run) => ({ className: run.status === "FAILED" ? "text-red-700" : undefined }),
    },
    { key: "rows", header: t("rows"), isNumeric: true, cell: (run) => run.totalRows },
    { key: "imported", header: t("imported"), isNumeric: true, cell: (run) => run.importedRows },
    {
      key: "duplicates",
      header: t("duplicates"),
      isNumeric: true,
      cell: (run) => run.duplicateRows,
    },
    { key: "errors", header: t("errors"), isNumeric: true, cell: (run) => run.errorRows },
  ];
  return (
    <section className="mt-10" aria-labelledby="import-history-heading">
      <h2 id="import-history-heading" className="mb-3 text-lg font-semibold">
        {t("heading")}
      </h2>
      <Table
        columns={columns}
        rows={imports}
        rowKey={(run) => run.id}
        rowProps={() => ({ "data-testid": "import-history-row" })}
        empty={<EmptyState title={t("empty")} />}
        testId="import-history"
      />
    </section>
  );
}
