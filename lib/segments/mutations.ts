import "server-only";
import { db } from "@/lib/db/client";
import { writeAuditLog } from "@/lib/audit/log";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import {
  ZSegmentDeleteInput,
  ZSegmentSaveInput,
  type TSegmentDeleteInput,
  type TSegmentSaveInput,
} from "./schemas";

export async function saveSegment(actor: TActor, input: TSegmentSaveInput) {
  assertCan(actor, "journey:write");
  const { segmentId, ...data } = parseInput(ZSegmentSaveInput, input);
  return db.$transaction(async (tx) => {
    let id = segmentId;
    if (id) {
      const { count } = await tx.segment.updateMany({
        where: { id, organizationId: actor.organizationId },
        data,
      });
      if (count === 0) throw notFound("segmentId");
    } else {
      ({ id } = await tx.segment.create({
        data: { ...data, organizationId: actor.organizationId },
        select: { id: true },
      }));
    }
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: segmentId ? "segment.update" : "segment.create",
        entityType: "Segment",
        entityId: id,
        details: data,
      },
      tx,
    );
    return { id };
  });
}

/** Deletes a segment and its expectations — refused while observations are tagged with it. */
export async function deleteSegment(actor: TActor, input: TSegmentDeleteInput) {
  assertCan(actor, "journey:write");
  const { segmentId } = parseInput(ZSegmentDeleteInput, input);
  return db.$transaction(async (tx) => {
    const segment = await tx.segment.findFirst({
      where: { id: segmentId, organizationId: actor.organizationId },
      select: { nameKo: true, nameEn: true, _count: { select: { observations: true } } },
    });
    if (!segment) throw notFound("segmentId");
    if (segment._count.observations > 0)
      throw new AppError("CONFLICT", "errors.segmentHasObservations");
    await tx.segment.delete({ where: { id: segmentId } });
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "segment.delete",
        entityType: "Segment",
        entityId: segmentId,
        details: { nameKo: segment.nameKo, nameEn: segment.nameEn },
      },
      tx,
    );
  });
}
