// Reading one cell of a survey file. CSV cells are text; XLSX cells may also be numbers, booleans
// and dates (exceljs gives a date as a Date whose UTC fields are the wall-clock time in the sheet).

export type TCell = string | number | boolean | Date | null;

/** A cell as text, trimmed; numbers as written, dates as ISO. */
export function cellText(cell: TCell): string {
  if (cell === null) return "";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString();
  return String(cell).trim();
}

const DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;
const DECIMAL_COMMA = /^([+-]?\d+),(\d+)$/;

/** A score: null when empty, NaN when not a plain decimal number ("4,5" is read as 4.5). */
export function parseNumberCell(cell: TCell): number | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : Number.NaN;
  if (typeof cell !== "string") return cell === null ? null : Number.NaN;
  const text = cell.trim().replace(DECIMAL_COMMA, "$1.$2");
  if (text === "") return null;
  return DECIMAL.test(text) ? Number(text) : Number.NaN;
}

// 2026-11-20, 2026/11/20, 2026.11.20, "2026. 11. 20." with an optional time and zone.
const DATE_TIME =
  /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\.?(?:(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included); 25569 is 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25_569;
const EXCEL_LAST_DAY = 2_958_465; // 9999-12-31

/**
 * A date (and time) cell as an instant. Without a zone of its own, the wall-clock time is read at
 * `utcOffsetMinutes`. Null when empty; an invalid Date when it is not a date we can read without
 * guessing (day/month order is ambiguous, so "11/20/2026" is refused rather than guessed).
 */
export function parseDateCell(cell: TCell, utcOffsetMinutes: number): Date | null {
  const atOffset = (wallClockUtcMs: number, offset = utcOffsetMinutes) =>
    new Date(wallClockUtcMs - offset * MINUTE_MS);
  if (cell === null) return null;
  if (cell instanceof Date) return atOffset(cell.getTime());
  if (typeof cell === "number") {
    return cell > 0 && cell <= EXCEL_LAST_DAY
      ? atOffset(Math.round((cell - EXCEL_EPOCH_DAYS) * DAY_MS))
      : new Date(Number.NaN);
  }
  if (typeof cell === "boolean") return new Date(Number.NaN);
  const text = cell.trim();
  if (text === "") return null;
  const match = DATE_TIME.exec(text);
  if (!match) return new Date(Number.NaN);
  const [, y, mo, d, h = "0", mi = "0", s = "0", ms = "0", zone] = match;
  const parts = [
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
    Number(ms.padEnd(3, "0")),
  ] as const;
  const wallClock = Date.UTC(...parts);
  const check = new Date(wallClock);
  // Date.UTC rolls 2026-02-30 over to March: a date that does not round-trip does not exist.
  if (
    check.getUTCFullYear() !== parts[0] ||
    check.getUTCMonth() !== parts[1] ||
    check.getUTCDate() !== parts[2] ||
    parts[3] > 23 ||
    parts[4] > 59 ||
    parts[5] > 59
  ) {
    return new Date(Number.NaN);
  }
  return atOffset(wallClock, zone === undefined ? utcOffsetMinutes : zoneOffsetMinutes(zone));
}

function zoneOffsetMinutes(zone: string): number {
  if (zone.toUpperCase() === "Z") return 0;
  const digits = zone.replace(":", "");
  const sign = digits.startsWith("-") ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

/** A fixed date for the whole file ("2026-11-20"), at midnight where the survey ran. */
export function fixedDate(date: string, utcOffsetMinutes: number): Date {
  return parseDateCell(date, utcOffsetMinutes) ?? new Date(Number.NaN);
}
