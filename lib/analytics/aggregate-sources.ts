import "server-only";
import { Prisma } from "@/lib/db/client";
import { ROLLUP_STATISTIC_COLUMNS } from "@/lib/observations/rollups";
import { CSAT_TOP_TWO_MIN, NPS_DETRACTOR_MAX, NPS_PROMOTER_MIN } from "@/lib/observations/scale";
import { localTimeOf, utcStartOf } from "@/lib/dates/local-time-sql";
import type { TAggregateFilter, TGroupKey } from "./schemas";
import { splitIntoWholePeriods } from "./whole-periods";

// The tables the one aggregation (aggregate.ts) can read, each aliased `o` (aggregate.ts joins
// Expectation e, and Touchpoint t and LoyaltyDriver d when a filter or key needs them): the raw
// observations (the source of truth), or their rollups (what the dashboards read; docs/SCALING.md). Each gives the same
// columns, so the rest of aggregate.ts does not know which it reads; the tests prove they all
// answer the same.

export type TSourceSql = {
  /** The group keys and filter fields it can answer (the raw table and the detail: all of them). */
  groupKeys: ReadonlySet<TGroupKey>;
  filters: ReadonlySet<keyof TAggregateFilter>;
  /** The relation `o`, for the organization and filter asked. */
  from: (organizationId: string, filter: TAggregateFilter) => Prisma.Sql;
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
           corr(o."experiencedScore", o.nps) AS r_experience_nps, regr_count(o."experiencedScore", o.nps)::int AS n_experience_nps`,
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
           NULL::float8 AS r_experience_nps, ${totalInt("pairN")} AS n_experience_nps,
           ${total(column("pairSumX"))} AS pair_sum_x, ${total(column("pairSumY"))} AS pair_sum_y,
           ${total(column("pairSumXX"))} AS pair_sum_xx, ${total(column("pairSumYY"))} AS pair_sum_yy, ${total(column("pairSumXY"))} AS pair_sum_xy`;

/** Both rollups store local days. */
const ROLLUP_DAYS = {
  localTime: Prisma.sql`o.day::timestamp`,
  fromDay: (day: string) => Prisma.sql`o.day >= ${day}::date`,
  toDay: (day: string) => Prisma.sql`o.day <= ${day}::date`,
  statistics: ROLLUP_STATISTICS,
  isRollup: true,
};

/** Every key and filter, from more rows: a touchpoint's day has one per driver, segment, site and source. */
const DETAIL: TSourceSql = {
  groupKeys: ALL_KEYS,
  filters: ALL_FILTERS,
  from: () => Prisma.sql`"ObservationDaily" o`,
  ...ROLLUP_DAYS,
};

const TOUCHPOINT_FILTERS: ReadonlySet<keyof TAggregateFilter> = new Set([
  "journeyId",
  "from",
  "to",
  "touchpointId",
  "segmentId",
  "motOnly",
]);

/** Touchpoint, stage, segment and days: the control charts' daily and weekly points, and any period cut by day. */
const TOUCHPOINT_DAYS: TSourceSql = {
  groupKeys: new Set(["touchpoint", "stage", "segment", "day", "week", "month"]),
  filters: TOUCHPOINT_FILTERS,
  from: () => Prisma.sql`"TouchpointDaily" o`,
  ...ROLLUP_DAYS,
};

const STACKED_COLUMNS = Prisma.raw(
  ["organizationId", "day", "touchpointId", "segmentId", ...ROLLUP_STATISTIC_COLUMNS]
    .map((column) => `"${column}"`)
    .join(", "),
);

/**
 * The same without day or week keys, from the fewest rows: the period's whole months from
 * TouchpointMonthly, the whole weeks at its edges from TouchpointWeekly and the days left from
 * TouchpointDaily, stacked (whole-periods.ts). All time reads twelve rows a year per touchpoint and
 * segment; the overview's last 30 days a few whole weeks and up to about 16 single days. The ranking and the
 * overview ask this.
 */
const TOUCHPOINT_PERIODS: TSourceSql = {
  groupKeys: new Set(["touchpoint", "stage", "segment", "month"]),
  filters: TOUCHPOINT_FILTERS,
  from: (organizationId, filter) => {
    const { months, weeks, days } = splitIntoWholePeriods({ from: filter.from, to: filter.to });
    const rows = (table: string, conditions: Prisma.Sql[]) =>
      Prisma.sql`SELECT ${STACKED_COLUMNS} FROM ${Prisma.raw(`"${table}"`)} WHERE ${Prisma.join([Prisma.sql`"organizationId" = ${organizationId}`, ...conditions], " AND ")}`;
    const starting = (starts: { from?: string; before?: string }) => [
      ...(starts.from ? [Prisma.sql`day >= ${starts.from}::date`] : []),
      ...(starts.before ? [Prisma.sql`day < ${starts.before}::date`] : []),
    ];
    const parts = [
      ...(months ? [rows("TouchpointMonthly", starting(months))] : []),
      ...weeks.map((week) => rows("TouchpointWeekly", starting(week))),
      ...days.map((range) =>
        rows("TouchpointDaily", [
          Prisma.sql`day >= ${range.from}::date`,
          Prisma.sql`day <= ${range.to}::date`,
        ]),
      ),
    ];
    return Prisma.sql`(${Prisma.join(parts, " UNION ALL ")}) o`;
  },
  ...ROLLUP_DAYS,
};

/** The rollups, smallest first: a query reads the first that has every key and filter it uses. */
export const ROLLUPS_BY_SIZE = [TOUCHPOINT_PERIODS, TOUCHPOINT_DAYS, DETAIL] as const;
