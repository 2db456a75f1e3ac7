import { describe, expect, it } from "vitest";
import { parseDateCell, parseNumberCell } from "./cells";
import { buildLookups, convertRow, planRows } from "./convert-row";
import { ZImportMapping, type TImportMappingInput } from "./schemas";

const lookups = buildLookups({
  touchpoints: [
    { id: "tp-counter", journeyId: "j1", nameKo: "카운터", nameEn: "Counter" },
    { id: "tp-web", journeyId: "j1", nameKo: "웹 예약", nameEn: "Web booking" },
    { id: "tp-dup-a", journeyId: "j1", nameKo: "안내", nameEn: "Guide A" },
    { id: "tp-dup-b", journeyId: "j1", nameKo: "안내", nameEn: "Guide B" },
    { id: "tp-other", journeyId: "j2", nameKo: "로비", nameEn: "Lobby" },
  ],
  drivers: [
    { id: "dr-wait", touchpointId: "tp-counter", nameKo: "대기 시간", nameEn: "Waiting time" },
  ],
  segments: [{ id: "seg-repeat", nameKo: "단골", nameEn: "Regulars" }],
  sites: [{ id: "site-gn", code: "GN01", name: "강남점" }],
});

const HEADERS = [
  "접점",
  "드라이버",
  "세그먼트",
  "지점",
  "출처",
  "응답일",
  "기대",
  "경험",
  "감정",
  "NPS",
  "CSAT",
  "CES",
  "의견",
  "응답ID",
];
const BASE: TImportMappingInput = {
  touchpoint: { by: "name", column: "접점", journeyId: "j1" },
  observedAt: { by: "column", column: "응답일" },
  columns: {
    driver: "드라이버",
    segment: "세그먼트",
    site: "지점",
    source: "출처",
    expectationScore: "기대",
    experiencedScore: "경험",
    emotionalScore: "감정",
    nps: "NPS",
    csat: "CSAT",
    ces: "CES",
    comment: "의견",
    responseId: "응답ID",
  },
};
const GOOD = [
  "카운터",
  "대기 시간",
  "단골",
  "GN01",
  "",
  "2026-11-20 14:30",
  "6",
  "4,5",
  "",
  "7",
  "4",
  "2",
  "줄이 길었어요",
  "R-17",
];

function convert(
  overrides: Record<number, string | number | Date | null> = {},
  mapping: TImportMappingInput = BASE,
) {
  const cells = GOOD.map((cell, i) => (i in overrides ? overrides[i]! : cell));
  return convertRow(cells, 7, planRows(HEADERS, ZImportMapping.parse(mapping)), lookups);
}
const errorsOf = (result: ReturnType<typeof convert>) =>
  result.ok ? [] : result.errors.map(({ field, message, value }) => ({ field, message, value }));

describe("convertRow", () => {
  it("turns a good row into the observation every capture path sends", () => {
    expect(convert()).toEqual({
      ok: true,
      responseId: "R-17",
      observation: {
        touchpointId: "tp-counter",
        driverId: "dr-wait",
        segmentId: "seg-repeat",
        siteId: "site-gn",
        source: "SURVEY",
        observedAt: new Date("2026-11-20T05:30:00Z"), // 14:30 in Korea (UTC+9, the default)
        expectationScore: 6,
        experiencedScore: 4.5,
        emotionalScore: null,
        nps: 7,
        csat: 4,
        ces: 2,
        comment: "줄이 길었어요",
      },
    });
  });

  it("keeps a comment as written, even one a spreadsheet would run (exports escape it)", () => {
    for (const comment of [
      "- 직원이 친절했어요",
      "+82 10 응답",
      "@매니저 확인 요망",
      '=HYPERLINK("http://x")',
    ]) {
      expect(convert({ 12: comment }), comment).toMatchObject({
        ok: true,
        observation: { comment },
      });
    }
  });

  it("finds names in English too, sites by name, sources by their code, and applies the defaults", () => {
    const result = convert({
      0: "COUNTER",
      1: "waiting time",
      2: "Regulars",
      3: "강남점",
      4: "voc_call",
    });
    expect(result).toMatchObject({
      ok: true,
      observation: {
        touchpointId: "tp-counter",
        driverId: "dr-wait",
        segmentId: "seg-repeat",
        siteId: "site-gn",
        source: "VOC_CALL",
      },
    });
    const defaults = convert(
      { 3: "" },
      { ...BASE, defaults: { source: "INTERVIEW", siteId: "site-gn" } },
    );
    expect(defaults).toMatchObject({
      ok: true,
      observation: { siteId: "site-gn", source: "INTERVIEW" },
    });
  });

  it("takes touchpoints by id or one fixed touchpoint, and a fixed date", () => {
    expect(
      convert(
        { 0: "tp-anything" },
        {
          ...BASE,
          touchpoint: { by: "id", column: "접점" },
          columns: { ...BASE.columns, driver: null },
        },
      ),
    ).toMatchObject({
      ok: true,
      observation: { touchpointId: "tp-anything" },
    });
    const fixed = convert(
      { 0: "ignored", 5: "not a date" },
      {
        ...BASE,
        touchpoint: { by: "fixed", touchpointId: "tp-web" },
        observedAt: { by: "fixed", date: "2026-11-02" },
        columns: { ...BASE.columns, driver: null },
      },
    );
    expect(fixed).toMatchObject({
      ok: true,
      observation: { touchpointId: "tp-web", observedAt: new Date("2026-11-01T15:00:00Z") },
    });
  });

  it.each([
    [
      "a missing touchpoint",
      { 0: "" },
      [{ field: "touchpoint", message: "validation.required", value: "" }],
    ],
    [
      "an unknown touchpoint",
      { 0: "없는 접점" },
      [{ field: "touchpoint", message: "imports.errors.unknownTouchpoint", value: "없는 접점" }],
    ],
    [
      "another journey's touchpoint",
      { 0: "Lobby", 1: "" },
      [{ field: "touchpoint", message: "imports.errors.unknownTouchpoint", value: "Lobby" }],
    ],
    [
      "an ambiguous touchpoint name",
      { 0: "안내", 1: "" },
      [{ field: "touchpoint", message: "imports.errors.ambiguousName", value: "안내" }],
    ],
    [
      "an unknown driver",
      { 1: "가격" },
      [{ field: "driver", message: "imports.errors.unknownDriver", value: "가격" }],
    ],
    [
      "an unknown segment",
      { 2: "VIP" },
      [{ field: "segment", message: "imports.errors.unknownSegment", value: "VIP" }],
    ],
    [
      "an unknown site",
      { 3: "ZZ99" },
      [{ field: "site", message: "imports.errors.unknownSite", value: "ZZ99" }],
    ],
    [
      "an unknown source",
      { 4: "카톡" },
      [{ field: "source", message: "imports.errors.unknownSource", value: "카톡" }],
    ],
    [
      "a missing date",
      { 5: "" },
      [{ field: "observedAt", message: "validation.required", value: "" }],
    ],
    [
      "a date we would have to guess",
      { 5: "11/20/2026" },
      [{ field: "observedAt", message: "imports.errors.badDate", value: "11/20/2026" }],
    ],
    [
      "a date that does not exist",
      { 5: "2026-02-30" },
      [{ field: "observedAt", message: "imports.errors.badDate", value: "2026-02-30" }],
    ],
    [
      "a date in the future",
      { 5: "2099-01-01" },
      [{ field: "observedAt", message: "validation.observedAtRange", value: "2099-01-01" }],
    ],
    [
      "a date before 2000",
      { 5: "1999-12-31" },
      [{ field: "observedAt", message: "validation.observedAtRange", value: "1999-12-31" }],
    ],
    [
      "a score that is not a number",
      { 7: "good" },
      [{ field: "experiencedScore", message: "imports.errors.notANumber", value: "good" }],
    ],
    [
      "a score out of its scale",
      { 6: "8", 9: "11" },
      [
        { field: "expectationScore", message: "imports.errors.outOfRange", value: "8" },
        { field: "nps", message: "imports.errors.outOfRange", value: "11" },
      ],
    ],
    [
      "a fractional NPS",
      { 9: "7.5" },
      [{ field: "nps", message: "imports.errors.notAnInteger", value: "7.5" }],
    ],
    [
      "no score at all",
      { 7: "", 9: "", 10: "", 11: "" },
      [{ field: "experiencedScore", message: "validation.noScore", value: "" }],
    ],
    [
      "a comment too long",
      { 12: "가".repeat(4001) },
      [{ field: "comment", message: "validation.tooLong", value: "가".repeat(100) }],
    ],
  ])("reports %s with the field, a message key and the value", (_name, overrides, expected) => {
    expect(errorsOf(convert(overrides))).toEqual(expected);
  });

  it("reports every problem of a row, with the row's line", () => {
    const result = convert({ 0: "없는 접점", 9: "eleven", 7: "99" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.field)).toEqual(["touchpoint", "experiencedScore", "nps"]);
      expect(result.errors.every((e) => e.line === 7)).toBe(true);
    }
  });

  it("reads XLSX cells: numbers, and dates as the wall-clock time of the sheet", () => {
    const result = convert({ 5: new Date(Date.UTC(2026, 10, 20, 9, 0)), 7: 5, 9: 10 });
    expect(result).toMatchObject({
      ok: true,
      observation: { observedAt: new Date("2026-11-20T00:00:00Z"), experiencedScore: 5, nps: 10 },
    });
  });
});

describe("cells", () => {
  it("reads numbers, or says they are not", () => {
    expect([
      parseNumberCell(" 5 "),
      parseNumberCell("4,5"),
      parseNumberCell("-1"),
      parseNumberCell(""),
      parseNumberCell(null),
      parseNumberCell(3),
    ]).toEqual([5, 4.5, -1, null, null, 3]);
    for (const bad of ["1e3", "0x10", "5점", "4.5.1", true])
      expect(parseNumberCell(bad), String(bad)).toBeNaN();
  });

  it("reads dates in ISO and Korean styles, with or without time and zone", () => {
    const kst = 540;
    expect(parseDateCell("2026-11-20", kst)?.toISOString()).toBe("2026-11-19T15:00:00.000Z");
    expect(parseDateCell("2026. 11. 20.", kst)?.toISOString()).toBe("2026-11-19T15:00:00.000Z");
    expect(parseDateCell("2026/11/20 09:05:07", kst)?.toISOString()).toBe(
      "2026-11-20T00:05:07.000Z",
    );
    expect(parseDateCell("2026-11-20T09:05:07.5Z", kst)?.toISOString()).toBe(
      "2026-11-20T09:05:07.500Z",
    );
    expect(parseDateCell("2026-11-20T09:05+01:00", kst)?.toISOString()).toBe(
      "2026-11-20T08:05:00.000Z",
    );
    expect(parseDateCell(46_000, 0)?.toISOString()).toBe("2025-12-09T00:00:00.000Z"); // an Excel serial day
    expect(parseDateCell("", kst)).toBeNull();
    for (const bad of ["20/11/2026", "2026-13-01", "2026-11-20 24:00", "yesterday"])
      expect(parseDateCell(bad, kst)?.getTime(), bad).toBeNaN();
  });
});
