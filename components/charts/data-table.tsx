"use client";
import { useLocale } from "next-intl";
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
  return (
    <div className="max-h-96 overflow-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-white">
          <tr className="border-b border-neutral-200 text-xs text-neutral-600">
            {table.columns.map((column) => (
              <th
                key={column.label}
                scope="col"
                className={`px-2 py-1.5 font-medium ${isNumeric(column) ? "text-right" : "text-left"}`}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r} className="border-b border-neutral-100 last:border-0">
              {row.map((value, c) => {
                const column = table.columns[c]!;
                return c === 0 ? (
                  <th
                    key={c}
                    scope="row"
                    className="px-2 py-1.5 text-left font-normal text-neutral-900"
                  >
                    {display(value, column, locale)}
                  </th>
                ) : (
                  <td
                    key={c}
                    className={`px-2 py-1.5 ${isNumeric(column) ? "text-right tabular-nums" : ""}`}
                  >
                    {display(value, column, locale)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const isNumeric = (column: TColumn) => column.format !== undefined && column.format !== "text";
