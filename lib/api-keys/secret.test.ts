import { describe, expect, it } from "vitest";
import { displayPrefixOf, generateApiKeySecret, hashApiKeySecret, looksLikeApiKey } from "./secret";

describe("API key secrets", () => {
  it("are mk_live_ plus 32 random bytes in base64url, different every time", () => {
    const secrets = new Set(Array.from({ length: 100 }, generateApiKeySecret));
    expect(secrets.size).toBe(100);
    for (const secret of secrets) {
      expect(secret).toMatch(/^mk_live_[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(secret.slice("mk_live_".length), "base64url")).toHaveLength(32);
      expect(looksLikeApiKey(secret)).toBe(true);
    }
  });

  it("hash to the SHA-256 hex digest, which does not contain the secret", () => {
    const secret = "mk_live_" + "A".repeat(43);
    expect(hashApiKeySecret(secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKeySecret(secret)).toBe(hashApiKeySecret(secret));
    expect(hashApiKeySecret(secret)).not.toBe(hashApiKeySecret(secret.slice(0, -1) + "B"));
  });

  it("show only the prefix and 8 characters", () => {
    const secret = generateApiKeySecret();
    expect(displayPrefixOf(secret)).toBe(secret.slice(0, 16));
  });

  it("refuse strings of another shape", () => {
    for (const candidate of [
      "",
      "mk_live_",
      "mk_test_" + "A".repeat(43),
      "mk_live_" + "A".repeat(42),
      "mk_live_" + "A".repeat(42) + "=",
      " mk_live_" + "A".repeat(43),
    ]) {
      expect(looksLikeApiKey(candidate)).toBe(false);
    }
  });
});
