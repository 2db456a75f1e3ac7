import "server-only";
import { Prisma } from "@/lib/db/client";
import { pendingRowsSql, ROLLUP_STATISTIC_COLUMNS, type TSlice } from "@/lib/observations/rollups";
import { CSAT_TOP_TWO_MIN, NPS_DETRACTOR_MAX, NPS_PROMOTER_MIN } from "@/lib/observations/scale";
import { localTimeOf, utcStartOf } from "@/lib/dates/local-time-sql";
import type { TAggregateFilter, TGroupKey } from "./schemas";
import { splitIntoWholePeriods, splitMonthsIntoYears, type TPeriodStarts } from "./whole-periods";

// The tables the one aggregation (aggregate.ts) can read, each aliased `o` (aggregate.ts joins
// Expectation e, and Touchpoint t and LoyaltyDriver d when a filter or key needs them): the raw
// observations (the source of truth), or their rollups (what the dashboards read; docs/SCALING.md). Each gives the same
// columns, so the rest of aggregate.ts does not know which it reads; the tests prove they all
// answer the same.

export type TSourceSql = {
  /** The group keys and filter fields it can answer (the raw table and the detail: all of them). */
  groupKeys: ReadonlySet<TGroupKey>;
  filters: ReadonlySet<keyof TAggregateFilter>;
  /** The relation `o`, for the organization, filter and group keys asked. */
  from: (
    organizationId: string,
    filter: TAggregateFilter,
    keys: readonly TGroupKey[],
  ) => Prisma.Sql;
  /** The local time of a row as a timestamp: days, weeks and months are cut from it. */
  localTime: Prisma.Sql;
  /** o."observedAt"/o.day condition for a first and a last local day (inclusive), "YYYY-MM-DD". */
  fromDay: (day: string) => Prisma.Sql;
  toDay: (day: string) => Prisma.Sql;
  /** The statistic columns aggregate.ts's TRow names. */
  statistics: Prisma.Sql;
  /** A rollup (not the raw table): aggregate.ts sums its rows first (see preSummed there). */
  isRollup: boolean;
};

const ALL_KEYS: ReadonlySet<TGroupKey> = new Set([
  "touchpoint",
  "driver",
  "stage",
  "dimension",
  "kind",
  "segment",
  "site",
  "source",
  "day",
  "week",
  "month",
]);
const ALL_FILTERS: ReadonlySet<keyof TAggregateFilter> = new Set([
  "journeyId",
  "from",
  "to",
  "touchpointId",
  "segmentId",
  "siteId",
  "siteIds",
  "source",
  "dimension",
  "kind",
  "motOnly",
]);

// --- raw observations ---------------------------------------------------------------------------

/** What the customer expected: the observation's own score, else the level recorded for its MOT and segment. */
const EXPECTED = Prisma.sql`COALESCE(o."expectationScore", e."expectedLevel")`;
/** Gap = experienced − expected; negative when the touchpoint under-delivers (PRODUCT.md, "Measures"). */
const GAP = Prisma.sql`(o."experiencedScore" - ${EXPECTED})`;

// The experience–NPS correlation from pair sums, as the rollups keep it (correlationFromSums), not
// corr(): on a constant score such as 4.3, corr() turns a few ulps of rounding into any r at all.
const PAIRED = Prisma.sql`o."experiencedScore" IS NOT NULL AND o.nps IS NOT NULL`;
const PAIR_SUMS = Prisma.sql`sum(o."experiencedScore") FILTER (WHERE ${PAIRED}) AS pair_sum_x, sum(o.nps) FILTER (WHERE ${PAIRED})::float8 AS pair_sum_y,
           sum(o."experiencedScore" * o."experiencedScore") FILTER (WHERE ${PAIRED}) AS pair_sum_xx, sum(o.nps * o.nps) FILTER (WHERE ${PAIRED})::float8 AS pair_sum_yy,
           sum(o."experiencedScore" * o.nps) AS pair_sum_xy`;

export const RAW_OBSERVATIONS: TSourceSql = {
  isRollup: false,
  groupKeys: ALL_KEYS,
  filters: ALL_FILTERS,
  from: () => Prisma.sql`"Observation" o`,
  localTime: localTimeOf(Prisma.sql`o."observedAt"`),
  fromDay: (day) => Prisma.sql`o."observedAt" >= ${utcStartOf(Prisma.sql`${day}::date`)}`,
  toDay: (day) => Prisma.sql`o."observedAt" < ${utcStartOf(Prisma.sql`${day}::date + 1`)}`,
  statistics: Prisma.sql`
           count(*)::int AS observations,
           count(${GAP})::int AS gap_n, sum(${GAP}) AS gap_sum, sum(${GAP} * ${GAP}) AS gap_sumsq,
           count(${GAP})::int AS expectation_n, sum(${EXPECTED}) FILTER (WHERE ${GAP} IS NOT NULL) AS expectation_sum,
           sum(o."experiencedScore") FILTER (WHERE ${GAP} IS NOT NULL) AS paired_experience_sum,
           count(o."experiencedScore")::int AS experience_n, sum(o."experiencedScore") AS experience_sum, sum(o."experiencedScore" * o."experiencedScore") AS experience_sumsq,
           count(o."emotionalScore")::int AS emotional_n, sum(o."emotionalScore") AS emotional_sum, sum(o."emotionalScore" * o."emotionalScore") AS emotional_sumsq,
           count(*) FILTER (WHERE o.nps >= ${NPS_PROMOTER_MIN})::int AS promoters,
           count(*) FILTER (WHERE o.nps > ${NPS_DETRACTOR_MAX} AND o.nps < ${NPS_PROMOTER_MIN})::int AS passives,
           count(*) FILTER (WHERE o.nps <= ${NPS_DETRACTOR_MAX})::int AS detractors,
           count(o.csat)::int AS csat_n, count(*) FILTER (WHERE o.csat >= ${CSAT_TOP_TWO_MIN})::int AS csat_top2,
           count(o.ces)::int AS ces_n, sum(o.ces)::float8 AS ces_sum, sum(o.ces * o.ces)::float8 AS ces_sumsq,
           regr_count(o."experiencedScore", o.nps)::int AS n_experience_nps,
           ${PAIR_SUMS}`,
};

// --- rollups -------------------------------------------------------------------------------

/** Σ over the groups' rows; 0, not NULL, when there are none (as count() is on the raw table). */
const total = (expression: Prisma.Sql) => Prisma.sql`COALESCE(sum(${expression}), 0)`;
const totalInt = (column: string) => Prisma.sql`${total(Prisma.raw(`o."${column}"`))}::int`;
const column = (name: string) => Prisma.raw(`o."${name}"`);

// Rows with their own expectation carry their gap; the others carry their experience sums
// (n, Σx, Σx²) and meet the recorded expectation E of their touchpoint and segment here, at query
// time: Σ(x − E) = Σx − nE and Σ(x − E)² = Σx² − 2EΣx + nE². A changed Expectation is therefore
// reflected at once, as on the raw table (equal up to floating-point rounding). Without E (none recorded, or no segment) the
// product is NULL and sum() skips it, as the raw gap is NULL there.
const E = Prisma.sql`e."expectedLevel"`;
const OPEN_N = column("openExperienceN");
const OPEN_SUM = column("openExperienceSum");
const OPEN_SUMSQ = column("openExperienceSumSquares");
const GAP_N = Prisma.sql`(${total(column("ownGapN"))} + ${total(Prisma.sql`${OPEN_N} * (${E} IS NOT NULL)::int`)})::int`;

const ROLLUP_STATISTICS = Prisma.sql`
           ${totalInt("observations")} AS observations,
           ${GAP_N} AS gap_n,
           ${total(column("ownGapSum"))} + ${total(Prisma.sql`${OPEN_SUM} - ${OPEN_N} * ${E}`)} AS gap_sum,
           ${total(column("ownGapSumSquares"))} + ${total(Prisma.sql`${OPEN_SUMSQ} - 2 * ${E} * ${OPEN_SUM} + ${OPEN_N} * ${E} * ${E}`)} AS gap_sumsq,
           ${GAP_N} AS expectation_n,
           ${total(column("ownExpectationSum"))} + ${total(Prisma.sql`${OPEN_N} * ${E}`)} AS expectation_sum,
           ${total(column("ownExperienceSum"))} + ${total(Prisma.sql`CASE WHEN ${E} IS NOT NULL THEN ${OPEN_SUM} END`)} AS paired_experience_sum,
           ${totalInt("experienceN")} AS experience_n, ${total(column("experienceSum"))} AS experience_sum, ${total(column("experienceSumSquares"))} AS experience_sumsq,
           ${totalInt("emotionalN")} AS emotional_n, ${total(column("emotionalSum"))} AS emotional_sum, ${total(column("emotionalSumSquares"))} AS emotional_sumsq,
           ${totalInt("promoters")} AS promoters, ${totalInt("passives")} AS passives, ${totalInt("detractors")} AS detractors,
           ${totalInt("csatN")} AS csat_n, ${totalInt("csatTopTwo")} AS csat_top2,
           ${totalInt("cesN")} AS ces_n, ${total(column("cesSum"))} AS ces_sum, ${total(column("cesSumSquares"))} AS ces_sumsq,
           ${totalInt("pairN")} AS n_experience_nps,
           ${total(column("pairSumX"))} AS pair_sum_x, ${total(column("pairSumY"))} AS pair_sum_y,
           ${total(column("pairSumXX"))} AS pair_sum_xx, ${total(column("pairSumYY"))} AS pair_sum_yy, ${total(column("pairSumXY"))} AS pair_sum_xy`;

/** Every rollup stores local days (a week's Monday, a month's 1st). */
const ROLLUP_DAYS = {
  localTime: Prisma.sql`o.day::timestamp`,
  fromDay: (day: string) => Prisma.sql`o.day >= ${day}::date`,
  toDay: (day: string) => Prisma.sql`o.day <= ${day}::date`,
  statistics: ROLLUP_STATISTICS,
  isRollup: true,
};

const TOUCHPOINT_COLUMNS = ["organizationId", "day", "touchpointId", "segmentId"];
const DETAIL_COLUMNS = [...TOUCHPOINT_COLUMNS, "driverId", "siteId", "source"];

/** A rollup table's rows of the organization, as `columns` and the statistics. */
function rowsOf(
  table: string,
  columns: readonly string[],
  organizationId: string,
  conditions: readonly Prisma.Sql[],
): Prisma.Sql {
  const selected = Prisma.raw(
    [...columns, ...ROLLUP_STATISTIC_COLUMNS].map((column) => `"${column}"`).join(", "),
  );
  return Prisma.sql`SELECT ${selected} FROM ${Prisma.raw(`"${table}"`)} WHERE ${Prisma.join([Prisma.sql`"organizationId" = ${organizationId}`, ...conditions], " AND ")}`;
}

/**
 * A journey's or a touchpoint's rows only, asked of the rollup table itself: its index finds
 * them, instead of every touchpoint's rows being summed and then dropped by the Touchpoint join.
 */
function touchpointConditions(filter: TAggregateFilter): Prisma.Sql[] {
  return [
    ...(filter.touchpointId ? [Prisma.sql`"touchpointId" = ${filter.touchpointId}`] : []),
    ...(filter.journeyId
      ? [
          Prisma.sql`"touchpointId" IN (SELECT id FROM "Touchpoint" WHERE "journeyId" = ${filter.journeyId})`,
        ]
      : []),
  ];
}

/** The relation `o`: the rollup rows read, stacked with the organization's rows not merged yet. */
const withPending = (
  parts: readonly Prisma.Sql[],
  columns: readonly string[],
  organizationId: string,
  filter: TAggregateFilter,
) =>
  Prisma.sql`(${Prisma.join([...parts, pendingRowsSql(organizationId, columns, touchpointConditions(filter))], " UNION ALL ")}) o`;

const TOUCHPOINT_KEYS: readonly TGroupKey[] = ["touchpoint", "stage", "segment", "month"];
const TOUCHPOINT_FILTERS: readonly (keyof TAggregateFilter)[] = [
  "journeyId",
  "from",
  "to",
  "touchpointId",
  "segmentId",
  "motOnly",
];
/** What each one-key slice adds to the touchpoint's keys and filters; the detail slice has them all. */
const ONE_KEY_READS = {
  SOURCE: { keys: ["source"], filters: ["source"] },
  DRIVER: { keys: ["driver", "dimension", "kind"], filters: ["dimension", "kind"] },
  SITE: { keys: ["site"], filters: ["siteId", "siteIds"] },
} as const satisfies Record<
  Exclude<TSlice, "DETAIL">,
  { keys: readonly TGroupKey[]; filters: readonly (keyof TAggregateFilter)[] }
>;
const SLICE_READS: Record<
  TSlice,
  { keys: readonly TGroupKey[]; filters: readonly (keyof TAggregateFilter)[] }
> = {
  ...ONE_KEY_READS,
  DETAIL: {
    keys: Object.values(ONE_KEY_READS).flatMap((read) => read.keys),
    filters: Object.values(ONE_KEY_READS).flatMap((read) => read.filters),
  },
};

/**
 * A period's whole months, whole weeks at its edges and the days left (whole-periods.ts), stacked
 * from one family of rollups with the pending rows: the touchpoint rollups (twelve rows a year per
 * touchpoint and segment), or one slice of SliceYearly (the months' whole years), SliceMonthly and
 * SliceWeekly with the days from the detail. No day or week keys: those read the days (below).
 */
function periodsOf(slice: TSlice | null): TSourceSql {
  const columns = slice ? DETAIL_COLUMNS : TOUCHPOINT_COLUMNS;
  const tables = slice
    ? { year: "SliceYearly", month: "SliceMonthly", week: "SliceWeekly", day: "ObservationDaily" }
    : { year: null, month: "TouchpointMonthly", week: "TouchpointWeekly", day: "TouchpointDaily" };
  const ofSlice = slice ? [Prisma.sql`slice = ${slice}::"RollupSlice"`] : [];
  return {
    groupKeys: new Set([...TOUCHPOINT_KEYS, ...(slice ? SLICE_READS[slice].keys : [])]),
    filters: new Set([...TOUCHPOINT_FILTERS, ...(slice ? SLICE_READS[slice].filters : [])]),
    from: (organizationId, filter, keys) => {
      const { months, weeks, days } = splitIntoWholePeriods({ from: filter.from, to: filter.to });
      // The slices keep whole years too (all time is every year), unless months are asked for;
      // the touchpoint rollups are small enough by the month.
      const { years, months: monthRuns } =
        months && tables.year && !keys.includes("month")
          ? splitMonthsIntoYears(months)
          : { years: null, months: months ? [months] : [] };
      const starting = (starts: TPeriodStarts) => [
        ...(starts.from ? [Prisma.sql`day >= ${starts.from}::date`] : []),
        ...(starts.before ? [Prisma.sql`day < ${starts.before}::date`] : []),
      ];
      const read = (table: string, conditions: Prisma.Sql[]) =>
        rowsOf(table, columns, organizationId, [...conditions, ...touchpointConditions(filter)]);
      return withPending(
        [
          ...(years ? [read(tables.year!, [...ofSlice, ...starting(years)])] : []),
          ...monthRuns.map((run) => read(tables.month, [...ofSlice, ...starting(run)])),
          ...weeks.map((week) => read(tables.week, [...ofSlice, ...starting(week)])),
          ...days.map((range) =>
            read(tables.day, [
              Prisma.sql`day >= ${range.from}::date`,
              Prisma.sql`day <= ${range.to}::date`,
            ]),
          ),
        ],
        columns,
        organizationId,
        filter,
      );
    },
    ...ROLLUP_DAYS,
  };
}

/** Day and week keys (the control charts, a drill-down's weeks): the daily touchpoint rollup, or the detail. */
function daysOf(detail: boolean): TSourceSql {
  const columns = detail ? DETAIL_COLUMNS : TOUCHPOINT_COLUMNS;
  return {
    groupKeys: detail ? ALL_KEYS : new Set([...TOUCHPOINT_KEYS, "day", "week"]),
    filters: detail ? ALL_FILTERS : new Set(TOUCHPOINT_FILTERS),
    from: (organizationId, filter) =>
      withPending(
        [
          rowsOf(
            detail ? "ObservationDaily" : "TouchpointDaily",
            columns,
            organizationId,
            touchpointConditions(filter),
          ),
        ],
        columns,
        organizationId,
        filter,
      ),
    ...ROLLUP_DAYS,
  };
}

/** The rollups, smallest first: a query reads the first that has every key and filter it uses. */
export const ROLLUPS_BY_SIZE = [
  periodsOf(null),
  periodsOf("SOURCE"),
  periodsOf("DRIVER"),
  periodsOf("SITE"),
  periodsOf("DETAIL"),
  daysOf(false),
  daysOf(true),
] as const;
