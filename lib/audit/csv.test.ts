import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { AUDIT_CSV_COLUMNS, auditCsvHeader, auditCsvLines, type TAuditCsvLabels } from "./csv";
import type { TAuditLogEntry } from "./schemas";

const labels = Object.fromEntries(
  AUDIT_CSV_COLUMNS.map((column) => [column, column.toUpperCase()]),
) as TAuditCsvLabels;

const entry: TAuditLogEntry = {
  id: "42",
  at: "2026-11-25T03:00:00.000Z",
  action: "user.create",
  actor: { id: "u1", name: "김, 지현", email: "kim@example.com" },
  entityType: "User",
  entityId: "u2",
  details: { note: 'says "hi"\nand more' },
  ipAddress: "198.51.100.1",
  userAgent: "=cmd|' /C calc'!A0",
};

describe("the audit CSV", () => {
  it("starts with a BOM and the header, one CRLF-ended line per entry, quoted where needed", () => {
    const text =
      auditCsvHeader(labels) + auditCsvLines([entry, { ...entry, id: "41", actor: null }]);
    expect(text.startsWith("\uFEFFID,AT,ACTORNAME")).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1), {
      newline: "\r\n",
      skipEmptyLines: true,
    }).data;
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual([
      "42",
      "2026-11-25T03:00:00.000Z",
      "김, 지현",
      "kim@example.com",
      "user.create",
      "User",
      "u2",
      "198.51.100.1",
      "'=cmd|' /C calc'!A0",
      JSON.stringify(entry.details),
    ]);
    expect(rows[2]!.slice(2, 4)).toEqual(["", ""]);
  });

  it("writes nothing for no entries (the header is written once, apart)", () => {
    expect(auditCsvLines([])).toBe("");
  });
});
