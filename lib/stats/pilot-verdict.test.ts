import { describe, expect, it } from "vitest";
import type { TDifferenceTest } from "./difference-tests";
import { MIN_OBSERVATIONS_PER_GROUP, pilotVerdict } from "./pilot-verdict";

function test(difference: number, pValue: number): TDifferenceTest {
  return {
    difference,
    interval: { low: difference - 1, high: difference + 1, confidence: 0.95 },
    statistic: difference,
    df: null,
    pValue,
  };
}

describe("pilotVerdict", () => {
  it("calls a significant rise IMPROVED and a significant fall WORSENED (higher is better)", () => {
    expect(
      pilotVerdict({ test: test(0.4, 0.001), pilotN: 200, controlN: 180, requiredPerGroup: 150 }),
    ).toEqual({ verdict: "IMPROVED", reason: "SIGNIFICANT" });
    expect(
      pilotVerdict({ test: test(-0.4, 0.001), pilotN: 200, controlN: 180, requiredPerGroup: 150 }),
    ).toEqual({ verdict: "WORSENED", reason: "SIGNIFICANT" });
  });

  it("says NO_CLEAR_DIFFERENCE when p ≥ α, whatever the size of the difference", () => {
    expect(
      pilotVerdict({ test: test(0.9, 0.2), pilotN: 200, controlN: 200, requiredPerGroup: 150 }),
    ).toEqual({ verdict: "NO_CLEAR_DIFFERENCE", reason: "NOT_SIGNIFICANT" });
    expect(
      pilotVerdict({ test: test(0.9, 0.05), pilotN: 200, controlN: 200, requiredPerGroup: null }),
    ).toEqual({ verdict: "NO_CLEAR_DIFFERENCE", reason: "NOT_SIGNIFICANT" });
  });

  it("honours another α", () => {
    expect(
      pilotVerdict({
        test: test(0.3, 0.03),
        pilotN: 50,
        controlN: 50,
        requiredPerGroup: null,
        alpha: 0.01,
      }).verdict,
    ).toBe("NO_CLEAR_DIFFERENCE");
    expect(
      pilotVerdict({
        test: test(0.3, 0.03),
        pilotN: 50,
        controlN: 50,
        requiredPerGroup: null,
        alpha: 0.1,
      }).verdict,
    ).toBe("IMPROVED");
  });

  it("refuses to peek: below the planned sample in either group it is NOT_ENOUGH_DATA, whatever the p-value", () => {
    expect(
      pilotVerdict({ test: test(1.2, 1e-9), pilotN: 149, controlN: 400, requiredPerGroup: 150 }),
    ).toEqual({ verdict: "NOT_ENOUGH_DATA", reason: "BELOW_PLANNED_SAMPLE" });
    expect(
      pilotVerdict({ test: test(-1.2, 1e-9), pilotN: 400, controlN: 120, requiredPerGroup: 150 }),
    ).toEqual({ verdict: "NOT_ENOUGH_DATA", reason: "BELOW_PLANNED_SAMPLE" });
    expect(
      pilotVerdict({ test: test(1.2, 1e-9), pilotN: 150, controlN: 150, requiredPerGroup: 150 })
        .verdict,
    ).toBe("IMPROVED");
  });

  it("applies the floor even without a plan, and before the plan", () => {
    const floor = MIN_OBSERVATIONS_PER_GROUP;
    expect(
      pilotVerdict({
        test: test(2, 1e-6),
        pilotN: floor - 1,
        controlN: 500,
        requiredPerGroup: null,
      }),
    ).toEqual({ verdict: "NOT_ENOUGH_DATA", reason: "TOO_FEW_OBSERVATIONS" });
    expect(
      pilotVerdict({ test: test(2, 1e-6), pilotN: 3, controlN: 3, requiredPerGroup: 64 }),
    ).toEqual({ verdict: "NOT_ENOUGH_DATA", reason: "TOO_FEW_OBSERVATIONS" });
    expect(
      pilotVerdict({ test: test(2, 1e-6), pilotN: floor, controlN: floor, requiredPerGroup: null })
        .verdict,
    ).toBe("IMPROVED");
  });

  it("treats a test that could not be computed as too little information", () => {
    expect(pilotVerdict({ test: null, pilotN: 300, controlN: 300, requiredPerGroup: 100 })).toEqual(
      { verdict: "NOT_ENOUGH_DATA", reason: "TOO_FEW_OBSERVATIONS" },
    );
  });

  it("refuses impossible counts and α", () => {
    expect(() =>
      pilotVerdict({ test: null, pilotN: -1, controlN: 3, requiredPerGroup: null }),
    ).toThrow(RangeError);
    expect(() =>
      pilotVerdict({ test: null, pilotN: 1, controlN: 3, requiredPerGroup: 2.5 }),
    ).toThrow(RangeError);
    expect(() =>
      pilotVerdict({ test: null, pilotN: 1, controlN: 3, requiredPerGroup: null, alpha: 1 }),
    ).toThrow(RangeError);
  });
});

describe("pilotVerdict with sites", () => {
  it("refuses a verdict with one site in a group unless the pilot is exploratory", () => {
    const base = { test: test(2, 1e-6), pilotN: 300, controlN: 300, requiredPerGroup: 100 };
    expect(pilotVerdict({ ...base, sitesPerGroup: { pilot: 1, control: 3 } })).toEqual({
      verdict: "NOT_ENOUGH_DATA",
      reason: "TOO_FEW_SITES",
    });
    expect(
      pilotVerdict({ ...base, sitesPerGroup: { pilot: 1, control: 1 }, isExploratory: true }),
    ).toEqual({ verdict: "IMPROVED", reason: "SIGNIFICANT" });
    expect(pilotVerdict({ ...base, sitesPerGroup: { pilot: 2, control: 2 } }).verdict).toBe(
      "IMPROVED",
    );
    // Without a site structure (the overview's before/after outcomes) nothing changes.
    expect(pilotVerdict(base).verdict).toBe("IMPROVED");
  });
});
