-- The frontline page asks for the signed-in user's latest observations (the journey they last
-- used, their recent touchpoints). Without an index on who logged them, that read scans every
-- observation of the organization: 13 s at 2 million rows for a user who never logged one.
-- Partial: imports, the API and bulk loads log no user, and pay nothing for it. (Partial indexes
-- cannot be written in schema.prisma; the drift test leaves them to the migrations.)
CREATE INDEX "Observation_loggedBy_observedAt_idx" ON "Observation"("organizationId", "loggedById", "observedAt") WHERE "loggedById" IS NOT NULL;
