-- Follow-ups are for customers someone can still call back: an answer observed more than this many
-- days before it reaches Moments (a historical import, a late upload) opens none.
ALTER TABLE "Organization" ADD COLUMN "followUpMaxAgeDays" INTEGER NOT NULL DEFAULT 14;
