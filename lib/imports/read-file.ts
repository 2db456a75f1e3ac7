import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { AppError, isAppError } from "@/lib/errors";
import { cellText, type TCell } from "./cells";
import { MAX_IMPORT_BYTES, MAX_IMPORT_COLUMNS } from "./schemas";
import { openXlsxArchive, xlsxLimits, type TXlsxArchive, type TXlsxLimits } from "./xlsx-archive";

// Opens an uploaded survey file and hands out its rows one at a time, whatever its format: CSV
// (UTF-8 with or without BOM; comma, semicolon or tab; quoted fields) through papaparse, and XLSX
// (the first worksheet) through exceljs's streaming reader, within the unpacking limits of
// xlsx-archive.ts. Rows are pulled, never all held; nothing is written to disk.

export type TSheetRow = { line: number; cells: TCell[]; problem?: string };
export type TSheet = { format: "csv" | "xlsx"; rows: AsyncGenerator<TSheetRow> };

const refuse = (messageKey: string) => new AppError("VALIDATION", messageKey);
const tooManyColumns = () =>
  new AppError("VALIDATION", "imports.errors.tooManyColumns", {
    limit: [MAX_IMPORT_COLUMNS.toLocaleString("en")],
  });

const startsWith = (bytes: Uint8Array, signature: number[]) =>
  signature.every((byte, i) => bytes[i] === byte);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0]; // .xls (Excel 97–2003)
const UTF16_BOMS = [
  [0xff, 0xfe],
  [0xfe, 0xff],
];

/** Decides what the bytes are before any parsing, and refuses what we cannot read with a clear reason. */
export function openSheet(bytes: Uint8Array, limits: TXlsxLimits = xlsxLimits()): TSheet {
  if (bytes.byteLength === 0) throw refuse("imports.errors.emptyFile");
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw refuse("imports.errors.tooLarge");
  if (startsWith(bytes, ZIP)) return { format: "xlsx", rows: readXlsxRows(bytes, limits) };
  if (startsWith(bytes, OLE2)) throw refuse("imports.errors.legacyExcel");
  if (UTF16_BOMS.some((bom) => startsWith(bytes, bom))) throw refuse("imports.errors.notUtf8");
  // Text never holds NUL: a file that does is binary (an image, a PDF, a zip of another kind).
  if (bytes.includes(0)) throw refuse("imports.errors.notCsvOrXlsx");
  let text: string;
  try {
    // fatal: a file in another encoding (EUC-KR from an old Excel) is refused, not garbled; the
    // decoder drops a UTF-8 BOM.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw refuse("imports.errors.notUtf8");
  }
  checkCsvHeaderWidth(text);
  return { format: "csv", rows: readCsvRows(text) };
}

/**
 * Refuses a CSV whose header row is wider than MAX_IMPORT_COLUMNS, reading no further than that
 * row: papaparse would split the whole row first (and, for a row longer than a chunk, parse it
 * again with every chunk). Counts each delimiter papaparse may guess, outside quotes; lines
 * before the header that hold only delimiters and spaces count too.
 */
function checkCsvHeaderWidth(text: string): void {
  let commas = 0;
  let semicolons = 0;
  let tabs = 0;
  let isQuoted = false;
  let hasText = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (char === 0x22 /* " */) {
      isQuoted = !isQuoted;
      hasText = true;
    } else if (isQuoted) continue;
    else if (char === 0x0a || char === 0x0d) {
      if (hasText) return;
      commas = semicolons = tabs = 0;
    } else if (char === 0x2c) commas += 1;
    else if (char === 0x3b) semicolons += 1;
    else if (char === 0x09) tabs += 1;
    else if (char !== 0x20) hasText = true;
    if (Math.max(commas, semicolons, tabs) >= MAX_IMPORT_COLUMNS) throw tooManyColumns();
  }
}

const CSV_CHUNK_CHARS = 512 * 1024;

async function* readCsvRows(text: string): AsyncGenerator<TSheetRow> {
  // papaparse pushes chunks; we pause it after each one and resume when the reader wants more.
  const chunks: TSheetRow[][] = [];
  let finished = false;
  let parser: Papa.Parser | undefined;
  let wake: (() => void) | undefined;
  let line = 0;
  Papa.parse<string[]>(text, {
    chunkSize: CSV_CHUNK_CHARS,
    delimitersToGuess: [",", ";", "\t"],
    skipEmptyLines: false,
    chunk: (results: Papa.ParseResult<string[]>, p: Papa.Parser) => {
      p.pause();
      parser = p;
      const first = line;
      const rows: TSheetRow[] = results.data.map((cells, i) => ({ line: first + i + 1, cells }));
      for (const error of results.errors) {
        const row = error.row === undefined ? undefined : rows[error.row];
        if (row && error.type === "Quotes") row.problem = "imports.errors.badQuotes";
      }
      line += results.data.length;
      chunks.push(rows);
      wake?.();
    },
    complete: () => {
      finished = true;
      wake?.();
    },
  });
  try {
    while (true) {
      const next = chunks.shift();
      if (next) {
        yield* next;
        continue;
      }
      if (finished) return;
      const arrived = new Promise<void>((resolve) => (wake = resolve));
      parser?.resume();
      await arrived;
    }
  } finally {
    if (!finished) parser?.abort();
  }
}

/**
 * exceljs's streaming reader, driven part by part. Its public entry point unzips with its own
 * streaming unzipper, which can be neither limited nor trusted with sizes, and writes a worksheet
 * that comes before the shared strings (as exceljs itself writes them) to a temporary file that
 * it removes only if every worksheet is read to its end. So the archive is opened here
 * (xlsx-archive.ts) and its parts are handed, in the order the reader needs, to the reader's own
 * part parsers — internals of exceljs 4.4.0 (pinned exactly; read-file.test.ts reads real
 * workbooks through them).
 */
type TExcelPartParsers = {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(
    entry: Readable,
    sheetNo: string,
  ): Generator<{ value: AsyncIterable<ExcelJS.Row> }>;
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { rId: string }[] };
};

const WORKSHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

async function* readXlsxRows(bytes: Uint8Array, limits: TXlsxLimits): AsyncGenerator<TSheetRow> {
  let archive: TXlsxArchive | undefined;
  // Whatever error surfaced (exceljs's own, or a stream destroyed under it), a limit that stopped
  // the reading is the answer; anything else means the workbook is damaged.
  const refusal = (error: unknown) =>
    archive?.refusal() ?? (isAppError(error) ? error : refuse("imports.errors.badXlsx"));
  const rows: AsyncIterator<TSheetRow> = (async function* () {
    archive = await openXlsxArchive(bytes, limits);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
      sharedStrings: "cache",
      styles: "cache", // dates are numbers with a date format: without styles they would read as numbers
      hyperlinks: "ignore",
      worksheets: "emit",
      entries: "ignore",
    }) as unknown as TExcelPartParsers;
    const part = (name: string) => archive!.open(name);
    if (archive.has("xl/_rels/workbook.xml.rels"))
      await reader._parseRels(await part("xl/_rels/workbook.xml.rels"));
    if (archive.has("xl/workbook.xml")) await reader._parseWorkbook(await part("xl/workbook.xml"));
    if (archive.has("xl/sharedStrings.xml")) {
      // With sharedStrings: "cache" it yields nothing; it fills the reader's table as it is pulled.
      const strings = reader._parseSharedStrings(await part("xl/sharedStrings.xml"));
      while (!(await strings.next()).done);
    }
    if (archive.has("xl/styles.xml")) await reader._parseStyles(await part("xl/styles.xml"));
    const sheet = firstWorksheet(archive, reader);
    if (!sheet) throw refuse("imports.errors.noHeader");
    for (const { value: worksheet } of reader._parseWorksheet(await part(sheet.name), sheet.no))
      for await (const row of worksheet) {
        // Excel's widest sheet has 16,384 columns: exceljs refuses a cell beyond it, so a row is
        // never wider than that.
        yield {
          line: row.number,
          cells: Array.from(row.values as unknown[])
            .slice(1)
            .map(xlsxCell),
        };
      }
  })();
  try {
    while (true) {
      let next: IteratorResult<TSheetRow>;
      try {
        next = await rows.next();
      } catch (error) {
        throw refusal(error);
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    // Closes the part being read when the caller stops early (a refused header, an aborted import).
    await rows.return?.(undefined).catch(() => undefined);
  }
}

/** The workbook's first sheet (its first tab), else the first worksheet part in the archive. */
function firstWorksheet(
  archive: TXlsxArchive,
  reader: TExcelPartParsers,
): { name: string; no: string } | null {
  const rId = reader.model?.sheets?.[0]?.rId;
  const target = reader.workbookRels?.find((rel) => rel.Id === rId)?.Target;
  const named = target ? (target.startsWith("/") ? target.slice(1) : `xl/${target}`) : undefined;
  const name =
    named && WORKSHEET.test(named) && archive.has(named)
      ? named
      : archive.names().find((n) => WORKSHEET.test(n));
  return name ? { name, no: WORKSHEET.exec(name)![1]! } : null;
}

/** exceljs's cell value (rich text, formula result, hyperlink, error) as a plain cell. */
function xlsxCell(value: unknown): TCell {
  if (value === undefined || value === null) return null;
  if (
    typeof value === "string" ||
    typeof value === "number" ||
    typeof value === "boolean" ||
    value instanceof Date
  )
    return value;
  if (typeof value === "object") {
    const v = value as {
      richText?: { text: string }[];
      result?: unknown;
      formula?: string;
      text?: unknown;
      error?: string;
    };
    if (v.richText) return v.richText.map((run) => run.text).join("");
    if ("result" in v || "formula" in v || "sharedFormula" in v) return xlsxCell(v.result);
    if (v.text !== undefined) return xlsxCell(v.text);
    if (v.error) return v.error;
  }
  return null;
}

export const isEmptyRow = (row: TSheetRow) => row.cells.every((cell) => cellText(cell) === "");

/** The header: the first row that is not empty. The generator stays open for the data rows. */
export async function readHeader(rows: AsyncGenerator<TSheetRow>): Promise<string[] | null> {
  // Stepping by hand: a `for await` that breaks would close the generator.
  for (let next = await rows.next(); !next.done; next = await rows.next()) {
    // An XLSX row is read whole before it is seen here, but it is never wider than 16,384 cells.
    if (next.value.cells.length > MAX_IMPORT_COLUMNS) throw tooManyColumns();
    if (!isEmptyRow(next.value)) return next.value.cells.map(cellText);
  }
  return null;
}
