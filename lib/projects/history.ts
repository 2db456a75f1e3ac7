import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { PROJECT_ENTITY, type THistoryEntry } from "./schemas";

/** The most recent entries the project page shows. */
const HISTORY_LIMIT = 200;

/** Analyze writes its causes and options as entries of their own, naming the project in the details. */
const ANALYSIS_ENTITIES = ["ProjectCause", "ProjectOption"];

/**
 * Who changed what in a project, newest first: its own audit entries (phase, targets, actions,
 * pilots, decisions) and those of its Analyze work. Read from the append-only audit log, so it
 * cannot be edited after the fact.
 */
export async function listProjectHistory(
  actor: TActor,
  projectId: string,
): Promise<THistoryEntry[]> {
  assertCan(actor, "project:read");
  const project = await db.improvementProject.findFirst({
    where: { id: projectId, organizationId: actor.organizationId },
    select: { id: true },
  });
  if (!project) throw notFound("projectId");
  const entries = await db.auditLog.findMany({
    where: {
      organizationId: actor.organizationId,
      OR: [
        { entityType: PROJECT_ENTITY, entityId: projectId },
        {
          entityType: { in: ANALYSIS_ENTITIES },
          details: { path: ["projectId"], equals: projectId },
        },
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: HISTORY_LIMIT,
    select: {
      id: true,
      action: true,
      createdAt: true,
      details: true,
      actor: { select: { id: true, name: true } },
    },
  });
  return entries.map((entry) => ({
    id: entry.id.toString(),
    action: entry.action,
    actor: entry.actor,
    at: entry.createdAt.toISOString(),
    details:
      entry.details && typeof entry.details === "object" && !Array.isArray(entry.details)
        ? (entry.details as Record<string, unknown>)
        : {},
  }));
}
