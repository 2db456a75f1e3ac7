import "server-only";
import type { Prisma } from "@/lib/db/client";
import type { TObservation } from "@/lib/observations/schemas";
import { findReferenceProblems } from "@/lib/observations/store";
import { createClientIdSequence, fingerprintRow } from "./client-id";
import { convertRow, planRows, problemAsRowError, type TLookups } from "./convert-row";
import { findMissingColumns, indexHeaders, normalizeHeader } from "./headers";
import { isEmptyRow, readHeader, type TSheet } from "./read-file";
import { columnsOf, MAX_REPORTED_ERRORS, type TImportMapping, type TRowError } from "./schemas";
import { AppError } from "@/lib/errors";

// The one pass over a file that both the preview and the import make: rows are converted as
// they are read, checked against the database a batch at a time (findReferenceProblems: four
// queries per batch), and each batch of valid rows is handed to the caller — which counts it
// (preview) or stores it (import).

/** Rows per database round (reference check, then insert): big enough to amortize, small enough to stream. */
const BATCH_ROWS = 2000;

export type TValidRow = { line: number; observation: TObservation };

export type TScanTotals = {
  rows: number;
  invalid: number;
  /** The first MAX_REPORTED_ERRORS row errors, by line. */
  errors: TRowError[];
};

/** The file's header row: the first row that is not empty. */
export async function readHeaderRow(sheet: TSheet): Promise<string[]> {
  const headers = await readHeader(sheet.rows);
  if (headers === null) throw new AppError("VALIDATION", "imports.errors.noHeader");
  return headers;
}

/** Refuses a file that lacks a mapped column, or has one twice, before any row is read. */
export function checkHeaders(headers: string[], mapping: TImportMapping): void {
  const missing = findMissingColumns(headers, mapping);
  if (missing.length > 0)
    throw new AppError("VALIDATION", "imports.errors.missingColumns", { columns: missing });
  const mapped = new Set(columnsOf(mapping).map(normalizeHeader));
  const ambiguous = indexHeaders(headers).duplicates.filter((header) =>
    mapped.has(normalizeHeader(header)),
  );
  if (ambiguous.length > 0)
    throw new AppError("VALIDATION", "imports.errors.duplicateColumns", { columns: ambiguous });
}

export async function scanRows(
  tx: Prisma.TransactionClient,
  input: {
    organizationId: string;
    sheet: TSheet;
    headers: string[];
    mapping: TImportMapping;
    lookups: TLookups;
    fileHash: string;
  },
  onBatch: (rows: TValidRow[], totals: TScanTotals) => Promise<void>,
): Promise<TScanTotals> {
  const { organizationId, sheet, headers, mapping, lookups, fileHash } = input;
  const plan = planRows(headers, mapping);
  const nextClientId = createClientIdSequence();
  const totals: TScanTotals = { rows: 0, invalid: 0, errors: [] };
  const report = (errors: TRowError[]) => {
    totals.invalid += 1;
    totals.errors.push(...errors.slice(0, Math.max(0, MAX_REPORTED_ERRORS - totals.errors.length)));
  };

  let batch: TValidRow[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    const problems = await findReferenceProblems(
      tx,
      organizationId,
      rows.map((row) => row.observation),
    );
    const problemsOf = new Map<number, typeof problems>();
    for (const problem of problems)
      problemsOf.set(problem.index, [...(problemsOf.get(problem.index) ?? []), problem]);
    for (const [index, ofRow] of problemsOf) {
      const { line, observation } = rows[index]!;
      report(
        ofRow.map((p) => problemAsRowError(p, line, referenceValue(observation, p.field, lookups))),
      );
    }
    await onBatch(
      rows.filter((_, index) => !problemsOf.has(index)),
      totals,
    );
  };

  for await (const row of sheet.rows) {
    if (isEmptyRow(row)) continue;
    totals.rows += 1;
    if (row.problem) {
      report([{ line: row.line, field: "", message: row.problem, value: "" }]);
      continue;
    }
    const converted = convertRow(row.cells, row.line, plan, lookups);
    if (!converted.ok) {
      report(converted.errors);
      continue;
    }
    const clientId = nextClientId(
      fingerprintRow(converted.observation, converted.responseId, fileHash),
    );
    batch.push({ line: row.line, observation: { ...converted.observation, clientId } });
    if (batch.length >= BATCH_ROWS) await flush();
  }
  await flush();
  totals.errors.sort((a, b) => a.line - b.line);
  if (totals.rows === 0) throw new AppError("VALIDATION", "imports.errors.noRows");
  return totals;
}

function referenceValue(observation: TObservation, field: string, lookups: TLookups): string {
  const id = (observation as Record<string, unknown>)[field];
  return typeof id === "string" ? (lookups.labelOf.get(id) ?? id) : "";
}
