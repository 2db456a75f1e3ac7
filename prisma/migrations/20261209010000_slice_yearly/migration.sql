-- The slices per local year too: a query over all time (or any whole years) reads one row a year
-- per touchpoint, segment and slice value instead of twelve (docs/SCALING.md, decision 0009).
-- Backfilled from SliceMonthly.

-- CreateTable
CREATE TABLE "SliceYearly" (
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

    CONSTRAINT "SliceYearly_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "SliceYearly" SET (fillfactor = 70);

-- CreateIndex
CREATE UNIQUE INDEX "SliceYearly_key" ON "SliceYearly"("organizationId", "slice", "day", "touchpointId", "segmentId", "driverId", "siteId", "source") NULLS NOT DISTINCT;

-- AddForeignKey
ALTER TABLE "SliceYearly" ADD CONSTRAINT "SliceYearly_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SliceYearly" ADD CONSTRAINT "SliceYearly_touchpointId_fkey" FOREIGN KEY ("touchpointId") REFERENCES "Touchpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: the detail slice from the monthly detail slice, then each one-key slice from it.
-- backfill:begin
INSERT INTO "SliceYearly" ("organizationId", "slice", "day", "touchpointId", "segmentId", "driverId", "siteId", "source", "observations", "ownGapN", "ownGapSum", "ownGapSumSquares", "ownExpectationSum", "ownExperienceSum", "openExperienceN", "openExperienceSum", "openExperienceSumSquares", "experienceN", "experienceSum", "experienceSumSquares", "emotionalN", "emotionalSum", "emotionalSumSquares", "promoters", "passives", "detractors", "csatN", "csatTopTwo", "cesN", "cesSum", "cesSumSquares", "pairN", "pairSumX", "pairSumY", "pairSumXX", "pairSumYY", "pairSumXY")
SELECT r."organizationId", 'DETAIL'::"RollupSlice", date_trunc('year', r.day)::date, r."touchpointId", r."segmentId", r."driverId", r."siteId", r."source",
       sum(r."observations")::int, sum(r."ownGapN")::int, sum(r."ownGapSum")::float8, sum(r."ownGapSumSquares")::float8, sum(r."ownExpectationSum")::float8, sum(r."ownExperienceSum")::float8, sum(r."openExperienceN")::int, sum(r."openExperienceSum")::float8, sum(r."openExperienceSumSquares")::float8, sum(r."experienceN")::int, sum(r."experienceSum")::float8, sum(r."experienceSumSquares")::float8, sum(r."emotionalN")::int, sum(r."emotionalSum")::float8, sum(r."emotionalSumSquares")::float8, sum(r."promoters")::int, sum(r."passives")::int, sum(r."detractors")::int, sum(r."csatN")::int, sum(r."csatTopTwo")::int, sum(r."cesN")::int, sum(r."cesSum")::float8, sum(r."cesSumSquares")::float8, sum(r."pairN")::int, sum(r."pairSumX")::float8, sum(r."pairSumY")::float8, sum(r."pairSumXX")::float8, sum(r."pairSumYY")::float8, sum(r."pairSumXY")::float8
  FROM "SliceMonthly" r WHERE r.slice = 'DETAIL'
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8;
-- backfill:end
-- backfill:begin
INSERT INTO "SliceYearly" ("organizationId", "slice", "day", "touchpointId", "segmentId", "driverId", "siteId", "source", "observations", "ownGapN", "ownGapSum", "ownGapSumSquares", "ownExpectationSum", "ownExperienceSum", "openExperienceN", "openExperienceSum", "openExperienceSumSquares", "experienceN", "experienceSum", "experienceSumSquares", "emotionalN", "emotionalSum", "emotionalSumSquares", "promoters", "passives", "detractors", "csatN", "csatTopTwo", "cesN", "cesSum", "cesSumSquares", "pairN", "pairSumX", "pairSumY", "pairSumXX", "pairSumYY", "pairSumXY")
SELECT r."organizationId", 'SITE'::"RollupSlice", r.day, r."touchpointId", r."segmentId", NULL::text, r."siteId", NULL::"ObservationSource",
       sum(r."observations")::int, sum(r."ownGapN")::int, sum(r."ownGapSum")::float8, sum(r."ownGapSumSquares")::float8, sum(r."ownExpectationSum")::float8, sum(r."ownExperienceSum")::float8, sum(r."openExperienceN")::int, sum(r."openExperienceSum")::float8, sum(r."openExperienceSumSquares")::float8, sum(r."experienceN")::int, sum(r."experienceSum")::float8, sum(r."experienceSumSquares")::float8, sum(r."emotionalN")::int, sum(r."emotionalSum")::float8, sum(r."emotionalSumSquares")::float8, sum(r."promoters")::int, sum(r."passives")::int, sum(r."detractors")::int, sum(r."csatN")::int, sum(r."csatTopTwo")::int, sum(r."cesN")::int, sum(r."cesSum")::float8, sum(r."cesSumSquares")::float8, sum(r."pairN")::int, sum(r."pairSumX")::float8, sum(r."pairSumY")::float8, sum(r."pairSumXX")::float8, sum(r."pairSumYY")::float8, sum(r."pairSumXY")::float8
  FROM "SliceYearly" r WHERE r.slice = 'DETAIL'
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8;
-- backfill:end
-- backfill:begin
INSERT INTO "SliceYearly" ("organizationId", "slice", "day", "touchpointId", "segmentId", "driverId", "siteId", "source", "observations", "ownGapN", "ownGapSum", "ownGapSumSquares", "ownExpectationSum", "ownExperienceSum", "openExperienceN", "openExperienceSum", "openExperienceSumSquares", "experienceN", "experienceSum", "experienceSumSquares", "emotionalN", "emotionalSum", "emotionalSumSquares", "promoters", "passives", "detractors", "csatN", "csatTopTwo", "cesN", "cesSum", "cesSumSquares", "pairN", "pairSumX", "pairSumY", "pairSumXX", "pairSumYY", "pairSumXY")
SELECT r."organizationId", 'SOURCE'::"RollupSlice", r.day, r."touchpointId", r."segmentId", NULL::text, NULL::text, r."source",
       sum(r."observations")::int, sum(r."ownGapN")::int, sum(r."ownGapSum")::float8, sum(r."ownGapSumSquares")::float8, sum(r."ownExpectationSum")::float8, sum(r."ownExperienceSum")::float8, sum(r."openExperienceN")::int, sum(r."openExperienceSum")::float8, sum(r."openExperienceSumSquares")::float8, sum(r."experienceN")::int, sum(r."experienceSum")::float8, sum(r."experienceSumSquares")::float8, sum(r."emotionalN")::int, sum(r."emotionalSum")::float8, sum(r."emotionalSumSquares")::float8, sum(r."promoters")::int, sum(r."passives")::int, sum(r."detractors")::int, sum(r."csatN")::int, sum(r."csatTopTwo")::int, sum(r."cesN")::int, sum(r."cesSum")::float8, sum(r."cesSumSquares")::float8, sum(r."pairN")::int, sum(r."pairSumX")::float8, sum(r."pairSumY")::float8, sum(r."pairSumXX")::float8, sum(r."pairSumYY")::float8, sum(r."pairSumXY")::float8
  FROM "SliceYearly" r WHERE r.slice = 'DETAIL'
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8;
-- backfill:end
-- backfill:begin
INSERT INTO "SliceYearly" ("organizationId", "slice", "day", "touchpointId", "segmentId", "driverId", "siteId", "source", "observations", "ownGapN", "ownGapSum", "ownGapSumSquares", "ownExpectationSum", "ownExperienceSum", "openExperienceN", "openExperienceSum", "openExperienceSumSquares", "experienceN", "experienceSum", "experienceSumSquares", "emotionalN", "emotionalSum", "emotionalSumSquares", "promoters", "passives", "detractors", "csatN", "csatTopTwo", "cesN", "cesSum", "cesSumSquares", "pairN", "pairSumX", "pairSumY", "pairSumXX", "pairSumYY", "pairSumXY")
SELECT r."organizationId", 'DRIVER'::"RollupSlice", r.day, r."touchpointId", r."segmentId", r."driverId", NULL::text, NULL::"ObservationSource",
       sum(r."observations")::int, sum(r."ownGapN")::int, sum(r."ownGapSum")::float8, sum(r."ownGapSumSquares")::float8, sum(r."ownExpectationSum")::float8, sum(r."ownExperienceSum")::float8, sum(r."openExperienceN")::int, sum(r."openExperienceSum")::float8, sum(r."openExperienceSumSquares")::float8, sum(r."experienceN")::int, sum(r."experienceSum")::float8, sum(r."experienceSumSquares")::float8, sum(r."emotionalN")::int, sum(r."emotionalSum")::float8, sum(r."emotionalSumSquares")::float8, sum(r."promoters")::int, sum(r."passives")::int, sum(r."detractors")::int, sum(r."csatN")::int, sum(r."csatTopTwo")::int, sum(r."cesN")::int, sum(r."cesSum")::float8, sum(r."cesSumSquares")::float8, sum(r."pairN")::int, sum(r."pairSumX")::float8, sum(r."pairSumY")::float8, sum(r."pairSumXX")::float8, sum(r."pairSumYY")::float8, sum(r."pairSumXY")::float8
  FROM "SliceYearly" r WHERE r.slice = 'DETAIL'
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8;
-- backfill:end

ANALYZE "SliceYearly";
