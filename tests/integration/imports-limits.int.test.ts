import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { handlePreviewRequest, handleRunRequest } from "@/lib/imports/http";
import type { TImportMappingInput, TRunEvent } from "@/lib/imports/schemas";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations } from "./helpers/factories";
import { buildJourney, type TFixture } from "./helpers/journey-fixture";
import { openSheet } from "@/lib/imports/read-file";
import { surveyCsv, surveyXlsx } from "../fixtures/imports/survey-files";
import { bombPart, deflatedPart, partsOf, zipOf } from "../fixtures/imports/zip";

// What one upload may cost the server: an XLSX is refused as soon as it unpacks past the limits
// (a zip bomb, or one that lies about its sizes), memory stays bounded and no file is left behind;
// a header row too wide is refused before the rest of the file is read.

// Every temporary file this process makes lands here, so that a leftover one shows.
const tempDir = mkdtempSync(path.join(os.tmpdir(), "moments-imports-limits-"));
process.env.TMPDIR = tempDir;

let cast: Awaited<ReturnType<typeof createTwoOrganizations>>;
let f: TFixture;

beforeEach(async () => {
  await resetDatabase();
  cast = await createTwoOrganizations();
  f = await buildJourney(cast.a.manager);
});
afterEach(() => {
  expect(readdirSync(tempDir)).toEqual([]);
});
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

const mapping = (): TImportMappingInput => ({
  touchpoint: { by: "fixed", touchpointId: f.mot },
  observedAt: { by: "fixed", date: "2026-11-20" },
  columns: { nps: "NPS" },
});

async function uploadRequest(bytes: Uint8Array, options: unknown, fileName = "설문.xlsx") {
  const form = new FormData();
  form.set("file", new File([Buffer.from(bytes)], fileName));
  form.set("options", JSON.stringify(options));
  const multipart = new Request("http://localhost", { method: "POST", body: form });
  const body = new Uint8Array(await multipart.arrayBuffer());
  return new Request("http://localhost/measure/import/preview", {
    method: "POST",
    body,
    headers: {
      "content-type": multipart.headers.get("content-type")!,
      "content-length": String(body.byteLength),
    },
  });
}

async function eventsOf(response: Response): Promise<TRunEvent[]> {
  return (await response.text())
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as TRunEvent);
}

/** Runs `work` while sampling the process's resident memory; returns its result and the growth. */
async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ result: T; growth: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growth: peak - start };
  } finally {
    clearInterval(sampler);
  }
}

const MB = 1024 * 1024;
const BOMB_BYTES = 400 * MB;

describe("an XLSX zip bomb", () => {
  let bomb: Uint8Array;
  let liar: Uint8Array;

  beforeAll(async () => {
    // A real workbook (exceljs writes its sheet before its shared strings, as Excel may), whose
    // sheet is swapped for one that pads its rows with hundreds of megabytes of whitespace.
    const parts = await partsOf(await surveyXlsx([["NPS"], [9]]));
    const sheet = parts.find((part) => part.name === "xl/worksheets/sheet1.xml")!.content;
    const text = sheet.toString("utf8");
    // Before the header row: even a preview that reads the header alone meets the padding.
    const cut = text.indexOf("<sheetData>") + "<sheetData>".length;
    const padded = await bombPart("xl/worksheets/sheet1.xml", {
      head: text.slice(0, cut),
      padding: " ",
      tail: text.slice(cut),
      size: BOMB_BYTES,
    });
    const rezip = (swap: typeof padded) =>
      zipOf(
        parts.map((part) =>
          part.name === swap.name ? swap : deflatedPart(part.name, part.content),
        ),
      );
    bomb = rezip(padded);
    // The same, declaring that the sheet unpacks to 20 KB (the central directory and the local header agree).
    liar = rezip({ ...padded, declared: { size: 20 * 1024 } });
    expect(bomb.byteLength).toBeLessThan(MB);
  }, 60_000);

  it("is refused by the preview and by the import, with bounded memory, storing nothing", async () => {
    const preview = await withPeakMemory(async () =>
      handlePreviewRequest(cast.a.manager, await uploadRequest(bomb, { mapping: mapping() })).then(
        async (response) => ({ status: response.status, body: await response.json() }),
      ),
    );
    expect(preview.result).toEqual({
      status: 400,
      body: {
        ok: false,
        code: "VALIDATION",
        error: "imports.errors.xlsxTooLarge",
        fieldErrors: { limit: ["256"] },
      },
    });
    expect(preview.growth).toBeLessThan(100 * MB);

    const run = await withPeakMemory(async () =>
      eventsOf(
        await handleRunRequest(cast.a.manager, await uploadRequest(bomb, { mapping: mapping() })),
      ),
    );
    expect(run.result).toEqual([
      expect.objectContaining({ type: "error", error: "imports.errors.xlsxTooLarge" }),
    ]);
    expect(run.growth).toBeLessThan(100 * MB);
    expect(await db.surveyImport.count()).toBe(0);
  });

  it("that declares small sizes is refused from the bytes that come out", async () => {
    const { result, growth } = await withPeakMemory(async () => {
      const response = await handlePreviewRequest(cast.a.manager, await uploadRequest(liar, {}));
      return response.json();
    });
    expect(result).toMatchObject({ ok: false, error: "imports.errors.xlsxTooLarge" });
    expect(growth).toBeLessThan(100 * MB);
  });

  it("an ordinary workbook still reads, and leaves no file behind either", async () => {
    const response = await handlePreviewRequest(
      cast.a.manager,
      await uploadRequest(await surveyXlsx([["NPS"], [9], [7]]), { mapping: mapping() }),
    );
    expect(await response.json()).toMatchObject({ ok: true, data: { counts: { valid: 2 } } });
  });

  it("a damaged workbook and an upload cut off midway are refused, leaving nothing behind", async () => {
    const whole = await surveyXlsx([["NPS"], [9]]);
    const damaged = await handlePreviewRequest(
      cast.a.manager,
      await uploadRequest(whole.slice(0, whole.byteLength - 40), { mapping: mapping() }),
    );
    expect(await damaged.json()).toMatchObject({ ok: false, error: "imports.errors.badXlsx" });

    const full = await uploadRequest(bomb, {});
    const bytes = new Uint8Array(await full.arrayBuffer());
    const cutOff = new Request(full.url, {
      method: "POST",
      headers: full.headers,
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(bytes.subarray(0, bytes.byteLength / 2));
          controller.error(new Error("connection reset"));
        },
      }),
      duplex: "half",
    } as RequestInit);
    const answer = await handleRunRequest(cast.a.manager, cutOff);
    expect(await answer.json()).toMatchObject({ ok: false, error: "imports.errors.badUpload" });
    expect(await db.surveyImport.count()).toBe(0);
  });
});

describe("a header row with a huge number of columns", () => {
  const wide = (columns: number) => [
    ["NPS", ...Array.from({ length: columns - 1 }, (_, i) => `질문 ${i + 1}`)],
    [9, ...Array.from({ length: columns - 1 }, () => "")],
  ];

  it("CSV: refused before any row is parsed, naming the limit", async () => {
    const bytes = surveyCsv(wide(100_000));
    // openSheet itself refuses it: papaparse has not been handed the text.
    expect(() => openSheet(bytes)).toThrow(
      expect.objectContaining({
        message: "imports.errors.tooManyColumns",
        fieldErrors: { limit: ["2,000"] },
      }),
    );
    const response = await handlePreviewRequest(
      cast.a.manager,
      await uploadRequest(bytes, { mapping: mapping() }, "wide.csv"),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: "imports.errors.tooManyColumns",
      fieldErrors: { limit: ["2,000"] },
    });
  });

  it("XLSX: refused at its header row; a header of exactly 2,000 columns still reads", async () => {
    const refused = await handlePreviewRequest(
      cast.a.manager,
      await uploadRequest(await surveyXlsx(wide(2_001)), { mapping: mapping() }),
    );
    expect(await refused.json()).toMatchObject({ error: "imports.errors.tooManyColumns" });
    const read = await handlePreviewRequest(
      cast.a.manager,
      await uploadRequest(surveyCsv(wide(2_000)), { mapping: mapping() }, "wide.csv"),
    );
    expect(await read.json()).toMatchObject({ ok: true, data: { counts: { valid: 1 } } });
  });
});
