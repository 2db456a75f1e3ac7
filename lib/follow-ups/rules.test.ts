import { describe, expect, it } from "vitest";
import { followUpReasons, isOverdue } from "./rules";

describe("followUpReasons", () => {
  it("opens a follow-up when experience falls two points or more below expectation", () => {
    expect(followUpReasons({ experiencedScore: 4, expectation: 6, nps: null })).toEqual([
      "BELOW_EXPECTATION",
    ]);
    expect(followUpReasons({ experiencedScore: 1, expectation: 7, nps: null })).toEqual([
      "BELOW_EXPECTATION",
    ]);
  });

  it("does not for a small shortfall, a met expectation or a missing score", () => {
    expect(followUpReasons({ experiencedScore: 4.5, expectation: 6, nps: null })).toEqual([]);
    expect(followUpReasons({ experiencedScore: 7, expectation: 5, nps: null })).toEqual([]);
    expect(followUpReasons({ experiencedScore: null, expectation: 6, nps: null })).toEqual([]);
    expect(followUpReasons({ experiencedScore: 1, expectation: null, nps: null })).toEqual([]);
  });

  it("opens one for an NPS detractor (0–6) but not a passive (7–8) or promoter (9–10)", () => {
    expect(followUpReasons({ experiencedScore: null, expectation: null, nps: 0 })).toEqual([
      "NPS_DETRACTOR",
    ]);
    expect(followUpReasons({ experiencedScore: null, expectation: null, nps: 6 })).toEqual([
      "NPS_DETRACTOR",
    ]);
    expect(followUpReasons({ experiencedScore: null, expectation: null, nps: 7 })).toEqual([]);
    expect(followUpReasons({ experiencedScore: null, expectation: null, nps: 10 })).toEqual([]);
  });

  it("gives both reasons when both apply", () => {
    expect(followUpReasons({ experiencedScore: 2, expectation: 5, nps: 3 })).toEqual([
      "BELOW_EXPECTATION",
      "NPS_DETRACTOR",
    ]);
  });
});

describe("isOverdue", () => {
  const openedAt = new Date("2026-11-20T09:00:00Z");
  it("is false up to 48 hours after opening and true after", () => {
    expect(isOverdue(openedAt, new Date("2026-11-22T09:00:00Z"))).toBe(false);
    expect(isOverdue(openedAt, new Date("2026-11-22T09:00:01Z"))).toBe(true);
  });
});
