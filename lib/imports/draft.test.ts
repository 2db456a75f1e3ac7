import { describe, expect, it } from "vitest";
import {
  draftFromGuess,
  draftFromMapping,
  emptyDraft,
  isDraftComplete,
  mappingFromDraft,
} from "./draft";
import { errorReportCsv } from "./error-report";
import { ZImportMapping, type TImportMappingInput } from "./schemas";

describe("the mapping form's draft", () => {
  it("round-trips a mapping, and what it builds passes the schema", () => {
    const mapping: TImportMappingInput = {
      touchpoint: { by: "name", column: "접점", journeyId: "j1" },
      observedAt: { by: "fixed", date: "2026-11-20" },
      columns: { nps: "NPS", comment: "의견" },
      defaults: { source: "VOC_CALL", siteId: "s1" },
      utcOffsetMinutes: 0,
    };
    const draft = draftFromMapping(mapping);
    expect(isDraftComplete(draft)).toBe(true);
    expect(ZImportMapping.parse(mappingFromDraft(draft))).toEqual(ZImportMapping.parse(mapping));
  });

  it("starts from guessed columns, and is incomplete until a touchpoint, a date and a score are chosen", () => {
    const draft = draftFromGuess(
      { touchpointName: "접점", observedAt: "응답일", nps: "NPS" },
      emptyDraft(),
    );
    expect(draft).toMatchObject({
      touchpointBy: "name",
      touchpointColumn: "접점",
      observedAtColumn: "응답일",
      columns: { nps: "NPS", csat: "" },
    });
    expect(isDraftComplete(draft)).toBe(false); // no journey yet
    expect(isDraftComplete({ ...draft, journeyId: "j1" })).toBe(true);
    expect(
      isDraftComplete({ ...draft, journeyId: "j1", columns: { ...draft.columns, nps: "" } }),
    ).toBe(false);
  });
});

describe("the error report", () => {
  it("is a CSV with a BOM whose cells cannot run as formulas", () => {
    const csv = errorReportCsv(
      [
        {
          line: 7,
          field: "comment",
          message: "imports.errors.unknownTouchpoint",
          value: '=HYPERLINK("x")',
        },
      ],
      { line: "행", field: "항목", reason: "이유", value: "값" },
      () => ({ field: "의견", reason: "수식처럼 시작합니다" }),
    );
    expect(csv).toBe(
      '\uFEFF행,항목,이유,값\r\n7,의견,수식처럼 시작합니다,"\'=HYPERLINK(""x"")"\r\n',
    );
  });
});
