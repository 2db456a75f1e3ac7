import { describe, expect, it } from "vitest";
import { formatMonth } from "./months";

describe("formatMonth", () => {
  it("names a month key in the reader's language, in UTC whatever the server's zone", () => {
    expect(formatMonth("2026-11-01", "en")).toBe("Nov 2026");
    expect(formatMonth("2026-01-01", "ko")).toBe("2026년 1월");
    expect(formatMonth("not a date", "en")).toBe("not a date");
  });
});
