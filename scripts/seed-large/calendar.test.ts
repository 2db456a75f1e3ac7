import { describe, expect, it } from "vitest";
import { KST_OFFSET_MS, koreanDayNumber } from "@/prisma/seed/demo-pilot";
import { LARGE_DAYS, seasonalWeight } from "./calendar";
import { model, rows, TEST_ENDS_AT } from "./large-test-input";

const DAY_MS = 86_400_000;
const localDay = (epochMs: number) => koreanDayNumber(new Date(epochMs));
const localHour = (epochMs: number) => new Date(epochMs + KST_OFFSET_MS).getUTCHours();
const localMonth = (epochMs: number) => new Date(epochMs + KST_OFFSET_MS).getUTCMonth();
const weekday = (epochMs: number) => new Date(epochMs + KST_OFFSET_MS).getUTCDay();
/** The kind of site the row's time was drawn for: a row names a site exactly when it was made at one. */
const kindOf = (row: (typeof rows)[number]) =>
  row.site === null ? "NONE" : model.sites[row.site]!.kind;

describe("the large organization's timestamps", () => {
  it("fall in the year before the organization was created, never on its day or after", () => {
    const firstDay = koreanDayNumber(TEST_ENDS_AT) - LARGE_DAYS;
    expect(model.calendar.firstDay).toBe(firstDay);
    const days = rows.map((r) => localDay(r.observedAt));
    expect(Math.min(...days)).toBe(firstDay);
    expect(Math.max(...days)).toBe(firstDay + LARGE_DAYS - 1);
    expect(rows.every((r) => r.observedAt < TEST_ENDS_AT.getTime())).toBe(true);
  });

  it("cover every month of the year, busier in summer than in winter (slow seasonality and a growing programme)", () => {
    const perMonth = Array.from(
      { length: 12 },
      (_, month) => rows.filter((r) => localMonth(r.observedAt) === month).length / rows.length,
    );
    // The year's first and last months are cut where the year starts and ends.
    for (const month of perMonth) expect(month).toBeGreaterThan(0.05);
    for (const month of perMonth) expect(month).toBeLessThan(0.12);
    expect(perMonth[6]! + perMonth[7]!).toBeGreaterThan(1.1 * (perMonth[0]! + perMonth[1]!));
    expect(seasonalWeight(Date.UTC(2026, 6, 15) / DAY_MS)).toBeGreaterThan(
      seasonalWeight(Date.UTC(2026, 0, 15) / DAY_MS) + 0.2,
    );
  });

  it("follow each kind of site's week and hours (Korea time): stores on Saturdays and after work, call centres in office hours", () => {
    const of = (kind: string) => rows.filter((r) => kindOf(r) === kind);
    const byWeekday = (at: typeof rows) =>
      Array.from({ length: 7 }, (_, d) => at.filter((r) => weekday(r.observedAt) === d).length);
    const stores = byWeekday(of("STORE"));
    expect(stores[6]).toBeGreaterThan(1.4 * stores[0]!);
    const calls = byWeekday(of("CALL_CENTRE"));
    expect(calls[1]).toBeGreaterThan(2.5 * calls[0]!);
    const hours = (kind: string) => new Set(of(kind).map((r) => localHour(r.observedAt)));
    expect(Math.min(...hours("STORE"))).toBe(10);
    expect(Math.max(...hours("STORE"))).toBe(20);
    expect(Math.min(...hours("CALL_CENTRE"))).toBe(9);
    expect(Math.max(...hours("CALL_CENTRE"))).toBe(17);
    expect(Math.min(...hours("NONE"))).toBe(7);
  });
});
