-- Daily rollup of observations (docs/SCALING.md): the sufficient statistics per Korea-time day ×
-- touchpoint × driver × segment × site × source, which the dashboards read. Kept exact by the one
-- insert path (lib/observations/store.ts) in the same statement as the observations; rebuilt from
-- them by `npm run rollups:rebuild`. This migration backfills it from the existing observations.

-- CreateTable
CREATE TABLE "ObservationDaily" (
    "id" BIGSERIAL NOT NULL,
    "organizationId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "touchpointId" TEXT NOT NULL,
    "driverId" TEXT,
    "segmentId" TEXT,
    "siteId" TEXT,
    "source" "ObservationSource" NOT NULL,
    "observations" INTEGER NOT NULL,
    "ownGapN" INTEGER NOT NULL,
    "ownGapSum" DOUBLE PRECISION NOT NULL,
    "ownGapSumSquares" DOUBLE PRECISION NOT NULL,
    "ownExpectationSum" DOUBLE PRECISION NOT NULL,
    "ownExperienceSum" DOUBLE PRECISION NOT NULL,
    "openExperienceN" INTEGER NOT NULL,
    "openExperienceSum" DOUBLE PRECISION NOT NULL,
    "openExperienceSumSquares" DOUBLE PRECISION NOT NULL,
    "experienceN" INTEGER NOT NULL,
    "experienceSum" DOUBLE PRECISION NOT NULL,
    "experienceSumSquares" DOUBLE PRECISION NOT NULL,
    "emotionalN" INTEGER NOT NULL,
    "emotionalSum" DOUBLE PRECISION NOT NULL,
    "emotionalSumSquares" DOUBLE PRECISION NOT NULL,
    "promoters" INTEGER NOT NULL,
    "passives" INTEGER NOT NULL,
    "detractors" INTEGER NOT NULL,
    "csatN" INTEGER NOT NULL,
    "csatTopTwo" INTEGER NOT NULL,
    "cesN" INTEGER NOT NULL,
    "cesSum" DOUBLE PRECISION NOT NULL,
    "cesSumSquares" DOUBLE PRECISION NOT NULL,
    "pairN" INTEGER NOT NULL,
    "pairSumX" DOUBLE PRECISION NOT NULL,
    "pairSumY" DOUBLE PRECISION NOT NULL,
    "pairSumXX" DOUBLE PRECISION NOT NULL,
    "pairSumYY" DOUBLE PRECISION NOT NULL,
    "pairSumXY" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "ObservationDaily_pkey" PRIMARY KEY ("id")
);

-- CreateIndex: NULL keys (no driver, segment or site) are one group, not each its own: the
-- insert path's ON CONFLICT must find the row to add to. NULLS NOT DISTINCT (PostgreSQL 15+)
-- cannot be written in schema.prisma, which declares the same columns.
CREATE UNIQUE INDEX "ObservationDaily_key" ON "ObservationDaily"("organizationId", "day", "touchpointId", "driverId", "segmentId", "siteId", "source") NULLS NOT DISTINCT;

-- CreateIndex
CREATE INDEX "ObservationDaily_organizationId_touchpointId_day_idx" ON "ObservationDaily"("organizationId", "touchpointId", "day");

-- AddForeignKey
ALTER TABLE "ObservationDaily" ADD CONSTRAINT "ObservationDaily_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObservationDaily" ADD CONSTRAINT "ObservationDaily_touchpointId_fkey" FOREIGN KEY ("touchpointId") REFERENCES "Touchpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey: NO ACTION, while observations SET NULL: a driver, segment or site still counted
-- in the rollup cannot be deleted, so the rollup never goes silently stale (the app refuses these
-- deletions while observations refer to them anyway).
ALTER TABLE "ObservationDaily" ADD CONSTRAINT "ObservationDaily_driverId_fkey" FOREIGN KEY ("driverId") REFERENCES "LoyaltyDriver"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObservationDaily" ADD CONSTRAINT "ObservationDaily_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "Segment"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObservationDaily" ADD CONSTRAINT "ObservationDaily_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- Backfill: the same rows lib/observations/rollups.ts (addToRollupsSql) computes; a test runs
-- this statement and compares it with a rebuild. 'Asia/Seoul' is REPORTING_TIME_ZONE; 9 and 6 the
-- NPS cuts, 4 the CSAT top-two-box cut.
-- backfill:begin
INSERT INTO "ObservationDaily" ("organizationId", "day", "touchpointId", "driverId", "segmentId", "siteId", "source",
    "observations", "ownGapN", "ownGapSum", "ownGapSumSquares", "ownExpectationSum", "ownExperienceSum",
    "openExperienceN", "openExperienceSum", "openExperienceSumSquares", "experienceN", "experienceSum", "experienceSumSquares",
    "emotionalN", "emotionalSum", "emotionalSumSquares", "promoters", "passives", "detractors", "csatN", "csatTopTwo",
    "cesN", "cesSum", "cesSumSquares", "pairN", "pairSumX", "pairSumY", "pairSumXX", "pairSumYY", "pairSumXY")
SELECT o."organizationId", ((o."observedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Seoul')::date, o."touchpointId", o."driverId", o."segmentId", o."siteId", o.source,
    count(*)::int,
    count(o."experiencedScore" - o."expectationScore")::int,
    COALESCE(sum(o."experiencedScore" - o."expectationScore"), 0),
    COALESCE(sum((o."experiencedScore" - o."expectationScore") * (o."experiencedScore" - o."expectationScore")), 0),
    COALESCE(sum(o."expectationScore") FILTER (WHERE o."experiencedScore" IS NOT NULL), 0),
    COALESCE(sum(o."experiencedScore") FILTER (WHERE o."expectationScore" IS NOT NULL), 0),
    (count(o."experiencedScore") FILTER (WHERE o."expectationScore" IS NULL))::int,
    COALESCE(sum(o."experiencedScore") FILTER (WHERE o."expectationScore" IS NULL), 0),
    COALESCE(sum(o."experiencedScore" * o."experiencedScore") FILTER (WHERE o."expectationScore" IS NULL), 0),
    count(o."experiencedScore")::int,
    COALESCE(sum(o."experiencedScore"), 0),
    COALESCE(sum(o."experiencedScore" * o."experiencedScore"), 0),
    count(o."emotionalScore")::int,
    COALESCE(sum(o."emotionalScore"), 0),
    COALESCE(sum(o."emotionalScore" * o."emotionalScore"), 0),
    (count(*) FILTER (WHERE o.nps >= 9))::int,
    (count(*) FILTER (WHERE o.nps > 6 AND o.nps < 9))::int,
    (count(*) FILTER (WHERE o.nps <= 6))::int,
    count(o.csat)::int,
    (count(*) FILTER (WHERE o.csat >= 4))::int,
    count(o.ces)::int,
    COALESCE(sum(o.ces), 0)::float8,
    COALESCE(sum(o.ces * o.ces), 0)::float8,
    count(o."experiencedScore" + o.nps)::int,
    COALESCE(sum(o."experiencedScore") FILTER (WHERE o.nps IS NOT NULL), 0),
    COALESCE(sum(o.nps) FILTER (WHERE o."experiencedScore" IS NOT NULL), 0)::float8,
    COALESCE(sum(o."experiencedScore" * o."experiencedScore") FILTER (WHERE o.nps IS NOT NULL), 0),
    COALESCE(sum(o.nps * o.nps) FILTER (WHERE o."experiencedScore" IS NOT NULL), 0)::float8,
    COALESCE(sum(o."experiencedScore" * o.nps), 0)
  FROM "Observation" o
 GROUP BY 1, 2, 3, 4, 5, 6, 7;
-- backfill:end
