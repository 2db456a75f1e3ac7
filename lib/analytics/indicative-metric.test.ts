import { describe, expect, it } from "vitest";
import { isIndicative } from "./indicative-metric";

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
