import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { invalid } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import {
  ZObservationBatch,
  type TObservationInput,
  type TObservationProblem,
  type TStoreResult,
} from "./schemas";
import { findReferenceProblems, insertObservations } from "./store";

export const ZRecordObservationsInput = z.object({ observations: ZObservationBatch });
export type TRecordObservationsInput = { observations: TObservationInput[] };

/**
 * Stores observations logged by a signed-in user (frontline page, call-centre form, an offline
 * queue's flush). All or nothing: one bad item refuses the batch, with the item and field named.
 * Items without a site are logged at the user's home site. A retried item (same clientId) is
 * answered with the id it already has.
 */
export async function recordObservations(
  actor: TActor,
  input: TRecordObservationsInput,
): Promise<TStoreResult> {
  assertCan(actor, "observation:create");
  const { observations } = parseInput(ZRecordObservationsInput, input);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: { id: actor.id, organizationId: actor.organizationId },
      select: { homeSiteId: true },
    });
    const items = observations.map((o) => ({ ...o, siteId: o.siteId ?? user?.homeSiteId ?? null }));
    const problems = await findReferenceProblems(tx, actor.organizationId, items);
    if (problems.length) throw invalid(problemsAsFieldErrors(problems));
    return insertObservations(
      tx,
      { organizationId: actor.organizationId, loggedById: actor.id },
      items,
    );
  });
}

/** Item problems as the field errors of a typed action result: "observations.3.touchpointId". */
function problemsAsFieldErrors(problems: TObservationProblem[]): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const { index, field, message } of problems)
    (fieldErrors[`observations.${index}.${field}`] ??= []).push(message);
  return fieldErrors;
}
