import { z } from "zod";
import { REPORTING_TIME_ZONE } from "@/lib/i18n/config";

// The one home of local days: "YYYY-MM-DD" in the reporting time zone (Korea time), the unit the
// one aggregation filters and groups by (lib/analytics/aggregate.ts: from/to inclusive) and the
// unit projects, pilots, control charts and promise audits are dated in. A day is stored as the
// instant its local midnight begins, so that reading it back in that zone gives the same day.
// Counting, weeks, months and quarters are calendar arithmetic on the day itself (UTC midnight
// of the written date), which no offset can shift. Pure: safe in the browser too.

export type TLocalDay = string;

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const dayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: REPORTING_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
const offsetFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: REPORTING_TIME_ZONE,
  timeZoneName: "longOffset",
});

/** True for a real calendar day written YYYY-MM-DD (not 2026-02-30). */
export function isLocalDay(value: string): boolean {
  if (!DAY_PATTERN.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** A local day at every boundary (forms, actions, domain calls): one rule, one message key (a missing one is "validation.required" through lib/validation.ts). */
export const ZLocalDay = z
  .string()
  .trim()
  .refine(isLocalDay, { error: "validation.invalidFormat" });

/** The local day an instant falls on. */
export function localDayOf(instant: Date): TLocalDay {
  return dayFormat.format(instant);
}

/** The zone's offset from UTC at an instant, in minutes ("GMT+09:00" -> 540). */
function offsetMinutesAt(instant: Date): number {
  const name =
    offsetFormat.formatToParts(instant).find((part) => part.type === "timeZoneName")?.value ??
    "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  return (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** The instant a local day begins. Throws on something that is not a calendar day. */
export function startOfLocalDay(day: TLocalDay): Date {
  if (!isLocalDay(day)) throw new RangeError(`not a day: ${day}`);
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  // The offset at that midnight; a second look covers a day whose offset changed overnight.
  const guess = utcMidnight - offsetMinutesAt(new Date(utcMidnight)) * 60_000;
  return new Date(utcMidnight - offsetMinutesAt(new Date(guess)) * 60_000);
}

/** The day `days` later (or earlier, when negative). */
export function addDays(day: TLocalDay, days: number): TLocalDay {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier): 2026-03-01 to 2026-03-02 is 1. */
export function daysBetween(from: TLocalDay, to: TLocalDay): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Days from `from` to `to`, both counted: 2026-03-01..2026-03-01 is 1. */
export const daysInclusive = (from: TLocalDay, to: TLocalDay): number => daysBetween(from, to) + 1;

/** The Monday of the ISO week a day belongs to (what PostgreSQL's date_trunc('week') gives). */
export function mondayOf(day: TLocalDay): TLocalDay {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** The first Monday on or after a day: where the first whole week (Monday to Sunday) from that day begins. */
export const firstMondayFrom = (day: TLocalDay): TLocalDay => mondayOf(addDays(day, 6));

/** The first day of the month a day belongs to. */
export const monthOf = (day: TLocalDay): TLocalDay => `${day.slice(0, 7)}-01`;

/** The first day of the quarter a day belongs to, or of the one `quartersBack` before it. */
export function quarterStartOf(day: TLocalDay, quartersBack = 0): TLocalDay {
  const index =
    Number(day.slice(0, 4)) * 4 + Math.floor((Number(day.slice(5, 7)) - 1) / 3) - quartersBack;
  const [year, quarter] = [Math.floor(index / 4), index % 4];
  return `${String(year).padStart(4, "0")}-${String(quarter * 3 + 1).padStart(2, "0")}-01`;
}
