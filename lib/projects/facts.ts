import "server-only";
import type { Prisma } from "@/lib/db/client";
import { PROJECT_ENTITY, type TPhaseFacts } from "./schemas";

type TReader = Pick<
  Prisma.TransactionClient,
  | "improvementProject"
  | "observation"
  | "projectCause"
  | "projectOption"
  | "actionItem"
  | "pilot"
  | "auditLog"
>;

/**
 * When the project last left Control, from its history: reopened by its control chart, or moved
 * back a phase by hand. A rollout decided before then has been judged not to hold; null when the
 * project never left Control.
 */
async function lastLeftControl(
  tx: TReader,
  organizationId: string,
  projectId: string,
): Promise<Date | null> {
  const entry = await tx.auditLog.findFirst({
    where: {
      organizationId,
      entityType: PROJECT_ENTITY,
      entityId: projectId,
      OR: [
        { action: "project.reopen" },
        { action: "project.phase", details: { path: ["from"], equals: "CONTROL" } },
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { createdAt: true },
  });
  return entry?.createdAt ?? null;
}

/** What the phase gates (rules.ts) look at, read for one project of one organization. Null when there is no such project. */
export async function loadPhaseFacts(
  tx: TReader,
  organizationId: string,
  projectId: string,
): Promise<TPhaseFacts | null> {
  const project = await tx.improvementProject.findFirst({
    where: { id: projectId, organizationId },
    select: {
      problem: true,
      targetGapClosed: true,
      targetCsatChange: true,
      ownerId: true,
      touchpoints: { select: { touchpointId: true } },
    },
  });
  if (!project) return null;
  const touchpointIds = project.touchpoints.map((t) => t.touchpointId);
  const leftControlAt = await lastLeftControl(tx, organizationId, projectId);
  const [observationCount, causeCount, chosen, actionCount, rollout] = await Promise.all([
    tx.observation.count({ where: { organizationId, touchpointId: { in: touchpointIds } } }),
    tx.projectCause.count({ where: { organizationId, projectId } }),
    tx.projectOption.findFirst({
      where: { organizationId, projectId, isChosen: true },
      select: { id: true },
    }),
    tx.actionItem.count({ where: { organizationId, projectId } }),
    tx.pilot.findFirst({
      where: {
        organizationId,
        projectId,
        decision: "ROLLOUT",
        ...(leftControlAt ? { decidedAt: { gt: leftControlAt } } : {}),
      },
      select: { id: true },
    }),
  ]);
  return {
    hasProblem: project.problem.trim() !== "",
    hasTarget: project.targetGapClosed !== null || project.targetCsatChange !== null,
    hasOwner: project.ownerId !== null,
    observationCount,
    causeCount,
    hasChosenOption: chosen !== null,
    actionCount,
    hasRollout: rollout !== null,
  };
}
