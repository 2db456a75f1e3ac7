import "server-only";
import { db } from "@/lib/db/client";
import { writeAuditLog } from "@/lib/audit/log";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import {
  ZJourneyArchiveInput,
  ZJourneyCreateInput,
  ZJourneyDeleteInput,
  ZJourneyUpdateInput,
  type TJourneyArchiveInput,
  type TJourneyCreateInput,
  type TJourneyDeleteInput,
  type TJourneyUpdateInput,
} from "./schemas";
import { claimJourneyVersion } from "./version";

export async function createJourney(actor: TActor, input: TJourneyCreateInput) {
  assertCan(actor, "journey:write");
  const data = parseInput(ZJourneyCreateInput, input);
  return db.$transaction(async (tx) => {
    const journey = await tx.journey.create({
      data: { ...data, organizationId: actor.organizationId, createdById: actor.id },
      select: { id: true },
    });
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "journey.create",
        entityType: "Journey",
        entityId: journey.id,
      },
      tx,
    );
    return journey;
  });
}

export async function updateJourney(actor: TActor, input: TJourneyUpdateInput) {
  assertCan(actor, "journey:write");
  const { journeyId, version, ...data } = parseInput(ZJourneyUpdateInput, input);
  return db.$transaction(async (tx) => {
    const next = await claimJourneyVersion(tx, actor, journeyId, version);
    await tx.journey.update({ where: { id: journeyId }, data });
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "journey.update",
        entityType: "Journey",
        entityId: journeyId,
        details: data,
      },
      tx,
    );
    return { version: next };
  });
}

/** Archiving moves a journey to the archived list and freezes it; restoring brings it back. Nothing is deleted. */
export async function setJourneyArchived(actor: TActor, input: TJourneyArchiveInput) {
  assertCan(actor, "journey:write");
  const { journeyId, version, isArchived } = parseInput(ZJourneyArchiveInput, input);
  return db.$transaction(async (tx) => {
    const { count } = await tx.journey.updateMany({
      where: {
        id: journeyId,
        organizationId: actor.organizationId,
        version,
        archivedAt: isArchived ? null : { not: null },
      },
      data: { archivedAt: isArchived ? new Date() : null, version: { increment: 1 } },
    });
    if (count === 0) {
      const journey = await tx.journey.findFirst({
        where: { id: journeyId, organizationId: actor.organizationId },
        select: { version: true, archivedAt: true },
      });
      if (!journey) throw notFound("journeyId");
      // Already as asked (a double click, a second tab): nothing to do.
      if (journey.version === version && (journey.archivedAt !== null) === isArchived)
        return { version };
      throw new AppError("CONFLICT", "errors.staleJourney");
    }
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: isArchived ? "journey.archive" : "journey.restore",
        entityType: "Journey",
        entityId: journeyId,
      },
      tx,
    );
    return { version: version + 1 };
  });
}

/**
 * Deletes a journey for good, with its stages, touchpoints and expectations. Only an archived
 * journey (a deliberate second step) and only while no observation refers to it.
 */
export async function deleteJourney(actor: TActor, input: TJourneyDeleteInput) {
  assertCan(actor, "journey:write");
  const { journeyId, version } = parseInput(ZJourneyDeleteInput, input);
  return db.$transaction(async (tx) => {
    const journey = await tx.journey.findFirst({
      where: { id: journeyId, organizationId: actor.organizationId },
      select: { version: true, archivedAt: true, nameKo: true, nameEn: true },
    });
    if (!journey) throw notFound("journeyId");
    if (journey.version !== version) throw new AppError("CONFLICT", "errors.staleJourney");
    if (!journey.archivedAt) throw new AppError("CONFLICT", "errors.archiveBeforeDelete");
    if ((await tx.observation.count({ where: { touchpoint: { journeyId } } })) > 0)
      throw new AppError("CONFLICT", "errors.journeyHasObservations");
    // The version in the WHERE makes a concurrent edit and this delete exclusive.
    const { count } = await tx.journey.deleteMany({
      where: { id: journeyId, organizationId: actor.organizationId, version },
    });
    if (count === 0) throw new AppError("CONFLICT", "errors.staleJourney");
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "journey.delete",
        entityType: "Journey",
        entityId: journeyId,
        details: { nameKo: journey.nameKo, nameEn: journey.nameEn },
      },
      tx,
    );
  });
}
