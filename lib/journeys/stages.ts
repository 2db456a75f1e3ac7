import "server-only";
import { db } from "@/lib/db/client";
import { writeAuditLog } from "@/lib/audit/log";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import {
  ZStageDeleteInput,
  ZStageSaveInput,
  type TStageDeleteInput,
  type TStageSaveInput,
} from "./schemas";
import { renumberStages } from "./positions";
import { claimJourneyVersion } from "./version";

/** Adds a stage at the end of the journey, or edits one when `stageId` is given. */
export async function saveStage(actor: TActor, input: TStageSaveInput) {
  assertCan(actor, "journey:write");
  const { journeyId, version, stageId, ...data } = parseInput(ZStageSaveInput, input);
  return db.$transaction(async (tx) => {
    const next = await claimJourneyVersion(tx, actor, journeyId, version);
    let id = stageId;
    if (id) {
      const { count } = await tx.stage.updateMany({
        where: { id, journeyId, organizationId: actor.organizationId },
        data,
      });
      if (count === 0) throw notFound("stageId");
    } else {
      const last = await tx.stage.aggregate({ where: { journeyId }, _max: { position: true } });
      ({ id } = await tx.stage.create({
        data: {
          ...data,
          journeyId,
          organizationId: actor.organizationId,
          position: (last._max.position ?? -1) + 1,
        },
        select: { id: true },
      }));
    }
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: stageId ? "stage.update" : "stage.create",
        entityType: "Stage",
        entityId: id,
        details: data,
      },
      tx,
    );
    return { id, version: next };
  });
}

/** Deletes a stage with its touchpoints — refused while any of them holds observations. */
export async function deleteStage(actor: TActor, input: TStageDeleteInput) {
  assertCan(actor, "journey:write");
  const { journeyId, version, stageId } = parseInput(ZStageDeleteInput, input);
  return db.$transaction(async (tx) => {
    const next = await claimJourneyVersion(tx, actor, journeyId, version);
    const stage = await tx.stage.findFirst({
      where: { id: stageId, journeyId, organizationId: actor.organizationId },
      select: { id: true, nameKo: true, nameEn: true },
    });
    if (!stage) throw notFound("stageId");
    if ((await tx.observation.count({ where: { touchpoint: { stageId } } })) > 0)
      throw new AppError("CONFLICT", "errors.stageHasObservations");
    if ((await tx.stage.count({ where: { journeyId } })) === 1)
      throw new AppError("CONFLICT", "errors.lastStage");
    await tx.stage.delete({ where: { id: stageId } });
    await renumberStages(tx, journeyId);
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "stage.delete",
        entityType: "Stage",
        entityId: stageId,
        details: { nameKo: stage.nameKo, nameEn: stage.nameEn },
      },
      tx,
    );
    return { version: next };
  });
}
