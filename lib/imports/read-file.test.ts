import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { openSheet, readHeader, type TSheetRow } from "./read-file";
import { MAX_IMPORT_BYTES } from "./schemas";

const utf8 = (text: string) => new TextEncoder().encode(text);

async function readAll(bytes: Uint8Array) {
  const sheet = openSheet(bytes);
  const headers = await readHeader(sheet.rows);
  const rows: TSheetRow[] = [];
  for await (const row of sheet.rows) rows.push(row);
  return { format: sheet.format, headers, rows };
}

describe("openSheet: CSV", () => {
  it("reads UTF-8 with a BOM, Korean headers and values, and keeps file line numbers", async () => {
    const { format, headers, rows } = await readAll(
      utf8("\uFEFF접점,날짜,만족도\r\n카운터,2026-11-20,5\r\n\r\n반납,2026-11-21,4\r\n"),
    );
    expect(format).toBe("csv");
    expect(headers).toEqual(["접점", "날짜", "만족도"]);
    expect(rows.filter((r) => r.cells.some((c) => c !== "")).map((r) => [r.line, r.cells])).toEqual(
      [
        [2, ["카운터", "2026-11-20", "5"]],
        [4, ["반납", "2026-11-21", "4"]],
      ],
    );
  });

  it.each([
    ["comma", ","],
    ["semicolon", ";"],
    ["tab", "\t"],
  ])(
    "detects a %s delimiter and reads quoted fields holding it, quotes and line breaks",
    async (_name, d) => {
      const text = [
        `id${d}comment${d}nps`,
        `1${d}"좋아요${d} 빨라요"${d}9`,
        `2${d}"He said ""fine""\nthen left"${d}3`,
      ].join("\n");
      const { headers, rows } = await readAll(utf8(text));
      expect(headers).toEqual(["id", "comment", "nps"]);
      expect(rows.map((r) => r.cells)).toEqual([
        ["1", `좋아요${d} 빨라요`, "9"],
        ["2", 'He said "fine"\nthen left', "3"],
      ]);
    },
  );

  it("reads without a BOM and flags an unterminated quote on its row", async () => {
    const { rows } = await readAll(utf8('a,b\n1,2\n3,"open\n'));
    expect(rows[0]).toMatchObject({ line: 2, cells: ["1", "2"] });
    expect(rows[1]).toMatchObject({ line: 3, problem: "imports.errors.badQuotes" });
  });

  it("streams a file larger than one parser chunk, every row in order", async () => {
    const lines = ["n,comment"];
    for (let i = 1; i <= 20_000; i++) lines.push(`${i},"응답 ${i}, 한글 코멘트"`);
    const { rows } = await readAll(utf8(lines.join("\n")));
    expect(rows).toHaveLength(20_000);
    expect(rows.at(-1)).toEqual({ line: 20_001, cells: ["20000", "응답 20000, 한글 코멘트"] });
  });
});

describe("openSheet: XLSX", () => {
  it("reads the first worksheet: strings, numbers, dates, rich text and formula results", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("응답");
    sheet.addRow(["접점", "날짜", "NPS", "의견"]);
    sheet.addRow([
      "카운터",
      new Date(Date.UTC(2026, 10, 20, 9, 30)),
      9,
      { richText: [{ text: "빨라" }, { text: "요" }] },
    ]);
    sheet.addRow([]);
    sheet.addRow(["반납", 46_000, { formula: "4+3", result: 7 }, null]);
    workbook.addWorksheet("other").addRow(["ignored"]);
    const { format, headers, rows } = await readAll(
      new Uint8Array(await workbook.xlsx.writeBuffer()),
    );
    expect(format).toBe("xlsx");
    expect(headers).toEqual(["접점", "날짜", "NPS", "의견"]);
    expect(rows.map((r) => [r.line, r.cells])).toEqual([
      [2, ["카운터", new Date(Date.UTC(2026, 10, 20, 9, 30)), 9, "빨라요"]],
      [4, ["반납", 46_000, 7]],
    ]);
  });

  it("refuses a damaged workbook with a clear message", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("a").addRow(["x"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer()).slice(0, 200);
    await expect(readAll(bytes)).rejects.toMatchObject({
      code: "VALIDATION",
      message: "imports.errors.badXlsx",
    });
  });
});

describe("openSheet: what it refuses before any parsing", () => {
  it.each([
    ["an empty file", new Uint8Array(), "imports.errors.emptyFile"],
    ["a file over the limit", new Uint8Array(MAX_IMPORT_BYTES + 1), "imports.errors.tooLarge"],
    [
      "an old .xls",
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]),
      "imports.errors.legacyExcel",
    ],
    ["UTF-16", new Uint8Array([0xff, 0xfe, 0x41, 0x00]), "imports.errors.notUtf8"],
    [
      "EUC-KR (not UTF-8)",
      new Uint8Array([0xc7, 0xd1, 0xb1, 0xdb, 0x2c, 0x41]),
      "imports.errors.notUtf8",
    ],
    [
      "binary garbage",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]),
      "imports.errors.notCsvOrXlsx",
    ],
  ])("%s", (_name, bytes, message) => {
    expect(() => openSheet(bytes)).toThrow(
      expect.objectContaining({ code: "VALIDATION", message }),
    );
  });
});
