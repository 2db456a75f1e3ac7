import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ZClientId } from "@/lib/observations/schemas";
import { derivedClientId, hashRequestBody, idempotencyKeyOf } from "./idempotency";

describe("idempotencyKeyOf", () => {
  it("is null without the header and the trimmed key with it", () => {
    expect(idempotencyKeyOf(null)).toBeNull();
    expect(idempotencyKeyOf(" 3f1c2a9e-7d4b-4e0a-9c65-0e7b1d2f4a10 ")).toBe(
      "3f1c2a9e-7d4b-4e0a-9c65-0e7b1d2f4a10",
    );
    expect(idempotencyKeyOf("batch 2026-11-25/7")).toBe("batch 2026-11-25/7");
    expect(idempotencyKeyOf("k".repeat(200))).toBe("k".repeat(200));
  });

  it("refuses an empty key, one over 200 characters, and non-ASCII or control characters", () => {
    for (const header of ["", "   ", "k".repeat(201), "배치-1", "a\tb"])
      expect(idempotencyKeyOf(header)).toBe("invalid");
  });
});

describe("hashRequestBody", () => {
  it("is the SHA-256 of the exact bytes: one changed byte, another hash", () => {
    const body = new TextEncoder().encode('{"observations":[]}');
    expect(hashRequestBody(body)).toBe(createHash("sha256").update(body).digest("hex"));
    expect(hashRequestBody(new TextEncoder().encode('{"observations": []}'))).not.toBe(
      hashRequestBody(body),
    );
  });
});

describe("derivedClientId", () => {
  it("is stable for a key, an idempotency key and an index, and differs when any of them does", () => {
    const id = derivedClientId("key1", "batch-7", 3);
    expect(derivedClientId("key1", "batch-7", 3)).toBe(id);
    expect(
      new Set([
        id,
        derivedClientId("key2", "batch-7", 3),
        derivedClientId("key1", "batch-8", 3),
        derivedClientId("key1", "batch-7", 4),
      ]).size,
    ).toBe(4);
  });

  it("is a valid clientId whatever characters the idempotency key has", () => {
    const id = derivedClientId(
      "cmf3k2j9x0001abcd1234efgh",
      "order #42 / retry 'x' " + "~".repeat(170),
      999,
    );
    expect(ZClientId.safeParse(id).success).toBe(true);
  });
});
