import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openSecret, parseEncryptionKey, sealSecret } from "./secret-box";

const key = randomBytes(32);

describe("secret-box", () => {
  it("opens what it sealed, and seals the same secret differently each time", () => {
    const sealed = sealSecret("client-secret-값", key, "sso.client_secret");
    expect(openSecret(sealed, key, "sso.client_secret")).toBe("client-secret-값");
    expect(sealSecret("client-secret-값", key, "sso.client_secret")).not.toBe(sealed);
    expect(sealed).not.toContain("client-secret");
  });

  it("refuses a changed ciphertext, tag or iv, another key and another purpose", () => {
    const sealed = sealSecret("s3cret", key, "a");
    const [version, iv, tag, ciphertext] = sealed.split(".");
    const flip = (part: string) => {
      const bytes = Buffer.from(part, "base64url");
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString("base64url");
    };
    expect(openSecret([version, iv, tag, flip(ciphertext!)].join("."), key, "a")).toBeNull();
    expect(openSecret([version, iv, flip(tag!), ciphertext].join("."), key, "a")).toBeNull();
    expect(openSecret([version, flip(iv!), tag, ciphertext].join("."), key, "a")).toBeNull();
    expect(openSecret(sealed, randomBytes(32), "a")).toBeNull();
    expect(openSecret(sealed, key, "b")).toBeNull();
  });

  it("refuses what is not a sealed value", () => {
    const sealed = sealSecret("x", key, "a");
    for (const value of [
      "",
      "v1",
      "v1...",
      "v2.a.b.c",
      `${sealed}.extra`,
      `${sealed}x`,
      `${sealed}=`,
    ])
      expect(openSecret(value, key, "a")).toBeNull();
  });

  it("takes a key of exactly 32 bytes in base64url or base64", () => {
    expect(parseEncryptionKey(key.toString("base64url"))?.equals(key)).toBe(true);
    expect(parseEncryptionKey(key.toString("base64"))?.equals(key)).toBe(true);
    expect(parseEncryptionKey(randomBytes(16).toString("base64url"))).toBeNull();
    expect(parseEncryptionKey("not a key")).toBeNull();
  });
});
