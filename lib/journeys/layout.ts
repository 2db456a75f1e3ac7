import "server-only";
import { db } from "@/lib/db/client";
import { writeAuditLog } from "@/lib/audit/log";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { isCompleteLayout } from "./layout-rules";
import { ZJourneyLayoutInput, type TJourneyLayoutInput } from "./schemas";
import { claimJourneyVersion } from "./version";

/**
 * Saves the whole order of a journey — stages, and touchpoints within and across stages — in
 * one transaction and two statements, however many touchpoints move.
 */
export async function saveJourneyLayout(actor: TActor, input: TJourneyLayoutInput) {
  assertCan(actor, "journey:write");
  const { journeyId, version, stages } = parseInput(ZJourneyLayoutInput, input);
  return db.$transaction(async (tx) => {
    const next = await claimJourneyVersion(tx, actor, journeyId, version);
    const [currentStages, currentTouchpoints] = await Promise.all([
      tx.stage.findMany({
        where: { journeyId, organizationId: actor.organizationId },
        select: { id: true },
      }),
      tx.touchpoint.findMany({
        where: { journeyId, organizationId: actor.organizationId },
        select: { id: true },
      }),
    ]);
    const current = {
      stageIds: currentStages.map((s) => s.id),
      touchpointIds: currentTouchpoints.map((t) => t.id),
    };
    if (!isCompleteLayout(current, stages)) throw new AppError("CONFLICT", "errors.staleJourney");

    const stageIds = stages.map((s) => s.stageId);
    const stagePositions = stages.map((_, index) => index);
    const touchpointIds = stages.flatMap((s) => s.touchpointIds);
    const touchpointStageIds = stages.flatMap((s) => s.touchpointIds.map(() => s.stageId));
    const touchpointPositions = stages.flatMap((s) => s.touchpointIds.map((_, index) => index));
    await tx.$executeRaw`
      UPDATE "Stage" s SET position = v.position, "updatedAt" = now()
      FROM unnest(${stageIds}::text[], ${stagePositions}::int[]) AS v(id, position)
      WHERE s.id = v.id AND s."journeyId" = ${journeyId} AND s.position <> v.position`;
    await tx.$executeRaw`
      UPDATE "Touchpoint" t SET "stageId" = v.stage_id, position = v.position, "updatedAt" = now()
      FROM unnest(${touchpointIds}::text[], ${touchpointStageIds}::text[], ${touchpointPositions}::int[]) AS v(id, stage_id, position)
      WHERE t.id = v.id AND t."journeyId" = ${journeyId} AND (t."stageId" <> v.stage_id OR t.position <> v.position)`;
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "journey.reorder",
        entityType: "Journey",
        entityId: journeyId,
      },
      tx,
    );
    return { version: next };
  });
}
