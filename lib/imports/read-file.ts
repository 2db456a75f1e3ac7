import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { AppError } from "@/lib/errors";
import { cellText, type TCell } from "./cells";
import { MAX_IMPORT_BYTES } from "./schemas";

// Opens an uploaded survey file and hands out its rows one at a time, whatever its format: CSV
// (UTF-8 with or without BOM; comma, semicolon or tab; quoted fields) through papaparse, and XLSX
// (the first worksheet) through exceljs's streaming reader. Rows are pulled, never all held.

export type TSheetRow = { line: number; cells: TCell[]; problem?: string };
export type TSheet = { format: "csv" | "xlsx"; rows: AsyncGenerator<TSheetRow> };

const refuse = (messageKey: string) => new AppError("VALIDATION", messageKey);

const startsWith = (bytes: Uint8Array, signature: number[]) =>
  signature.every((byte, i) => bytes[i] === byte);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0]; // .xls (Excel 97–2003)
const UTF16_BOMS = [
  [0xff, 0xfe],
  [0xfe, 0xff],
];

/** Decides what the bytes are before any parsing, and refuses what we cannot read with a clear reason. */
export function openSheet(bytes: Uint8Array): TSheet {
  if (bytes.byteLength === 0) throw refuse("imports.errors.emptyFile");
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw refuse("imports.errors.tooLarge");
  if (startsWith(bytes, ZIP)) return { format: "xlsx", rows: readXlsxRows(bytes) };
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
  return { format: "csv", rows: readCsvRows(text) };
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

async function* readXlsxRows(bytes: Uint8Array): AsyncGenerator<TSheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(
    Readable.from(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    {
      sharedStrings: "cache",
      styles: "cache", // dates are numbers with a date format: without styles they would read as numbers
      hyperlinks: "ignore",
      worksheets: "emit",
      entries: "ignore",
    },
  );
  const rows: AsyncIterator<TSheetRow> = (async function* () {
    for await (const worksheet of reader) {
      for await (const row of worksheet)
        yield {
          line: row.number,
          cells: Array.from(row.values as unknown[])
            .slice(1)
            .map(xlsxCell),
        };
      return; // the first worksheet only
    }
  })();
  while (true) {
    let next: IteratorResult<TSheetRow>;
    try {
      next = await rows.next();
    } catch {
      throw refuse("imports.errors.badXlsx");
    }
    if (next.done) return;
    yield next.value;
  }
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
    if (!isEmptyRow(next.value)) return next.value.cells.map(cellText);
  }
  return null;
}
