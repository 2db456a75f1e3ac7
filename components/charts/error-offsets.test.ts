import { describe, expect, it } from "vitest";
import { errorOffsets } from "./error-offsets";

describe("errorOffsets", () => {
  it("gives the distances from the mean to each end of the interval", () => {
    expect(errorOffsets(-1, { low: -1.5, high: -0.25, confidence: 0.95 })).toEqual([0.5, 0.75]);
    expect(errorOffsets(2, null)).toEqual([0, 0]);
  });
});
