import { describe, expect, it } from "vitest";
import { csvFileName, tableToCsv } from "./csv";

describe("tableToCsv", () => {
  it("writes a BOM, CRLF lines, rounded numbers and empty cells for missing values", () => {
    expect(
      tableToCsv(
        ["터치포인트", "gap"],
        [
          ["개통", -1.234567],
          ["Pick-up", null],
        ],
        2,
      ),
    ).toBe("\uFEFF터치포인트,gap\r\n개통,-1.23\r\nPick-up,\r\n");
  });

  it("escapes text a spreadsheet would run as a formula, but not numbers", () => {
    const csv = tableToCsv(
      ["name", "value"],
      [
        ['=HYPERLINK("x")', -2],
        ["@SUM", 3],
        ["+cmd", 0],
        ["-1.5", Number.NEGATIVE_INFINITY],
      ],
    );
    expect(csv).toContain('"\'=HYPERLINK(""x"")",-2');
    expect(csv).toContain("'@SUM,3");
    expect(csv).toContain("'+cmd,0");
    // A plain number written as text stays a number; a non-finite number is text.
    expect(csv).toContain("-1.5,'-Infinity");
  });
});

describe("csvFileName", () => {
  it("is ASCII, dated and never empty", () => {
    expect(csvFileName("Gap by Segment", new Date("2026-11-25T10:00:00Z"))).toBe(
      "moments-gap-by-segment-2026-11-25.csv",
    );
    expect(csvFileName("세그먼트", new Date("2026-11-25T10:00:00Z"))).toBe(
      "moments-export-2026-11-25.csv",
    );
  });
});
