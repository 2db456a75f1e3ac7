import "server-only";
import { db } from "@/lib/db/client";
import { writeAuditLog } from "@/lib/audit/log";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { ZJourneyCreateInput, type TJourneyCreateInput } from "./schemas";

export async function createJourney(actor: TActor, input: TJourneyCreateInput) {
  assertCan(actor, "journey:write");
  const data = ZJourneyCreateInput.parse(input);
  return db.$transaction(async (tx) => {
    const journey = await tx.journey.create({
      data: { ...data, organizationId: actor.organizationId, createdById: actor.id },
      select: { id: true },
    });
    await writeAuditLog(
      { organizationId: actor.organizationId, actorId: actor.id, action: "journey.create", entityType: "Journey", entityId: journey.id },
      tx,
    );
    return journey;
  });
}
