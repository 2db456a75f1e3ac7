import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import { writeAuditLog } from "@/lib/audit/log";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import {
  ZTouchpointDeleteInput,
  ZTouchpointMoTInput,
  ZTouchpointSaveInput,
  type TTouchpointDeleteInput,
  type TTouchpointMoTInput,
  type TTouchpointSaveInput,
} from "./schemas";
import { renumberTouchpoints } from "./positions";
import { claimJourneyVersion } from "./version";

/**
 * Adds a touchpoint at the end of a stage, or edits one when `touchpointId` is given (its
 * stage stays; moving is the layout's job). Drivers are saved as sent: kept ones by id,
 * new ones created, missing ones removed. A driver's stated importance is saved when sent
 * (a number, or null to derive it from the data) and left as it was when not.
 */
export async function saveTouchpoint(actor: TActor, input: TTouchpointSaveInput) {
  assertCan(actor, "journey:write");
  const { journeyId, version, stageId, touchpointId, drivers, ...data } = parseInput(
    ZTouchpointSaveInput,
    input,
  );
  return db.$transaction(async (tx) => {
    const next = await claimJourneyVersion(tx, actor, journeyId, version);
    const stage = await tx.stage.findFirst({
      where: { id: stageId, journeyId, organizationId: actor.organizationId },
      select: { id: true },
    });
    if (!stage) throw notFound("stageId");
    let id = touchpointId;
    if (id) {
      const { count } = await tx.touchpoint.updateMany({
        where: { id, journeyId, organizationId: actor.organizationId },
        data,
      });
      if (count === 0) throw notFound("touchpointId");
    } else {
      const last = await tx.touchpoint.aggregate({ where: { stageId }, _max: { position: true } });
      ({ id } = await tx.touchpoint.create({
        data: {
          ...data,
          journeyId,
          stageId,
          organizationId: actor.organizationId,
          position: (last._max.position ?? -1) + 1,
        },
        select: { id: true },
      }));
    }
    await replaceDrivers(tx, actor, id, drivers);
    if (!data.isMoT) await tx.expectation.deleteMany({ where: { touchpointId: id } });
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: touchpointId ? "touchpoint.update" : "touchpoint.create",
        entityType: "Touchpoint",
        entityId: id,
        details: { ...data, drivers: drivers.length },
      },
      tx,
    );
    return { id, version: next };
  });
}

async function replaceDrivers(
  tx: Prisma.TransactionClient,
  actor: TActor,
  touchpointId: string,
  drivers: ReturnType<typeof ZTouchpointSaveInput.parse>["drivers"],
) {
  const keptIds = drivers.flatMap((d) => (d.driverId ? [d.driverId] : []));
  const owned = await tx.loyaltyDriver.count({ where: { id: { in: keptIds }, touchpointId } });
  if (owned !== new Set(keptIds).size) throw notFound("drivers");
  // A driver that observations were measured on keeps them attributed: it cannot be removed.
  const removed = { touchpointId, id: { notIn: keptIds } };
  if ((await tx.observation.count({ where: { driver: removed } })) > 0)
    throw new AppError("CONFLICT", "errors.driverHasObservations");
  await tx.loyaltyDriver.deleteMany({ where: removed });
  for (const [position, { driverId, ...driver }] of drivers.entries()) {
    if (driverId)
      await tx.loyaltyDriver.update({ where: { id: driverId }, data: { ...driver, position } });
    else
      await tx.loyaltyDriver.create({
        data: { ...driver, position, touchpointId, organizationId: actor.organizationId },
      });
  }
}

/** The one-click way to mark or unmark a Moment of Truth. */
export async function setMomentOfTruth(actor: TActor, input: TTouchpointMoTInput) {
  assertCan(actor, "journey:write");
  const { journeyId, version, touchpointId, isMoT } = parseInput(ZTouchpointMoTInput, input);
  return db.$transaction(async (tx) => {
    const next = await claimJourneyVersion(tx, actor, journeyId, version);
    const { count } = await tx.touchpoint.updateMany({
      where: { id: touchpointId, journeyId, organizationId: actor.organizationId },
      data: { isMoT },
    });
    if (count === 0) throw notFound("touchpointId");
    // Expectations are recorded at Moments of Truth only: unmarking one removes them (the UI asks first).
    if (!isMoT) await tx.expectation.deleteMany({ where: { touchpointId } });
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: isMoT ? "touchpoint.markMoT" : "touchpoint.unmarkMoT",
        entityType: "Touchpoint",
        entityId: touchpointId,
      },
      tx,
    );
    return { version: next };
  });
}

/** Deletes a touchpoint with its drivers and expectations — refused while it holds observations. */
export async function deleteTouchpoint(actor: TActor, input: TTouchpointDeleteInput) {
  assertCan(actor, "journey:write");
  const { journeyId, version, touchpointId } = parseInput(ZTouchpointDeleteInput, input);
  return db.$transaction(async (tx) => {
    const next = await claimJourneyVersion(tx, actor, journeyId, version);
    const touchpoint = await tx.touchpoint.findFirst({
      where: { id: touchpointId, journeyId, organizationId: actor.organizationId },
      select: {
        stageId: true,
        nameKo: true,
        nameEn: true,
        _count: { select: { observations: true } },
      },
    });
    if (!touchpoint) throw notFound("touchpointId");
    if (touchpoint._count.observations > 0)
      throw new AppError("CONFLICT", "errors.touchpointHasObservations");
    await tx.touchpoint.delete({ where: { id: touchpointId } });
    await renumberTouchpoints(tx, touchpoint.stageId);
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "touchpoint.delete",
        entityType: "Touchpoint",
        entityId: touchpointId,
        details: { nameKo: touchpoint.nameKo, nameEn: touchpoint.nameEn },
      },
      tx,
    );
    return { version: next };
  });
}
