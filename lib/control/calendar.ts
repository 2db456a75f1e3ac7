import { addDays, type TLocalDay } from "@/lib/projects/local-days";

// Calendar units on local days ("YYYY-MM-DD", Korea time; lib/projects/local-days.ts): the weeks
// control charts group by and the months and quarters audit compliance is counted in.

/** The Monday of the ISO week a day belongs to (what PostgreSQL's date_trunc('week') gives). */
export function mondayOf(day: TLocalDay): TLocalDay {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** The first day of the month a day belongs to. */
export const monthOf = (day: TLocalDay): TLocalDay => `${day.slice(0, 7)}-01`;

/** The first day of the quarter a day belongs to, or of the one `quartersBack` before it. */
export function quarterStartOf(day: TLocalDay, quartersBack = 0): TLocalDay {
  const index = Number(day.slice(0, 4)) * 4 + Math.floor((Number(day.slice(5, 7)) - 1) / 3) - quartersBack;
  const [year, quarter] = [Math.floor(index / 4), index % 4];
  return `${String(year).padStart(4, "0")}-${String(quarter * 3 + 1).padStart(2, "0")}-01`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: TLocalDay, to: TLocalDay): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
