import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { hasScope, type TApiClient } from "@/lib/api-keys/authenticate";
import { forbidden } from "@/lib/errors";
import type { TObservation, TObservationProblem, TStoreResult } from "@/lib/observations/schemas";
import { findReferenceProblems, insertObservations } from "@/lib/observations/store";

/** The 201 answer: how many were new, how many were already stored (a retry), follow-ups opened, and each item's id. */
const ZIngestAnswer = z.object({
  created: z.int(),
  duplicates: z.int(),
  followUpsOpened: z.int(),
  ids: z.array(z.string()),
});
type TIngestAnswer = z.infer<typeof ZIngestAnswer>;

export type TIngestInput = {
  client: TApiClient;
  /** Validated items; under an Idempotency-Key every item already carries a clientId. */
  observations: TObservation[];
  idempotency: { key: string; requestHash: string } | null;
};

export type TIngestOutcome =
  | { kind: "stored"; status: number; answer: TIngestAnswer }
  | { kind: "replayed"; status: number; answer: TIngestAnswer }
  | { kind: "key-reused" }
  | { kind: "invalid-references"; problems: TObservationProblem[] };

/** The answer's fields in one fixed order, so that a replay (read back from jsonb, which reorders keys) is byte for byte the first answer. */
const answerOf = ({
  created,
  duplicates,
  followUpsOpened,
  ids,
}: TStoreResult | TIngestAnswer): TIngestAnswer => ({ created, duplicates, followUpsOpened, ids });

class RefusedBatch extends Error {
  constructor(readonly problems: TObservationProblem[]) {
    super("refused batch");
  }
}

/** The first answer given under this key, if it was committed: read without a lock (the fast path of a retry). */
export async function findIdempotentAnswer(
  client: TApiClient,
  idempotency: { key: string; requestHash: string },
): Promise<TIngestOutcome | null> {
  const first = await db.idempotentRequest.findUnique({
    where: { apiKeyId_key: { apiKeyId: client.apiKeyId, key: idempotency.key } },
    select: { requestHash: true, statusCode: true, responseBody: true },
  });
  return first && replayOf(first, idempotency.requestHash);
}

function replayOf(
  first: { requestHash: string; statusCode: number; responseBody: unknown },
  requestHash: string,
): TIngestOutcome {
  if (first.requestHash !== requestHash) return { kind: "key-reused" };
  return {
    kind: "replayed",
    status: first.statusCode,
    answer: answerOf(ZIngestAnswer.parse(first.responseBody)),
  };
}

/**
 * Stores a batch of the key's organization, all or nothing, in one transaction.
 *
 * Under an Idempotency-Key the transaction first claims the key with INSERT … ON CONFLICT DO
 * NOTHING. A concurrent request with the same key blocks on the unique index until this one
 * commits (its insert then does nothing, and it replays the committed answer, or 409 for another
 * body) or rolls back (its insert then succeeds and it does the work itself). So however many
 * copies arrive at once, one stores and the others answer what it answered.
 *
 * Only the 201 is remembered. A refusal stores nothing, so answering it again buys no safety,
 * and none is truly deterministic: a reference problem goes away when the touchpoint is
 * created or its journey restored, an observedAt "in the future" becomes valid tomorrow.
 * Refusing such a retry for good would only force the client to invent a new key.
 */
export async function ingestObservations({
  client,
  observations,
  idempotency,
}: TIngestInput): Promise<TIngestOutcome> {
  // The HTTP layer answers 403 first; checked here too, so that the scope travels with the data.
  if (!hasScope(client, "observations:write")) throw forbidden();
  const { organizationId, apiKeyId } = client;
  try {
    return await db.$transaction(
      async (tx) => {
        if (idempotency) {
          const claimed = await tx.$executeRaw`
            INSERT INTO "IdempotentRequest" (id, "organizationId", "apiKeyId", key, "requestHash", "statusCode", "responseBody", "createdAt")
            VALUES (gen_random_uuid()::text, ${organizationId}, ${apiKeyId}, ${idempotency.key}, ${idempotency.requestHash}, 0, '{}'::jsonb, now() AT TIME ZONE 'UTC')
            ON CONFLICT ("apiKeyId", key) DO NOTHING`;
          if (claimed === 0) {
            const first = await tx.idempotentRequest.findUniqueOrThrow({
              where: { apiKeyId_key: { apiKeyId, key: idempotency.key } },
              select: { requestHash: true, statusCode: true, responseBody: true },
            });
            return replayOf(first, idempotency.requestHash);
          }
        }
        const problems = await findReferenceProblems(tx, organizationId, observations);
        if (problems.length) throw new RefusedBatch(problems); // rolls the claimed key back too
        const answer = answerOf(
          await insertObservations(tx, { organizationId, apiKeyId }, observations),
        );
        if (idempotency) {
          await tx.idempotentRequest.update({
            where: { apiKeyId_key: { apiKeyId, key: idempotency.key } },
            data: { statusCode: 201, responseBody: answer },
          });
        }
        return { kind: "stored" as const, status: 201, answer };
      },
      // A batch of 1,000 takes a fraction of a second; concurrent copies wait for it in line.
      { maxWait: 10_000, timeout: 30_000 },
    );
  } catch (error) {
    if (error instanceof RefusedBatch)
      return { kind: "invalid-references", problems: error.problems };
    throw error;
  }
}
