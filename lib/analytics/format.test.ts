import { describe, expect, it } from "vitest";
import {
  csvFileName,
  errorOffsets,
  formatMonth,
  formatPercent,
  isIndicative,
  formatSigned,
  filterInputFromSearchParams,
  gapTone,
  heatColor,
  heatTextIsLight,
  searchStringOf,
  tableToCsv,
} from "./format";
import { ZAnalysisFilter } from "./schemas";

describe("gapTone", () => {
  it("is warm below expectation, cool above", () => {
    expect(gapTone({ n: 50, mean: -0.4 })).toBe("below");
    expect(gapTone({ n: 50, mean: 0.4 })).toBe("above");
  });

  it("stays neutral while the interval still includes no gap", () => {
    expect(
      gapTone({ n: 800, mean: -0.02, interval: { low: -0.1, high: 0.06, confidence: 0.95 } }),
    ).toBe("neutral");
    expect(
      gapTone({ n: 800, mean: -0.2, interval: { low: -0.3, high: -0.1, confidence: 0.95 } }),
    ).toBe("below");
    expect(
      heatColor({ n: 800, mean: -0.02, interval: { low: -0.1, high: 0.06, confidence: 0.95 } }),
    ).toBe("rgb(245, 245, 245)");
  });

  it("stays neutral with too few observations, no gap or no data", () => {
    expect(gapTone({ n: 9, mean: -3 })).toBe("neutral");
    expect(gapTone({ n: 10, mean: -3 })).toBe("below");
    expect(gapTone({ n: 500, mean: 0 })).toBe("neutral");
    expect(gapTone(null)).toBe("neutral");
  });
});

describe("heatColor", () => {
  it("blends white towards warm or cool by the size of the gap", () => {
    expect(heatColor({ n: 50, mean: -2 })).toBe("rgb(221, 90, 39)");
    expect(heatColor({ n: 50, mean: 2 })).toBe("rgb(48, 127, 200)");
    expect(heatColor({ n: 50, mean: -5 })).toBe(heatColor({ n: 50, mean: -2 }));
    expect(heatColor({ n: 3, mean: -2 })).toBe("rgb(245, 245, 245)");
  });

  it("asks for light text only on strong cells", () => {
    expect(heatTextIsLight({ n: 50, mean: -2 })).toBe(true);
    expect(heatTextIsLight({ n: 50, mean: -0.3 })).toBe(false);
    expect(heatTextIsLight({ n: 2, mean: -2 })).toBe(false);
  });
});

describe("errorOffsets", () => {
  it("gives the distances from the mean to each end of the interval", () => {
    expect(errorOffsets(-1, { low: -1.5, high: -0.25, confidence: 0.95 })).toEqual([0.5, 0.75]);
    expect(errorOffsets(2, null)).toEqual([0, 0]);
  });
});

describe("the filter in the URL", () => {
  it("reads the short parameter names into a filter the schema accepts", () => {
    const input = filterInputFromSearchParams({
      journey: "j1",
      segment: "s1",
      site: ["a", "b"],
      mot: "1",
      from: "2026-01-01",
      source: "SURVEY",
      kind: "",
    });
    expect(input).toEqual({
      journeyId: "j1",
      segmentId: "s1",
      siteId: "a",
      motOnly: "1",
      from: "2026-01-01",
      source: "SURVEY",
    });
    expect(ZAnalysisFilter.parse(input)).toMatchObject({
      journeyId: "j1",
      motOnly: true,
      source: "SURVEY",
    });
  });

  it("has no filter without a journey", () => {
    expect(filterInputFromSearchParams({ segment: "s1" })).toBeNull();
  });

  it("writes a filter back, dropping unset values and applying a patch", () => {
    const filter = ZAnalysisFilter.parse({
      journeyId: "j1",
      dimension: "FRONTLINE_STAFF",
      motOnly: true,
    });
    expect(searchStringOf(filter)).toBe("?journey=j1&dimension=FRONTLINE_STAFF&mot=1");
    expect(searchStringOf(filter, { motOnly: false, segmentId: "s 2" })).toBe(
      "?journey=j1&segment=s+2&dimension=FRONTLINE_STAFF",
    );
    expect(searchStringOf({})).toBe("");
  });

  it("round-trips", () => {
    const filter = ZAnalysisFilter.parse({
      journeyId: "j1",
      from: "2026-01-01",
      to: "2026-03-31",
      siteId: "x",
      kind: "EMOTIONAL",
    });
    const params = Object.fromEntries(new URLSearchParams(searchStringOf(filter)));
    expect(ZAnalysisFilter.parse(filterInputFromSearchParams(params))).toEqual(filter);
  });
});

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

describe("numbers", () => {
  it("signs gaps and rounds before deciding the sign", () => {
    expect(formatSigned(-1.304, "en")).toBe("-1.30");
    expect(formatSigned(0.4, "ko", 1)).toBe("+0.4");
    expect(formatSigned(-0.001, "en")).toBe("0.00");
  });

  it("formats shares as percentages", () => {
    expect(formatPercent(0.137, "en")).toBe("14%");
  });
});

describe("isIndicative", () => {
  it("marks metrics from 1 to 29 answers, not an empty slice and not 30 or more", () => {
    expect([0, 1, 29, 30, 500].map((n) => isIndicative(n))).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe("formatMonth", () => {
  it("names a month key in the reader's language, in UTC whatever the server's zone", () => {
    expect(formatMonth("2026-11-01", "en")).toBe("Nov 2026");
    expect(formatMonth("2026-01-01", "ko")).toBe("2026년 1월");
    expect(formatMonth("not a date", "en")).toBe("not a date");
  });
});
