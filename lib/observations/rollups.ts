import "server-only";
import { db, Prisma } from "@/lib/db/client";
import { NPS_DETRACTOR_MAX } from "@/lib/follow-ups/rules";
import { REPORTING_TIME_ZONE } from "@/lib/i18n/config";

// The daily rollup ("ObservationDaily"): the sufficient statistics of the observations per local
// day × touchpoint × driver × segment × site × source, which the dashboards read instead of the raw
// rows (docs/SCALING.md). One SELECT below defines a rollup row from observations; the insert path
// (store.ts) adds the rows it just inserted with it, in the same statement, and refreshRollups
// rebuilds a slice from the raw table with the same SELECT — so incremental and rebuilt agree by
// construction, and the tests check that they do.

type TTx = Prisma.TransactionClient;

/** The reporting time zone as an SQL literal: GROUP BY must see the very expression the SELECT list has. */
export const ZONE_SQL = Prisma.raw(`'${REPORTING_TIME_ZONE.replace(/[^\w/+-]/g, "")}'`);
/** An observedAt column (UTC without a zone) as the local date it belongs to. */
export const localDayOf = (observedAt: Prisma.Sql) => Prisma.sql`((${observedAt} AT TIME ZONE 'UTC') AT TIME ZONE ${ZONE_SQL})::date`;

/** NPS answers 9–10 promote; 0–6 detract (the follow-up rule shares the cut). */
export const PROMOTER_MIN = 9;
/** CSAT counts the top two boxes of the 1–5 scale. */
export const CSAT_TOP_TWO_MIN = 4;

const KEY_COLUMNS = ["organizationId", "day", "touchpointId", "driverId", "segmentId", "siteId", "source"] as const;

/** Every statistic column and its definition over observations `o` (NULLs never reach a column: sums of nothing are 0). */
const STATISTICS: [column: string, definition: Prisma.Sql][] = [
  ["observations", Prisma.sql`count(*)::int`],
  ["ownGapN", Prisma.sql`count(o."experiencedScore" - o."expectationScore")::int`],
  ["ownGapSum", Prisma.sql`COALESCE(sum(o."experiencedScore" - o."expectationScore"), 0)`],
  ["ownGapSumSquares", Prisma.sql`COALESCE(sum((o."experiencedScore" - o."expectationScore") * (o."experiencedScore" - o."expectationScore")), 0)`],
  ["ownExpectationSum", Prisma.sql`COALESCE(sum(o."expectationScore") FILTER (WHERE o."experiencedScore" IS NOT NULL), 0)`],
  ["ownExperienceSum", Prisma.sql`COALESCE(sum(o."experiencedScore") FILTER (WHERE o."expectationScore" IS NOT NULL), 0)`],
  ["openExperienceN", Prisma.sql`(count(o."experiencedScore") FILTER (WHERE o."expectationScore" IS NULL))::int`],
  ["openExperienceSum", Prisma.sql`COALESCE(sum(o."experiencedScore") FILTER (WHERE o."expectationScore" IS NULL), 0)`],
  ["openExperienceSumSquares", Prisma.sql`COALESCE(sum(o."experiencedScore" * o."experiencedScore") FILTER (WHERE o."expectationScore" IS NULL), 0)`],
  ["experienceN", Prisma.sql`count(o."experiencedScore")::int`],
  ["experienceSum", Prisma.sql`COALESCE(sum(o."experiencedScore"), 0)`],
  ["experienceSumSquares", Prisma.sql`COALESCE(sum(o."experiencedScore" * o."experiencedScore"), 0)`],
  ["emotionalN", Prisma.sql`count(o."emotionalScore")::int`],
  ["emotionalSum", Prisma.sql`COALESCE(sum(o."emotionalScore"), 0)`],
  ["emotionalSumSquares", Prisma.sql`COALESCE(sum(o."emotionalScore" * o."emotionalScore"), 0)`],
  ["promoters", Prisma.sql`(count(*) FILTER (WHERE o.nps >= ${PROMOTER_MIN}))::int`],
  ["passives", Prisma.sql`(count(*) FILTER (WHERE o.nps > ${NPS_DETRACTOR_MAX} AND o.nps < ${PROMOTER_MIN}))::int`],
  ["detractors", Prisma.sql`(count(*) FILTER (WHERE o.nps <= ${NPS_DETRACTOR_MAX}))::int`],
  ["csatN", Prisma.sql`count(o.csat)::int`],
  ["csatTopTwo", Prisma.sql`(count(*) FILTER (WHERE o.csat >= ${CSAT_TOP_TWO_MIN}))::int`],
  ["cesN", Prisma.sql`count(o.ces)::int`],
  ["cesSum", Prisma.sql`COALESCE(sum(o.ces), 0)::float8`],
  ["cesSumSquares", Prisma.sql`COALESCE(sum(o.ces * o.ces), 0)::float8`],
  ["pairN", Prisma.sql`count(o."experiencedScore" + o.nps)::int`],
  ["pairSumX", Prisma.sql`COALESCE(sum(o."experiencedScore") FILTER (WHERE o.nps IS NOT NULL), 0)`],
  ["pairSumY", Prisma.sql`COALESCE(sum(o.nps) FILTER (WHERE o."experiencedScore" IS NOT NULL), 0)::float8`],
  ["pairSumXX", Prisma.sql`COALESCE(sum(o."experiencedScore" * o."experiencedScore") FILTER (WHERE o.nps IS NOT NULL), 0)`],
  ["pairSumYY", Prisma.sql`COALESCE(sum(o.nps * o.nps) FILTER (WHERE o."experiencedScore" IS NOT NULL), 0)::float8`],
  ["pairSumXY", Prisma.sql`COALESCE(sum(o."experiencedScore" * o.nps), 0)`],
];

const quoted = (column: string) => Prisma.raw(`"${column}"`);

/**
 * INSERT into the rollup the statistics of the observations `source` yields (a relation aliased
 * `o` with Observation's columns), adding to rows that exist. Rows are upserted in key order, so
 * two concurrent batches lock shared rollup rows in the same order and cannot deadlock.
 */
export function addToRollupsSql(source: Prisma.Sql): Prisma.Sql {
  const keys = Prisma.join([
    Prisma.sql`o."organizationId"`,
    localDayOf(Prisma.sql`o."observedAt"`),
    Prisma.sql`o."touchpointId"`,
    Prisma.sql`o."driverId"`,
    Prisma.sql`o."segmentId"`,
    Prisma.sql`o."siteId"`,
    Prisma.sql`o.source`,
  ]);
  const columns = Prisma.join([...KEY_COLUMNS, ...STATISTICS.map(([column]) => column)].map(quoted));
  const positions = Prisma.raw(KEY_COLUMNS.map((_, i) => i + 1).join(", "));
  const additions = Prisma.join(STATISTICS.map(([column]) => Prisma.sql`${quoted(column)} = "ObservationDaily".${quoted(column)} + excluded.${quoted(column)}`));
  return Prisma.sql`
    INSERT INTO "ObservationDaily" (${columns})
    SELECT ${keys}, ${Prisma.join(STATISTICS.map(([, definition]) => definition))}
      FROM ${source}
     GROUP BY ${positions}
     ORDER BY ${positions}
    ON CONFLICT (${Prisma.join(KEY_COLUMNS.map(quoted))}) DO UPDATE SET ${additions}`;
}

// A rebuild deletes rows and re-adds them from the raw table; an insert committing in between
// would be lost or counted twice. Inserts hold this per-organization lock shared (they do not wait
// for one another), a rebuild holds it exclusively; both until their transaction ends.
const LOCK_CLASS = 0x524f4c4c; // "ROLL"

/** Taken by every insert of observations, before it inserts. */
export async function lockRollupsShared(tx: TTx, organizationId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${LOCK_CLASS}::int, hashtext(${organizationId}))`;
}

/** The part of an organization's rollup to recompute: all of it, or some touchpoints'. */
export type TRollupSlice = { touchpointIds?: readonly string[] };

/**
 * Recomputes a slice of the organization's rollup from the raw observations, inside the caller's
 * transaction: for any change of observations other than an insert (none exists in the app today:
 * deleting what observations refer to is refused — docs/SCALING.md lists them).
 */
export async function refreshRollups(tx: TTx, organizationId: string, slice: TRollupSlice = {}): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_CLASS}::int, hashtext(${organizationId}))`;
  const onlyTouchpoints = (alias: Prisma.Sql) =>
    slice.touchpointIds ? Prisma.sql`AND ${alias}."touchpointId" IN (${slice.touchpointIds.length ? Prisma.join(slice.touchpointIds) : Prisma.sql`NULL`})` : Prisma.empty;
  await tx.$executeRaw`DELETE FROM "ObservationDaily" r WHERE r."organizationId" = ${organizationId} ${onlyTouchpoints(Prisma.sql`r`)}`;
  await tx.$executeRaw(addToRollupsSql(Prisma.sql`"Observation" o WHERE o."organizationId" = ${organizationId} ${onlyTouchpoints(Prisma.sql`o`)}`));
}

/** Rebuilds an organization's whole rollup from its observations, in one transaction. */
export async function rebuildRollups(organizationId: string): Promise<{ rows: number }> {
  // Minutes at ten million rows: far past the interactive transaction's default five seconds.
  return db.$transaction(
    async (tx) => {
      // A maintenance command, not a request: no statement timeout for this transaction alone.
      await tx.$executeRaw`SET LOCAL statement_timeout = 0`;
      await refreshRollups(tx, organizationId);
      return { rows: await tx.observationDaily.count({ where: { organizationId } }) };
    },
    { timeout: 60 * 60 * 1000, maxWait: 60 * 1000 },
  );
}
