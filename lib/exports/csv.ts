import Papa from "papaparse";
import { spreadsheetCell } from "@/lib/exports/spreadsheet-cell";

// CSV exports: what a chart's table view shows, as a file a spreadsheet opens safely, and the
// name every exported CSV file gets.

export type TCell = string | number | null;

/** A table as CSV: UTF-8 BOM (Excel reads Korean), CRLF, numbers to `digits` places, formula-like cells escaped. */
export function tableToCsv(header: string[], rows: TCell[][], digits = 4): string {
  // Numbers too: a plain number passes as it is, a non-finite one ("-Infinity") is text.
  const cell = (value: TCell) =>
    value === null
      ? ""
      : spreadsheetCell(typeof value === "number" ? String(Number(value.toFixed(digits))) : value);
  return (
    "\uFEFF" +
    Papa.unparse(
      { fields: header.map(spreadsheetCell), data: rows.map((row) => row.map(cell)) },
      { newline: "\r\n" },
    ) +
    "\r\n"
  );
}

/** A file name for an export: the chart's slug and the date, ASCII only. */
export function csvFileName(slug: string, date: Date): string {
  const safe =
    slug
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "export";
  return `moments-${safe}-${date.toISOString().slice(0, 10)}.csv`;
}
