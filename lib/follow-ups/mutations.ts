import "server-only";
import { db } from "@/lib/db/client";
import { writeAuditLog } from "@/lib/audit/log";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { conflict, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { followUpScope } from "./queries";
import {
  ZFollowUpCloseInput,
  ZFollowUpSettingsInput,
  type TFollowUpCloseInput,
  type TFollowUpSettingsInput,
} from "./schemas";

/** Closes the loop: records what was done. Frontline staff close their own site's follow-ups only. */
export async function closeFollowUp(actor: TActor, input: TFollowUpCloseInput): Promise<void> {
  assertCan(actor, "followup:close");
  const { followUpId, resolution } = parseInput(ZFollowUpCloseInput, input);
  await db.$transaction(async (tx) => {
    const scope = await followUpScope(actor, tx);
    const { count } = await tx.followUp.updateMany({
      where: { AND: [scope, { id: followUpId, status: "OPEN" }] },
      data: { status: "CLOSED", resolution, closedAt: new Date(), closedById: actor.id },
    });
    if (count === 0) {
      const exists = await tx.followUp.findFirst({
        where: { AND: [scope, { id: followUpId }] },
        select: { id: true },
      });
      throw exists ? conflict("followUps.errors.alreadyClosed") : notFound("followUpId");
    }
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "followup.close",
        entityType: "FollowUp",
        entityId: followUpId,
      },
      tx,
    );
  });
}

/** Sets how old an answer may be and still open a follow-up (docs/METHODS.md, "Follow-ups"). Audited. */
export async function saveFollowUpSettings(
  actor: TActor,
  input: TFollowUpSettingsInput,
): Promise<void> {
  assertCan(actor, "followup:configure");
  const { maxAgeDays } = parseInput(ZFollowUpSettingsInput, input);
  await db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({
      where: { id: actor.organizationId },
      select: { followUpMaxAgeDays: true },
    });
    await tx.organization.update({
      where: { id: actor.organizationId },
      data: { followUpMaxAgeDays: maxAgeDays },
    });
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "followup.settings",
        entityType: "Organization",
        entityId: actor.organizationId,
        details: { maxAgeDays, previousMaxAgeDays: before.followUpMaxAgeDays },
      },
      tx,
    );
  });
}
