import "server-only";
import { db } from "@/lib/db/client";
import { writeAuditLog } from "@/lib/audit/log";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import type { TRequestMeta } from "@/lib/audit/schemas";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import {
  ZApiKeyCreateInput,
  ZApiKeyRevokeInput,
  type TApiKeyCreateInput,
  type TApiKeyRevokeInput,
  type TCreatedApiKey,
} from "./schemas";
import { displayPrefixOf, generateApiKeySecret, hashApiKeySecret } from "./secret";

/** Creates a key of the actor's organization. Its secret is in the answer and nowhere else: only its hash is stored. */
export async function createApiKey(
  actor: TActor,
  input: TApiKeyCreateInput,
  meta?: TRequestMeta,
): Promise<TCreatedApiKey> {
  assertCan(actor, "apikey:manage");
  const { name, scopes } = parseInput(ZApiKeyCreateInput, input);
  const secret = generateApiKeySecret();
  const prefix = displayPrefixOf(secret);
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.create({
      data: {
        organizationId: actor.organizationId,
        name,
        prefix,
        scopes,
        secretHash: hashApiKeySecret(secret),
        createdById: actor.id,
      },
      select: { id: true },
    });
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "apikey.create",
        entityType: "ApiKey",
        entityId: key.id,
        details: { name, prefix, scopes },
        meta,
      },
      tx,
    );
    return { id: key.id, name, prefix, scopes, secret };
  });
}

/** Revokes a key at once: the next request with it is refused. Revoking a revoked key changes nothing. */
export async function revokeApiKey(
  actor: TActor,
  input: TApiKeyRevokeInput,
  meta?: TRequestMeta,
): Promise<void> {
  assertCan(actor, "apikey:manage");
  const { apiKeyId } = parseInput(ZApiKeyRevokeInput, input);
  await db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({
      where: { id: apiKeyId, organizationId: actor.organizationId },
      select: { name: true, prefix: true, revokedAt: true },
    });
    if (!key) throw notFound("apiKeyId");
    if (key.revokedAt) return;
    await tx.apiKey.update({ where: { id: apiKeyId }, data: { revokedAt: new Date() } });
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "apikey.revoke",
        entityType: "ApiKey",
        entityId: apiKeyId,
        details: { name: key.name, prefix: key.prefix },
        meta,
      },
      tx,
    );
  });
}
