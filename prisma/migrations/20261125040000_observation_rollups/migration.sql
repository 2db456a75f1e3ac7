-- The rollups of observations the dashboards read (docs/SCALING.md). Two grains of the same
-- sufficient statistics (counts, sums, sums of squares, NPS buckets, correlation sums):
--   ObservationDaily  per Korea-time day x touchpoint x driver x segment x site x source: any
--                     filter or slice the views offer;
--   TouchpointDaily, TouchpointWeekly (Monday to Sunday) and TouchpointMonthly
--                     per Korea-time day, week or month x touchpoint x segment: what the fix-first
--                     ranking, the overview and the control charts read (a period's whole months
--                     from the monthly one, whole weeks at its edges from the weekly one, the days
--                     left from the daily one), however many observations there are.
-- Both are kept exact by the one insert path (lib/observations/store.ts), in the statement that
-- inserts the observations; `npm run rollups:rebuild` recomputes them from the raw table. This
-- migration backfills them from the observations already stored.

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

-- CreateTable
CREATE TABLE "TouchpointDaily" (
    "id" BIGSERIAL NOT NULL,
    "organizationId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "touchpointId" TEXT NOT NULL,
    "segmentId" TEXT,
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

    CONSTRAINT "TouchpointDaily_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TouchpointWeekly" (
    "id" BIGSERIAL NOT NULL,
    "organizationId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "touchpointId" TEXT NOT NULL,
    "segmentId" TEXT,
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

    CONSTRAINT "TouchpointWeekly_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TouchpointMonthly" (
    "id" BIGSERIAL NOT NULL,
    "organizationId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "touchpointId" TEXT NOT NULL,
    "segmentId" TEXT,
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

    CONSTRAINT "TouchpointMonthly_pkey" PRIMARY KEY ("id")
);

-- Each insert of observations updates rows in place (today's and this month's): room left on every
-- page lets PostgreSQL write the new row version beside the old one without touching the indexes
-- (a HOT update). The monthly rollup is small and its rows are the hottest.
ALTER TABLE "ObservationDaily" SET (fillfactor = 70);
ALTER TABLE "TouchpointDaily" SET (fillfactor = 70);
ALTER TABLE "TouchpointWeekly" SET (fillfactor = 50);
ALTER TABLE "TouchpointMonthly" SET (fillfactor = 50);

-- CreateIndex: NULL keys (no driver, segment or site) are one group, not each its own: the
-- insert path's ON CONFLICT must find the row to add to. NULLS NOT DISTINCT (PostgreSQL 15+)
-- cannot be written in schema.prisma, which declares the same columns.
CREATE UNIQUE INDEX "ObservationDaily_key" ON "ObservationDaily"("organizationId", "day", "touchpointId", "driverId", "segmentId", "siteId", "source") NULLS NOT DISTINCT;

-- CreateIndex: a touchpoint's drill-down reads its own rows, not the whole organization's days.
CREATE INDEX "ObservationDaily_organizationId_touchpointId_day_idx" ON "ObservationDaily"("organizationId", "touchpointId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "TouchpointDaily_key" ON "TouchpointDaily"("organizationId", "day", "touchpointId", "segmentId") NULLS NOT DISTINCT;

-- CreateIndex: "day" is the Monday that begins the week.
CREATE UNIQUE INDEX "TouchpointWeekly_key" ON "TouchpointWeekly"("organizationId", "day", "touchpointId", "segmentId") NULLS NOT DISTINCT;

-- CreateIndex: "day" is the first day of the month.
CREATE UNIQUE INDEX "TouchpointMonthly_key" ON "TouchpointMonthly"("organizationId", "day", "touchpointId", "segmentId") NULLS NOT DISTINCT;

-- AddForeignKey: rows go with their organization and touchpoint (as the observations do).
ALTER TABLE "ObservationDaily" ADD CONSTRAINT "ObservationDaily_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ObservationDaily" ADD CONSTRAINT "ObservationDaily_touchpointId_fkey" FOREIGN KEY ("touchpointId") REFERENCES "Touchpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TouchpointDaily" ADD CONSTRAINT "TouchpointDaily_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TouchpointDaily" ADD CONSTRAINT "TouchpointDaily_touchpointId_fkey" FOREIGN KEY ("touchpointId") REFERENCES "Touchpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TouchpointWeekly" ADD CONSTRAINT "TouchpointWeekly_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TouchpointWeekly" ADD CONSTRAINT "TouchpointWeekly_touchpointId_fkey" FOREIGN KEY ("touchpointId") REFERENCES "Touchpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TouchpointMonthly" ADD CONSTRAINT "TouchpointMonthly_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TouchpointMonthly" ADD CONSTRAINT "TouchpointMonthly_touchpointId_fkey" FOREIGN KEY ("touchpointId") REFERENCES "Touchpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A driver, segment or site that observations refer to can no longer be deleted (it used to set
-- their reference to NULL): the rollups would keep counting the old id and go stale. The app
-- already refused these deletions; now the database does too, and no answer loses its context.
ALTER TABLE "Observation" DROP CONSTRAINT "Observation_driverId_fkey";
ALTER TABLE "Observation" ADD CONSTRAINT "Observation_driverId_fkey" FOREIGN KEY ("driverId") REFERENCES "LoyaltyDriver"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Observation" DROP CONSTRAINT "Observation_segmentId_fkey";
ALTER TABLE "Observation" ADD CONSTRAINT "Observation_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "Segment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Observation" DROP CONSTRAINT "Observation_siteId_fkey";
ALTER TABLE "Observation" ADD CONSTRAINT "Observation_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Backfill: the rows lib/observations/rollups.ts computes (a test runs these statements and
-- compares them with a rebuild), written in key order: a period's rows share pages, as they do
-- when observations arrive day after day. 'Asia/Seoul' is REPORTING_TIME_ZONE; 9 and 6 the NPS cuts, 4 the
-- CSAT top-two-box cut. Each coarser table is the sum of the finer one.
-- backfill:begin
INSERT INTO "ObservationDaily" ("organizationId", "day", "touchpointId", "driverId", "segmentId", "siteId", "source", "observations", "ownGapN", "ownGapSum", "ownGapSumSquares", "ownExpectationSum", "ownExperienceSum", "openExperienceN", "openExperienceSum", "openExperienceSumSquares", "experienceN", "experienceSum", "experienceSumSquares", "emotionalN", "emotionalSum", "emotionalSumSquares", "promoters", "passives", "detractors", "csatN", "csatTopTwo", "cesN", "cesSum", "cesSumSquares", "pairN", "pairSumX", "pairSumY", "pairSumXX", "pairSumYY", "pairSumXY")
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
 GROUP BY 1, 2, 3, 4, 5, 6, 7
 ORDER BY 1, 2, 3, 4, 5, 6, 7;
-- backfill:end
-- backfill:begin
INSERT INTO "TouchpointDaily" ("organizationId", "day", "touchpointId", "segmentId", "observations", "ownGapN", "ownGapSum", "ownGapSumSquares", "ownExpectationSum", "ownExperienceSum", "openExperienceN", "openExperienceSum", "openExperienceSumSquares", "experienceN", "experienceSum", "experienceSumSquares", "emotionalN", "emotionalSum", "emotionalSumSquares", "promoters", "passives", "detractors", "csatN", "csatTopTwo", "cesN", "cesSum", "cesSumSquares", "pairN", "pairSumX", "pairSumY", "pairSumXX", "pairSumYY", "pairSumXY")
SELECT r."organizationId", r.day, r."touchpointId", r."segmentId",
    sum(r."observations")::int,
    sum(r."ownGapN")::int,
    sum(r."ownGapSum"),
    sum(r."ownGapSumSquares"),
    sum(r."ownExpectationSum"),
    sum(r."ownExperienceSum"),
    sum(r."openExperienceN")::int,
    sum(r."openExperienceSum"),
    sum(r."openExperienceSumSquares"),
    sum(r."experienceN")::int,
    sum(r."experienceSum"),
    sum(r."experienceSumSquares"),
    sum(r."emotionalN")::int,
    sum(r."emotionalSum"),
    sum(r."emotionalSumSquares"),
    sum(r."promoters")::int,
    sum(r."passives")::int,
    sum(r."detractors")::int,
    sum(r."csatN")::int,
    sum(r."csatTopTwo")::int,
    sum(r."cesN")::int,
    sum(r."cesSum"),
    sum(r."cesSumSquares"),
    sum(r."pairN")::int,
    sum(r."pairSumX"),
    sum(r."pairSumY"),
    sum(r."pairSumXX"),
    sum(r."pairSumYY"),
    sum(r."pairSumXY")
  FROM "ObservationDaily" r
 GROUP BY 1, 2, 3, 4
 ORDER BY 1, 2, 3, 4;
-- backfill:end
-- backfill:begin
INSERT INTO "TouchpointWeekly" ("organizationId", "day", "touchpointId", "segmentId", "observations", "ownGapN", "ownGapSum", "ownGapSumSquares", "ownExpectationSum", "ownExperienceSum", "openExperienceN", "openExperienceSum", "openExperienceSumSquares", "experienceN", "experienceSum", "experienceSumSquares", "emotionalN", "emotionalSum", "emotionalSumSquares", "promoters", "passives", "detractors", "csatN", "csatTopTwo", "cesN", "cesSum", "cesSumSquares", "pairN", "pairSumX", "pairSumY", "pairSumXX", "pairSumYY", "pairSumXY")
SELECT r."organizationId", date_trunc('week', r.day)::date, r."touchpointId", r."segmentId",
    sum(r."observations")::int,
    sum(r."ownGapN")::int,
    sum(r."ownGapSum"),
    sum(r."ownGapSumSquares"),
    sum(r."ownExpectationSum"),
    sum(r."ownExperienceSum"),
    sum(r."openExperienceN")::int,
    sum(r."openExperienceSum"),
    sum(r."openExperienceSumSquares"),
    sum(r."experienceN")::int,
    sum(r."experienceSum"),
    sum(r."experienceSumSquares"),
    sum(r."emotionalN")::int,
    sum(r."emotionalSum"),
    sum(r."emotionalSumSquares"),
    sum(r."promoters")::int,
    sum(r."passives")::int,
    sum(r."detractors")::int,
    sum(r."csatN")::int,
    sum(r."csatTopTwo")::int,
    sum(r."cesN")::int,
    sum(r."cesSum"),
    sum(r."cesSumSquares"),
    sum(r."pairN")::int,
    sum(r."pairSumX"),
    sum(r."pairSumY"),
    sum(r."pairSumXX"),
    sum(r."pairSumYY"),
    sum(r."pairSumXY")
  FROM "TouchpointDaily" r
 GROUP BY 1, 2, 3, 4
 ORDER BY 1, 2, 3, 4;
-- backfill:end
-- backfill:begin
INSERT INTO "TouchpointMonthly" ("organizationId", "day", "touchpointId", "segmentId", "observations", "ownGapN", "ownGapSum", "ownGapSumSquares", "ownExpectationSum", "ownExperienceSum", "openExperienceN", "openExperienceSum", "openExperienceSumSquares", "experienceN", "experienceSum", "experienceSumSquares", "emotionalN", "emotionalSum", "emotionalSumSquares", "promoters", "passives", "detractors", "csatN", "csatTopTwo", "cesN", "cesSum", "cesSumSquares", "pairN", "pairSumX", "pairSumY", "pairSumXX", "pairSumYY", "pairSumXY")
SELECT r."organizationId", date_trunc('month', r.day)::date, r."touchpointId", r."segmentId",
    sum(r."observations")::int,
    sum(r."ownGapN")::int,
    sum(r."ownGapSum"),
    sum(r."ownGapSumSquares"),
    sum(r."ownExpectationSum"),
    sum(r."ownExperienceSum"),
    sum(r."openExperienceN")::int,
    sum(r."openExperienceSum"),
    sum(r."openExperienceSumSquares"),
    sum(r."experienceN")::int,
    sum(r."experienceSum"),
    sum(r."experienceSumSquares"),
    sum(r."emotionalN")::int,
    sum(r."emotionalSum"),
    sum(r."emotionalSumSquares"),
    sum(r."promoters")::int,
    sum(r."passives")::int,
    sum(r."detractors")::int,
    sum(r."csatN")::int,
    sum(r."csatTopTwo")::int,
    sum(r."cesN")::int,
    sum(r."cesSum"),
    sum(r."cesSumSquares"),
    sum(r."pairN")::int,
    sum(r."pairSumX"),
    sum(r."pairSumY"),
    sum(r."pairSumXX"),
    sum(r."pairSumYY"),
    sum(r."pairSumXY")
  FROM "TouchpointDaily" r
 GROUP BY 1, 2, 3, 4
 ORDER BY 1, 2, 3, 4;
-- backfill:end
