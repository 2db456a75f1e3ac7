import { describe, expect, it } from "vitest";
import { filterInputFromSearchParams, searchStringOf } from "./filter-url";
import { ZAnalysisFilter } from "./schemas";

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
