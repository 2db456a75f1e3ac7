import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysInclusive, monthOf } from "@/lib/dates/local-days";
import {
  splitIntoWholePeriods,
  splitMonthsIntoYears,
  type TDayRange,
  type TPeriodSplit,
} from "./whole-periods";

const nextMonth = (day: string) => monthOf(addDays(monthOf(day), 31));
const daysOf = (from: string, before: string) =>
  Array.from({ length: daysInclusive(from, addDays(before, -1)) }, (_, i) => addDays(from, i));

/** Every day the split covers, in order (the months and weeks bounded: the property only builds bounded ranges). */
function coveredDays({ months, weeks, days }: TPeriodSplit): string[] {
  const covered = days.flatMap((d) => daysOf(d.from, addDays(d.to, 1)));
  for (const week of weeks) covered.push(...daysOf(week.from!, week.before!));
  if (months)
    for (let m = months.from!; m < months.before!; m = nextMonth(m))
      covered.push(...daysOf(m, nextMonth(m)));
  return covered.sort();
}

describe("splitIntoWholePeriods", () => {
  it("cuts the overview's quarter into two whole months, the whole weeks at its edges and the days left", () => {
    // 2026-08-28 is a Friday, 2026-11-25 a Wednesday.
    expect(splitIntoWholePeriods({ from: "2026-08-28", to: "2026-11-25" })).toEqual({
      months: { from: "2026-09-01", before: "2026-11-01" },
      weeks: [{ from: "2026-11-02", before: "2026-11-23" }],
      days: [
        { from: "2026-08-28", to: "2026-08-31" },
        { from: "2026-11-01", to: "2026-11-01" },
        { from: "2026-11-23", to: "2026-11-25" },
      ],
    });
  });

  it("reads a period without a whole month as weeks and days, cut at the month's end", () => {
    // 2026-10-27 is a Tuesday: days to Sunday 11-01, weeks from Monday 11-02 to Sunday 11-22, days after.
    expect(splitIntoWholePeriods({ from: "2026-10-27", to: "2026-11-25" })).toEqual({
      months: null,
      weeks: [{ from: "2026-11-02", before: "2026-11-23" }],
      days: [
        { from: "2026-10-27", to: "2026-10-31" },
        { from: "2026-11-01", to: "2026-11-01" },
        { from: "2026-11-23", to: "2026-11-25" },
      ],
    });
    // The week of Monday 2026-09-28 ends in October: it is read as days, each in its own month.
    expect(splitIntoWholePeriods({ from: "2026-09-21", to: "2026-10-11" })).toEqual({
      months: null,
      weeks: [
        { from: "2026-09-21", before: "2026-09-28" },
        { from: "2026-10-05", before: "2026-10-12" },
      ],
      days: [
        { from: "2026-09-28", to: "2026-09-30" },
        { from: "2026-10-01", to: "2026-10-04" },
      ],
    });
    expect(splitIntoWholePeriods({ from: "2026-11-03", to: "2026-11-08" })).toEqual({
      months: null,
      weeks: [],
      days: [{ from: "2026-11-03", to: "2026-11-08" }],
    });
    expect(splitIntoWholePeriods({ from: "2026-11-02", to: "2026-11-08" })).toEqual({
      months: null,
      weeks: [{ from: "2026-11-02", before: "2026-11-09" }],
      days: [],
    });
  });

  it("uses months alone when the period starts on a 1st and ends on a month's last day (February of a leap year too)", () => {
    expect(splitIntoWholePeriods({ from: "2028-01-01", to: "2028-02-29" })).toEqual({
      months: { from: "2028-01-01", before: "2028-03-01" },
      weeks: [],
      days: [],
    });
    expect(splitIntoWholePeriods({ from: "2026-12-01", to: "2026-12-31" })).toEqual({
      months: { from: "2026-12-01", before: "2027-01-01" },
      weeks: [],
      days: [],
    });
  });

  it("leaves open ends open: all time is months only", () => {
    expect(splitIntoWholePeriods({})).toEqual({
      months: { from: undefined, before: undefined },
      weeks: [],
      days: [],
    });
    expect(splitIntoWholePeriods({ to: "2026-11-25" })).toEqual({
      months: { from: undefined, before: "2026-11-01" },
      weeks: [{ from: "2026-11-02", before: "2026-11-23" }],
      days: [
        { from: "2026-11-01", to: "2026-11-01" },
        { from: "2026-11-23", to: "2026-11-25" },
      ],
    });
    expect(splitIntoWholePeriods({ from: "2026-03-15" })).toEqual({
      months: { from: "2026-04-01", before: undefined },
      weeks: [{ from: "2026-03-16", before: "2026-03-30" }],
      days: [
        { from: "2026-03-15", to: "2026-03-15" },
        { from: "2026-03-30", to: "2026-03-31" },
      ],
    });
  });

  it("counts every day of any period exactly once, with months starting on 1sts and weeks on Mondays within one month (property)", () => {
    const day = fc.integer({ min: 0, max: 3 * 366 }).map((n) => addDays("2025-01-01", n));
    fc.assert(
      fc.property(day, day, (a, b) => {
        const range: TDayRange = a <= b ? { from: a, to: b } : { from: b, to: a };
        const split = splitIntoWholePeriods(range);
        expect(coveredDays(split)).toEqual(daysOf(range.from!, addDays(range.to!, 1)));
        if (split.months)
          expect([split.months.from, split.months.before].every((m) => m === monthOf(m!))).toBe(
            true,
          );
        for (const week of split.weeks) {
          expect(
            [week.from, week.before].every((m) => new Date(`${m}T00:00:00Z`).getUTCDay() === 1),
          ).toBe(true);
          expect(monthOf(addDays(week.before!, -1))).toBe(monthOf(week.from!)); // a month's figures take no day of another
        }
      }),
    );
  });
});

describe("splitMonthsIntoYears", () => {
  const monthsOf = (from: string, before: string) => {
    const months: string[] = [];
    for (let m = from; m < before; m = nextMonth(m)) months.push(m);
    return months;
  };

  it("cuts a bounded run of months into whole years and the months either side", () => {
    expect(splitMonthsIntoYears({ from: "2024-11-01", before: "2026-03-01" })).toEqual({
      years: { from: "2025-01-01", before: "2026-01-01" },
      months: [
        { from: "2024-11-01", before: "2025-01-01" },
        { from: "2026-01-01", before: "2026-03-01" },
      ],
    });
    expect(splitMonthsIntoYears({ from: "2026-02-01", before: "2026-11-01" })).toEqual({
      years: null,
      months: [{ from: "2026-02-01", before: "2026-11-01" }],
    });
  });

  it("reads all time as every year, and an open end as the years on that side", () => {
    expect(splitMonthsIntoYears({})).toEqual({ years: {}, months: [] });
    expect(splitMonthsIntoYears({ before: "2026-11-01" })).toEqual({
      years: { before: "2026-01-01" },
      months: [{ from: "2026-01-01", before: "2026-11-01" }],
    });
    expect(splitMonthsIntoYears({ from: "2025-12-01" })).toEqual({
      years: { from: "2026-01-01" },
      months: [{ from: "2025-12-01", before: "2026-01-01" }],
    });
  });

  it("covers every month of a bounded run exactly once", () => {
    const month = fc
      .record({
        year: fc.integer({ min: 2023, max: 2028 }),
        month: fc.integer({ min: 1, max: 12 }),
      })
      .map(({ year, month }) => `${year}-${String(month).padStart(2, "0")}-01`);
    fc.assert(
      fc.property(month, month, (a, b) => {
        const [from, before] = a < b ? [a, b] : [b, a];
        if (from === before) return;
        const { years, months } = splitMonthsIntoYears({ from, before });
        const covered = months.flatMap((run) => monthsOf(run.from!, run.before!));
        if (years) covered.push(...monthsOf(years.from!, years.before!));
        expect(covered.sort()).toEqual(monthsOf(from, before));
        if (years)
          expect(years.from!.endsWith("-01-01") && years.before!.endsWith("-01-01")).toBe(true);
      }),
    );
  });
});
