"use client";
import { useFormatter, useTranslations } from "next-intl";
import { Table, type TTableColumn } from "@/components/ui/table";
import { SCORE_FIELDS, type TPreviewRow } from "@/lib/imports/schemas";

/** The first rows of the file as they will be stored: names resolved, dates read, scores checked. */
export function PreviewTable({ rows }: { rows: TPreviewRow[] }) {
  const t = useTranslations("imports");
  const tSource = useTranslations("observationSources");
  const format = useFormatter();
  const columns: TTableColumn<TPreviewRow>[] = [
    {
      key: "line",
      header: t("preview.line"),
      className: "tabular-nums text-neutral-500",
      cell: (row) => row.line,
    },
    { key: "touchpoint", header: t("fields.touchpoint"), cell: (row) => row.touchpoint },
    { key: "driver", header: t("fields.driver"), cell: (row) => row.driver },
    { key: "segment", header: t("fields.segment"), cell: (row) => row.segment },
    { key: "site", header: t("fields.site"), cell: (row) => row.site },
    { key: "source", header: t("fields.source"), cell: (row) => tSource(row.source) },
    {
      key: "observedAt",
      header: t("fields.observedAt"),
      className: "whitespace-nowrap tabular-nums",
      cell: (row) =>
        format.dateTime(new Date(row.observedAt), { dateStyle: "medium", timeStyle: "short" }),
    },
    ...SCORE_FIELDS.map((field): TTableColumn<TPreviewRow> => ({
      key: field,
      header: t(`fields.${field}`),
      isNumeric: true,
      cell: (row) => row.scores[field] ?? "",
    })),
    {
      key: "comment",
      header: t("fields.comment"),
      className: "max-w-xs truncate",
      cell: (row) => row.comment,
      cellProps: (row) => ({ title: row.comment }),
    },
  ];
  return (
    <Table
      columns={columns}
      rows={rows}
      rowKey={(row) => String(row.line)}
      empty={<p className="text-sm text-neutral-600">{t("preview.none")}</p>}
      density="compact"
      testId="preview-table"
    />
  );
}
