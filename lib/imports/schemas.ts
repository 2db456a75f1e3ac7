import { z } from "zod";
import { OBSERVATION_SOURCES } from "@/lib/observations/limits";
import type { TFailure } from "@/lib/action-result";

// Survey import: a file's columns mapped to observation fields once, saved by name and reused.
// Columns are named by their header text (not their position), so a mapping fits every file
// exported by the same survey tool, whatever order its columns come in.

/** Files above this are refused before any parsing: 100,000 survey rows are ~10–20 MB of CSV. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/**
 * Columns a file may have. Survey exports have tens to a few hundred (one per question part); a
 * header far wider only costs the server (every row is split into that many cells).
 */
export const MAX_IMPORT_COLUMNS = 2_000;
/** The error report and the stored run keep this many row errors; the total is always counted. */
export const MAX_REPORTED_ERRORS = 300;
/** Rows shown in the preview, converted as they will be stored. */
export const PREVIEW_ROWS = 20;

const ZId = z.string().trim().min(1).max(64);
const ZColumn = z.string().trim().min(1).max(200);
const ZOptionalColumn = ZColumn.nullish().transform((column) => column ?? null);

/** The optional columns, each naming one header of the file (or none). */
export const OPTIONAL_COLUMN_FIELDS = [
  "driver",
  "segment",
  "site",
  "source",
  "expectationScore",
  "experiencedScore",
  "emotionalScore",
  "nps",
  "csat",
  "ces",
  "comment",
  "responseId",
] as const;
export type TOptionalColumnField = (typeof OPTIONAL_COLUMN_FIELDS)[number];

export const SCORE_FIELDS = [
  "expectationScore",
  "experiencedScore",
  "emotionalScore",
  "nps",
  "csat",
  "ces",
] as const;
export type TScoreField = (typeof SCORE_FIELDS)[number];

const ZTouchpointMapping = z.discriminatedUnion("by", [
  /** A column holding touchpoint ids (as the journey export and the API use them). */
  z.object({ by: z.literal("id"), column: ZColumn }),
  /** A column holding touchpoint names (Korean or English) within one journey. */
  z.object({ by: z.literal("name"), column: ZColumn, journeyId: ZId }),
  /** One touchpoint for the whole file (a survey sent after one step). */
  z.object({ by: z.literal("fixed"), touchpointId: ZId }),
]);

const ZObservedAtMapping = z.discriminatedUnion("by", [
  z.object({ by: z.literal("column"), column: ZColumn }),
  /** The whole file was collected on one day. */
  z.object({ by: z.literal("fixed"), date: z.iso.date({ error: "imports.errors.badDate" }) }),
]);

export const ZImportMapping = z
  .object({
    touchpoint: ZTouchpointMapping,
    observedAt: ZObservedAtMapping,
    columns: z
      .object(
        Object.fromEntries(
          OPTIONAL_COLUMN_FIELDS.map((field) => [field, ZOptionalColumn]),
        ) as Record<TOptionalColumnField, typeof ZOptionalColumn>,
      )
      .strict(),
    defaults: z
      .object({
        source: z.enum(OBSERVATION_SOURCES).default("SURVEY"),
        siteId: ZId.nullish().transform((id) => id ?? null),
      })
      .strict()
      .default({ source: "SURVEY", siteId: null }),
    /** Dates without a time zone of their own are read at this offset from UTC (Korea: +540). */
    utcOffsetMinutes: z.int().min(-720).max(840).default(540),
  })
  .strict()
  .refine(
    (m) =>
      (["experiencedScore", "emotionalScore", "nps", "csat", "ces"] as const).some(
        (field) => m.columns[field] !== null,
      ),
    {
      error: "imports.errors.noScoreColumn",
      path: ["columns", "experiencedScore"],
    },
  );
export type TImportMappingInput = z.input<typeof ZImportMapping>;
export type TImportMapping = z.output<typeof ZImportMapping>;

/** Every header a mapping reads, so a file can be checked for them before any row is read. */
export function columnsOf(mapping: TImportMapping): string[] {
  const columns = Object.values(mapping.columns).filter(
    (column): column is string => column !== null,
  );
  if (mapping.touchpoint.by !== "fixed") columns.push(mapping.touchpoint.column);
  if (mapping.observedAt.by === "column") columns.push(mapping.observedAt.column);
  return [...new Set(columns)];
}

export const ZSaveImportMappingInput = z.object({
  mappingId: ZId.optional(),
  name: z
    .string()
    .trim()
    .min(1, { error: "validation.required" })
    .max(100, { error: "validation.tooLong" }),
  mapping: ZImportMapping,
});
export type TSaveImportMappingInput = z.input<typeof ZSaveImportMappingInput>;

export const ZDeleteImportMappingInput = z.object({ mappingId: ZId });
export type TDeleteImportMappingInput = z.input<typeof ZDeleteImportMappingInput>;

/** What the browser sends beside the file. */
export const ZImportRunOptions = z.object({
  mapping: ZImportMapping,
  /** false (the default): all or nothing; true: store the valid rows and report the others. */
  validRowsOnly: z.boolean().default(false),
});

export const ZImportPreviewOptions = z.object({ mapping: ZImportMapping.nullish() });

/** One bad row: the line as the user sees it in the file (header = 1), the field, why, and the value. */
export type TRowError = { line: number; field: string; message: string; value: string };

export type TSavedMapping = {
  id: string;
  name: string;
  mapping: TImportMapping;
  updatedAt: string;
};

/** One row converted, as it will be stored, with names for display. */
export type TPreviewRow = {
  line: number;
  touchpoint: string;
  driver: string;
  segment: string;
  site: string;
  source: string;
  observedAt: string;
  scores: Record<TScoreField, number | null>;
  comment: string;
};

type TImportCounts = {
  rows: number;
  valid: number;
  invalid: number;
  /** Valid rows the organization already has (same clientId): a re-import stores them once. */
  duplicates: number;
};

export type TImportPreview = {
  format: "csv" | "xlsx";
  headers: string[];
  /** The mapping the preview used: the one sent, a saved one whose columns the file has, or a guess. */
  mapping: TImportMappingInput | null;
  suggestedMappingId: string | null;
  /** Header per field, guessed from the header names: a start for the mapping form. */
  guessedColumns: Partial<Record<string, string>>;
  rows: TPreviewRow[];
  errors: TRowError[];
  counts: TImportCounts;
};

export type TImportOutcome = {
  importId: string;
  status: "COMPLETED" | "FAILED";
  counts: TImportCounts & { imported: number };
  errors: TRowError[];
  followUpsOpened: number;
  /** Rows that called for a follow-up but were older than the organization's follow-up age. */
  followUpsSkippedAsOld: number;
};

export type TImportProgress = { processedRows: number };

export type TSurveyImportSummary = {
  id: string;
  fileName: string;
  status: "RUNNING" | "COMPLETED" | "FAILED";
  validRowsOnly: boolean;
  totalRows: number;
  importedRows: number;
  duplicateRows: number;
  errorRows: number;
  createdBy: string;
  createdAt: string;
};

/** A refused preview or import, as the route handlers answer it (lib/http/errors.ts). */
export type TImportFailure = TFailure;

/** One line of the NDJSON stream an import answers with. */
export type TRunEvent =
  | { type: "progress"; processedRows: number }
  | { type: "done"; outcome: TImportOutcome }
  | ({ type: "error" } & TImportFailure);

/** What the mapping form offers: the journeys that take observations (with their touchpoints) and the sites. */
export type TImportChoices = {
  journeys: {
    id: string;
    nameKo: string;
    nameEn: string;
    touchpoints: { id: string; nameKo: string; nameEn: string }[];
  }[];
  sites: { id: string; code: string; name: string }[];
};
