import "server-only";
import type { Prisma } from "@/lib/db/client";
import type { TActor } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";

/**
 * Optimistic concurrency for a journey's structure: moves the journey from `version` to the
 * next one, or fails when someone else saved first (the caller's transaction then rolls back
 * and the user is told to reload). PostgreSQL re-checks the WHERE after waiting on a
 * concurrent update of the row, so two saves from the same version cannot both win.
 */
export async function claimJourneyVersion(
  tx: Prisma.TransactionClient,
  actor: TActor,
  journeyId: string,
  version: number,
): Promise<number> {
  const { count } = await tx.journey.updateMany({
    where: { id: journeyId, organizationId: actor.organizationId, version, archivedAt: null },
    data: { version: { increment: 1 } },
  });
  if (count === 1) return version + 1;
  const journey = await tx.journey.findFirst({
    where: { id: journeyId, organizationId: actor.organizationId },
    select: { archivedAt: true },
  });
  if (!journey) throw notFound("journeyId");
  if (journey.archivedAt) throw new AppError("CONFLICT", "errors.journeyArchived");
  throw new AppError("CONFLICT", "errors.staleJourney");
}
