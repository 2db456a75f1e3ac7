import Papa from "papaparse";
import { z } from "zod";
import {
  isFormulaLike,
  readSpreadsheetCell,
  spreadsheetCell,
} from "@/lib/exports/spreadsheet-cell";
import {
  ZDriverDocument,
  ZJourneyDocument,
  ZTouchpointDocument,
  type TDriverDocument,
  type TJourneyDocument,
  type TTouchpointDocument,
} from "../document";
import { MAX_REPORTED_ERRORS, type TTransferError, type TTransferResult } from "./errors";
import { messageKeyOf } from "./json";

// A journey as CSV: one row per touchpoint, its stage repeated on each row (a stage with no
// touchpoints is one row with the touchpoint columns empty). Orders are explicit columns so
// that a spreadsheet sort cannot scramble the journey. Drivers are a JSON array in one cell,
// each with its stated importance (0–1, or null to derive it from the data).
// Expectations belong to segments and are carried by the JSON export only.

export const CSV_COLUMNS = [
  "stage_order",
  "stage_name_ko",
  "stage_name_en",
  "stage_description",
  "touchpoint_order",
  "touchpoint_name_ko",
  "touchpoint_name_en",
  "touchpoint_description",
  "channel",
  "dimension",
  "is_mot",
  "drivers",
] as const;
type TColumn = (typeof CSV_COLUMNS)[number];
type TRow = Record<TColumn, string>;

const BOM = "\uFEFF";

export function journeyToCsv(document: TJourneyDocument): string {
  const rows: string[][] = [];
  document.stages.forEach((stage, stageIndex) => {
    const stageCells = [String(stageIndex + 1), stage.nameKo, stage.nameEn, stage.description];
    if (stage.touchpoints.length === 0) rows.push([...stageCells, "", "", "", "", "", "", "", ""]);
    stage.touchpoints.forEach((t, index) => {
      rows.push([
        ...stageCells,
        String(index + 1),
        t.nameKo,
        t.nameEn,
        t.description,
        t.channel,
        t.dimension,
        t.isMoT ? "true" : "false",
        t.drivers.length > 0 ? JSON.stringify(t.drivers) : "",
      ]);
    });
  });
  return (
    BOM +
    Papa.unparse(
      { fields: [...CSV_COLUMNS], data: rows.map((row) => row.map(spreadsheetCell)) },
      { newline: "\r\n" },
    ) +
    "\r\n"
  );
}

type TStageEntry = {
  fields: { nameKo: string; nameEn: string; description: string };
  line: number;
  touchpoints: Map<number, { line: number; touchpoint: TTouchpointDocument }>;
};

/** Reads a journey CSV; each bad row is reported with its line and what is wrong, and nothing is returned then. */
export function parseJourneyCsv(
  text: string,
  names: { nameKo: string; nameEn: string },
): TTransferResult<TJourneyDocument> {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" });
  const [header, ...records] = parsed.data;
  if (!header) return fail([{ line: null, field: "", code: "transfer.empty" }]);

  const columnErrors = checkHeader(header);
  if (columnErrors.length > 0) return fail(columnErrors);

  // Papaparse counts rows from 0 with the header as row 0: file line = row + 1.
  const errors: TTransferError[] = parsed.errors.map((e) => ({
    line: (e.row ?? 0) + 1,
    field: "",
    code: "transfer.badCsv",
  }));
  const stages = new Map<number, TStageEntry>();
  records.forEach((cells, index) => {
    const line = index + 2;
    if (cells.length !== CSV_COLUMNS.length) {
      errors.push({ line, field: "", code: "transfer.wrongCellCount" });
      return;
    }
    const row = Object.fromEntries(
      CSV_COLUMNS.map((column, i) => [column, cells[i]?.trim() ?? ""]),
    ) as TRow;
    // Our export never writes one (lib/exports/spreadsheet-cell.ts): a formula here was typed into the file.
    const formulas = CSV_COLUMNS.filter((column) => isFormulaLike(row[column]));
    if (formulas.length > 0) {
      for (const column of formulas)
        errors.push({
          line,
          field: column,
          code: "transfer.formula",
          value: row[column].slice(0, 40),
        });
      return;
    }
    for (const column of CSV_COLUMNS) row[column] = readSpreadsheetCell(row[column]);
    const problem = readRow(row, line, stages);
    if (problem) errors.push(...problem);
  });
  if (errors.length > 0) return fail(errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));

  const document = ZJourneyDocument.safeParse({
    ...names,
    stages: sortedByOrder(stages).map((stage) => ({
      ...stage.fields,
      touchpoints: sortedByOrder(stage.touchpoints).map((t) => t.touchpoint),
    })),
  });
  if (!document.success)
    return fail(
      document.error.issues.map((issue) => ({
        line: null,
        field: issue.path.join("."),
        code: messageKeyOf(issue),
      })),
    );
  return { ok: true, document: document.data };
}

const fail = (errors: TTransferError[]): TTransferResult<never> => ({
  ok: false,
  errors: errors.slice(0, MAX_REPORTED_ERRORS),
});
const sortedByOrder = <T>(entries: Map<number, T>): T[] =>
  [...entries.entries()].sort(([a], [b]) => a - b).map(([, value]) => value);

function checkHeader(header: string[]): TTransferError[] {
  const given = header.map((h) => h.trim());
  const missing = CSV_COLUMNS.filter((c) => !given.includes(c)).map((c) => ({
    line: 1,
    field: c,
    code: "transfer.missingColumn",
  }));
  const unknown = given
    .filter((g) => !(CSV_COLUMNS as readonly string[]).includes(g))
    .map((g) => ({ line: 1, field: g.slice(0, 40), code: "transfer.unknownColumn" }));
  if (missing.length > 0 || unknown.length > 0) return [...missing, ...unknown];
  return given.some((g, i) => g !== CSV_COLUMNS[i])
    ? [{ line: 1, field: "", code: "transfer.columnOrder" }]
    : [];
}

const ZOrder = z.coerce.number().int().min(1).max(100_000);
const ZDriversCell = z.array(ZDriverDocument).max(50);
const TOUCHPOINT_COLUMNS: Record<string, TColumn> = {
  nameKo: "touchpoint_name_ko",
  nameEn: "touchpoint_name_en",
  description: "touchpoint_description",
  channel: "channel",
  dimension: "dimension",
  isMoT: "is_mot",
  drivers: "drivers",
};

function readRow(
  row: TRow,
  line: number,
  stages: Map<number, TStageEntry>,
): TTransferError[] | undefined {
  const stageOrder = ZOrder.safeParse(row.stage_order);
  if (!stageOrder.success)
    return [{ line, field: "stage_order", code: "transfer.badOrder", value: row.stage_order }];

  const fields = {
    nameKo: row.stage_name_ko,
    nameEn: row.stage_name_en,
    description: row.stage_description,
  };
  let stage = stages.get(stageOrder.data);
  if (!stage) {
    stage = { fields, line, touchpoints: new Map() };
    stages.set(stageOrder.data, stage);
  } else if (
    stage.fields.nameKo !== fields.nameKo ||
    stage.fields.nameEn !== fields.nameEn ||
    stage.fields.description !== fields.description
  ) {
    return [
      { line, field: "stage_name_ko", code: "transfer.stageMismatch", value: String(stage.line) },
    ];
  }

  const isStageOnlyRow = (
    [
      "touchpoint_order",
      "touchpoint_name_ko",
      "touchpoint_name_en",
      "channel",
      "dimension",
    ] as const
  ).every((c) => row[c] === "");
  if (isStageOnlyRow) return undefined;

  const order = ZOrder.safeParse(row.touchpoint_order);
  if (!order.success)
    return [
      { line, field: "touchpoint_order", code: "transfer.badOrder", value: row.touchpoint_order },
    ];
  const first = stage.touchpoints.get(order.data);
  if (first)
    return [
      {
        line,
        field: "touchpoint_order",
        code: "transfer.duplicateOrder",
        value: String(first.line),
      },
    ];

  const isMoT = ({ true: true, false: false, "": false } as Record<string, boolean>)[
    row.is_mot.toLowerCase()
  ];
  if (isMoT === undefined)
    return [{ line, field: "is_mot", code: "transfer.badBoolean", value: row.is_mot.slice(0, 40) }];
  const drivers = parseDriversCell(row.drivers, line);
  if (!drivers.ok) return drivers.errors;

  const touchpoint = ZTouchpointDocument.safeParse({
    nameKo: row.touchpoint_name_ko,
    nameEn: row.touchpoint_name_en,
    description: row.touchpoint_description,
    channel: row.channel,
    dimension: row.dimension,
    isMoT,
    drivers: drivers.drivers,
  });
  if (!touchpoint.success) {
    return touchpoint.error.issues.map((issue) => {
      const field = TOUCHPOINT_COLUMNS[String(issue.path[0])] ?? "touchpoint_name_ko";
      return { line, field, code: messageKeyOf(issue), value: row[field].slice(0, 40) };
    });
  }
  stage.touchpoints.set(order.data, { line, touchpoint: touchpoint.data });
  return undefined;
}

type TDriversCell =
  { ok: true; drivers: TDriverDocument[] } | { ok: false; errors: TTransferError[] };

/** A bad importance is named with its value (the cell may hold many drivers); any other fault is "not as exported". */
function parseDriversCell(cell: string, line: number): TDriversCell {
  const notAsExported: TTransferError = { line, field: "drivers", code: "transfer.badDrivers" };
  const badDrivers: TDriversCell = { ok: false, errors: [notAsExported] };
  if (cell === "") return { ok: true, drivers: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(cell);
  } catch {
    return badDrivers;
  }
  const drivers = ZDriversCell.safeParse(raw);
  if (drivers.success) return { ok: true, drivers: drivers.data };
  const isImportance = (issue: z.core.$ZodIssue) =>
    issue.path.length === 2 && issue.path[1] === "statedImportance";
  const importance = drivers.error.issues.filter(isImportance).map((issue) => {
    const value = (raw as Record<string, unknown>[])[Number(issue.path[0])]?.statedImportance;
    return {
      line,
      field: "drivers",
      code: "transfer.badImportance",
      value: String(JSON.stringify(value)).slice(0, 40),
    };
  });
  if (importance.length === 0) return badDrivers;
  return {
    ok: false,
    errors: drivers.error.issues.every(isImportance) ? importance : [...importance, notAsExported],
  };
}
