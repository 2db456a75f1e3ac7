import { describe, expect, it } from "vitest";
import { ZDriverDocument } from "./document";
import { importanceToPercent, isImportanceValid, percentToImportance } from "./importance";
import { ZDriverInput, ZTouchpointSaveInput } from "./schemas";

const driver = {
  nameKo: "대기 시간",
  nameEn: "Waiting time",
  kind: "RATIONAL",
  dimension: "PRODUCT_SERVICE",
} as const;
const issuesOf = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => result.error?.issues.map((i) => ({ path: i.path.join("."), message: i.message })) ?? [];

describe("the editor's percentage and the stored share", () => {
  it("reads what a manager types: empty is 'derive from the data', a percentage is a share of 1", () => {
    expect(
      ["", "  ", "80", "80 %", "80%", "0", "100", "12.5", ".5", "7"].map(percentToImportance),
    ).toEqual([null, null, 0.8, 0.8, 0.8, 0, 1, 0.125, 0.005, 0.07]);
  });

  it("turns anything else into NaN (refused by the schema), and above 100 % into more than 1 (refused too)", () => {
    for (const text of ["high", "-10", "1e2", "0x10", "80,5", "%"])
      expect(percentToImportance(text), text).toBeNaN();
    expect(percentToImportance("150")).toBe(1.5);
    expect([null, 0, 1, 0.8].every(isImportanceValid)).toBe(true);
    expect([Number.NaN, -0.1, 1.5, Number.POSITIVE_INFINITY].some(isImportanceValid)).toBe(false);
  });

  it("shows the stored value as a percentage without float noise, and back again unchanged", () => {
    expect([null, 0, 0.07, 0.8, 1, 0.125, 1 / 3].map(importanceToPercent)).toEqual([
      "",
      "0",
      "7",
      "80",
      "100",
      "12.5",
      "33.333333",
    ]);
    for (const value of [0, 0.07, 0.29, 0.8, 1, 0.125])
      expect(percentToImportance(importanceToPercent(value))).toBe(value);
  });
});

describe("ZDriverInput.statedImportance (the editor's boundary)", () => {
  it("takes 0–1 or null, and leaves it out when not sent (a kept driver keeps its value)", () => {
    expect(ZDriverInput.parse({ ...driver, statedImportance: 0 }).statedImportance).toBe(0);
    expect(ZDriverInput.parse({ ...driver, statedImportance: 1 }).statedImportance).toBe(1);
    expect(ZDriverInput.parse({ ...driver, statedImportance: null }).statedImportance).toBeNull();
    expect(ZDriverInput.parse(driver)).not.toHaveProperty("statedImportance");
  });

  it("refuses out-of-range, non-numbers and NaN with one clear message, at the driver's path", () => {
    for (const statedImportance of [
      1.7,
      -0.01,
      "high",
      "0.8",
      Number.NaN,
      Number.POSITIVE_INFINITY,
      true,
    ]) {
      expect(
        issuesOf(ZDriverInput.safeParse({ ...driver, statedImportance })),
        String(statedImportance),
      ).toEqual([{ path: "statedImportance", message: "journeyMap.importanceRange" }]);
    }
    const touchpoint = {
      journeyId: "j",
      version: 1,
      stageId: "s",
      nameEn: "Counter",
      channel: "IN_PERSON",
      dimension: "FRONTLINE_STAFF",
    } as const;
    const result = ZTouchpointSaveInput.safeParse({
      ...touchpoint,
      drivers: [
        { ...driver, statedImportance: 0.5 },
        { ...driver, statedImportance: 2 },
      ],
    });
    expect(issuesOf(result)).toEqual([
      { path: "drivers.1.statedImportance", message: "journeyMap.importanceRange" },
    ]);
  });
});

describe("ZDriverDocument.statedImportance (files)", () => {
  it("defaults to null for files written before it existed, and keeps a stated value", () => {
    expect(ZDriverDocument.parse(driver).statedImportance).toBeNull();
    expect(ZDriverDocument.parse({ ...driver, statedImportance: 0.35 }).statedImportance).toBe(
      0.35,
    );
  });

  it("refuses a bad value with the transfer message", () => {
    expect(issuesOf(ZDriverDocument.safeParse({ ...driver, statedImportance: 1.7 }))).toEqual([
      { path: "statedImportance", message: "transfer.badImportance" },
    ]);
    expect(issuesOf(ZDriverDocument.safeParse({ ...driver, statedImportance: "high" }))).toEqual([
      { path: "statedImportance", message: "transfer.badImportance" },
    ]);
  });
});
