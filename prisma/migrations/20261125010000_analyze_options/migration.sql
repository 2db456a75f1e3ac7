-- Analyze: the options considered against a priority's causes, and the one chosen.

-- CreateTable
CREATE TABLE "ProjectOption" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "dimension" "Dimension",
    "isChosen" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectOption_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProjectOption_projectId_idx" ON "ProjectOption"("projectId");

-- CreateIndex
CREATE INDEX "ProjectOption_organizationId_idx" ON "ProjectOption"("organizationId");

-- At most one chosen option per project (not expressible in schema.prisma).
CREATE UNIQUE INDEX "ProjectOption_one_chosen_per_project" ON "ProjectOption"("projectId") WHERE "isChosen";

-- AddForeignKey
ALTER TABLE "ProjectOption" ADD CONSTRAINT "ProjectOption_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectOption" ADD CONSTRAINT "ProjectOption_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "ImprovementProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;
