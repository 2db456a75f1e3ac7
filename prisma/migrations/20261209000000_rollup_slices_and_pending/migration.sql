-- Issue #18: the Measure view's splits grew with the data (they read ObservationDaily, a day-grain
-- rollup with every key, half the raw table's size), and every insert waited on the same few
-- rollup rows. Two changes (docs/SCALING.md, docs/decisions/0009-rollup-slices-and-pending.md):
--   SliceWeekly, SliceMonthly  per local week or month x touchpoint x segment x one slice: the site,
--                              the source or the driver, or all three (DETAIL). A sliced or filtered
--                              query reads a period's whole months and edge weeks here.
--   RollupPending              observations stored but not yet in the rollups. The insert appends
--                              here instead of updating shared rollup rows; a background step moves
--                              them into every rollup; every read adds what is still pending.
-- This migration backfills the slices from ObservationDaily (the detail holds every key).

-- CreateEnum
CREATE TYPE "RollupSlice" AS ENUM ('SITE', 'SOURCE', 'DRIVER', 'DETAIL');

-- CreateTable
CREATE TABLE "SliceWeekly" (
    "id" BIGSERIAL NOT NULL,
    "organizationId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "touchpointId" TEXT NOT NULL,
    "segmentId" TEXT,
    "slice" "RollupSlice" NOT NULL,
    "driverId" TEXT,
    "siteId" TEXT,
    "source" "ObservationSource",
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

    CONSTRAINT "SliceWeekly_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SliceMonthly" (
    "id" BIGSERIAL NOT NULL,
    "organizationId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "touchpointId" TEXT NOT NULL,
    "segmentId" TEXT,
    "slice" "RollupSlice" NOT NULL,
    "driverId" TEXT,
    "siteId" TEXT,
    "source" "ObservationSource",
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

    CONSTRAINT "SliceMonthly_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RollupPending" (
    "id" BIGSERIAL NOT NULL,
    "organizationId" TEXT NOT NULL,
    "touchpointId" TEXT NOT NULL,
    "driverId" TEXT,
    "segmentId" TEXT,
    "siteId" TEXT,
    "source" "ObservationSource" NOT NULL,
    "observedAt" TIMESTAMP(3) NOT NULL,
    "expectationScore" DOUBLE PRECISION,
    "experiencedScore" DOUBLE PRECISION,
    "emotionalScore" DOUBLE PRECISION,
    "nps" INTEGER,
    "csat" INTEGER,
    "ces" INTEGER,

    CONSTRAINT "RollupPending_pkey" PRIMARY KEY ("id")
);

-- Rows are updated by the background merge only, about once a second: room on each page keeps
-- those updates beside the old row version (HOT), as for the touchpoint rollups.
ALTER TABLE "SliceWeekly" SET (fillfactor = 70);
ALTER TABLE "SliceMonthly" SET (fillfactor = 70);

-- CreateIndex: NULL keys are one group (NULLS NOT DISTINCT, PostgreSQL 15+, not expressible in
-- schema.prisma, which declares the same columns).
CREATE UNIQUE INDEX "SliceWeekly_key" ON "SliceWeekly"("organizationId", "slice", "day", "touchpointId", "segmentId", "driverId", "siteId", "source") NULLS NOT DISTINCT;
CREATE UNIQUE INDEX "SliceMonthly_key" ON "SliceMonthly"("organizationId", "slice", "day", "touchpointId", "segmentId", "driverId", "siteId", "source") NULLS NOT DISTINCT;

-- CreateIndex
CREATE INDEX "RollupPending_organizationId_id_idx" ON "RollupPending"("organizationId", "id");

-- AddForeignKey
ALTER TABLE "SliceWeekly" ADD CONSTRAINT "SliceWeekly_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SliceWeekly" ADD CONSTRAINT "SliceWeekly_touchpointId_fkey" FOREIGN KEY ("touchpointId") REFERENCES "Touchpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SliceMonthly" ADD CONSTRAINT "SliceMonthly_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SliceMonthly" ADD CONSTRAINT "SliceMonthly_touchpointId_fkey" FOREIGN KEY ("touchpointId") REFERENCES "Touchpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RollupPending" ADD CONSTRAINT "RollupPending_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RollupPending" ADD CONSTRAINT "RollupPending_touchpointId_fkey" FOREIGN KEY ("touchpointId") REFERENCES "Touchpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: the detail slice from ObservationDaily, then each one-key slice from the detail.
-- backfill:begin
INSERT INTO "SliceWeekly" ("organizationId", "slice", "day", "touchpointId", "segmentId", "driverId", "siteId", "source", "observations", "ownGapN", "ownGapSum", "ownGapSumSquares", "ownExpectationSum", "ownExperienceSum", "openExperienceN", "openExperienceSum", "openExperienceSumSquares", "experienceN", "experienceSum", "experienceSumSquares", "emotionalN", "emotionalSum", "emotionalSumSquares", "promoters", "passives", "detractors", "csatN", "csatTopTwo", "cesN", "cesSum", "cesSumSquares", "pairN", "pairSumX", "pairSumY", "pairSumXX", "pairSumYY", "pairSumXY")
SELECT r."organizationId", 'DETAIL'::"RollupSlice", date_trunc('week', r.day)::date, r."touchpointId", r."segmentId", r."driverId", r."siteId", r."source",
       sum(r."observations")::int, sum(r."ownGapN")::int, sum(r."ownGapSum")::float8, sum(r."ownGapSumSquares")::float8, sum(r."ownExpectationSum")::float8, sum(r."ownExperienceSum")::float8, sum(r."openExperienceN")::int, sum(r."openExperienceSum")::float8, sum(r."openExperienceSumSquares")::float8, sum(r."experienceN")::int, sum(r."experienceSum")::float8, sum(r."experienceSumSquares")::float8, sum(r."emotionalN")::int, sum(r."emotionalSum")::float8, sum(r."emotionalSumSquares")::float8, sum(r."promoters")::int, sum(r."passives")::int, sum(r."detractors")::int, sum(r."csatN")::int, sum(r."csatTopTwo")::int, sum(r."cesN")::int, sum(r."cesSum")::float8, sum(r."cesSumSquares")::float8, sum(r."pairN")::int, sum(r."pairSumX")::float8, sum(r."pairSumY")::float8, sum(r."pairSumXX")::float8, sum(r."pairSumYY")::float8, sum(r."pairSumXY")::float8
  FROM "ObservationDaily" r
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8;
-- backfill:end
-- backfill:begin
INSERT INTO "SliceWeekly" ("organizationId", "slice", "day", "touchpointId", "segmentId", "driverId", "siteId", "source", "observations", "ownGapN", "ownGapSum", "ownGapSumSquares", "ownExpectationSum", "ownExperienceSum", "openExperienceN", "openExperienceSum", "openExperienceSumSquares", "experienceN", "experienceSum", "experienceSumSquares", "emotionalN", "emotionalSum", "emotionalSumSquares", "promoters", "passives", "detractors", "csatN", "csatTopTwo", "cesN", "cesSum", "cesSumSquares", "pairN", "pairSumX", "pairSumY", "pairSumXX", "pairSumYY", "pairSumXY")
SELECT r."organizationId", 'SITE'::"RollupSlice", r.day, r."touchpointId", r."segmentId", NULL::text, r."siteId", NULL::"ObservationSource",
       sum(r."observations")::int, sum(r."ownGapN")::int, sum(r."ownGapSum")::float8, sum(r."ownGapSumSquares")::float8, sum(r."ownExpectationSum")::float8, sum(r."ownExperienceSum")::float8, sum(r."openExperienceN")::int, sum(r."openExperienceSum")::float8, sum(r."openExperienceSumSquares")::float8, sum(r."experienceN")::int, sum(r."experienceSum")::float8, sum(r."experienceSumSquares")::float8, sum(r."emotionalN")::int, sum(r."emotionalSum")::float8, sum(r."emotionalSumSquares")::float8, sum(r."promoters")::int, sum(r."passives")::int, sum(r."detractors")::int, sum(r."csatN")::int, sum(r."csatTopTwo")::int, sum(r."cesN")::int, sum(r."cesSum")::float8, sum(r."cesSumSquares")::float8, sum(r."pairN")::int, sum(r."pairSumX")::float8, sum(r."pairSumY")::float8, sum(r."pairSumXX")::float8, sum(r."pairSumYY")::float8, sum(r."pairSumXY")::float8
  FROM "SliceWeekly" r WHERE r.slice = 'DETAIL'
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8;
-- backfill:end
-- backfill:begin
INSERT INTO "SliceWeekly" ("organizationId", "slice", "day", "touchpointId", "segmentId", "driverId", "siteId", "source", "observations", "ownGapN", "ownGapSum", "ownGapSumSquares", "ownExpectationSum", "ownExperienceSum", "openExperienceN", "openExperienceSum", "openExperienceSumSquares", "experienceN", "experienceSum", "experienceSumSquares", "emotionalN", "emotionalSum", "emotionalSumSquares", "promoters", "passives", "detractors", "csatN", "csatTopTwo", "cesN", "cesSum", "cesSumSquares", "pairN", "pairSumX", "pairSumY", "pairSumXX", "pairSumYY", "pairSumXY")
SELECT r."organizationId", 'SOURCE'::"RollupSlice", r.day, r."touchpointId", r."segmentId", NULL::text, NULL::text, r."source",
       sum(r."observations")::int, sum(r."ownGapN")::int, sum(r."ownGapSum")::float8, sum(r."ownGapSumSquares")::float8, sum(r."ownExpectationSum")::float8, sum(r."ownExperienceSum")::float8, sum(r."openExperienceN")::int, sum(r."openExperienceSum")::float8, sum(r."openExperienceSumSquares")::float8, sum(r."experienceN")::int, sum(r."experienceSum")::float8, sum(r."experienceSumSquares")::float8, sum(r."emotionalN")::int, sum(r."emotionalSum")::float8, sum(r."emotionalSumSquares")::float8, sum(r."promoters")::int, sum(r."passives")::int, sum(r."detractors")::int, sum(r."csatN")::int, sum(r."csatTopTwo")::int, sum(r."cesN")::int, sum(r."cesSum")::float8, sum(r."cesSumSquares")::float8, sum(r."pairN")::int, sum(r."pairSumX")::float8, sum(r."pairSumY")::float8, sum(r."pairSumXX")::float8, sum(r."pairSumYY")::float8, sum(r."pairSumXY")::float8
  FROM "SliceWeekly" r WHERE r.slice = 'DETAIL'
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8;
-- backfill:end
-- backfill:begin
INSERT INTO "SliceWeekly" ("organizationId", "slice", "day", "touchpointId", "segmentId", "driverId", "siteId", "source", "observations", "ownGapN", "ownGapSum", "ownGapSumSquares", "ownExpectationSum", "ownExperienceSum", "openExperienceN", "openExperienceSum", "openExperienceSumSquares", "experienceN", "experienceSum", "experienceSumSquares", "emotionalN", "emotionalSum", "emotionalSumSquares", "promoters", "passives", "detractors", "csatN", "csatTopTwo", "cesN", "cesSum", "cesSumSquares", "pairN", "pairSumX", "pairSumY", "pairSumXX", "pairSumYY", "pairSumXY")
SELECT r."organizationId", 'DRIVER'::"RollupSlice", r.day, r."touchpointId", r."segmentId", r."driverId", NULL::text, NULL::"ObservationSource",
       sum(r."observations")::int, sum(r."ownGapN")::int, sum(r."ownGapSum")::float8, sum(r."ownGapSumSquares")::float8, sum(r."ownExpectationSum")::float8, sum(r."ownExperienceSum")::float8, sum(r."openExperienceN")::int, sum(r."openExperienceSum")::float8, sum(r."openExperienceSumSquares")::float8, sum(r."experienceN")::int, sum(r."experienceSum")::float8, sum(r."experienceSumSquares")::float8, sum(r."emotionalN")::int, sum(r."emotionalSum")::float8, sum(r."emotionalSumSquares")::float8, sum(r."promoters")::int, sum(r."passives")::int, sum(r."detractors")::int, sum(r."csatN")::int, sum(r."csatTopTwo")::int, sum(r."cesN")::int, sum(r."cesSum")::float8, sum(r."cesSumSquares")::float8, sum(r."pairN")::int, sum(r."pairSumX")::float8, sum(r."pairSumY")::float8, sum(r."pairSumXX")::float8, sum(r."pairSumYY")::float8, sum(r."pairSumXY")::float8
  FROM "SliceWeekly" r WHERE r.slice = 'DETAIL'
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8;
-- backfill:end
-- backfill:begin
INSERT INTO "SliceMonthly" ("organizationId", "slice", "day", "touchpointId", "segmentId", "driverId", "siteId", "source", "observations", "ownGapN", "ownGapSum", "ownGapSumSquares", "ownExpectationSum", "ownExperienceSum", "openExperienceN", "openExperienceSum", "openExperienceSumSquares", "experienceN", "experienceSum", "experienceSumSquares", "emotionalN", "emotionalSum", "emotionalSumSquares", "promoters", "passives", "detractors", "csatN", "csatTopTwo", "cesN", "cesSum", "cesSumSquares", "pairN", "pairSumX", "pairSumY", "pairSumXX", "pairSumYY", "pairSumXY")
SELECT r."organizationId", 'DETAIL'::"RollupSlice", date_trunc('month', r.day)::date, r."touchpointId", r."segmentId", r."driverId", r."siteId", r."source",
       sum(r."observations")::int, sum(r."ownGapN")::int, sum(r."ownGapSum")::float8, sum(r."ownGapSumSquares")::float8, sum(r."ownExpectationSum")::float8, sum(r."ownExperienceSum")::float8, sum(r."openExperienceN")::int, sum(r."openExperienceSum")::float8, sum(r."openExperienceSumSquares")::float8, sum(r."experienceN")::int, sum(r."experienceSum")::float8, sum(r."experienceSumSquares")::float8, sum(r."emotionalN")::int, sum(r."emotionalSum")::float8, sum(r."emotionalSumSquares")::float8, sum(r."promoters")::int, sum(r."passives")::int, sum(r."detractors")::int, sum(r."csatN")::int, sum(r."csatTopTwo")::int, sum(r."cesN")::int, sum(r."cesSum")::float8, sum(r."cesSumSquares")::float8, sum(r."pairN")::int, sum(r."pairSumX")::float8, sum(r."pairSumY")::float8, sum(r."pairSumXX")::float8, sum(r."pairSumYY")::float8, sum(r."pairSumXY")::float8
  FROM "ObservationDaily" r
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8;
-- backfill:end
-- backfill:begin
INSERT INTO "SliceMonthly" ("organizationId", "slice", "day", "touchpointId", "segmentId", "driverId", "siteId", "source", "observations", "ownGapN", "ownGapSum", "ownGapSumSquares", "ownExpectationSum", "ownExperienceSum", "openExperienceN", "openExperienceSum", "openExperienceSumSquares", "experienceN", "experienceSum", "experienceSumSquares", "emotionalN", "emotionalSum", "emotionalSumSquares", "promoters", "passives", "detractors", "csatN", "csatTopTwo", "cesN", "cesSum", "cesSumSquares", "pairN", "pairSumX", "pairSumY", "pairSumXX", "pairSumYY", "pairSumXY")
SELECT r."organizationId", 'SITE'::"RollupSlice", r.day, r."touchpointId", r."segmentId", NULL::text, r."siteId", NULL::"ObservationSource",
       sum(r."observations")::int, sum(r."ownGapN")::int, sum(r."ownGapSum")::float8, sum(r."ownGapSumSquares")::float8, sum(r."ownExpectationSum")::float8, sum(r."ownExperienceSum")::float8, sum(r."openExperienceN")::int, sum(r."openExperienceSum")::float8, sum(r."openExperienceSumSquares")::float8, sum(r."experienceN")::int, sum(r."experienceSum")::float8, sum(r."experienceSumSquares")::float8, sum(r."emotionalN")::int, sum(r."emotionalSum")::float8, sum(r."emotionalSumSquares")::float8, sum(r."promoters")::int, sum(r."passives")::int, sum(r."detractors")::int, sum(r."csatN")::int, sum(r."csatTopTwo")::int, sum(r."cesN")::int, sum(r."cesSum")::float8, sum(r."cesSumSquares")::float8, sum(r."pairN")::int, sum(r."pairSumX")::float8, sum(r."pairSumY")::float8, sum(r."pairSumXX")::float8, sum(r."pairSumYY")::float8, sum(r."pairSumXY")::float8
  FROM "SliceMonthly" r WHERE r.slice = 'DETAIL'
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8;
-- backfill:end
-- backfill:begin
INSERT INTO "SliceMonthly" ("organizationId", "slice", "day", "touchpointId", "segmentId", "driverId", "siteId", "source", "observations", "ownGapN", "ownGapSum", "ownGapSumSquares", "ownExpectationSum", "ownExperienceSum", "openExperienceN", "openExperienceSum", "openExperienceSumSquares", "experienceN", "experienceSum", "experienceSumSquares", "emotionalN", "emotionalSum", "emotionalSumSquares", "promoters", "passives", "detractors", "csatN", "csatTopTwo", "cesN", "cesSum", "cesSumSquares", "pairN", "pairSumX", "pairSumY", "pairSumXX", "pairSumYY", "pairSumXY")
SELECT r."organizationId", 'SOURCE'::"RollupSlice", r.day, r."touchpointId", r."segmentId", NULL::text, NULL::text, r."source",
       sum(r."observations")::int, sum(r."ownGapN")::int, sum(r."ownGapSum")::float8, sum(r."ownGapSumSquares")::float8, sum(r."ownExpectationSum")::float8, sum(r."ownExperienceSum")::float8, sum(r."openExperienceN")::int, sum(r."openExperienceSum")::float8, sum(r."openExperienceSumSquares")::float8, sum(r."experienceN")::int, sum(r."experienceSum")::float8, sum(r."experienceSumSquares")::float8, sum(r."emotionalN")::int, sum(r."emotionalSum")::float8, sum(r."emotionalSumSquares")::float8, sum(r."promoters")::int, sum(r."passives")::int, sum(r."detractors")::int, sum(r."csatN")::int, sum(r."csatTopTwo")::int, sum(r."cesN")::int, sum(r."cesSum")::float8, sum(r."cesSumSquares")::float8, sum(r."pairN")::int, sum(r."pairSumX")::float8, sum(r."pairSumY")::float8, sum(r."pairSumXX")::float8, sum(r."pairSumYY")::float8, sum(r."pairSumXY")::float8
  FROM "SliceMonthly" r WHERE r.slice = 'DETAIL'
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8;
-- backfill:end
-- backfill:begin
INSERT INTO "SliceMonthly" ("organizationId", "slice", "day", "touchpointId", "segmentId", "driverId", "siteId", "source", "observations", "ownGapN", "ownGapSum", "ownGapSumSquares", "ownExpectationSum", "ownExperienceSum", "openExperienceN", "openExperienceSum", "openExperienceSumSquares", "experienceN", "experienceSum", "experienceSumSquares", "emotionalN", "emotionalSum", "emotionalSumSquares", "promoters", "passives", "detractors", "csatN", "csatTopTwo", "cesN", "cesSum", "cesSumSquares", "pairN", "pairSumX", "pairSumY", "pairSumXX", "pairSumYY", "pairSumXY")
SELECT r."organizationId", 'DRIVER'::"RollupSlice", r.day, r."touchpointId", r."segmentId", r."driverId", NULL::text, NULL::"ObservationSource",
       sum(r."observations")::int, sum(r."ownGapN")::int, sum(r."ownGapSum")::float8, sum(r."ownGapSumSquares")::float8, sum(r."ownExpectationSum")::float8, sum(r."ownExperienceSum")::float8, sum(r."openExperienceN")::int, sum(r."openExperienceSum")::float8, sum(r."openExperienceSumSquares")::float8, sum(r."experienceN")::int, sum(r."experienceSum")::float8, sum(r."experienceSumSquares")::float8, sum(r."emotionalN")::int, sum(r."emotionalSum")::float8, sum(r."emotionalSumSquares")::float8, sum(r."promoters")::int, sum(r."passives")::int, sum(r."detractors")::int, sum(r."csatN")::int, sum(r."csatTopTwo")::int, sum(r."cesN")::int, sum(r."cesSum")::float8, sum(r."cesSumSquares")::float8, sum(r."pairN")::int, sum(r."pairSumX")::float8, sum(r."pairSumY")::float8, sum(r."pairSumXX")::float8, sum(r."pairSumYY")::float8, sum(r."pairSumXY")::float8
  FROM "SliceMonthly" r WHERE r.slice = 'DETAIL'
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8;
-- backfill:end

ANALYZE "SliceWeekly";
ANALYZE "SliceMonthly";
