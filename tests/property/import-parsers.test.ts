import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import {
  ZJourneyDocument,
  type TJourneyDocument,
  CHANNELS,
  DIMENSIONS,
  DRIVER_KINDS,
} from "@/lib/journeys/document";
import { journeyToCsv, parseJourneyCsv } from "@/lib/journeys/transfer/csv";
import { journeyToJson, parseJourneyJson } from "@/lib/journeys/transfer/json";
import type { TCell } from "@/lib/imports/cells";
import { buildLookups, convertRow, planRows } from "@/lib/imports/convert-row";
import { openSheet, readHeader } from "@/lib/imports/read-file";
import { ZImportMapping, ZImportRunOptions } from "@/lib/imports/schemas";
import { ZObservationInput } from "@/lib/observations/schemas";
import { hostileString, PURE_RUNS } from "./arbitraries";

// The file parsers at the boundary — survey files (CSV/XLSX) and journey files
// (CSV/JSON) — given random and hostile files never fail with anything but a clear refusal, and a
// journey survives export and import unchanged, however hostile its names.

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Reads a whole sheet the way an import does; a refusal must be an AppError with a message key. */
async function readAll(bytes: Uint8Array): Promise<{ refused: string } | { rows: number }> {
  try {
    const sheet = openSheet(bytes);
    const header = await readHeader(sheet.rows);
    let rows = 0;
    for await (const row of sheet.rows) {
      expect(Array.isArray(row.cells)).toBe(true);
      rows += 1;
    }
    return { rows: header === null ? 0 : rows };
  } catch (error) {
    if (!isAppError(error)) throw error;
    expect(error.code).toBe("VALIDATION");
    expect(error.message).toMatch(/^imports\.errors\./);
    return { refused: error.message };
  }
}

const SIGNATURES = [
  [],
  [0x50, 0x4b, 0x03, 0x04],
  [0xd0, 0xcf, 0x11, 0xe0],
  [0xff, 0xfe],
  [0xfe, 0xff],
  [0xef, 0xbb, 0xbf],
];
const randomFile = fc
  .tuple(fc.constantFrom(...SIGNATURES), fc.uint8Array({ maxLength: 3000 }))
  .map(([signature, rest]) => new Uint8Array([...signature, ...rest]));

const csvCell = fc.oneof(
  hostileString,
  fc.constantFrom(
    '"',
    '""',
    "a,b",
    "a;b",
    "a\tb",
    "line\nbreak",
    "\r\n",
    "=1+1",
    " 7 ",
    "4,5",
    "2026-11-20 09:30",
    "2026. 11. 20.",
  ),
);
const csvText = fc
  .tuple(
    fc.array(fc.array(csvCell, { minLength: 1, maxLength: 6 }), { maxLength: 12 }),
    fc.constantFrom(",", ";", "\t"),
    fc.boolean(),
  )
  .map(
    ([rows, delimiter, unterminated]) =>
      Papa.unparse(rows, { delimiter }) + (unterminated ? '\n"never closed' : ""),
  );

describe("survey files", () => {
  it("random bytes (zip, legacy Excel, UTF-16 and UTF-8 signatures included) are read or refused with a reason", async () => {
    await fc.assert(
      fc.asyncProperty(randomFile, async (bytes) => void (await readAll(bytes))),
      { numRuns: PURE_RUNS },
    );
  });

  it("random CSV text (quotes, delimiters, line breaks, an unterminated quote) is read row by row", async () => {
    await fc.assert(
      fc.asyncProperty(csvText, async (text) => {
        const result = await readAll(utf8(text));
        if ("refused" in result) expect(result.refused).toMatch(/emptyFile|tooLarge|notCsvOrXlsx/);
      }),
      { numRuns: PURE_RUNS },
    );
  });

  const TOUCHPOINT = "tp_1";
  const mappings = [
    {
      touchpoint: { by: "fixed", touchpointId: TOUCHPOINT },
      observedAt: { by: "column", column: "date" },
      columns: {
        nps: "nps",
        experiencedScore: "score",
        comment: "comment",
        segment: "segment",
        site: "site",
        source: "source",
        driver: "driver",
      },
    },
    {
      touchpoint: { by: "name", column: "touchpoint", journeyId: "j_1" },
      observedAt: { by: "fixed", date: "2026-11-20" },
      columns: {
        csat: "csat",
        ces: "ces",
        expectationScore: "expected",
        emotionalScore: "feeling",
        responseId: "id",
      },
    },
    {
      touchpoint: { by: "id", column: "touchpoint" },
      observedAt: { by: "column", column: "date" },
      columns: { nps: "nps" },
      utcOffsetMinutes: -720,
    },
  ].map((mapping) => ZImportMapping.parse(mapping));
  const headers = [
    "date",
    "nps",
    "score",
    "comment",
    "segment",
    "site",
    "source",
    "driver",
    "touchpoint",
    "csat",
    "ces",
    "expected",
    "feeling",
    "id",
  ];
  const lookups = buildLookups({
    touchpoints: [
      { id: TOUCHPOINT, journeyId: "j_1", nameKo: "개통", nameEn: "Activation" },
      { id: "tp_2", journeyId: "j_1", nameKo: "개통", nameEn: "Twin" },
    ],
    drivers: [{ id: "d_1", touchpointId: TOUCHPOINT, nameKo: "대기 시간", nameEn: "Waiting" }],
    segments: [{ id: "s_1", nameKo: "재방문 고객", nameEn: "Returning" }],
    sites: [{ id: "site_1", code: "GANGNAM", name: "강남점" }],
  });
  const cell: fc.Arbitrary<TCell> = fc.oneof(
    csvCell,
    fc.double(),
    fc.integer({ min: -3, max: 12 }).map(String),
    fc.boolean(),
    fc.constant(null),
    fc.date({ noInvalidDate: false }),
    fc.constantFrom(
      "개통",
      "Activation",
      "대기 시간",
      "재방문 고객",
      "GANGNAM",
      "강남점",
      "VOC_CALL",
      "tp_1",
      "2026-11-20T09:30:00+09:00",
      "45000",
    ),
  );

  it("a row of random cells becomes a valid observation or a list of row errors, never an exception", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...mappings),
        fc.array(cell, { maxLength: headers.length + 2 }),
        fc.integer({ min: 2, max: 100_000 }),
        (mapping, cells, line) => {
          const converted = convertRow(cells, line, planRows(headers, mapping), lookups);
          if (converted.ok)
            expect(ZObservationInput.safeParse({ ...converted.observation }).success).toBe(true);
          else
            for (const error of converted.errors) {
              expect(error.line).toBe(line);
              expect(error.message).toMatch(/^(validation|errors|imports)\./);
              expect(error.value.length).toBeLessThanOrEqual(100);
            }
        },
      ),
      { numRuns: PURE_RUNS * 5 },
    );
  });

  it("the upload's options are parsed with a result, never an exception", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (options) => void ZImportRunOptions.safeParse(options)),
      { numRuns: PURE_RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Journey files
// ---------------------------------------------------------------------------------------------

/** A name as the app stores it (zod trims): hostile content, formula starts and apostrophes included. */
const storedName = fc
  .oneof(
    hostileString,
    fc.constantFrom(
      '=HYPERLINK("http://evil.example")',
      "+cmd|' /C calc'!A0",
      "-2+3",
      "-1",
      "@SUM(1)",
      "'quoted",
      "''",
      '고객 "여정", 첫 단계',
    ),
  )
  .map((text) => text.trim().slice(0, 200))
  .filter((text) => text !== "");

const driver = fc.record({
  nameKo: storedName,
  nameEn: storedName,
  kind: fc.constantFrom(...DRIVER_KINDS),
  dimension: fc.constantFrom(...DIMENSIONS),
  statedImportance: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
});
const touchpoint = fc.record({
  nameKo: storedName,
  nameEn: storedName,
  description: storedName,
  channel: fc.constantFrom(...CHANNELS),
  dimension: fc.constantFrom(...DIMENSIONS),
  isMoT: fc.boolean(),
  drivers: fc.array(driver, { maxLength: 3 }),
});
const journeyDocument: fc.Arbitrary<TJourneyDocument> = fc
  .record({
    nameKo: storedName,
    nameEn: storedName,
    stages: fc.array(
      fc.record({
        nameKo: storedName,
        nameEn: storedName,
        description: storedName,
        touchpoints: fc.array(touchpoint, { maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map((raw) => ZJourneyDocument.parse(raw));

describe("journey files", () => {
  it("random text is read as a journey or refused with reasons, as CSV and as JSON", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          csvText,
          hostileString,
          fc.jsonValue().map((value) => JSON.stringify(value)),
        ),
        (text) => {
          for (const result of [
            parseJourneyCsv(text, { nameKo: "여정", nameEn: "Journey" }),
            parseJourneyJson(text),
          ]) {
            if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: PURE_RUNS },
    );
  });

  it("a journey exported as CSV reads back as the same journey, formula-like names included", () => {
    fc.assert(
      fc.property(journeyDocument, (document) => {
        const back = parseJourneyCsv(journeyToCsv(document), {
          nameKo: document.nameKo,
          nameEn: document.nameEn,
        });
        expect(back).toEqual({ ok: true, document: { ...document, description: "" } });
      }),
      { numRuns: PURE_RUNS },
    );
  });

  it("a journey exported as JSON reads back as the same journey", () => {
    fc.assert(
      fc.property(journeyDocument, (document) => {
        expect(parseJourneyJson(journeyToJson(document))).toEqual({ ok: true, document });
      }),
      { numRuns: PURE_RUNS },
    );
  });
});
