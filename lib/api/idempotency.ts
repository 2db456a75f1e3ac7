import { createHash } from "node:crypto";

// Idempotency-Key (IETF draft "The Idempotency-Key HTTP Header Field"): a client that retries a
// request with the same key gets the first answer again instead of a second write.

const MAX_IDEMPOTENCY_KEY_LENGTH = 200;
// Visible ASCII and spaces: UUIDs, ULIDs and "order-123/retry" all fit; control characters do not.
const KEY_SHAPE = /^[\x20-\x7e]+$/;

/** The header's value when valid, null when absent, "invalid" otherwise. */
export function idempotencyKeyOf(header: string | null): string | null | "invalid" {
  if (header === null) return null;
  const key = header.trim();
  return key.length > 0 && key.length <= MAX_IDEMPOTENCY_KEY_LENGTH && KEY_SHAPE.test(key)
    ? key
    : "invalid";
}

/** SHA-256 of the raw body, hex: "the same body" means the same bytes. */
export function hashRequestBody(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * The clientId of an item sent without one under an Idempotency-Key. Even if the idempotency
 * record were gone (purged, or a replay racing a failover), the same batch maps to the same
 * clientIds and the observations' unique (organization, clientId) stores nothing twice. The key
 * is hashed because its characters need not fit ZClientId's alphabet.
 */
export function derivedClientId(apiKeyId: string, idempotencyKey: string, index: number): string {
  const keyHash = createHash("sha256").update(idempotencyKey, "utf8").digest("hex").slice(0, 32);
  return `api:${apiKeyId}:${keyHash}:${index}`;
}
