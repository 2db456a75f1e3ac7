import "server-only";
import type { Prisma } from "@/lib/db/client";
import type { TActor } from "@/lib/auth/permissions";
import { conflict, notFound } from "@/lib/errors";

/**
 * Optimistic concurrency for a project's own fields (title, owner, targets, phase, status): moves
 * the project from `version` to the next one inside the caller's transaction, or fails when
 * someone saved first, so the second of two editors reloads instead of overwriting.
 */
export async function claimProjectVersion(
  tx: Prisma.TransactionClient,
  actor: TActor,
  projectId: string,
  version: number,
): Promise<number> {
  const { count } = await tx.improvementProject.updateMany({
    where: { id: projectId, organizationId: actor.organizationId, version },
    data: { version: { increment: 1 } },
  });
  if (count === 1) return version + 1;
  const exists = await tx.improvementProject.findFirst({
    where: { id: projectId, organizationId: actor.organizationId },
    select: { id: true },
  });
  if (!exists) throw notFound("projectId");
  throw conflict("improve.errors.staleProject");
}
