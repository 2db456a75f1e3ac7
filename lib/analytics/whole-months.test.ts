import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysInclusive, monthOf } from "@/lib/dates/local-days";
import { splitIntoWholeMonths, type TDayRange } from "./whole-months";

describe("splitIntoWholeMonths", () => {
  it("cuts a quarter-like period into its whole months and the edge days", () => {
    expect(splitIntoWholeMonths({ from: "2026-08-28", to: "2026-11-25" })).toEqual({
      months: { from: "2026-09-01", before: "2026-11-01" },
      days: [
        { from: "2026-08-28", to: "2026-08-31" },
        { from: "2026-11-01", to: "2026-11-25" },
      ],
    });
  });

  it("uses months alone when the period starts on a 1st and ends on a month's last day (February of a leap year too)", () => {
    expect(splitIntoWholeMonths({ from: "2028-01-01", to: "2028-02-29" })).toEqual({ months: { from: "2028-01-01", before: "2028-03-01" }, days: [] });
    expect(splitIntoWholeMonths({ from: "2026-12-01", to: "2026-12-31" })).toEqual({ months: { from: "2026-12-01", before: "2027-01-01" }, days: [] });
  });

  it("keeps a period inside one month as days", () => {
    expect(splitIntoWholeMonths({ from: "2026-10-27", to: "2026-11-25" })).toEqual({ months: null, days: [{ from: "2026-10-27", to: "2026-11-25" }] });
    expect(splitIntoWholeMonths({ from: "2026-11-01", to: "2026-11-29" })).toEqual({ months: null, days: [{ from: "2026-11-01", to: "2026-11-29" }] });
  });

  it("leaves open ends open: all time is months only", () => {
    expect(splitIntoWholeMonths({})).toEqual({ months: { from: undefined, before: undefined }, days: [] });
    expect(splitIntoWholeMonths({ to: "2026-11-25" })).toEqual({ months: { from: undefined, before: "2026-11-01" }, days: [{ from: "2026-11-01", to: "2026-11-25" }] });
    expect(splitIntoWholeMonths({ from: "2026-03-15" })).toEqual({ months: { from: "2026-04-01", before: undefined }, days: [{ from: "2026-03-15", to: "2026-03-31" }] });
  });

  it("counts every day of any period exactly once (property)", () => {
    const day = fc.integer({ min: 0, max: 3 * 366 }).map((n) => addDays("2025-01-01", n));
    fc.assert(
      fc.property(day, day, (a, b) => {
        const range: TDayRange = a <= b ? { from: a, to: b } : { from: b, to: a };
        const { months, days } = splitIntoWholeMonths(range);
        const covered: string[] = days.flatMap((d) => Array.from({ length: daysInclusive(d.from!, d.to!) }, (_, i) => addDays(d.from!, i)));
        if (months) {
          expect(months.from! === monthOf(months.from!) && months.before! === monthOf(months.before!)).toBe(true);
          for (let m = months.from!; m < months.before!; m = monthOf(addDays(m, 31))) {
            covered.push(...Array.from({ length: daysInclusive(m, addDays(monthOf(addDays(m, 31)), -1)) }, (_, i) => addDays(m, i)));
          }
        }
        const expected = Array.from({ length: daysInclusive(range.from!, range.to!) }, (_, i) => addDays(range.from!, i));
        expect(covered.sort()).toEqual(expected);
      }),
    );
  });
});
