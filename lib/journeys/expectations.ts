import "server-only";
import { db } from "@/lib/db/client";
import { writeAuditLog } from "@/lib/audit/log";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { AppError, invalid, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import {
  ZExpectationDeleteInput,
  ZExpectationSaveInput,
  type TExpectationDeleteInput,
  type TExpectationSaveInput,
} from "./schemas";

/** Records what a segment needs and expects at a Moment of Truth (one record per MOT and segment). */
export async function saveExpectation(actor: TActor, input: TExpectationSaveInput) {
  assertCan(actor, "journey:write");
  const { touchpointId, segmentId, needs, expectedLevel } = parseInput(
    ZExpectationSaveInput,
    input,
  );
  return db.$transaction(async (tx) => {
    const [touchpoint, segment] = await Promise.all([
      tx.touchpoint.findFirst({
        where: { id: touchpointId, organizationId: actor.organizationId },
        select: { isMoT: true, journey: { select: { archivedAt: true } } },
      }),
      tx.segment.findFirst({
        where: { id: segmentId, organizationId: actor.organizationId },
        select: { id: true },
      }),
    ]);
    if (!touchpoint) throw notFound("touchpointId");
    if (!segment) throw notFound("segmentId");
    if (touchpoint.journey.archivedAt) throw new AppError("CONFLICT", "errors.journeyArchived");
    if (!touchpoint.isMoT) throw invalid({ touchpointId: ["errors.expectationOnlyOnMoT"] });
    const expectation = await tx.expectation.upsert({
      where: { touchpointId_segmentId: { touchpointId, segmentId } },
      create: {
        organizationId: actor.organizationId,
        touchpointId,
        segmentId,
        needs,
        expectedLevel,
        recordedById: actor.id,
      },
      update: { needs, expectedLevel, recordedById: actor.id },
      select: { id: true },
    });
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "expectation.save",
        entityType: "Expectation",
        entityId: expectation.id,
        details: { touchpointId, segmentId, expectedLevel },
      },
      tx,
    );
    return expectation;
  });
}

export async function deleteExpectation(actor: TActor, input: TExpectationDeleteInput) {
  assertCan(actor, "journey:write");
  const { touchpointId, segmentId } = parseInput(ZExpectationDeleteInput, input);
  return db.$transaction(async (tx) => {
    const touchpoint = await tx.touchpoint.findFirst({
      where: { id: touchpointId, organizationId: actor.organizationId },
      select: { journey: { select: { archivedAt: true } } },
    });
    if (!touchpoint) throw notFound("touchpointId");
    if (touchpoint.journey.archivedAt) throw new AppError("CONFLICT", "errors.journeyArchived");
    const { count } = await tx.expectation.deleteMany({
      where: { touchpointId, segmentId, organizationId: actor.organizationId },
    });
    if (count === 0) throw notFound("segmentId");
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "expectation.delete",
        entityType: "Expectation",
        details: { touchpointId, segmentId },
      },
      tx,
    );
  });
}
