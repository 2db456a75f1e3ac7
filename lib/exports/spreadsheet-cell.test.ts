import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isFormulaLike, readSpreadsheetCell, spreadsheetCell } from "./spreadsheet-cell";

describe("spreadsheetCell", () => {
  it("neutralises every formula start OWASP lists", () => {
    const attacks = [
      '=HYPERLINK("http://evil.example","click")',
      "+cmd|' /C calc'!A0",
      "-2+3+cmd|' /C calc'!A0",
      "@SUM(1+1)*cmd|' /C calc'!A0",
      "\t=1+1",
      "\r=1+1",
      "=",
      "-",
      "+",
      "@",
      "--1",
      "-1+1",
      "- 1",
    ];
    for (const attack of attacks) {
      expect(isFormulaLike(attack), attack).toBe(true);
      expect(spreadsheetCell(attack)).toBe(`'${attack}`);
    }
  });

  it("leaves plain numbers as numbers, negative ones included", () => {
    for (const number of ["-1", "-0.25", "+2", "-1e-3", "-.5", "3", "0", "1.5E+10"]) {
      expect(isFormulaLike(number), number).toBe(false);
      expect(spreadsheetCell(number)).toBe(number);
    }
  });

  it("leaves ordinary text alone, Korean included", () => {
    for (const text of [
      "고객 대기 시간",
      "Pick-up counter",
      "a=b",
      "email@example.com",
      "",
      " =not first",
    ])
      expect(spreadsheetCell(text)).toBe(text);
  });

  it("is undone by readSpreadsheetCell, a text starting with an apostrophe included", () => {
    for (const text of ["=1+1", "'quoted", "''twice", "-1", "-x", "plain", "", "'"])
      expect(readSpreadsheetCell(spreadsheetCell(text))).toBe(text);
  });
});

// ---------------------------------------------------------------------------------------------
// Every writer uses it: a file that writes CSV or a workbook must import spreadsheet-cell (or
// build on a writer that does). A new export that forgets it fails here.
// ---------------------------------------------------------------------------------------------

const ROOT = path.resolve(import.meta.dirname, "../..");
const WRITES_A_SPREADSHEET =
  /Papa\.unparse|\bunparse\(|\.xlsx\.write|\.csv\.write|addWorksheet\(|writeFile(?:Sync)?\([^)]*\.(?:csv|xlsx)/;
const ESCAPES = /from "@\/lib\/exports\/spreadsheet-cell"/;

function sourceFiles(): string[] {
  return ["app", "components", "lib", "scripts"].flatMap((folder) =>
    readdirSync(path.join(ROOT, folder), { recursive: true, encoding: "utf8" })
      .filter(
        (entry) =>
          /\.tsx?$/.test(entry) &&
          !/\.test\.tsx?$/.test(entry) &&
          !entry.split(path.sep).includes("generated"),
      )
      .map((entry) => path.join(folder, entry)),
  );
}

describe("every spreadsheet writer", () => {
  it("escapes its cells through spreadsheet-cell", () => {
    const writers = sourceFiles().filter((file) =>
      WRITES_A_SPREADSHEET.test(readFileSync(path.join(ROOT, file), "utf8")),
    );
    expect(writers.length).toBeGreaterThan(0);
    expect(
      writers.filter((file) => !ESCAPES.test(readFileSync(path.join(ROOT, file), "utf8"))),
    ).toEqual([]);
  });
});
