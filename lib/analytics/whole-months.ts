import { addDays, monthOf, type TLocalDay } from "@/lib/dates/local-days";

// A period of local days (both ends inclusive, either open) cut into the whole calendar months it
// covers and the days left over at its edges: the monthly rollup answers the months, the daily one
// the edges, and together they count every day of the period exactly once. Pure.

/** Local days, inclusive; an open end reaches as far as there is data. */
export type TDayRange = { from?: TLocalDay; to?: TLocalDay };
/** Whole months: first days of months, `from` inclusive, `before` exclusive; an open end is unbounded. */
export type TMonthRange = { from?: TLocalDay; before?: TLocalDay };

const firstDayOfNextMonth = (day: TLocalDay): TLocalDay => monthOf(addDays(monthOf(day), 31));

export function splitIntoWholeMonths(range: TDayRange): { months: TMonthRange | null; days: TDayRange[] } {
  const { from, to } = range;
  // The first whole month starts on `from` when it is a 1st, else at the next month.
  const monthsFrom = from === undefined ? undefined : from === monthOf(from) ? from : firstDayOfNextMonth(from);
  // The whole months end before the month `to` falls in, unless `to` is that month's last day.
  const monthsBefore = to === undefined ? undefined : addDays(to, 1) === firstDayOfNextMonth(to) ? addDays(to, 1) : monthOf(to);
  if (monthsFrom !== undefined && monthsBefore !== undefined && monthsFrom >= monthsBefore) return { months: null, days: [range] };
  const days: TDayRange[] = [];
  if (from !== undefined && monthsFrom !== undefined && from < monthsFrom) days.push({ from, to: addDays(monthsFrom, -1) });
  if (to !== undefined && monthsBefore !== undefined && monthsBefore <= to) days.push({ from: monthsBefore, to });
  return { months: { from: monthsFrom, before: monthsBefore }, days };
}
