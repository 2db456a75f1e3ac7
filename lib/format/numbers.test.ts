import { describe, expect, it } from "vitest";
import { formatPercent, formatSigned } from "./numbers";

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
