import { describe, expect, it } from "vitest";
import { followUpReasons, isOverdue, isRecentEnoughToFollowUp } from "./rules";

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

describe("isRecentEnoughToFollowUp", () => {
  // Today is Monday 2026-12-07 in Korea (09:00 KST = 00:00 UTC). With 14 days, the oldest day that
  // still opens a follow-up is 2026-11-23; 2026-11-22 is 15 days back.
  const now = new Date("2026-12-07T00:00:00Z");
  it("opens follow-ups for answers of the last 14 Korean calendar days, today included", () => {
    expect(isRecentEnoughToFollowUp(new Date("2026-12-06T23:59:00Z"), now, 14)).toBe(true);
    // 2026-11-23 00:00 KST is 2026-11-22 15:00 UTC.
    expect(isRecentEnoughToFollowUp(new Date("2026-11-22T15:00:00Z"), now, 14)).toBe(true);
    expect(isRecentEnoughToFollowUp(new Date("2026-11-22T14:59:00Z"), now, 14)).toBe(false);
  });

  it("refuses a three-month-old answer, and follows the organization's own age", () => {
    const september = new Date("2026-09-07T03:00:00Z");
    expect(isRecentEnoughToFollowUp(september, now, 14)).toBe(false);
    expect(isRecentEnoughToFollowUp(september, now, 91)).toBe(true);
    expect(isRecentEnoughToFollowUp(new Date("2026-12-05T03:00:00Z"), now, 1)).toBe(false);
  });
});
