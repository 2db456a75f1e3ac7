-- A pilot with one site per group gets a verdict only when the manager marks it exploratory.
ALTER TABLE "Pilot" ADD COLUMN "isExploratory" BOOLEAN NOT NULL DEFAULT false;
