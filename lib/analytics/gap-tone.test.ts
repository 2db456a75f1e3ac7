import { describe, expect, it } from "vitest";
import { gapTone, heatColor, heatTextIsLight } from "./gap-tone";

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
