import { describe, expect, it } from "vitest";
import { addDays, daysInclusive, isLocalDay, localDayOf, startOfLocalDay } from "./local-days";

describe("local days (Korea time)", () => {
  it("begins a day at local midnight, 15:00 UTC the day before", () => {
    expect(startOfLocalDay("2026-03-01").toISOString()).toBe("2026-02-28T15:00:00.000Z");
  });

  it("reads an instant as the local day it falls on", () => {
    expect(localDayOf(new Date("2026-02-28T14:59:59Z"))).toBe("2026-02-28");
    expect(localDayOf(new Date("2026-02-28T15:00:00Z"))).toBe("2026-03-01");
    for (const day of ["2026-01-01", "2026-06-30", "2028-02-29"]) expect(localDayOf(startOfLocalDay(day))).toBe(day);
  });

  it("refuses what is not a calendar day", () => {
    expect(isLocalDay("2026-02-30")).toBe(false);
    expect(isLocalDay("2026-2-3")).toBe(false);
    expect(isLocalDay("2028-02-29")).toBe(true);
    expect(() => startOfLocalDay("yesterday")).toThrow(RangeError);
  });

  it("adds days across months and counts both ends", () => {
    expect(addDays("2026-02-27", 2)).toBe("2026-03-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysInclusive("2026-03-01", "2026-03-01")).toBe(1);
    expect(daysInclusive("2026-03-01", "2026-03-14")).toBe(14);
  });
});
