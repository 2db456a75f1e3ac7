import { describe, expect, it } from "vitest";
import {
  findMissingColumns,
  guessColumns,
  indexHeaders,
  normalizeHeader,
  suggestSavedMapping,
} from "./headers";
import { ZImportMapping, type TImportMappingInput, type TSavedMapping } from "./schemas";

const mapping = (columns: TImportMappingInput["columns"], touchpointColumn = "접점") =>
  ZImportMapping.parse({
    touchpoint: { by: "name", column: touchpointColumn, journeyId: "j1" },
    observedAt: { by: "column", column: "응답일" },
    columns,
  });
const saved = (
  id: string,
  m: ReturnType<typeof mapping>,
  updatedAt = "2026-11-01T00:00:00.000Z",
): TSavedMapping => ({ id, name: id, mapping: m, updatedAt });

describe("header matching", () => {
  it("compares headers without case, spaces, _ - . or Unicode form differences", () => {
    expect(normalizeHeader(" Touchpoint_ID ")).toBe(normalizeHeader("touchpoint-id"));
    expect(normalizeHeader("\uFEFFNPS")).toBe("nps");
    // 한 as one precomposed code point (NFC) and as three jamo (NFD, as macOS writes file names)
    expect(normalizeHeader("만족도".normalize("NFD"))).toBe(normalizeHeader("만족도"));
  });

  it("lists the columns a mapping needs that the file lacks, and duplicated headers", () => {
    const m = mapping({ nps: "NPS", comment: "의견" });
    expect(findMissingColumns(["접점", "응답일", "nps", "의견"], m)).toEqual([]);
    expect(findMissingColumns(["접점", "의견"], m)).toEqual(["NPS", "응답일"]);
    expect(indexHeaders(["NPS", "nps ", "의견"]).duplicates).toEqual(["nps "]);
  });

  it("suggests the saved mapping whose every column the file has, the most specific first", () => {
    const small = saved("small", mapping({ nps: "NPS" }));
    const big = saved("big", mapping({ nps: "NPS", csat: "만족도", comment: "의견" }));
    const other = saved("other", mapping({ nps: "NPS" }, "Touchpoint"));
    expect(
      suggestSavedMapping(["접점", "응답일", "NPS", "만족도", "의견"], [small, big, other])?.id,
    ).toBe("big");
    expect(suggestSavedMapping(["접점", "응답일", "NPS"], [small, big, other])?.id).toBe("small");
    expect(suggestSavedMapping(["Question 1", "Question 2"], [small, big, other])).toBeNull();
  });

  it("breaks a tie by the most recently saved", () => {
    const older = saved("older", mapping({ nps: "NPS" }), "2026-01-01T00:00:00.000Z");
    const newer = saved("newer", mapping({ nps: "NPS" }), "2026-06-01T00:00:00.000Z");
    expect(suggestSavedMapping(["접점", "응답일", "NPS"], [older, newer])?.id).toBe("newer");
  });

  it("guesses columns from Korean and English headers, each header used once", () => {
    expect(
      guessColumns([
        "Response ID",
        "접점",
        "응답일시",
        "기대 점수",
        "체감 점수",
        "NPS",
        "CSAT",
        "Customer Effort",
        "의견",
        "지점",
        "Question 7",
      ]),
    ).toEqual({
      responseId: "Response ID",
      touchpointName: "접점",
      observedAt: "응답일시",
      expectationScore: "기대 점수",
      experiencedScore: "체감 점수",
      nps: "NPS",
      csat: "CSAT",
      ces: "Customer Effort",
      comment: "의견",
      site: "지점",
    });
  });
});
