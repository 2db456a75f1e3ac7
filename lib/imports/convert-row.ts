import { z } from "zod";
import { ZObservationInput, type TObservation } from "@/lib/observations/schemas";
import { OBSERVATION_SOURCES, type TObservationSource } from "@/lib/observations/limits";
import { CES_SCALE, CSAT_SCALE, NPS_SCALE, SCORE_SCALE } from "@/lib/observations/scale";
import { validationMessageKey } from "@/lib/validation";
import { cellText, fixedDate, parseDateCell, parseNumberCell, type TCell } from "./cells";
import { indexHeaders, normalizeHeader } from "./headers";
import {
  OPTIONAL_COLUMN_FIELDS,
  SCORE_FIELDS,
  type TImportMapping,
  type TOptionalColumnField,
  type TRowError,
  type TScoreField,
} from "./schemas";

// One data row of a survey file -> one observation as every capture path sends it, or the
// reasons it cannot be one. Names are resolved against lookups loaded once per import (one query
// per kind), so converting 100,000 rows costs no query at all.

type TNamed = { id: string; nameKo: string; nameEn: string };
export type TLookupSource = {
  touchpoints: (TNamed & { journeyId: string })[];
  drivers: (TNamed & { touchpointId: string })[];
  segments: TNamed[];
  sites: { id: string; code: string; name: string }[];
};

export type TLookups = ReturnType<typeof buildLookups>;

const nameKey = (name: string) => normalizeHeader(name);

function groupByName<T>(
  rows: T[],
  names: (row: T) => string[],
  id: (row: T) => string,
): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const row of rows) {
    for (const key of new Set(
      names(row)
        .map(nameKey)
        .filter((n) => n !== ""),
    )) {
      const ids = map.get(key) ?? [];
      ids.push(id(row));
      map.set(key, ids);
    }
  }
  return map;
}

/** Name -> ids indexes (a name may be ambiguous: several ids), and display labels. */
export function buildLookups(source: TLookupSource) {
  const touchpointsByJourney = new Map<string, Map<string, string[]>>();
  for (const journeyId of new Set(source.touchpoints.map((t) => t.journeyId))) {
    const ofJourney = source.touchpoints.filter((t) => t.journeyId === journeyId);
    touchpointsByJourney.set(
      journeyId,
      groupByName(
        ofJourney,
        (t) => [t.nameKo, t.nameEn],
        (t) => t.id,
      ),
    );
  }
  const driversByTouchpoint = new Map<string, Map<string, string[]>>();
  for (const touchpointId of new Set(source.drivers.map((d) => d.touchpointId))) {
    const ofTouchpoint = source.drivers.filter((d) => d.touchpointId === touchpointId);
    driversByTouchpoint.set(
      touchpointId,
      groupByName(
        ofTouchpoint,
        (d) => [d.nameKo, d.nameEn],
        (d) => d.id,
      ),
    );
  }
  const label = (row: TNamed) => [row.nameKo, row.nameEn].filter(Boolean).join(" / ");
  return {
    touchpointsByJourney,
    driversByTouchpoint,
    segments: groupByName(
      source.segments,
      (s) => [s.nameKo, s.nameEn],
      (s) => s.id,
    ),
    siteByCode: new Map(source.sites.map((s) => [nameKey(s.code), s.id])),
    sitesByName: groupByName(
      source.sites,
      (s) => [s.name],
      (s) => s.id,
    ),
    labelOf: new Map<string, string>([
      ...source.touchpoints.map((t) => [t.id, label(t)] as const),
      ...source.drivers.map((d) => [d.id, label(d)] as const),
      ...source.segments.map((s) => [s.id, label(s)] as const),
      ...source.sites.map((s) => [s.id, `${s.code} ${s.name}`.trim()] as const),
    ]),
  };
}

/** Where each mapped field's column is in the file's rows. */
export type TRowPlan = {
  mapping: TImportMapping;
  columnOf: Partial<Record<TOptionalColumnField | "touchpoint" | "observedAt", number>>;
};

/** Locates the mapping's columns; call findMissingColumns first (a missing column is skipped here). */
export function planRows(headers: string[], mapping: TImportMapping): TRowPlan {
  const { indexOf } = indexHeaders(headers);
  const at = (column: string | null) =>
    column === null ? undefined : indexOf.get(normalizeHeader(column));
  const columnOf: TRowPlan["columnOf"] = {};
  for (const field of OPTIONAL_COLUMN_FIELDS) columnOf[field] = at(mapping.columns[field]);
  if (mapping.touchpoint.by !== "fixed") columnOf.touchpoint = at(mapping.touchpoint.column);
  if (mapping.observedAt.by === "column") columnOf.observedAt = at(mapping.observedAt.column);
  return { mapping, columnOf };
}

export type TConvertedRow =
  | { ok: true; observation: Omit<TObservation, "clientId">; responseId: string | null }
  | { ok: false; errors: TRowError[] };

const SCALES: Record<TScoreField, { min: number; max: number; integer: boolean }> = {
  expectationScore: { ...SCORE_SCALE, integer: false },
  experiencedScore: { ...SCORE_SCALE, integer: false },
  emotionalScore: { ...SCORE_SCALE, integer: false },
  nps: { ...NPS_SCALE, integer: true },
  csat: { ...CSAT_SCALE, integer: true },
  ces: { ...CES_SCALE, integer: true },
};

const MAX_VALUE_IN_REPORT = 100;
const SOURCE_BY_NAME = new Map<string, TObservationSource>(
  OBSERVATION_SOURCES.map((s) => [nameKey(s), s]),
);

/** Converts one row; `line` is the row's line in the file as the user sees it (header = 1). */
export function convertRow(
  cells: TCell[],
  line: number,
  plan: TRowPlan,
  lookups: TLookups,
): TConvertedRow {
  const { mapping, columnOf } = plan;
  const errors: TRowError[] = [];
  const cellOf = (field: keyof TRowPlan["columnOf"]): TCell => {
    const index = columnOf[field];
    return index === undefined ? null : (cells[index] ?? null);
  };
  const textOf = (field: keyof TRowPlan["columnOf"]) => cellText(cellOf(field));
  const fail = (field: string, message: string, value = "") => {
    errors.push({ line, field, message, value: value.slice(0, MAX_VALUE_IN_REPORT) });
    return null;
  };
  /** One id for a name, or an error: unknown, or ambiguous (two things share the name). */
  const resolve = (field: string, value: string, ids: string[] | undefined, unknown: string) => {
    if (!ids?.length) return fail(field, unknown, value);
    return ids.length > 1 ? fail(field, "imports.errors.ambiguousName", value) : ids[0]!;
  };

  let touchpointId: string | null;
  const touchpoint = mapping.touchpoint;
  if (touchpoint.by === "fixed") touchpointId = touchpoint.touchpointId;
  else {
    const value = textOf("touchpoint");
    if (value === "") touchpointId = fail("touchpoint", "validation.required");
    else if (touchpoint.by === "id") touchpointId = value;
    else
      touchpointId = resolve(
        "touchpoint",
        value,
        lookups.touchpointsByJourney.get(touchpoint.journeyId)?.get(nameKey(value)),
        "imports.errors.unknownTouchpoint",
      );
  }

  const optionalName = (
    field: "driver" | "segment",
    index: Map<string, string[]> | undefined,
    unknown: string,
  ) => {
    const value = textOf(field);
    return value === "" ? null : resolve(field, value, index?.get(nameKey(value)), unknown);
  };
  // A driver is named within its touchpoint; with no touchpoint there is nothing to look in.
  const driverId =
    touchpointId === null
      ? null
      : optionalName(
          "driver",
          lookups.driversByTouchpoint.get(touchpointId),
          "imports.errors.unknownDriver",
        );
  const segmentId = optionalName("segment", lookups.segments, "imports.errors.unknownSegment");

  const siteText = textOf("site");
  const siteId =
    siteText === ""
      ? mapping.defaults.siteId
      : (lookups.siteByCode.get(nameKey(siteText)) ??
        resolve(
          "site",
          siteText,
          lookups.sitesByName.get(nameKey(siteText)),
          "imports.errors.unknownSite",
        ));

  const sourceText = textOf("source");
  const source =
    sourceText === ""
      ? mapping.defaults.source
      : (SOURCE_BY_NAME.get(nameKey(sourceText)) ??
        fail("source", "imports.errors.unknownSource", sourceText));

  let observedAt: Date | null;
  if (mapping.observedAt.by === "fixed")
    observedAt = fixedDate(mapping.observedAt.date, mapping.utcOffsetMinutes);
  else {
    const cell = cellOf("observedAt");
    observedAt = parseDateCell(cell, mapping.utcOffsetMinutes);
    if (observedAt === null) fail("observedAt", "validation.required");
    else if (Number.isNaN(observedAt.getTime()))
      observedAt = fail("observedAt", "imports.errors.badDate", cellText(cell));
  }

  const scores = {} as Record<TScoreField, number | null>;
  for (const field of SCORE_FIELDS) {
    const value = parseNumberCell(cellOf(field));
    const scale = SCALES[field];
    if (value === null) scores[field] = null;
    else if (Number.isNaN(value))
      scores[field] = fail(field, "imports.errors.notANumber", textOf(field));
    else if (value < scale.min || value > scale.max)
      scores[field] = fail(field, "imports.errors.outOfRange", textOf(field));
    else if (scale.integer && !Number.isInteger(value))
      scores[field] = fail(field, "imports.errors.notAnInteger", textOf(field));
    else scores[field] = value;
  }

  // Stored as written, even "- 직원이 친절" or "=…": it is only ever shown as text, and every
  // spreadsheet export escapes cells that would run as formulas.
  const comment = textOf("comment");
  const responseId = textOf("responseId") || null;

  if (errors.length > 0) return { ok: false, errors };
  const parsed = ZObservationInput.safeParse(
    { touchpointId, driverId, segmentId, siteId, source, observedAt, ...scores, comment },
    { error: validationMessageKey },
  );
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => issueAsRowError(issue, line, textOf)),
    };
  return { ok: true, observation: parsed.data, responseId };
}

// The schema speaks of ids (touchpointId); the report speaks of the mapping's fields (touchpoint).
const FIELD_OF_PATH: Record<string, keyof TRowPlan["columnOf"]> = {
  touchpointId: "touchpoint",
  driverId: "driver",
  segmentId: "segment",
  siteId: "site",
};

function issueAsRowError(
  issue: z.core.$ZodIssue,
  line: number,
  textOf: (field: keyof TRowPlan["columnOf"]) => string,
): TRowError {
  const path = String(issue.path[0] ?? "");
  const field = FIELD_OF_PATH[path] ?? (path as keyof TRowPlan["columnOf"]);
  return {
    line,
    field,
    message: issue.message,
    value: textOf(field).slice(0, MAX_VALUE_IN_REPORT),
  };
}

/** The observation's problems found in the database (an unknown id, another organization's), as row errors. */
export function problemAsRowError(
  problem: { field: string; message: string },
  line: number,
  value: string,
): TRowError {
  return {
    line,
    field: FIELD_OF_PATH[problem.field] ?? problem.field,
    message: problem.message,
    value: value.slice(0, MAX_VALUE_IN_REPORT),
  };
}
