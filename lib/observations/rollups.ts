import "server-only";
import { db, Prisma } from "@/lib/db/client";
import { localTimeOf } from "@/lib/dates/local-time-sql";
import { CSAT_TOP_TWO_MIN, NPS_DETRACTOR_MAX, NPS_PROMOTER_MIN } from "./scale";

// The rollups of observations the dashboards read instead of the raw rows (docs/SCALING.md): the
// sufficient statistics per local day × touchpoint × driver × segment × site × source
// ("ObservationDaily", the detail); per local day, week or month × touchpoint × segment
// ("TouchpointDaily", "TouchpointWeekly", "TouchpointMonthly"); and per local week, month or year
// × touchpoint × segment × one slice — the site, the source, the driver, or all three
// ("SliceWeekly", "SliceMonthly", "SliceYearly"). One list of statistics below defines a rollup
// row from observations. The insert path (store.ts) appends the rows it inserted to RollupPending; a merge
// (rollup-merge.ts) adds pending rows to every rollup in one statement; reads add the rows still
// pending; refreshRollups rebuilds a part from the raw table with the same definitions — so
// merged, pending and rebuilt agree by construction, and the tests check that they do.

type TTx = Prisma.TransactionClient;

/** An observedAt column (UTC without a zone) as the first local day of its period: the day itself, its week's Monday, its month's 1st. */
const localPeriodOf = (period: TPeriod, observedAt: Prisma.Sql) =>
  period === "day"
    ? Prisma.sql`${localTimeOf(observedAt)}::date`
    : Prisma.sql`date_trunc(${Prisma.raw(`'${period}'`)}, ${localTimeOf(observedAt)})::date`;

type TPeriod = "day" | "week" | "month" | "year";

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

/** The keys a rollup may keep beside organization, period, touchpoint and segment. */
type TSliceKey = "driverId" | "siteId" | "source";
const SLICE_KEYS: readonly TSliceKey[] = ["driverId", "siteId", "source"];
/** A key a slice row does not keep is NULL, typed as the column is. */
const NULL_OF: Record<TSliceKey, Prisma.Sql> = {
  driverId: Prisma.sql`NULL::text`,
  siteId: Prisma.sql`NULL::text`,
  source: Prisma.sql`NULL::"ObservationSource"`,
};

/** The slices SliceWeekly, SliceMonthly and SliceYearly hold, each with the keys it keeps. */
export const SLICES = {
  SITE: ["siteId"],
  SOURCE: ["source"],
  DRIVER: ["driverId"],
  DETAIL: ["driverId", "siteId", "source"],
} as const satisfies Record<string, readonly TSliceKey[]>;
export type TSlice = keyof typeof SLICES;

type TRollupDefinition = {
  table: string;
  period: TPeriod;
  /** The key columns in the table's unique index, in order. */
  keyColumns: readonly string[];
  /** The slice keys it keeps (the others are absent, or NULL in a slice table). */
  kept: readonly TSliceKey[];
  /** SliceWeekly, SliceMonthly and SliceYearly: which slice the rows are. */
  slice?: TSlice;
  /** How a rebuild fills it: from the raw observations, or as the sum of a finer rollup's rows. */
  finer: string | null;
};

const TOUCHPOINT_KEY_COLUMNS = ["organizationId", "day", "touchpointId", "segmentId"];
const SLICE_KEY_COLUMNS = [
  "organizationId",
  "slice",
  "day",
  "touchpointId",
  "segmentId",
  ...SLICE_KEYS,
];

const SLICE_TABLES = { week: "SliceWeekly", month: "SliceMonthly", year: "SliceYearly" } as const;
/** Where a rebuild sums a detail slice from: the days, or (a year) the months. */
const DETAIL_FINER = { week: "detail", month: "detail", year: "detailMonth" } as const;
/** Where a rebuild sums a one-key slice from: the detail slice of the same period. */
const DETAIL_OF_PERIOD = { week: "detailWeek", month: "detailMonth", year: "detailYear" } as const;

const sliceRollup = (slice: TSlice, period: keyof typeof SLICE_TABLES): TRollupDefinition => ({
  table: SLICE_TABLES[period],
  period,
  keyColumns: SLICE_KEY_COLUMNS,
  kept: SLICES[slice],
  slice,
  finer: slice === "DETAIL" ? DETAIL_FINER[period] : DETAIL_OF_PERIOD[period],
});

/**
 * Every rollup, in the order a rebuild fills them (each from the raw table or a finer one already
 * filled) and every insert or merge adds to them (one order, so concurrent writers cannot deadlock).
 */
const ROLLUPS = {
  detail: {
    table: "ObservationDaily",
    period: "day",
    keyColumns: [
      "organizationId",
      "day",
      "touchpointId",
      "driverId",
      "segmentId",
      "siteId",
      "source",
    ],
    kept: SLICE_KEYS,
    finer: null,
  },
  touchpoint: {
    table: "TouchpointDaily",
    period: "day",
    keyColumns: TOUCHPOINT_KEY_COLUMNS,
    kept: [],
    finer: "detail",
  },
  touchpointWeek: {
    table: "TouchpointWeekly",
    period: "week",
    keyColumns: TOUCHPOINT_KEY_COLUMNS,
    kept: [],
    finer: "touchpoint",
  },
  touchpointMonth: {
    table: "TouchpointMonthly",
    period: "month",
    keyColumns: TOUCHPOINT_KEY_COLUMNS,
    kept: [],
    finer: "touchpoint",
  },
  detailWeek: sliceRollup("DETAIL", "week"),
  detailMonth: sliceRollup("DETAIL", "month"),
  detailYear: sliceRollup("DETAIL", "year"),
  siteWeek: sliceRollup("SITE", "week"),
  siteMonth: sliceRollup("SITE", "month"),
  siteYear: sliceRollup("SITE", "year"),
  sourceWeek: sliceRollup("SOURCE", "week"),
  sourceMonth: sliceRollup("SOURCE", "month"),
  sourceYear: sliceRollup("SOURCE", "year"),
  driverWeek: sliceRollup("DRIVER", "week"),
  driverMonth: sliceRollup("DRIVER", "month"),
  driverYear: sliceRollup("DRIVER", "year"),
} as const satisfies Record<string, TRollupDefinition>;

type TRollup = keyof typeof ROLLUPS;
const ROLLUP_NAMES = Object.keys(ROLLUPS) as TRollup[];
/** The rollup tables, in the order they are written. */
export const ROLLUP_TABLES = [...new Set(ROLLUP_NAMES.map((rollup) => ROLLUPS[rollup].table))];

/**
 * A rollup's key columns as expressions over `alias` (observations, or a finer rollup's rows):
 * the period's first day from `day`, the slice as a constant, a key it does not keep as NULL.
 */
function keyExpressions(rollup: TRollup, alias: "o" | "r", day: Prisma.Sql): Prisma.Sql[] {
  const { keyColumns, kept, slice }: TRollupDefinition = ROLLUPS[rollup];
  return keyColumns.map((name) => {
    if (name === "day") return day;
    if (name === "slice") return Prisma.sql`${slice!}::"RollupSlice"`;
    if ((SLICE_KEYS as readonly string[]).includes(name) && !kept.includes(name as TSliceKey))
      return NULL_OF[name as TSliceKey];
    return Prisma.raw(`${alias}."${name}"`);
  });
}

/**
 * INSERT into a rollup the rows `select` yields (key columns, then the statistics, in the table's
 * order), adding to rows that exist. Rows are upserted in key order, so two concurrent writers
 * lock shared rollup rows in the same order and cannot deadlock.
 */
function upsertSql(rollup: TRollup, select: (groupBy: Prisma.Sql) => Prisma.Sql): Prisma.Sql {
  const { table, keyColumns } = ROLLUPS[rollup];
  const positions = Prisma.raw(keyColumns.map((_, i) => i + 1).join(", "));
  const additions = Prisma.join(
    STATISTICS.map(
      ([column]) =>
        Prisma.sql`${quoted(column)} = ${quoted(table)}.${quoted(column)} + excluded.${quoted(column)}`,
    ),
  );
  return Prisma.sql`
    INSERT INTO ${quoted(table)} (${Prisma.join([...keyColumns, ...STATISTICS.map(([column]) => column)].map(quoted))})
    ${select(positions)}
     ORDER BY ${positions}
    ON CONFLICT (${Prisma.join(keyColumns.map(quoted))}) DO UPDATE SET ${additions}`;
}

const STATISTIC_DEFINITIONS = Prisma.join(STATISTICS.map(([, , definition]) => definition));

/** Adds to a rollup the statistics of the observations `source` yields (a relation aliased `o` with Observation's columns). */
function addToRollupSql(rollup: TRollup, source: Prisma.Sql): Prisma.Sql {
  const day = localPeriodOf(ROLLUPS[rollup].period, Prisma.sql`o."observedAt"`);
  return upsertSql(
    rollup,
    (groupBy) =>
      Prisma.sql`SELECT ${Prisma.join(keyExpressions(rollup, "o", day))}, ${STATISTIC_DEFINITIONS} FROM ${source} GROUP BY ${groupBy}`,
  );
}

/** ", name AS (INSERT …)" for every rollup, in one order: what a statement appends to add the observations `source` yields to all of them. */
function addToRollupsCtes(source: Prisma.Sql): Prisma.Sql {
  return Prisma.join(
    ROLLUP_NAMES.map(
      (rollup) =>
        Prisma.sql`, ${Prisma.raw(`add_to_${rollup}`)} AS (${addToRollupSql(rollup, source)})`,
    ),
    "",
  );
}

/** A coarser rollup as the sum of a finer one's rows (r): how a rebuild fills it, much faster than from the raw table. */
function sumOfFinerRollupSql(rollup: TRollup, where: Prisma.Sql): Prisma.Sql {
  const { period, finer } = ROLLUPS[rollup];
  const from: TRollupDefinition = ROLLUPS[finer as TRollup];
  const day =
    period === from.period
      ? Prisma.sql`r.day`
      : Prisma.sql`date_trunc(${Prisma.raw(`'${period}'`)}, r.day)::date`;
  const sums = STATISTICS.map(
    ([column, type]) => Prisma.sql`sum(r.${quoted(column)})::${Prisma.raw(type)}`,
  );
  const conditions = from.slice
    ? Prisma.sql`${where} AND r.slice = ${from.slice}::"RollupSlice"`
    : where;
  return upsertSql(
    rollup,
    (groupBy) =>
      Prisma.sql`SELECT ${Prisma.join(keyExpressions(rollup, "r", day))}, ${Prisma.join(sums)} FROM ${quoted(from.table)} r WHERE ${conditions} GROUP BY ${groupBy}`,
  );
}

// --- pending observations -------------------------------------------------------------------

// An insert does not add to the rollups' shared rows: it appends its rows to RollupPending, in its
// own statement, and waits on no one. mergePendingRollups (rollup-merge.ts) moves pending rows into
// every rollup in one statement, and every read adds the rows still pending (pendingRowsSql), so a
// figure is exact whether a row has been merged or not.

const PENDING_COLUMNS = [
  "organizationId",
  "touchpointId",
  "driverId",
  "segmentId",
  "siteId",
  "source",
  "observedAt",
  "expectationScore",
  "experiencedScore",
  "emotionalScore",
  "nps",
  "csat",
  "ces",
];

/** ", pending AS (INSERT INTO RollupPending …)": what the insert statement appends for the rows it inserted (`inserted`). */
export function appendToPendingCte(inserted: string): Prisma.Sql {
  const columns = Prisma.join(PENDING_COLUMNS.map(quoted));
  return Prisma.sql`, pending AS (INSERT INTO "RollupPending" (${columns}) SELECT ${columns} FROM ${Prisma.raw(inserted)})`;
}

/**
 * Moves up to `limit` of an organization's pending rows, oldest first, into every rollup: one
 * statement, so a row is counted in the rollups exactly when it has left RollupPending. Rows
 * another merge has locked are skipped, not waited for. Returns how many rows moved.
 */
export async function mergePendingRowsOf(
  tx: TTx,
  organizationId: string,
  limit: number,
): Promise<number> {
  const [{ moved }] = await tx.$queryRaw<[{ moved: number }]>`
    WITH moved AS (
      DELETE FROM "RollupPending" p
       WHERE p.id IN (SELECT id FROM "RollupPending" WHERE "organizationId" = ${organizationId}
                       ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING ${Prisma.join(PENDING_COLUMNS.map((column) => Prisma.raw(`p."${column}"`)))}
    )${addToRollupsCtes(Prisma.sql`moved o`)}
    SELECT count(*)::int AS moved FROM moved`;
  return moved;
}

/**
 * The organization's pending rows as rollup rows per local day: the columns `columns` names (from
 * organizationId, day, touchpointId, segmentId, driverId, siteId, source), then the statistics,
 * each named; `conditions` on the pending rows (alias o) narrow them. A read stacks them under the
 * rollup rows it reads (aggregate-sources.ts).
 */
export function pendingRowsSql(
  organizationId: string,
  columns: readonly string[],
  conditions: readonly Prisma.Sql[] = [],
): Prisma.Sql {
  const expressions = columns.map((name) =>
    name === "day"
      ? Prisma.sql`${localPeriodOf("day", Prisma.sql`o."observedAt"`)} AS day`
      : Prisma.raw(`o."${name}"`),
  );
  const statistics = Prisma.join(
    STATISTICS.map(([column, , definition]) => Prisma.sql`${definition} AS ${quoted(column)}`),
  );
  const positions = Prisma.raw(columns.map((_, i) => i + 1).join(", "));
  return Prisma.sql`SELECT ${Prisma.join(expressions)}, ${statistics} FROM "RollupPending" o WHERE ${Prisma.join([Prisma.sql`o."organizationId" = ${organizationId}`, ...conditions], " AND ")} GROUP BY ${positions}`;
}

/** The statistic columns, in the tables' order: what a reader selects to stack rollups (aggregate-sources.ts). */
export const ROLLUP_STATISTIC_COLUMNS: readonly string[] = STATISTICS.map(([column]) => column);

// A rebuild deletes rows and re-adds them from the raw table; an insert or a merge committing in
// between would be lost or counted twice. Inserts and merges hold this per-organization lock shared
// (they do not wait for one another), a rebuild holds it exclusively; all until their transaction ends.
const LOCK_CLASS = 0x524f4c4c; // "ROLL"

/** Taken by every insert of observations, and every merge of pending rows, before it writes. */
export async function lockRollupsShared(tx: TTx, organizationId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${LOCK_CLASS}::int, hashtext(${organizationId}))`;
}

/** The part of an organization's rollups to recompute: all of it, or some touchpoints'. */
export type TRollupPart = { touchpointIds?: readonly string[] };

/**
 * Recomputes part of the organization's rollups from the raw observations, inside the caller's
 * transaction, and drops that part's pending rows (the raw table holds them): for any change of
 * observations other than an insert (none exists in the app today: deleting what observations
 * refer to is refused — docs/SCALING.md lists them).
 */
export async function refreshRollups(
  tx: TTx,
  organizationId: string,
  part: TRollupPart = {},
): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_CLASS}::int, hashtext(${organizationId}))`;
  const where = (alias: string) =>
    Prisma.sql`${Prisma.raw(alias)}."organizationId" = ${organizationId} ${
      part.touchpointIds
        ? Prisma.sql`AND ${Prisma.raw(alias)}."touchpointId" IN (${part.touchpointIds.length ? Prisma.join(part.touchpointIds) : Prisma.sql`NULL`})`
        : Prisma.empty
    }`;
  for (const table of [...ROLLUP_TABLES, "RollupPending"])
    await tx.$executeRaw`DELETE FROM ${quoted(table)} r WHERE ${where("r")}`;
  for (const rollup of ROLLUP_NAMES)
    await tx.$executeRaw(
      ROLLUPS[rollup].finer
        ? sumOfFinerRollupSql(rollup, where("r"))
        : addToRollupSql(rollup, Prisma.sql`"Observation" o WHERE ${where("o")}`),
    );
}

/**
 * Rebuilds an organization's rollups from its observations, one touchpoint per transaction: each
 * holds the organization's rollup lock only while its own touchpoint is recomputed, so ingestion
 * goes on in between (an insert waits one touchpoint's recomputation at most, not the whole
 * rebuild), and every touchpoint's rollups are whole at every moment.
 */
export async function rebuildRollups(
  organizationId: string,
): Promise<{ rows: Record<string, number> }> {
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
  for (const table of ROLLUP_TABLES) await db.$executeRaw`ANALYZE ${quoted(table)}`;
  return { rows: await countRollupRows(organizationId) };
}

/** How many rows each rollup table holds for the organization (the slice tables per slice), and how many are pending. */
export async function countRollupRows(organizationId: string): Promise<Record<string, number>> {
  const rows = await db.$queryRaw<{ name: string; n: number }[]>`
    ${Prisma.join(
      [
        ...ROLLUP_TABLES.filter((table) => !table.startsWith("Slice")).map(
          (table) =>
            Prisma.sql`SELECT ${table} AS name, count(*)::int AS n FROM ${quoted(table)} WHERE "organizationId" = ${organizationId}`,
        ),
        ...Object.values(SLICE_TABLES).map(
          (table) =>
            Prisma.sql`SELECT ${table} || ' ' || slice AS name, count(*)::int AS n FROM ${quoted(table)} WHERE "organizationId" = ${organizationId} GROUP BY slice`,
        ),
        Prisma.sql`SELECT 'RollupPending' AS name, count(*)::int AS n FROM "RollupPending" WHERE "organizationId" = ${organizationId}`,
      ],
      " UNION ALL ",
    )}`;
  return Object.fromEntries(rows.map(({ name, n }) => [name, n]));
}
