import { KST_OFFSET_MS, koreanDayNumber } from "@/prisma/seed/demo-pilot";
import { TIME_PATTERNS, type TSiteKind } from "@/prisma/seed/demo-traffic";
import type { TRandom } from "@/prisma/seed/random";
import { createWeightedTable } from "./weighted-table";

// When the large organization's observations were made: the year (Korea time) before it was
// created, on the weekdays and hours its kind of site is busy (the demo's patterns), with a slow
// seasonal wave (busiest in July and August, quietest in January and February) and a programme
// that grows over the year.

export const LARGE_DAYS = 365;
const DAY_MS = 86_400_000;
const SITE_KINDS = ["STORE", "CALL_CENTRE", "NONE"] as const satisfies readonly TSiteKind[];

export type TLargeCalendar = {
  /** The year's first local day, in days since 1970-01-01 (Korea time); the last is firstDay + 364. */
  firstDay: number;
  /** Draws a moment of the year (epoch milliseconds) for an observation at that kind of site. */
  draw(random: TRandom, kind: TSiteKind): number;
};

/** Slow seasonality: ±12 % over the year, peaking in mid-July (day of year about 196). */
export function seasonalWeight(day: number): number {
  const dayOfYear = day - Date.UTC(new Date(day * DAY_MS).getUTCFullYear(), 0, 1) / DAY_MS;
  return 1 + 0.12 * Math.cos((2 * Math.PI * (dayOfYear - 196)) / 365.25);
}

/** The programme grows: the year's last day sees about a quarter more observations than its first. */
const growthWeight = (dayIndex: number) => 0.9 + (0.22 * dayIndex) / (LARGE_DAYS - 1);

/** The year ending the day before `endsAt` (Korea time), so that no observation lies in its future. */
export function createLargeCalendar(endsAt: Date): TLargeCalendar {
  const firstDay = koreanDayNumber(endsAt) - LARGE_DAYS;
  const tables = new Map(
    SITE_KINDS.map((kind) => {
      const pattern = TIME_PATTERNS[kind];
      const dayWeights = Array.from({ length: LARGE_DAYS }, (_, i) => {
        const day = firstDay + i;
        return seasonalWeight(day) * growthWeight(i) * pattern.weekdays[(day + 4) % 7]!; // day 0 (1970-01-01) was a Thursday
      });
      return [
        kind,
        {
          day: createWeightedTable(dayWeights),
          hour: createWeightedTable(pattern.hours.map(([, w]) => w)),
          hours: pattern.hours.map(([h]) => h),
        },
      ] as const;
    }),
  );
  return {
    firstDay,
    draw(random, kind) {
      const table = tables.get(kind)!;
      const day = firstDay + table.day(random.float());
      const hour = table.hours[table.hour(random.float())]!;
      return day * DAY_MS + hour * 3_600_000 + random.int(0, 3599) * 1000 - KST_OFFSET_MS;
    },
  };
}
