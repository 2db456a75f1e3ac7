import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { Prisma } from "@/lib/db/client";
import { dashboardDb } from "@/lib/db/read-replica";
import { ROLLUP_STATISTIC_COLUMNS } from "@/lib/observations/rollups";
import { correlationFromSums, type TPairSums } from "@/lib/stats/correlation";
import { RAW_OBSERVATIONS, ROLLUPS_BY_SIZE, type TSourceSql } from "./aggregate-sources";
import type { TAggregateFilter, TGroupKey, TGroupMoments } from "./schemas";

// The one aggregation every Measure and Analyze view is built on: observations of a journey (or,
// for the executive overview, of the whole organization), filtered, grouped by up to two slices, reduced in PostgreSQL to sufficient statistics (counts,
// sums, sums of squares, correlation). Node never sees an observation; the formulas in lib/stats
// turn these sums into means, intervals, NPS, CSAT and the ranking.
// Authorization is the caller's (queries.ts); this file trusts its organizationId.

// Days, weeks and months are the reporting time zone's, not UTC's: an answer at 08:00 in Seoul on
// the 1st belongs to the 1st. The dashboards read the rollups, which store local days: each query
// reads the smallest rollup that has every key and filter it uses. The raw table stays the source of
// truth and can be read the same way (readingRawObservations): the benchmark compares the two and
// the tests prove they agree (aggregate-sources.ts).

const rawReads = new AsyncLocalStorage<boolean>();

/** Runs `read` with every aggregation inside it computed from the raw observations instead of the rollups (the benchmark's baseline, the tests' reference). */
export function readingRawObservations<T>(read: () => Promise<T>): Promise<T> {
  return rawReads.run(true, read);
}

/** The table a query reads: the raw one when asked, else the smallest rollup that can answer it. */
function sourceFor(filter: TAggregateFilter, set: readonly TGroupKey[]): TSourceSql {
  if (rawReads.getStore()) return RAW_OBSERVATIONS;
  const filters = (Object.keys(filter) as (keyof TAggregateFilter)[]).filter(
    (field) => filter[field] !== undefined,
  );
  return (
    ROLLUPS_BY_SIZE.find(
      (source) =>
        set.every((key) => source.groupKeys.has(key)) &&
        filters.every((field) => source.filters.has(field)),
    ) ?? RAW_OBSERVATIONS
  );
}

/** Each group key as one SQL expression over o (the source), t (Touchpoint), d (LoyaltyDriver). */
function keySqlOf(source: TSourceSql): Record<TGroupKey, Prisma.Sql> {
  return {
    touchpoint: Prisma.sql`o."touchpointId"`,
    driver: Prisma.sql`o."driverId"`,
    stage: Prisma.sql`t."stageId"`,
    dimension: Prisma.sql`COALESCE(d.dimension, t.dimension)::text`,
    kind: Prisma.sql`d.kind::text`,
    segment: Prisma.sql`o."segmentId"`,
    site: Prisma.sql`o."siteId"`,
    source: Prisma.sql`o.source::text`,
    day: Prisma.sql`to_char(${source.localTime}, 'YYYY-MM-DD')`,
    week: Prisma.sql`to_char(date_trunc('week', ${source.localTime}), 'YYYY-MM-DD')`,
    month: Prisma.sql`to_char(date_trunc('month', ${source.localTime}), 'YYYY-MM-DD')`,
  };
}

type TRow = {
  /** One column per key used by any of the sets (k0, k1, …), then GROUPING()'s bit mask. */
  [key: `k${number}`]: string | null;
  grouping: number;
  observations: number;
  gap_n: number;
  gap_sum: number | null;
  gap_sumsq: number | null;
  expectation_n: number;
  expectation_sum: number | null;
  paired_experience_sum: number | null;
  experience_n: number;
  experience_sum: number | null;
  experience_sumsq: number | null;
  emotional_n: number;
  emotional_sum: number | null;
  emotional_sumsq: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  csat_n: number;
  csat_top2: number;
  ces_n: number;
  ces_sum: number | null;
  ces_sumsq: number | null;
  n_experience_nps: number;
  /** The experience–NPS pair sums, from which r is computed here (NULL without pairs). */
  pair_sum_x: number | null;
  pair_sum_y: number | null;
  pair_sum_xx: number | null;
  pair_sum_yy: number | null;
  pair_sum_xy: number | null;
};

/** The observations grouped one way: by up to two keys, or not at all ([]). */
export async function aggregateObservations(
  organizationId: string,
  filter: TAggregateFilter,
  groupBy: TGroupKey[],
): Promise<TGroupMoments[]> {
  return (await aggregateObservationsBySets(organizationId, filter, [groupBy]))[0]!;
}

/**
 * The observations grouped several ways in one scan per table read (GROUP BY GROUPING SETS): a view
 * that needs totals, per touchpoint, per segment, … reads the filtered rows once instead of once
 * per slice. Returns one list per set, in the order asked, each sorted by its keys (nulls last).
 */
export async function aggregateObservationsBySets<
  const TSets extends readonly (readonly TGroupKey[])[],
>(
  organizationId: string,
  filter: TAggregateFilter,
  sets: TSets,
): Promise<{ [K in keyof TSets]: TGroupMoments[] }> {
  if (sets.some((set) => set.length > 2)) throw new Error("a grouping set has at most two keys");
  const masks = sets.map((set) => set.slice().sort().join(","));
  if (new Set(masks).size !== masks.length) throw new Error("grouping sets must differ");
  // The sets each table answers, read in parallel, then put back in the order asked.
  const sources = sets.map((set) => sourceFor(filter, set));
  const bySource = [...new Set(sources)].map((source) => ({
    source,
    sets: sets.filter((_, i) => sources[i] === source),
  }));
  const answers = new Map<readonly TGroupKey[], TGroupMoments[]>();
  await Promise.all(
    bySource.map(async ({ source, sets: its }) =>
      (await aggregateFromSource(source, organizationId, filter, its)).forEach((groups, i) =>
        answers.set(its[i]!, groups),
      ),
    ),
  );
  return sets.map((set) => answers.get(set)!) as { [K in keyof TSets]: TGroupMoments[] };
}

/** The sets from one table, in one statement. */
async function aggregateFromSource(
  source: TSourceSql,
  organizationId: string,
  filter: TAggregateFilter,
  sets: readonly (readonly TGroupKey[])[],
): Promise<TGroupMoments[][]> {
  const KEY_SQL = keySqlOf(source);
  const keys: TGroupKey[] = [...new Set(sets.flat())];
  // GROUPING(k0, k1, …) sets bit (n − 1 − i) when key i is NOT grouped in a row: each set has its own mask.
  const maskOf = (set: readonly TGroupKey[]) =>
    keys.reduce(
      (mask, key, i) => (set.includes(key) ? mask : mask | (1 << (keys.length - 1 - i))),
      0,
    );
  const keyColumns = keys.map((key, i) => Prisma.sql`${KEY_SQL[key]} AS ${Prisma.raw(`k${i}`)}`);
  // One set is a plain GROUP BY (PostgreSQL can hash it; a lone grouping set is sorted, which spills
  // at a million rows); several sets share one scan with GROUPING SETS.
  const [onlySet] = sets;
  const isSingle = sets.length === 1 && onlySet !== undefined;
  const groupingColumn =
    isSingle || keys.length === 0
      ? Prisma.sql`${Prisma.raw(String(isSingle ? maskOf(onlySet) : 0))} AS grouping`
      : Prisma.sql`GROUPING(${Prisma.join(keys.map((key) => KEY_SQL[key]))})::int AS grouping`;
  const groupClause = isSingle
    ? onlySet.length
      ? Prisma.sql`GROUP BY ${Prisma.join(onlySet.map((key) => KEY_SQL[key]))}`
      : Prisma.empty
    : Prisma.sql`GROUP BY GROUPING SETS (${Prisma.join(sets.map((set) => Prisma.sql`(${set.length ? Prisma.join(set.map((key) => KEY_SQL[key])) : Prisma.empty})`))})`;

  // A rollup is summed first (its row conditions applied there); the raw table is read as it is.
  const relation = source.isRollup
    ? preSummed(source, organizationId, filter, keys)
    : source.from(organizationId, filter, keys);
  const conditions = [
    ...(source.isRollup ? [] : rowConditions(source, organizationId, filter)),
    ...joinedConditions(filter),
  ];
  const rows = await dashboardDb().$queryRaw<TRow[]>`
    SELECT ${Prisma.join([...keyColumns, groupingColumn])},
           ${source.statistics}
      FROM ${relation} ${joinsFor(filter, keys)}
     WHERE ${conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`}
     ${groupClause}`;

  return sets.map((set) => {
    const mask = maskOf(set);
    const columns = set.map((key) => `k${keys.indexOf(key)}` as const);
    return rows
      .filter((row) => row.grouping === mask)
      .map((row) =>
        momentsOf(
          row,
          columns.map((column) => row[column] ?? null),
        ),
      )
      .sort((a, b) => compareKeys(a.keys, b.keys));
  });
}

function momentsOf(row: TRow, keys: (string | null)[]): TGroupMoments {
  return {
    keys,
    observations: row.observations,
    gap: { n: row.gap_n, sum: row.gap_sum ?? 0, sumSquares: row.gap_sumsq ?? 0 },
    expectation: {
      n: row.expectation_n,
      sum: row.expectation_sum ?? 0,
      pairedExperienceSum: row.paired_experience_sum ?? 0,
    },
    experience: {
      n: row.experience_n,
      sum: row.experience_sum ?? 0,
      sumSquares: row.experience_sumsq ?? 0,
    },
    emotional: {
      n: row.emotional_n,
      sum: row.emotional_sum ?? 0,
      sumSquares: row.emotional_sumsq ?? 0,
    },
    nps: { promoters: row.promoters, passives: row.passives, detractors: row.detractors },
    csat: { n: row.csat_n, topTwoBox: row.csat_top2 },
    ces: { n: row.ces_n, sum: row.ces_sum ?? 0, sumSquares: row.ces_sumsq ?? 0 },
    experienceNpsCorrelation: {
      r: correlationFromSums(pairSumsOf(row)),
      n: row.n_experience_nps,
    },
  };
}

function pairSumsOf(row: TRow): TPairSums {
  return {
    n: row.n_experience_nps,
    sumX: row.pair_sum_x ?? 0,
    sumY: row.pair_sum_y ?? 0,
    sumXX: row.pair_sum_xx ?? 0,
    sumYY: row.pair_sum_yy ?? 0,
    sumXY: row.pair_sum_xy ?? 0,
  };
}

/** Key order as PostgreSQL's ORDER BY … ASC gives it for these ASCII keys: nulls last. */
function compareKeys(a: (string | null)[], b: (string | null)[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const [x, y] = [a[i] ?? null, b[i] ?? null];
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * Expectation always (the gap of a row without its own); Touchpoint and LoyaltyDriver only when a
 * filter or key reads them: each join costs every row the query reads.
 */
function joinsFor(filter: TAggregateFilter, keys: readonly TGroupKey[]): Prisma.Sql {
  const needsTouchpoint =
    filter.journeyId !== undefined ||
    filter.motOnly === true ||
    filter.dimension !== undefined ||
    keys.includes("dimension") ||
    keys.includes("stage");
  return Prisma.sql`
      LEFT JOIN "Expectation" e ON e."touchpointId" = o."touchpointId" AND e."segmentId" = o."segmentId"
      ${needsTouchpoint ? Prisma.sql`JOIN "Touchpoint" t ON t.id = o."touchpointId"` : Prisma.empty}
      ${needsDriver(filter, keys) ? Prisma.sql`LEFT JOIN "LoyaltyDriver" d ON d.id = o."driverId"` : Prisma.empty}`;
}

/** Conditions on the observation's (or rollup row's) own columns. */
function rowConditions(
  source: TSourceSql,
  organizationId: string,
  filter: TAggregateFilter,
): Prisma.Sql[] {
  const conditions = [Prisma.sql`o."organizationId" = ${organizationId}`];
  if (filter.from) conditions.push(source.fromDay(filter.from));
  if (filter.to) conditions.push(source.toDay(filter.to));
  if (filter.touchpointId) conditions.push(Prisma.sql`o."touchpointId" = ${filter.touchpointId}`);
  if (filter.segmentId) conditions.push(Prisma.sql`o."segmentId" = ${filter.segmentId}`);
  if (filter.siteId) conditions.push(Prisma.sql`o."siteId" = ${filter.siteId}`);
  if (filter.siteIds)
    conditions.push(
      filter.siteIds.length
        ? Prisma.sql`o."siteId" IN (${Prisma.join(filter.siteIds)})`
        : Prisma.sql`FALSE`,
    );
  if (filter.source) conditions.push(Prisma.sql`o.source = ${filter.source}::"ObservationSource"`);
  return conditions;
}

/** Conditions on the joined Touchpoint t and LoyaltyDriver d. */
function joinedConditions(filter: TAggregateFilter): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filter.journeyId !== undefined)
    conditions.push(Prisma.sql`t."journeyId" = ${filter.journeyId}`);
  if (filter.dimension)
    conditions.push(
      Prisma.sql`COALESCE(d.dimension, t.dimension) = ${filter.dimension}::"Dimension"`,
    );
  if (filter.kind) conditions.push(Prisma.sql`d.kind = ${filter.kind}::"DriverKind"`);
  if (filter.motOnly) conditions.push(Prisma.sql`t."isMoT"`);
  return conditions;
}

/**
 * A rollup's rows (filtered by their own columns) summed per touchpoint and segment — what the
 * Expectation join needs — and per what the keys and joins read from them (driver, site, source,
 * the day cut to the finest period asked). Sums of sums are the sums, so the statistics over these
 * rows are the statistics over the rollup's; but the joins and the gap's arithmetic then meet a
 * few hundred or thousand rows instead of every row read.
 */
function preSummed(
  source: TSourceSql,
  organizationId: string,
  filter: TAggregateFilter,
  keys: readonly TGroupKey[],
): Prisma.Sql {
  const columns = ["touchpointId", "segmentId"];
  if (keys.includes("driver") || needsDriver(filter, keys)) columns.push("driverId");
  if (keys.includes("site")) columns.push("siteId");
  if (keys.includes("source")) columns.push("source");
  const period =
    keys.includes("day") || (keys.includes("week") && keys.includes("month"))
      ? "day"
      : keys.includes("week")
        ? "week"
        : keys.includes("month")
          ? "month"
          : null;
  const grouped = [
    ...columns.map((column) => Prisma.raw(`o."${column}"`)),
    ...(period
      ? [Prisma.raw(period === "day" ? "o.day" : `date_trunc('${period}', o.day)::date`)]
      : []),
  ];
  const selected = [
    ...columns.map((column) => Prisma.raw(`o."${column}"`)),
    ...(period ? [Prisma.sql`${grouped.at(-1)!} AS day`] : []),
  ];
  const sums = ROLLUP_STATISTIC_COLUMNS.map((column) =>
    Prisma.raw(`sum(o."${column}") AS "${column}"`),
  );
  return Prisma.sql`(
      SELECT ${Prisma.join([...selected, ...sums])}
        FROM ${source.from(organizationId, filter, keys)}
       WHERE ${Prisma.join(rowConditions(source, organizationId, filter), " AND ")}
       GROUP BY ${Prisma.join(grouped)}) o`;
}

const needsDriver = (filter: TAggregateFilter, keys: readonly TGroupKey[]) =>
  filter.dimension !== undefined ||
  keys.includes("dimension") ||
  filter.kind !== undefined ||
  keys.includes("kind");
