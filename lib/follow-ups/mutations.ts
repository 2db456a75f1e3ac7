import "server-only";
import { db } from "@/lib/db/client";
import { writeAuditLog } from "@/lib/audit/log";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { conflict, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { followUpScope } from "./queries";
import { ZFollowUpCloseInput, type TFollowUpCloseInput } from "./schemas";

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
