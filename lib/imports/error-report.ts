import Papa from "papaparse";
import { spreadsheetCell } from "@/lib/exports/spreadsheet-cell";
import type { TRowError } from "./schemas";

/**
 * The row errors as a CSV the user opens in a spreadsheet: UTF-8 with a BOM (Excel reads Korean
 * right), and cells escaped so that a value from the file cannot run as a formula there.
 */
export function errorReportCsv(
  errors: TRowError[],
  columns: { line: string; field: string; reason: string; value: string },
  describe: (error: TRowError) => { field: string; reason: string },
): string {
  const rows = errors.map((error) => {
    const { field, reason } = describe(error);
    return [String(error.line), field, reason, error.value].map(spreadsheetCell);
  });
  return (
    "\uFEFF" +
    Papa.unparse(
      { fields: [columns.line, columns.field, columns.reason, columns.value], data: rows },
      { newline: "\r\n" },
    ) +
    "\r\n"
  );
}
