import { describe, expect, it } from "vitest";
import { validationMessageKey } from "@/lib/validation";
import {
  addDays,
  daysBetween,
  daysInclusive,
  firstMondayFrom,
  isLocalDay,
  localDayOf,
  mondayOf,
  monthOf,
  quarterStartOf,
  startOfLocalDay,
  ZLocalDay,
} from "./local-days";

describe("local days (Korea time)", () => {
  it("begins a day at local midnight, 15:00 UTC the day before", () => {
    expect(startOfLocalDay("2026-03-01").toISOString()).toBe("2026-02-28T15:00:00.000Z");
  });

  it("reads an instant as the local day it falls on", () => {
    expect(localDayOf(new Date("2026-02-28T14:59:59Z"))).toBe("2026-02-28");
    expect(localDayOf(new Date("2026-02-28T15:00:00Z"))).toBe("2026-03-01");
    for (const day of ["2026-01-01", "2026-06-30", "2028-02-29"])
      expect(localDayOf(startOfLocalDay(day))).toBe(day);
  });

  it("refuses what is not a calendar day", () => {
    expect(isLocalDay("2026-02-30")).toBe(false);
    expect(isLocalDay("2026-2-3")).toBe(false);
    expect(isLocalDay("2028-02-29")).toBe(true);
    expect(() => startOfLocalDay("yesterday")).toThrow(RangeError);
  });

  it("validates a day at a boundary with one rule and a message key", () => {
    expect(ZLocalDay.parse(" 2028-02-29 ")).toBe("2028-02-29");
    for (const bad of ["2026-02-30", "2026-2-3", "", "2026-03-01T00:00"]) {
      const result = ZLocalDay.safeParse(bad);
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues.map((i) => i.message)).toEqual(["validation.invalidFormat"]);
    }
    expect(
      ZLocalDay.safeParse(undefined, { error: validationMessageKey }).error?.issues.map(
        (i) => i.message,
      ),
    ).toEqual(["validation.required"]);
  });

  it("adds and counts days across months and years, with one counting rule", () => {
    expect(addDays("2026-02-27", 2)).toBe("2026-03-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-02-27", "2026-03-01")).toBe(2);
    expect(daysBetween("2026-03-01", "2026-02-27")).toBe(-2);
    expect(daysBetween("2025-12-31", "2026-01-01")).toBe(1);
    expect(daysInclusive("2026-03-01", "2026-03-01")).toBe(1);
    expect(daysInclusive("2026-03-01", "2026-03-14")).toBe(14);
    expect(daysInclusive("2028-01-01", "2028-12-31")).toBe(366);
  });

  it("finds a day's Monday, month and quarter", () => {
    expect(mondayOf("2026-11-08")).toBe("2026-11-02"); // a Sunday belongs to the week begun the Monday before
    expect(mondayOf("2026-11-02")).toBe("2026-11-02");
    expect(mondayOf("2026-03-01")).toBe("2026-02-23");
    expect(firstMondayFrom("2026-01-01")).toBe("2026-01-05"); // a Thursday: the first whole week begins the next Monday
    expect(firstMondayFrom("2026-01-05")).toBe("2026-01-05");
    expect(firstMondayFrom("2026-01-04")).toBe("2026-01-05");
    expect(monthOf("2026-11-08")).toBe("2026-11-01");
    expect(quarterStartOf("2026-11-08")).toBe("2026-10-01");
    expect(quarterStartOf("2026-12-31")).toBe("2026-10-01");
    expect(quarterStartOf("2026-02-08", 1)).toBe("2025-10-01");
    expect(quarterStartOf("2026-04-01", 1)).toBe("2026-01-01");
  });
});
