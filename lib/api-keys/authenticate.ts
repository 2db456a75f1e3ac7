import "server-only";
import { db } from "@/lib/db/client";
import type { TApiKeyScope } from "./schemas";
import { hashApiKeySecret, looksLikeApiKey } from "./secret";

/** Who is calling the API: a key of an organization, with what it may do. */
export type TApiClient = { apiKeyId: string; organizationId: string; scopes: string[] };

export type TApiKeyAuthentication =
  | { ok: true; client: TApiClient }
  | { ok: false; reason: "unknown" }
  /** Whose key it was, for the audit log of refused requests. */
  | { ok: false; reason: "revoked"; apiKeyId: string; organizationId: string };

/** lastUsedAt is for people ("used 3 minutes ago"): a minute's precision saves a write per request. */
const LAST_USED_PRECISION_MS = 60_000;

/**
 * The key a secret belongs to, looked up by its SHA-256 (see secret.ts). A revoked key is
 * refused at once: nothing is cached, so revocation needs no propagation.
 */
export async function authenticateApiKey(secret: string): Promise<TApiKeyAuthentication> {
  if (!looksLikeApiKey(secret)) return { ok: false, reason: "unknown" };
  const key = await db.apiKey.findUnique({
    where: { secretHash: hashApiKeySecret(secret) },
    select: { id: true, organizationId: true, scopes: true, lastUsedAt: true, revokedAt: true },
  });
  if (!key) return { ok: false, reason: "unknown" };
  if (key.revokedAt)
    return { ok: false, reason: "revoked", apiKeyId: key.id, organizationId: key.organizationId };

  const staleBefore = new Date(Date.now() - LAST_USED_PRECISION_MS);
  if (!key.lastUsedAt || key.lastUsedAt < staleBefore) {
    // Conditional, so that concurrent requests of the same minute write once between them.
    await db.apiKey.updateMany({
      where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
      data: { lastUsedAt: new Date() },
    });
  }
  return {
    ok: true,
    client: { apiKeyId: key.id, organizationId: key.organizationId, scopes: key.scopes },
  };
}

export function hasScope(client: TApiClient, scope: TApiKeyScope): boolean {
  return client.scopes.includes(scope);
}
