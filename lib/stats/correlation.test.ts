import { describe, expect, it } from "vitest";
import { correlationInterval, DEFAULT_IMPORTANCE, deriveImportance } from "./correlation";

describe("deriveImportance", () => {
  it("takes max(0, r) from 30 paired answers on", () => {
    expect(deriveImportance(0.62, 30)).toEqual({ importance: 0.62, importanceSource: "DERIVED" });
    expect(deriveImportance(-0.2, 500)).toEqual({ importance: 0, importanceSource: "DERIVED" });
  });

  it("falls back to the default below 30 answers or without a correlation", () => {
    expect(deriveImportance(0.9, 29)).toEqual({ importance: DEFAULT_IMPORTANCE, importanceSource: "DEFAULT" });
    expect(deriveImportance(null, 1000)).toEqual({ importance: DEFAULT_IMPORTANCE, importanceSource: "DEFAULT" });
  });

  it("refuses an impossible correlation", () => {
    expect(() => deriveImportance(1.2, 100)).toThrow(RangeError);
  });
});

describe("correlationInterval (Fisher z)", () => {
  it("matches the hand computation", () => {
    // r = 0.5, n = 103: atanh 0.5 = 0.549306, SE = 1/√100 = 0.1, z = 1.959964
    // → tanh(0.353310) = 0.339308, tanh(0.745302) = 0.632338.
    const interval = correlationInterval(0.5, 103);
    expect(interval?.low).toBeCloseTo(0.339308, 5);
    expect(interval?.high).toBeCloseTo(0.632338, 5);
  });

  it("is null with three pairs or fewer", () => {
    expect(correlationInterval(0.5, 3)).toBeNull();
  });
});
