import { describe, expect, it } from "vitest";
import { bombPart, deflatedPart, partsOf, zipOf } from "@/tests/fixtures/imports/zip";
import { surveyXlsx } from "@/tests/fixtures/imports/survey-files";
import { openSheet, readHeader } from "@/lib/imports/read-file";
import { openXlsxArchive, type TXlsxLimits } from "@/lib/imports/xlsx-archive";

const MB = 1024 * 1024;
const DEFAULTS: TXlsxLimits = { maxUnpackedBytes: 256 * MB, maxRatio: 100 };

async function drain(limits: TXlsxLimits, bytes: Uint8Array) {
  const archive = await openXlsxArchive(bytes, limits);
  let unpacked = 0;
  for (const name of archive.names().filter((n) => !n.endsWith("/")))
    for await (const chunk of await archive.open(name)) unpacked += (chunk as Buffer).byteLength;
  return unpacked;
}

/** A workbook whose sheet is `size` bytes: the real sheet's XML with spaces before its rows. */
async function paddedWorkbook(size: number, declared?: number) {
  const parts = await partsOf(await surveyXlsx([["NPS"], [9]]));
  const sheet = parts.find((p) => p.name === "xl/worksheets/sheet1.xml")!.content.toString();
  const cut = sheet.indexOf("<sheetData>") + "<sheetData>".length;
  const padded = await bombPart("xl/worksheets/sheet1.xml", {
    head: sheet.slice(0, cut),
    padding: " ",
    tail: sheet.slice(cut),
    size,
  });
  return zipOf(
    parts.map((p) =>
      p.name === padded.name
        ? { ...padded, ...(declared ? { declared: { size: declared } } : {}) }
        : deflatedPart(p.name, p.content),
    ),
  );
}

const headerOf = (bytes: Uint8Array, limits: TXlsxLimits) =>
  readHeader(openSheet(bytes, limits).rows);

describe("openXlsxArchive", () => {
  it(
    "lets a 50,000-row survey export through the default limits with room to spare",
    { timeout: 60_000 },
    async () => {
      const rows: (string | number)[][] = [["응답 ID", "날짜", "NPS", "CSAT", "의견", "지점"]];
      for (let i = 0; i < 50_000; i++)
        rows.push([
          `R-${i}`,
          `2026-11-${1 + (i % 28)}`,
          i % 11,
          1 + (i % 5),
          i % 3 ? "" : `친절했어요 ${i}`,
          `지점 ${i % 40}`,
        ]);
      const bytes = await surveyXlsx(rows);
      const unpacked = await drain(DEFAULTS, bytes);
      expect(unpacked).toBeGreaterThan(5 * MB);
      expect(unpacked).toBeLessThan(DEFAULTS.maxUnpackedBytes / 8);
    },
  );

  it("refuses a sheet over the unpacked limit, and one over the ratio, before inflating it", async () => {
    const bytes = await paddedWorkbook(40 * MB);
    await expect(
      headerOf(bytes, { maxUnpackedBytes: 8 * MB, maxRatio: 1000 }),
    ).rejects.toMatchObject({
      message: "imports.errors.xlsxTooLarge",
      fieldErrors: { limit: ["8"] },
    });
    await expect(
      headerOf(bytes, { maxUnpackedBytes: 256 * MB, maxRatio: 50 }),
    ).rejects.toMatchObject({
      message: "imports.errors.xlsxTooLarge",
    });
    expect(await headerOf(bytes, { maxUnpackedBytes: 64 * MB, maxRatio: 1100 })).toEqual(["NPS"]);
  });

  it("counts the bytes that come out, whatever the headers declare", async () => {
    const liar = await paddedWorkbook(40 * MB, 10 * 1024);
    await expect(headerOf(liar, DEFAULTS)).rejects.toMatchObject({
      message: "imports.errors.xlsxTooLarge",
    });
  });

  it("refuses damaged archives as unreadable workbooks", async () => {
    const bytes = await surveyXlsx([["NPS"], [9]]);
    await expect(openXlsxArchive(bytes.slice(0, 300), DEFAULTS)).rejects.toMatchObject({
      message: "imports.errors.badXlsx",
    });
    const parts = await partsOf(bytes);
    const broken = zipOf(
      parts.map((p) =>
        p.name === "xl/worksheets/sheet1.xml"
          ? { ...deflatedPart(p.name, p.content), deflated: Buffer.from("not deflate data") }
          : deflatedPart(p.name, p.content),
      ),
    );
    await expect(headerOf(broken, DEFAULTS)).rejects.toMatchObject({
      message: "imports.errors.badXlsx",
    });
  });
});
