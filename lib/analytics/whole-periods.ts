import {
  addDays,
  firstMondayFrom,
  mondayOf,
  monthOf,
  type TLocalDay,
} from "@/lib/dates/local-days";

// A period of local days (both ends inclusive, either open) cut into the whole calendar months it
// covers, the whole weeks (Monday to Sunday, never across a month's end) in what is left at its edges, and the days left after
// that: the monthly rollup answers the months, the weekly one the weeks, the daily one the days,
// and together they count every day of the period exactly once. Pure.

/** Local days, inclusive; an open end reaches as far as there is data. */
export type TDayRange = { from?: TLocalDay; to?: TLocalDay };
/** Whole years, months or weeks: their first days, `from` inclusive, `before` exclusive; an open end is unbounded. */
export type TPeriodStarts = { from?: TLocalDay; before?: TLocalDay };

export type TPeriodSplit = {
  months: TPeriodStarts | null;
  weeks: TPeriodStarts[];
  days: Required<TDayRange>[];
};

const firstDayOfNextMonth = (day: TLocalDay): TLocalDay => monthOf(addDays(monthOf(day), 31));

export function splitIntoWholePeriods(range: TDayRange): TPeriodSplit {
  const { from, to } = range;
  // The first whole month starts on `from` when it is a 1st, else at the next month.
  const monthsFrom =
    from === undefined ? undefined : from === monthOf(from) ? from : firstDayOfNextMonth(from);
  // The whole months end before the month `to` falls in, unless `to` is that month's last day.
  const monthsBefore =
    to === undefined
      ? undefined
      : addDays(to, 1) === firstDayOfNextMonth(to)
        ? addDays(to, 1)
        : monthOf(to);
  const months =
    monthsFrom !== undefined && monthsBefore !== undefined && monthsFrom >= monthsBefore
      ? null
      : { from: monthsFrom, before: monthsBefore };
  // What lies outside the whole months, cut at each month's end, so that the weeks found in it
  // never take a day of another month.
  const edges: Required<TDayRange>[] = [];
  if (!months) {
    if (monthOf(from!) === monthOf(to!)) edges.push({ from: from!, to: to! });
    else
      edges.push(
        { from: from!, to: addDays(firstDayOfNextMonth(from!), -1) },
        { from: monthOf(to!), to: to! },
      );
  } else {
    if (from !== undefined && monthsFrom !== undefined && from < monthsFrom)
      edges.push({ from, to: addDays(monthsFrom, -1) });
    if (to !== undefined && monthsBefore !== undefined && monthsBefore <= to)
      edges.push({ from: monthsBefore, to });
  }
  const split = edges.map((edge) => splitIntoWeeks(edge.from, edge.to));
  return { months, weeks: split.flatMap((s) => s.weeks), days: split.flatMap((s) => s.days) };
}

/** A bounded run of days cut into its whole ISO weeks and the days either side of them. */
function splitIntoWeeks(from: TLocalDay, to: TLocalDay): Pick<TPeriodSplit, "weeks" | "days"> {
  const weeksFrom = firstMondayFrom(from);
  // The Monday after the last whole week: the Monday on or before the day after `to`.
  const weeksBefore = mondayOf(addDays(to, 1));
  if (weeksFrom >= weeksBefore) return { weeks: [], days: [{ from, to }] };
  const days: Required<TDayRange>[] = [];
  if (from < weeksFrom) days.push({ from, to: addDays(weeksFrom, -1) });
  if (weeksBefore <= to) days.push({ from: weeksBefore, to });
  return { weeks: [{ from: weeksFrom, before: weeksBefore }], days };
}

const yearOf = (day: TLocalDay): TLocalDay => `${day.slice(0, 4)}-01-01`;
const nextYearOf = (day: TLocalDay): TLocalDay => `${Number(day.slice(0, 4)) + 1}-01-01`;

/**
 * A run of whole months (as splitIntoWholePeriods gives them) cut into the whole calendar years
 * it covers and the months left either side: a yearly rollup answers the years. All time is
 * every year. Pure.
 */
export function splitMonthsIntoYears(months: TPeriodStarts): {
  years: TPeriodStarts | null;
  months: TPeriodStarts[];
} {
  const { from, before } = months;
  const yearsFrom =
    from === undefined ? undefined : from === yearOf(from) ? from : nextYearOf(from);
  const yearsBefore = before === undefined ? undefined : yearOf(before);
  if (yearsFrom !== undefined && yearsBefore !== undefined && yearsFrom >= yearsBefore)
    return { years: null, months: [months] };
  return {
    years: { from: yearsFrom, before: yearsBefore },
    months: [
      ...(from !== undefined && yearsFrom !== undefined && from < yearsFrom
        ? [{ from, before: yearsFrom }]
        : []),
      ...(before !== undefined && yearsBefore !== undefined && yearsBefore < before
        ? [{ from: yearsBefore, before }]
        : []),
    ],
  };
}
