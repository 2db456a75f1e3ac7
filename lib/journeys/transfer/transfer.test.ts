import { describe, expect, it } from "vitest";
import { ZJourneyDocument, type TJourneyDocument } from "../document";
import { CSV_COLUMNS, journeyToCsv, parseJourneyCsv } from "./csv";
import { journeyToJson, parseJourneyJson } from "./json";

const journey: TJourneyDocument = ZJourneyDocument.parse({
  nameKo: "렌터카",
  nameEn: "Car rental",
  description: "예약부터 반납까지",
  stages: [
    {
      nameKo: "예약",
      nameEn: "Reservation",
      description: "",
      touchpoints: [
        {
          nameKo: '웹 예약, "빠른" 선택',
          nameEn: "Web booking,\nfast",
          channel: "WEB",
          dimension: "PRODUCT_SERVICE",
        },
        {
          nameKo: "=1+1 같은 이름",
          nameEn: "-minus first",
          description: "@mention; 'quoted'",
          channel: "PHONE",
          dimension: "FRONTLINE_STAFF",
          isMoT: true,
          drivers: [
            {
              nameKo: "대기 시간",
              nameEn: "Waiting time",
              kind: "RATIONAL",
              dimension: "PRODUCT_SERVICE",
              statedImportance: 0.8,
            },
            {
              nameKo: "친절함",
              nameEn: "Courtesy",
              kind: "EMOTIONAL",
              dimension: "FRONTLINE_STAFF",
            },
            {
              nameKo: "안내",
              nameEn: "Signage",
              kind: "RATIONAL",
              dimension: "MARKETING_COMMUNICATION",
              statedImportance: 0,
            },
          ],
        },
      ],
    },
    { nameKo: "빈 단계", nameEn: "", description: "아직 접점 없음", touchpoints: [] },
    {
      nameKo: "반납",
      nameEn: "Return",
      description: "",
      touchpoints: [
        {
          nameKo: "출발 안내 모니터",
          nameEn: "Departure monitors",
          channel: "KIOSK",
          dimension: "MARKETING_COMMUNICATION",
          isMoT: true,
          expectations: [
            {
              segmentNameKo: "회원",
              segmentNameEn: "Member",
              needs: "바로 출발",
              expectedLevel: 6,
            },
          ],
        },
      ],
    },
  ],
});
const names = { nameKo: journey.nameKo, nameEn: journey.nameEn };
const withoutExpectations = (d: TJourneyDocument) => ({
  ...d,
  description: "",
  stages: d.stages.map((s) => ({
    ...s,
    touchpoints: s.touchpoints.map((t) => ({ ...t, expectations: [] })),
  })),
});
const csvOf = (rows: string[][]) =>
  [CSV_COLUMNS.join(","), ...rows.map((r) => r.join(","))].join("\n");
const row = (overrides: Partial<Record<(typeof CSV_COLUMNS)[number], string>> = {}) =>
  CSV_COLUMNS.map(
    (c) =>
      ({
        stage_order: "1",
        stage_name_ko: "예약",
        touchpoint_order: "1",
        touchpoint_name_ko: "전화",
        channel: "PHONE",
        dimension: "FRONTLINE_STAFF",
        is_mot: "false",
        ...overrides,
      })[c as string] ?? "",
  );

describe("journey JSON", () => {
  it("round-trips without loss, expectations included", () => {
    const back = parseJourneyJson(journeyToJson(journey));
    expect(back).toEqual({ ok: true, document: journey });
    expect(
      back.ok && back.document.stages[0]!.touchpoints[1]!.drivers.map((d) => d.statedImportance),
    ).toEqual([0.8, null, 0]);
  });

  it("reads a file written before importance could be stated as 'derive from the data'", () => {
    const old = JSON.parse(journeyToJson(journey));
    for (const d of old.stages[0].touchpoints[1].drivers) delete d.statedImportance;
    const back = parseJourneyJson(JSON.stringify(old));
    expect(
      back.ok && back.document.stages[0]!.touchpoints[1]!.drivers.map((d) => d.statedImportance),
    ).toEqual([null, null, null]);
  });

  it("reports a bad stated importance at its path", () => {
    const bad = JSON.parse(journeyToJson(journey));
    bad.stages[0].touchpoints[1].drivers[0].statedImportance = 1.7;
    bad.stages[0].touchpoints[1].drivers[2].statedImportance = "high";
    expect(parseJourneyJson(JSON.stringify(bad))).toEqual({
      ok: false,
      errors: [
        {
          line: null,
          field: "stages.0.touchpoints.1.drivers.0.statedImportance",
          code: "transfer.badImportance",
        },
        {
          line: null,
          field: "stages.0.touchpoints.1.drivers.2.statedImportance",
          code: "transfer.badImportance",
        },
      ],
    });
  });

  it("reports each problem with its path and returns nothing", () => {
    const bad = JSON.parse(journeyToJson(journey));
    bad.stages[0].touchpoints[1].dimension = "PRICE";
    bad.stages[2].touchpoints[0].isMoT = false;
    const result = parseJourneyJson(JSON.stringify(bad));
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: null, field: "stages.0.touchpoints.1.dimension", code: "transfer.unknownValue" },
        {
          line: null,
          field: "stages.2.touchpoints.0.expectations",
          code: "errors.expectationOnlyOnMoT",
        },
      ],
    });
    expect(parseJourneyJson("{ not json")).toEqual({
      ok: false,
      errors: [{ line: null, field: "", code: "transfer.notJson" }],
    });
  });
});

describe("journey CSV", () => {
  it("round-trips the structure without loss: quotes, new lines, commas, formula-like names, empty stages, drivers and their importance", () => {
    const back = parseJourneyCsv(journeyToCsv(journey), names);
    expect(back).toEqual({ ok: true, document: withoutExpectations(journey) });
    expect(
      back.ok && back.document.stages[0]!.touchpoints[1]!.drivers.map((d) => d.statedImportance),
    ).toEqual([0.8, null, 0]);
  });

  it("reports a bad stated importance in a drivers cell with its line and value; an old cell without it reads as null", () => {
    const cell = (importance: unknown[]) =>
      `"${JSON.stringify(importance.map((statedImportance, i) => ({ nameEn: `D${i}`, kind: "RATIONAL", dimension: "PRODUCT_SERVICE", statedImportance }))).replaceAll('"', '""')}"`;
    const csv = csvOf([
      row({ drivers: cell([0.5, null]) }),
      row({ touchpoint_order: "2", drivers: cell([1.7]) }),
      row({ touchpoint_order: "3", drivers: cell([0.2, "high"]) }),
      row({
        touchpoint_order: "4",
        drivers: `"${JSON.stringify([{ nameEn: "D", kind: "RATIONAL", dimension: "PRICE", statedImportance: -1 }]).replaceAll('"', '""')}"`,
      }),
    ]);
    expect(parseJourneyCsv(csv, names)).toEqual({
      ok: false,
      errors: [
        { line: 3, field: "drivers", code: "transfer.badImportance", value: "1.7" },
        { line: 4, field: "drivers", code: "transfer.badImportance", value: '"high"' },
        { line: 5, field: "drivers", code: "transfer.badImportance", value: "-1" },
        { line: 5, field: "drivers", code: "transfer.badDrivers" },
      ],
    });
    const old = csvOf([
      row({
        drivers: `"${JSON.stringify([{ nameEn: "D", kind: "RATIONAL", dimension: "PRODUCT_SERVICE" }]).replaceAll('"', '""')}"`,
      }),
    ]);
    const back = parseJourneyCsv(old, names);
    expect(back.ok && back.document.stages[0]!.touchpoints[0]!.drivers).toEqual([
      {
        nameKo: "",
        nameEn: "D",
        kind: "RATIONAL",
        dimension: "PRODUCT_SERVICE",
        statedImportance: null,
      },
    ]);
  });

  it("escapes cells a spreadsheet would run as a formula", () => {
    const csv = journeyToCsv(journey);
    expect(csv).toContain("'=1+1 같은 이름");
    expect(csv).toContain("'-minus first");
    expect(csv).toContain("'@mention");
    expect(csv).not.toMatch(/(^|,)[=+\-@]/m);
  });

  it("keeps the file's order, not the row order", () => {
    const csv = csvOf([
      row({ touchpoint_order: "2", touchpoint_name_ko: "둘째" }),
      row({ stage_order: "2", stage_name_ko: "이용", touchpoint_name_ko: "셋째" }),
      row({ touchpoint_name_ko: "첫째" }),
    ]);
    const result = parseJourneyCsv(csv, names);
    expect(
      result.ok &&
        result.document.stages.map((s) => [s.nameKo, s.touchpoints.map((t) => t.nameKo)]),
    ).toEqual([
      ["예약", ["첫째", "둘째"]],
      ["이용", ["셋째"]],
    ]);
  });

  it("names wrong, missing and misplaced columns", () => {
    expect(parseJourneyCsv("stage,name\n1,a", names)).toMatchObject({
      ok: false,
      errors: expect.arrayContaining([
        { line: 1, field: "stage_order", code: "transfer.missingColumn" },
        { line: 1, field: "name", code: "transfer.unknownColumn" },
      ]),
    });
    const swapped = ["stage_name_ko", "stage_order", ...CSV_COLUMNS.slice(2)];
    expect(parseJourneyCsv(swapped.join(","), names)).toEqual({
      ok: false,
      errors: [{ line: 1, field: "", code: "transfer.columnOrder" }],
    });
  });

  it("reports every bad row with its line and reason", () => {
    const csv = csvOf([
      row(),
      row({ touchpoint_order: "2", dimension: "PRICE" }),
      row({ touchpoint_order: "1", touchpoint_name_ko: "중복" }),
      row({ touchpoint_order: "3", touchpoint_name_ko: '=HYPERLINK("http://x")' }),
      row({ touchpoint_order: "4", is_mot: "maybe" }),
      row({ touchpoint_order: "5", drivers: "not json" }),
      row({ touchpoint_order: "x" }),
      row({ touchpoint_order: "6", stage_name_ko: "다른 이름" }),
    ]);
    const result = parseJourneyCsv(csv, names);
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 3, field: "dimension", code: "transfer.unknownValue", value: "PRICE" },
        { line: 4, field: "touchpoint_order", code: "transfer.duplicateOrder", value: "2" },
        {
          line: 5,
          field: "touchpoint_name_ko",
          code: "transfer.formula",
          value: '=HYPERLINK("http://x")',
        },
        { line: 6, field: "is_mot", code: "transfer.badBoolean", value: "maybe" },
        { line: 7, field: "drivers", code: "transfer.badDrivers" },
        { line: 8, field: "touchpoint_order", code: "transfer.badOrder", value: "x" },
        { line: 9, field: "stage_name_ko", code: "transfer.stageMismatch", value: "2" },
      ],
    });
  });

  it("refuses garbage and empty files with a reason", () => {
    const garbage = Array.from(
      { length: 2000 },
      (_, i) => `\u0000\u0007${"x".repeat(i % 50)},"unterminated`,
    ).join("\n");
    const result = parseJourneyCsv(garbage, names);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.length).toBeGreaterThan(0);
    expect(!result.ok && result.errors.length).toBeLessThanOrEqual(200);
    expect(parseJourneyCsv("", names)).toEqual({
      ok: false,
      errors: [{ line: null, field: "", code: "transfer.empty" }],
    });
  });
});
