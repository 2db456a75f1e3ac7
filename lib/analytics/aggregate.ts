import "server-only";
import { db, Prisma } from "@/lib/db/client";
import { NPS_DETRACTOR_MAX } from "@/lib/follow-ups/rules";
import type { TAnalysisFilter, TGroupKey, TGroupMoments } from "./schemas";

// The one aggregation every Measure and Analyze view is built on: observations of a journey,
// filtered, grouped by up to two slices, reduced in PostgreSQL to sufficient statistics (counts,
// sums, sums of squares, correlation). Node never sees an observation; the formulas in lib/stats
// turn these sums into means, intervals, NPS, CSAT and the ranking.
// Authorization is the caller's (queries.ts); this file trusts its organizationId.

/** Each group key as one SQL expression over o (Observation), t (Touchpoint), d (LoyaltyDriver). */
const KEY_SQL: Record<TGroupKey, Prisma.Sql> = {
  touchpoint: Prisma.sql`o."touchpointId"`,
  driver: Prisma.sql`o."driverId"`,
  stage: Prisma.sql`t."stageId"`,
  dimension: Prisma.sql`COALESCE(d.dimension, t.dimension)::text`,
  kind: Prisma.sql`d.kind::text`,
  segment: Prisma.sql`o."segmentId"`,
  site: Prisma.sql`o."siteId"`,
  source: Prisma.sql`o.source::text`,
  week: Prisma.sql`to_char(date_trunc('week', o."observedAt"), 'YYYY-MM-DD')`,
  month: Prisma.sql`to_char(date_trunc('month', o."observedAt"), 'YYYY-MM-DD')`,
};

/** What the customer expected: the observation's own score, else the level recorded for its MOT and segment. */
const EXPECTED = Prisma.sql`COALESCE(o."expectationScore", e."expectedLevel")`;
/** Gap = experienced − expected; negative when the touchpoint under-delivers (PRODUCT.md, "Measures"). */
const GAP = Prisma.sql`(o."experiencedScore" - ${EXPECTED})`;

/** NPS answers 9–10 promote; 0–6 detract (standard definition; the follow-up rule shares the cut). */
const PROMOTER_MIN = 9;
/** CSAT counts the top two boxes of the 1–5 scale. */
const CSAT_TOP_TWO_MIN = 4;

type TRow = {
  k0: string | null;
  k1: string | null;
  observations: number;
  gap_n: number;
  gap_sum: number | null;
  gap_sumsq: number | null;
  expectation_n: number;
  expectation_sum: number | null;
  experience_n: number;
  experience_sum: number | null;
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
  r_experience_nps: number | null;
  n_experience_nps: number;
};

export async function aggregateObservations(organizationId: string, filter: TAnalysisFilter, groupBy: TGroupKey[]): Promise<TGroupMoments[]> {
  if (groupBy.length > 2) throw new Error("aggregateObservations groups by at most two keys");
  const [first, second] = groupBy;
  const k0 = first ? KEY_SQL[first] : Prisma.sql`NULL::text`;
  const k1 = second ? KEY_SQL[second] : Prisma.sql`NULL::text`;
  const groupClause = groupBy.length ? Prisma.sql`GROUP BY 1, 2` : Prisma.empty;

  const rows = await db.$queryRaw<TRow[]>`
    SELECT ${k0} AS k0, ${k1} AS k1,
           count(*)::int AS observations,
           count(${GAP})::int AS gap_n, sum(${GAP}) AS gap_sum, sum(${GAP} * ${GAP}) AS gap_sumsq,
           count(${EXPECTED})::int AS expectation_n, sum(${EXPECTED}) AS expectation_sum,
           count(o."experiencedScore")::int AS experience_n, sum(o."experiencedScore") AS experience_sum,
           count(o."emotionalScore")::int AS emotional_n, sum(o."emotionalScore") AS emotional_sum, sum(o."emotionalScore" * o."emotionalScore") AS emotional_sumsq,
           count(*) FILTER (WHERE o.nps >= ${PROMOTER_MIN})::int AS promoters,
           count(*) FILTER (WHERE o.nps > ${NPS_DETRACTOR_MAX} AND o.nps < ${PROMOTER_MIN})::int AS passives,
           count(*) FILTER (WHERE o.nps <= ${NPS_DETRACTOR_MAX})::int AS detractors,
           count(o.csat)::int AS csat_n, count(*) FILTER (WHERE o.csat >= ${CSAT_TOP_TWO_MIN})::int AS csat_top2,
           count(o.ces)::int AS ces_n, sum(o.ces)::float8 AS ces_sum, sum(o.ces * o.ces)::float8 AS ces_sumsq,
           corr(o."experiencedScore", o.nps) AS r_experience_nps, regr_count(o."experiencedScore", o.nps)::int AS n_experience_nps
      FROM "Observation" o
      JOIN "Touchpoint" t ON t.id = o."touchpointId"
      LEFT JOIN "LoyaltyDriver" d ON d.id = o."driverId"
      LEFT JOIN "Expectation" e ON e."touchpointId" = o."touchpointId" AND e."segmentId" = o."segmentId"
     WHERE ${whereOf(organizationId, filter)}
     ${groupClause}
     ORDER BY 1, 2`;

  return rows.map((row) => ({
    keys: [row.k0, row.k1].slice(0, groupBy.length),
    observations: row.observations,
    gap: { n: row.gap_n, sum: row.gap_sum ?? 0, sumSquares: row.gap_sumsq ?? 0 },
    expectation: { n: row.expectation_n, sum: row.expectation_sum ?? 0 },
    experience: { n: row.experience_n, sum: row.experience_sum ?? 0 },
    emotional: { n: row.emotional_n, sum: row.emotional_sum ?? 0, sumSquares: row.emotional_sumsq ?? 0 },
    nps: { promoters: row.promoters, passives: row.passives, detractors: row.detractors },
    csat: { n: row.csat_n, topTwoBox: row.csat_top2 },
    ces: { n: row.ces_n, sum: row.ces_sum ?? 0, sumSquares: row.ces_sumsq ?? 0 },
    experienceNpsCorrelation: { r: row.r_experience_nps, n: row.n_experience_nps },
  }));
}

function whereOf(organizationId: string, filter: TAnalysisFilter): Prisma.Sql {
  const conditions = [Prisma.sql`o."organizationId" = ${organizationId}`, Prisma.sql`t."journeyId" = ${filter.journeyId}`];
  if (filter.from) conditions.push(Prisma.sql`o."observedAt" >= ${filter.from}::date`);
  if (filter.to) conditions.push(Prisma.sql`o."observedAt" < ${filter.to}::date + 1`);
  if (filter.touchpointId) conditions.push(Prisma.sql`o."touchpointId" = ${filter.touchpointId}`);
  if (filter.segmentId) conditions.push(Prisma.sql`o."segmentId" = ${filter.segmentId}`);
  if (filter.siteId) conditions.push(Prisma.sql`o."siteId" = ${filter.siteId}`);
  if (filter.source) conditions.push(Prisma.sql`o.source = ${filter.source}::"ObservationSource"`);
  if (filter.dimension) conditions.push(Prisma.sql`COALESCE(d.dimension, t.dimension) = ${filter.dimension}::"Dimension"`);
  if (filter.kind) conditions.push(Prisma.sql`d.kind = ${filter.kind}::"DriverKind"`);
  if (filter.motOnly) conditions.push(Prisma.sql`t."isMoT"`);
  return Prisma.join(conditions, " AND ");
}
