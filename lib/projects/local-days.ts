import { REPORTING_TIME_ZONE } from "@/lib/i18n/config";

// Project and pilot dates are local days ("YYYY-MM-DD" in the reporting time zone), the unit the
// one aggregation filters by (lib/analytics/aggregate.ts: from/to inclusive). A day is stored as
// the instant its local midnight begins, so that reading it back in that zone gives the same day.

export type TLocalDay = string;

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: REPORTING_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });
const offsetFormat = new Intl.DateTimeFormat("en-US", { timeZone: REPORTING_TIME_ZONE, timeZoneName: "longOffset" });

/** The local day an instant falls on. */
export function localDayOf(instant: Date): TLocalDay {
  return dayFormat.format(instant);
}

/** The zone's offset from UTC at an instant, in minutes ("GMT+09:00" -> 540). */
function offsetMinutesAt(instant: Date): number {
  const name = offsetFormat.formatToParts(instant).find((part) => part.type === "timeZoneName")?.value ?? "GMT";
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

/** True for a real calendar day written YYYY-MM-DD (not 2026-02-30). */
export function isLocalDay(value: string): boolean {
  if (!DAY_PATTERN.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** The day `days` later (or earlier, when negative). */
export function addDays(day: TLocalDay, days: number): TLocalDay {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both counted: 2026-03-01..2026-03-01 is 1. */
export function daysInclusive(from: TLocalDay, to: TLocalDay): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}
