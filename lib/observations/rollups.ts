import "server-only";
import { db, Prisma } from "@/lib/db/client";
import { localTimeOf } from "@/lib/dates/local-time-sql";
import { CSAT_TOP_TWO_MIN, NPS_DETRACTOR_MAX, NPS_PROMOTER_MIN } from "./scale";

// The rollups of observations the dashboards read instead of the raw rows (docs/SCALING.md): the
// sufficient statistics per local day × touchpoint × driver × segment × site × source
// ("ObservationDaily", the detail) and per local day, week or month × touchpoint × segment
// ("TouchpointDaily", "TouchpointWeekly", "TouchpointMonthly"). One list of statistics below
// defines a rollup row from observations; the insert path (store.ts) adds the rows it just
// inserted to all four, in the same statement, and refreshRollups rebuilds a
// slice from the raw table with the same definitions — so incremental and rebuilt agree by
// construction, and the tests check that they do.

type TTx = Prisma.TransactionClient;

/** An observedAt column (UTC without a zone) as the first local day of its period: the day itself, its week's Monday, its month's 1st. */
const localPeriodOf = (period: TPeriod, observedAt: Prisma.Sql) =>
  period === "day"
    ? Prisma.sql`${localTimeOf(observedAt)}::date`
    : Prisma.sql`date_trunc(${Prisma.raw(`'${period}'`)}, ${localTimeOf(observedAt)})::date`;

type TPeriod = "day" | "week" | "month";

/** Every statistic column and its definition over observations `o` (NULLs never reach a column: sums of nothing are 0). */
const STATISTICS: [column: string, type: "int" | "float8", definition: Prisma.Sql][] = [
  ["observations", "int", Prisma.sql`count(*)::int`],
  ["ownGapN", "int", Prisma.sql`count(o."experiencedScore" - o."expectationScore")::int`],
  [
    "ownGapSum",
    "float8",
    Prisma.sql`COALESCE(sum(o."experiencedScore" - o."expectationScore"), 0)`,
  ],
  [
    "ownGapSumSquares",
    "float8",
    Prisma.sql`COALESCE(sum((o."experiencedScore" - o."expectationScore") * (o."experiencedScore" - o."expectationScore")), 0)`,
  ],
  [
    "ownExpectationSum",
    "float8",
    Prisma.sql`COALESCE(sum(o."expectationScore") FILTER (WHERE o."experiencedScore" IS NOT NULL), 0)`,
  ],
  [
    "ownExperienceSum",
    "float8",
    Prisma.sql`COALESCE(sum(o."experiencedScore") FILTER (WHERE o."expectationScore" IS NOT NULL), 0)`,
  ],
  [
    "openExperienceN",
    "int",
    Prisma.sql`(count(o."experiencedScore") FILTER (WHERE o."expectationScore" IS NULL))::int`,
  ],
  [
    "openExperienceSum",
    "float8",
    Prisma.sql`COALESCE(sum(o."experiencedScore") FILTER (WHERE o."expectationScore" IS NULL), 0)`,
  ],
  [
    "openExperienceSumSquares",
    "float8",
    Prisma.sql`COALESCE(sum(o."experiencedScore" * o."experiencedScore") FILTER (WHERE o."expectationScore" IS NULL), 0)`,
  ],
  ["experienceN", "int", Prisma.sql`count(o."experiencedScore")::int`],
  ["experienceSum", "float8", Prisma.sql`COALESCE(sum(o."experiencedScore"), 0)`],
  [
    "experienceSumSquares",
    "float8",
    Prisma.sql`COALESCE(sum(o."experiencedScore" * o."experiencedScore"), 0)`,
  ],
  ["emotionalN", "int", Prisma.sql`count(o."emotionalScore")::int`],
  ["emotionalSum", "float8", Prisma.sql`COALESCE(sum(o."emotionalScore"), 0)`],
  [
    "emotionalSumSquares",
    "float8",
    Prisma.sql`COALESCE(sum(o."emotionalScore" * o."emotionalScore"), 0)`,
  ],
  ["promoters", "int", Prisma.sql`(count(*) FILTER (WHERE o.nps >= ${NPS_PROMOTER_MIN}))::int`],
  [
    "passives",
    "int",
    Prisma.sql`(count(*) FILTER (WHERE o.nps > ${NPS_DETRACTOR_MAX} AND o.nps < ${NPS_PROMOTER_MIN}))::int`,
  ],
  ["detractors", "int", Prisma.sql`(count(*) FILTER (WHERE o.nps <= ${NPS_DETRACTOR_MAX}))::int`],
  ["csatN", "int", Prisma.sql`count(o.csat)::int`],
  ["csatTopTwo", "int", Prisma.sql`(count(*) FILTER (WHERE o.csat >= ${CSAT_TOP_TWO_MIN}))::int`],
  ["cesN", "int", Prisma.sql`count(o.ces)::int`],
  ["cesSum", "float8", Prisma.sql`COALESCE(sum(o.ces), 0)::float8`],
  ["cesSumSquares", "float8", Prisma.sql`COALESCE(sum(o.ces * o.ces), 0)::float8`],
  ["pairN", "int", Prisma.sql`count(o."experiencedScore" + o.nps)::int`],
  [
    "pairSumX",
    "float8",
    Prisma.sql`COALESCE(sum(o."experiencedScore") FILTER (WHERE o.nps IS NOT NULL), 0)`,
  ],
  [
    "pairSumY",
    "float8",
    Prisma.sql`COALESCE(sum(o.nps) FILTER (WHERE o."experiencedScore" IS NOT NULL), 0)::float8`,
  ],
  [
    "pairSumXX",
    "float8",
    Prisma.sql`COALESCE(sum(o."experiencedScore" * o."experiencedScore") FILTER (WHERE o.nps IS NOT NULL), 0)`,
  ],
  [
    "pairSumYY",
    "float8",
    Prisma.sql`COALESCE(sum(o.nps * o.nps) FILTER (WHERE o."experiencedScore" IS NOT NULL), 0)::float8`,
  ],
  ["pairSumXY", "float8", Prisma.sql`COALESCE(sum(o."experiencedScore" * o.nps), 0)`],
];

const quoted = (column: string) => Prisma.raw(`"${column}"`);

/** A touchpoint rollup's key columns: organization, the period's first day, touchpoint, segment. */
const touchpointKeys = (period: TPeriod) =>
  [
    ["organizationId", Prisma.sql`o."organizationId"`],
    ["day", localPeriodOf(period, Prisma.sql`o."observedAt"`)],
    ["touchpointId", Prisma.sql`o."touchpointId"`],
    ["segmentId", Prisma.sql`o."segmentId"`],
  ] as const;

/** The rollups: their table, period and key columns, each key with its definition over observations `o`. */
const ROLLUPS = {
  detail: {
    table: "ObservationDaily",
    period: "day",
    keys: [
      ["organizationId", Prisma.sql`o."organizationId"`],
      ["day", localPeriodOf("day", Prisma.sql`o."observedAt"`)],
      ["touchpointId", Prisma.sql`o."touchpointId"`],
      ["driverId", Prisma.sql`o."driverId"`],
      ["segmentId", Prisma.sql`o."segmentId"`],
      ["siteId", Prisma.sql`o."siteId"`],
      ["source", Prisma.sql`o.source`],
    ],
  },
  touchpoint: { table: "TouchpointDaily", period: "day", keys: touchpointKeys("day") },
  touchpointWeek: { table: "TouchpointWeekly", period: "week", keys: touchpointKeys("week") },
  touchpointMonth: { table: "TouchpointMonthly", period: "month", keys: touchpointKeys("month") },
} as const satisfies Record<
  string,
  { table: string; period: TPeriod; keys: readonly (readonly [string, Prisma.Sql])[] }
>;

export type TRollup = keyof typeof ROLLUPS;
const ROLLUP_NAMES = Object.keys(ROLLUPS) as TRollup[];

/**
 * INSERT into a rollup the rows `select` yields (key columns, then the statistics, in the table's
 * order), adding to rows that exist. Rows are upserted in key order, so two concurrent batches lock
 * shared rollup rows in the same order and cannot deadlock.
 */
function upsertSql(
  rollup: TRollup,
  select: (keys: Prisma.Sql, statistics: Prisma.Sql, groupBy: Prisma.Sql) => Prisma.Sql,
): Prisma.Sql {
  const { table, keys } = ROLLUPS[rollup];
  const keyNames = keys.map(([name]) => name);
  const positions = Prisma.raw(keys.map((_, i) => i + 1).join(", "));
  const additions = Prisma.join(
    STATISTICS.map(
      ([column]) =>
        Prisma.sql`${quoted(column)} = ${quoted(table)}.${quoted(column)} + excluded.${quoted(column)}`,
    ),
  );
  return Prisma.sql`
    INSERT INTO ${quoted(table)} (${Prisma.join([...keyNames, ...STATISTICS.map(([column]) => column)].map(quoted))})
    ${select(Prisma.join(keys.map(([, definition]) => definition)), Prisma.join(STATISTICS.map(([, , definition]) => definition)), positions)}
     ORDER BY ${positions}
    ON CONFLICT (${Prisma.join(keyNames.map(quoted))}) DO UPDATE SET ${additions}`;
}

/** Adds to a rollup the statistics of the observations `source` yields (a relation aliased `o` with Observation's columns). */
function addToRollupSql(rollup: TRollup, source: Prisma.Sql): Prisma.Sql {
  return upsertSql(
    rollup,
    (keys, statistics, groupBy) =>
      Prisma.sql`SELECT ${keys}, ${statistics} FROM ${source} GROUP BY ${groupBy}`,
  );
}

/** ", name AS (INSERT …)" for every rollup, in one order: what the insert statement appends to add the rows it inserted (`source`). */
export function addToRollupsCtes(source: Prisma.Sql): Prisma.Sql {
  return Prisma.join(
    ROLLUP_NAMES.map(
      (rollup) =>
        Prisma.sql`, ${Prisma.raw(`add_to_${rollup}`)} AS (${addToRollupSql(rollup, source)})`,
    ),
    "",
  );
}

/**
 * Adds the organization's observations that `where` selects (alias o) to every rollup, in the same
 * order as the insert statement: for a transaction that inserted them with `deferRollups`, once,
 * just before it commits.
 */
export async function addObservationsToRollups(
  tx: TTx,
  organizationId: string,
  where: Prisma.Sql,
): Promise<void> {
  for (const rollup of ROLLUP_NAMES)
    await tx.$executeRaw(
      addToRollupSql(
        rollup,
        Prisma.sql`"Observation" o WHERE o."organizationId" = ${organizationId} AND ${where}`,
      ),
    );
}

/** A coarser rollup as the sum of a finer one's rows (r): how a rebuild fills it, much faster than from the raw table. */
function sumOfFinerRollupSql(rollup: TRollup, finer: TRollup, where: Prisma.Sql): Prisma.Sql {
  const { period } = ROLLUPS[rollup];
  const keys = ROLLUPS[rollup].keys.map(([name]) =>
    name === "day" && period !== "day"
      ? Prisma.sql`date_trunc(${Prisma.raw(`'${period}'`)}, r.day)::date`
      : Prisma.sql`r.${quoted(name)}`,
  );
  const sums = STATISTICS.map(
    ([column, type]) => Prisma.sql`sum(r.${quoted(column)})::${Prisma.raw(type)}`,
  );
  return upsertSql(
    rollup,
    (_keys, _statistics, groupBy) =>
      Prisma.sql`SELECT ${Prisma.join(keys)}, ${Prisma.join(sums)} FROM ${quoted(ROLLUPS[finer].table)} r WHERE ${where} GROUP BY ${groupBy}`,
  );
}

/** The statistic columns, in the tables' order: what a reader selects to stack rollups (aggregate-sources.ts). */
export const ROLLUP_STATISTIC_COLUMNS: readonly string[] = STATISTICS.map(([column]) => column);

// A rebuild deletes rows and re-adds them from the raw table; an insert committing in between
// would be lost or counted twice. Inserts hold this per-organization lock shared (they do not wait
// for one another), a rebuild holds it exclusively; both until their transaction ends.
const LOCK_CLASS = 0x524f4c4c; // "ROLL"

/** Taken by every insert of observations, before it inserts. */
export async function lockRollupsShared(tx: TTx, organizationId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${LOCK_CLASS}::int, hashtext(${organizationId}))`;
}

/** The part of an organization's rollups to recompute: all of it, or some touchpoints'. */
export type TRollupSlice = { touchpointIds?: readonly string[] };

/**
 * Recomputes a slice of the organization's rollups from the raw observations, inside the caller's
 * transaction: for any change of observations other than an insert (none exists in the app today:
 * deleting what observations refer to is refused — docs/SCALING.md lists them).
 */
export async function refreshRollups(
  tx: TTx,
  organizationId: string,
  slice: TRollupSlice = {},
): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_CLASS}::int, hashtext(${organizationId}))`;
  const where = (alias: string) =>
    Prisma.sql`${Prisma.raw(alias)}."organizationId" = ${organizationId} ${
      slice.touchpointIds
        ? Prisma.sql`AND ${Prisma.raw(alias)}."touchpointId" IN (${slice.touchpointIds.length ? Prisma.join(slice.touchpointIds) : Prisma.sql`NULL`})`
        : Prisma.empty
    }`;
  for (const rollup of ROLLUP_NAMES)
    await tx.$executeRaw`DELETE FROM ${quoted(ROLLUPS[rollup].table)} r WHERE ${where("r")}`;
  await tx.$executeRaw(addToRollupSql("detail", Prisma.sql`"Observation" o WHERE ${where("o")}`));
  await tx.$executeRaw(sumOfFinerRollupSql("touchpoint", "detail", where("r")));
  await tx.$executeRaw(sumOfFinerRollupSql("touchpointWeek", "touchpoint", where("r")));
  await tx.$executeRaw(sumOfFinerRollupSql("touchpointMonth", "touchpoint", where("r")));
}

/**
 * Rebuilds an organization's rollups from its observations, one touchpoint per transaction: each
 * holds the organization's rollup lock only while its own touchpoint is recomputed, so ingestion
 * goes on in between (an insert waits one touchpoint's recomputation at most, not the whole
 * rebuild), and every touchpoint's rollups are whole at every moment.
 */
export async function rebuildRollups(
  organizationId: string,
): Promise<{ rows: Record<TRollup, number> }> {
  const touchpoints = await db.touchpoint.findMany({
    where: { organizationId },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  for (const { id } of touchpoints) {
    await db.$transaction(
      async (tx) => {
        // A maintenance command, not a request: no statement timeout for this transaction alone.
        await tx.$executeRaw`SET LOCAL statement_timeout = 0`;
        await refreshRollups(tx, organizationId, { touchpointIds: [id] });
      },
      { timeout: 10 * 60 * 1000, maxWait: 60 * 1000 },
    );
  }
  // Fresh statistics at once: a freshly filled table read before autovacuum's next look gets nested
  // loops planned for one row (a 20,000-row Measure view took a second instead of 0.1 s).
  for (const rollup of ROLLUP_NAMES) await db.$executeRaw`ANALYZE ${quoted(ROLLUPS[rollup].table)}`;
  return { rows: await countRollupRows(organizationId) };
}

/** How many rows each rollup holds for the organization. */
export async function countRollupRows(organizationId: string): Promise<Record<TRollup, number>> {
  const where = { where: { organizationId } };
  const [detail, touchpoint, touchpointWeek, touchpointMonth] = await Promise.all([
    db.observationDaily.count(where),
    db.touchpointDaily.count(where),
    db.touchpointWeekly.count(where),
    db.touchpointMonthly.count(where),
  ]);
  return { detail, touchpoint, touchpointWeek, touchpointMonth };
}
