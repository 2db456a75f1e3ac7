import Papa from "papaparse";
import { spreadsheetCell } from "@/lib/exports/spreadsheet-cell";
import type { TAuditLogEntry } from "./schemas";

// The audit log as CSV, written a batch at a time (the export streams). UTF-8 with a BOM (Excel
// reads Korean), CRLF, every text cell through spreadsheetCell: user agents, emails and details
// come from outside and must not run as formulas.

export const AUDIT_CSV_COLUMNS = [
  "id",
  "at",
  "actorName",
  "actorEmail",
  "action",
  "entityType",
  "entityId",
  "ipAddress",
  "userAgent",
  "details",
] as const;
export type TAuditCsvLabels = Record<(typeof AUDIT_CSV_COLUMNS)[number], string>;

const line = (cells: string[]) =>
  Papa.unparse([cells.map(spreadsheetCell)], { newline: "\r\n" }) + "\r\n";

export function auditCsvHeader(labels: TAuditCsvLabels): string {
  return "\uFEFF" + line(AUDIT_CSV_COLUMNS.map((column) => labels[column]));
}

export function auditCsvLines(entries: TAuditLogEntry[]): string {
  return entries
    .map((entry) =>
      line([
        entry.id,
        entry.at,
        entry.actor?.name ?? "",
        entry.actor?.email ?? "",
        entry.action,
        entry.entityType,
        entry.entityId,
        entry.ipAddress,
        entry.userAgent,
        JSON.stringify(entry.details),
      ]),
    )
    .join("");
}
