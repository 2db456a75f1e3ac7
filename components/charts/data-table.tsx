"use client";
import { useLocale } from "next-intl";
import { Table, type TTableColumn } from "@/components/ui/table";
import { formatNumber, formatSigned } from "@/lib/format/numbers";
import type { TCell } from "@/lib/exports/csv";

export type TColumn = {
  label: string;
  /** Numbers are right-aligned and shown with this many decimals; "signed" adds + to positive values (gaps). */
  format?: "text" | "integer" | "number" | "signed";
  digits?: number;
};

export type TTable = { columns: TColumn[]; rows: TCell[][] };

function display(value: TCell, column: TColumn, locale: string): string {
  if (value === null) return "–";
  if (typeof value === "string") return value;
  if (column.format === "signed") return formatSigned(value, locale, column.digits ?? 2);
  return formatNumber(value, locale, column.format === "integer" ? 0 : (column.digits ?? 2));
}

/** A chart's data as a plain, accessible table: the same rows the CSV export writes. */
export function DataTable({ table, caption }: { table: TTable; caption: string }) {
  const locale = useLocale();
  const columns: TTableColumn<TCell[]>[] = table.columns.map((column, c) => ({
    key: String(c),
    header: column.label,
    isNumeric: isNumeric(column),
    // The first cell names its row (a touchpoint, a month, a segment).
    isRowHeader: c === 0,
    className: c === 0 ? "text-neutral-900" : undefined,
    cell: (row) => display(row[c] ?? null, column, locale),
  }));
  return (
    <Table
      columns={columns}
      rows={table.rows}
      rowKey={(_, r) => String(r)}
      caption={caption}
      frame="none"
      density="compact"
      isScrollable
    />
  );
}

const isNumeric = (column: TColumn) => column.format !== undefined && column.format !== "text";
