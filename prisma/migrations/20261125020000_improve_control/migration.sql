-- Improve and Control: pilots name their touchpoint, before/after baseline and rollout date;
-- control charts per touchpoint; service promises carry their checklist; project history reads
-- the audit log by entity.

-- CreateEnum
CREATE TYPE "ControlMetric" AS ENUM ('MEAN_EXPERIENCE', 'CSAT');

-- CreateEnum
CREATE TYPE "ControlSubgroup" AS ENUM ('DAY', 'WEEK');

-- AlterTable (no pilot could be created before this migration, so the table is empty)
ALTER TABLE "Pilot" ADD COLUMN "touchpointId" TEXT NOT NULL,
ADD COLUMN "baselineStartsAt" TIMESTAMP(3),
ADD COLUMN "baselineEndsAt" TIMESTAMP(3),
ADD COLUMN "plannedPerGroup" INTEGER,
ADD COLUMN "rolloutAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ServicePromise" ADD COLUMN "checklistItems" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "ControlChart" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "touchpointId" TEXT NOT NULL,
    "projectId" TEXT,
    "metric" "ControlMetric" NOT NULL,
    "subgroup" "ControlSubgroup" NOT NULL DEFAULT 'DAY',
    "baselineFrom" TIMESTAMP(3) NOT NULL,
    "baselineTo" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ControlChart_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ControlChart_touchpointId_metric_key" ON "ControlChart"("touchpointId", "metric");

-- CreateIndex
CREATE INDEX "ControlChart_organizationId_idx" ON "ControlChart"("organizationId");

-- CreateIndex
CREATE INDEX "ControlChart_projectId_idx" ON "ControlChart"("projectId");

-- CreateIndex
CREATE INDEX "AuditLog_organizationId_entityType_entityId_createdAt_idx" ON "AuditLog"("organizationId", "entityType", "entityId", "createdAt");

-- AddForeignKey
ALTER TABLE "Pilot" ADD CONSTRAINT "Pilot_touchpointId_fkey" FOREIGN KEY ("touchpointId") REFERENCES "Touchpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ControlChart" ADD CONSTRAINT "ControlChart_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ControlChart" ADD CONSTRAINT "ControlChart_touchpointId_fkey" FOREIGN KEY ("touchpointId") REFERENCES "Touchpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ControlChart" ADD CONSTRAINT "ControlChart_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "ImprovementProject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ControlChart" ADD CONSTRAINT "ControlChart_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "Pilot_touchpointId_idx" ON "Pilot"("touchpointId");
