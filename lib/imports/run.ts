import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { writeAuditLog } from "@/lib/audit/log";
import type { TRequestMeta } from "@/lib/audit/schemas";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { insertObservations } from "@/lib/observations/store";
import { parseInput } from "@/lib/validation";
import { guessColumns, suggestSavedMapping } from "./headers";
import { loadLookups } from "./lookups";
import { lockImportsOf } from "./lock";
import { listImportMappings } from "./mappings";
import { openSheet } from "./read-file";
import { checkHeaders, readHeaderRow, scanRows, type TScanTotals, type TValidRow } from "./scan";
import {
  PREVIEW_ROWS,
  SCORE_FIELDS,
  ZImportPreviewOptions,
  ZImportRunOptions,
  type TImportOutcome,
  type TImportPreview,
  type TImportProgress,
  type TPreviewRow,
} from "./schemas";
import type { TLookups } from "./convert-row";

export type TUpload = { fileName: string; bytes: Uint8Array };

/**
 * 100,000 rows take tens of seconds on a small machine; Prisma's 5 s default would abort the
 * import half way. Ten minutes bounds a stuck import without cutting off a big one.
 */
const IMPORT_TRANSACTION = { timeout: 10 * 60_000, maxWait: 15_000 } as const;

/**
 * Reads the whole file and writes nothing: its headers, the mapping to use (the one given, else a
 * saved one whose columns the file has), the first rows as they will be stored, the first errors
 * and the counts — valid, invalid and already imported.
 */
export async function previewSurveyImport(
  actor: TActor,
  upload: TUpload,
  rawOptions: unknown,
): Promise<TImportPreview> {
  assertCan(actor, "observation:import");
  const options = parseInput(ZImportPreviewOptions, rawOptions, { fieldPaths: "whole" });
  const sheet = openSheet(upload.bytes);
  const headers = await readHeaderRow(sheet);
  const suggested = options.mapping
    ? null
    : suggestSavedMapping(headers, await listImportMappings(actor));
  const mapping = options.mapping ?? suggested?.mapping ?? null;
  const base = {
    format: sheet.format,
    headers,
    suggestedMappingId: suggested?.id ?? null,
    guessedColumns: guessColumns(headers),
  };
  if (mapping === null)
    return {
      ...base,
      mapping: null,
      rows: [],
      errors: [],
      counts: { rows: 0, valid: 0, invalid: 0, duplicates: 0 },
    };

  checkHeaders(headers, mapping);
  // Reading the whole file costs as much as importing it, less the writes: it waits its turn too.
  return db.$transaction(async (tx) => {
    await lockImportsOf(tx, actor.organizationId);
    const lookups = await loadLookups(tx, actor.organizationId, mapping);
    const rows: TPreviewRow[] = [];
    let duplicates = 0;
    const totals = await scanRows(
      tx,
      {
        organizationId: actor.organizationId,
        sheet,
        headers,
        mapping,
        lookups,
        fileHash: hashFile(upload.bytes),
      },
      async (valid) => {
        for (const row of valid.slice(0, PREVIEW_ROWS - rows.length))
          rows.push(previewRow(row, lookups));
        duplicates += await tx.observation.count({
          where: {
            organizationId: actor.organizationId,
            clientId: { in: valid.map((row) => row.observation.clientId!) },
          },
        });
      },
    );
    return { ...base, mapping, rows, errors: totals.errors, counts: countsOf(totals, duplicates) };
  }, IMPORT_TRANSACTION);
}

const countsOf = (totals: TScanTotals, duplicates: number) => ({
  rows: totals.rows,
  valid: totals.rows - totals.invalid,
  invalid: totals.invalid,
  duplicates,
});

function previewRow({ line, observation: o }: TValidRow, lookups: TLookups): TPreviewRow {
  const label = (id: string | null) => (id === null ? "" : (lookups.labelOf.get(id) ?? id));
  return {
    line,
    touchpoint: label(o.touchpointId),
    driver: label(o.driverId),
    segment: label(o.segmentId),
    site: label(o.siteId),
    source: o.source,
    observedAt: o.observedAt.toISOString(),
    scores: Object.fromEntries(
      SCORE_FIELDS.map((field) => [field, o[field]]),
    ) as TPreviewRow["scores"],
    comment: o.comment,
  };
}

/** Thrown inside the import's transaction to roll it back when all-or-nothing meets a bad row. */
class BadRowsRollback extends Error {
  constructor(readonly totals: TScanTotals) {
    super("The file has bad rows; nothing is stored.");
  }
}

type TRunHooks = { onProgress?: (progress: TImportProgress) => void; meta?: TRequestMeta };

/**
 * Imports a survey file in one transaction, BATCH_ROWS at a time. All or nothing by default:
 * one bad row and nothing is stored, and every bad row is reported. With validRowsOnly the good
 * rows are stored and the bad ones reported. Rows already imported (same clientId) are skipped.
 * Either way the run is recorded (SurveyImport) and audit-logged.
 */
export async function runSurveyImport(
  actor: TActor,
  upload: TUpload,
  rawOptions: unknown,
  hooks: TRunHooks = {},
): Promise<TImportOutcome> {
  assertCan(actor, "observation:import");
  const { mapping, validRowsOnly } = parseInput(ZImportRunOptions, rawOptions, {
    fieldPaths: "whole",
  });
  const organizationId = actor.organizationId;
  const record = {
    organizationId,
    fileName: upload.fileName.slice(0, 255),
    fileHash: hashFile(upload.bytes),
    validRowsOnly,
    createdById: actor.id,
  };
  const audit = (
    action: string,
    importId: string,
    details: Record<string, string | number | boolean>,
  ) => ({
    organizationId,
    actorId: actor.id,
    action,
    entityType: "SurveyImport",
    entityId: importId,
    details: { fileName: record.fileName, fileHash: record.fileHash, validRowsOnly, ...details },
    meta: hooks.meta,
  });

  try {
    return await db.$transaction(async (tx) => {
      // The lock first: unpacking a workbook is the costly part, and it waits its turn too.
      await lockImportsOf(tx, organizationId);
      const sheet = openSheet(upload.bytes);
      const headers = await readHeaderRow(sheet);
      checkHeaders(headers, mapping);
      const lookups = await loadLookups(tx, organizationId, mapping);
      const { id: importId } = await tx.surveyImport.create({ data: record, select: { id: true } });
      const stored = { created: 0, duplicates: 0, followUpsOpened: 0, followUpsSkippedAsOld: 0 };
      let processedRows = 0;
      const totals = await scanRows(
        tx,
        { organizationId, sheet, headers, mapping, lookups, fileHash: record.fileHash },
        async (valid, soFar) => {
          // All or nothing: after the first bad row nothing more is written (it will all be rolled
          // back), but the file is read to its end so that every bad row is reported.
          if (validRowsOnly || soFar.invalid === 0) {
            const result = await insertObservations(
              tx,
              { organizationId, loggedById: actor.id, importId },
              valid.map((row) => row.observation),
            );
            stored.created += result.created;
            stored.duplicates += result.duplicates;
            stored.followUpsOpened += result.followUpsOpened;
            stored.followUpsSkippedAsOld += result.followUpsSkippedAsOld;
          }
          processedRows = soFar.rows;
          hooks.onProgress?.({ processedRows });
        },
      );
      if (!validRowsOnly && totals.invalid > 0) throw new BadRowsRollback(totals);

      const counts = { ...countsOf(totals, stored.duplicates), imported: stored.created };
      await tx.surveyImport.update({
        where: { id: importId },
        data: {
          status: "COMPLETED",
          totalRows: counts.rows,
          processedRows: counts.rows,
          importedRows: counts.imported,
          duplicateRows: counts.duplicates,
          errorRows: counts.invalid,
          errors: totals.errors,
          finishedAt: new Date(),
        },
      });
      await writeAuditLog(
        audit("survey_import.completed", importId, {
          rows: counts.rows,
          imported: counts.imported,
          duplicates: counts.duplicates,
          invalid: counts.invalid,
          followUpsOpened: stored.followUpsOpened,
          followUpsSkippedAsOld: stored.followUpsSkippedAsOld,
        }),
        tx,
      );
      return {
        importId,
        status: "COMPLETED" as const,
        counts,
        errors: totals.errors,
        followUpsOpened: stored.followUpsOpened,
        followUpsSkippedAsOld: stored.followUpsSkippedAsOld,
      };
    }, IMPORT_TRANSACTION);
  } catch (error) {
    if (!(error instanceof BadRowsRollback)) throw error;
    return recordFailedImport(record, error.totals, audit);
  }
}

/** An all-or-nothing import refused for bad rows stores no observation, but the run and its report are kept. */
async function recordFailedImport(
  record: {
    organizationId: string;
    fileName: string;
    fileHash: string;
    validRowsOnly: boolean;
    createdById: string;
  },
  totals: TScanTotals,
  audit: (
    action: string,
    importId: string,
    details: Record<string, number>,
  ) => Parameters<typeof writeAuditLog>[0],
): Promise<TImportOutcome> {
  const counts = { ...countsOf(totals, 0), imported: 0 };
  return db.$transaction(async (tx) => {
    const { id: importId } = await tx.surveyImport.create({
      data: {
        ...record,
        status: "FAILED",
        totalRows: counts.rows,
        processedRows: counts.rows,
        errorRows: counts.invalid,
        errors: totals.errors,
        finishedAt: new Date(),
      },
      select: { id: true },
    });
    await writeAuditLog(
      audit("survey_import.failed", importId, { rows: counts.rows, invalid: counts.invalid }),
      tx,
    );
    return {
      importId,
      status: "FAILED" as const,
      counts,
      errors: totals.errors,
      followUpsOpened: 0,
      followUpsSkippedAsOld: 0,
    };
  });
}

const hashFile = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
