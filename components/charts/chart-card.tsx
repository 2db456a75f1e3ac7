"use client";
import { useId, useState, type ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { BarChart3, Download, Table2 } from "lucide-react";
import { formatInteger } from "@/lib/format/numbers";
import { DataTable, type TTable } from "./data-table";
import { downloadCsv } from "./download-csv";

type TProps = {
  /** The question the chart answers ("Where does experience fall short?"). */
  title: string;
  /** One line under the title: what is plotted, in which unit. */
  description?: string;
  /** Observations behind the chart. */
  n?: number;
  /** The chart's data: the table view and the CSV. */
  table: TTable;
  /** ASCII name of the exported file. */
  csvSlug: string;
  /** The chart; omitted for cards that are only a table. */
  children?: ReactNode;
  /** Under the chart: a legend, a note on the method. */
  footer?: ReactNode;
  /** Beside the title, shown in chart and table view alike: e.g. what the rows are sliced by. */
  controls?: ReactNode;
  testId?: string;
};

/**
 * The frame every chart sits in: a title that says what it answers, n, a toggle between the
 * chart and its table, CSV export of that table, and a designed empty state.
 */
export function ChartCard({
  title,
  description,
  n,
  table,
  csvSlug,
  children,
  footer,
  controls,
  testId,
}: TProps) {
  const t = useTranslations("measure.chart");
  const locale = useLocale();
  const headingId = useId();
  const [isTable, setTable] = useState(children === undefined);
  const isEmpty = table.rows.length === 0;
  const canToggle = children !== undefined && !isEmpty;

  return (
    <section
      aria-labelledby={headingId}
      className="flex min-w-0 flex-col rounded-lg border border-neutral-200 bg-white"
      data-testid={testId}
    >
      <header className="flex flex-wrap items-start justify-between gap-2 border-b border-neutral-100 px-4 py-3">
        <div className="min-w-0">
          <h3 id={headingId} className="text-sm font-semibold text-neutral-900">
            {title}
          </h3>
          {(description || n !== undefined) && (
            <p className="mt-0.5 text-xs text-neutral-600">
              {description}
              {description && n !== undefined && " · "}
              {n !== undefined && t("n", { n: formatInteger(n, locale) })}
            </p>
          )}
        </div>
        <div className="flex flex-wrap items-center justify-end gap-2">
          {controls}
          {!isEmpty && (
            <div className="flex shrink-0 items-center gap-1">
              {canToggle && (
                <button
                  type="button"
                  onClick={() => setTable(!isTable)}
                  aria-pressed={isTable}
                  className="inline-flex h-8 items-center gap-1.5 rounded-md border border-neutral-200 px-2 text-xs text-neutral-700 hover:bg-neutral-100"
                >
                  {isTable ? (
                    <BarChart3 aria-hidden className="size-3.5" />
                  ) : (
                    <Table2 aria-hidden className="size-3.5" />
                  )}
                  {isTable ? t("showChart") : t("showTable")}
                </button>
              )}
              <button
                type="button"
                onClick={() =>
                  downloadCsv(
                    csvSlug,
                    table.columns.map((c) => c.label),
                    table.rows,
                  )
                }
                className="inline-flex h-8 items-center gap-1.5 rounded-md border border-neutral-200 px-2 text-xs text-neutral-700 hover:bg-neutral-100"
                aria-label={t("downloadCsvOf", { title })}
              >
                <Download aria-hidden className="size-3.5" />
                {t("csv")}
              </button>
            </div>
          )}
        </div>
      </header>
      <div className="min-w-0 flex-1 px-4 py-3">
        {isEmpty ? (
          <div
            className="flex min-h-32 flex-col items-center justify-center text-center"
            data-testid="chart-empty"
          >
            <p className="text-sm font-medium text-neutral-700">{t("emptyTitle")}</p>
            <p className="mt-1 max-w-sm text-xs text-neutral-500">{t("emptyLead")}</p>
          </div>
        ) : isTable ? (
          <DataTable table={table} caption={title} />
        ) : (
          children
        )}
      </div>
      {footer && !isEmpty && (
        <footer className="border-t border-neutral-100 px-4 py-2 text-xs text-neutral-600">
          {footer}
        </footer>
      )}
    </section>
  );
}
