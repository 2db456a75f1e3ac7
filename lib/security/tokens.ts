import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes (256 bits) in base64url: a secret nobody can guess. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/**
 * SHA-256, hex, of a random token. A slow password hash (argon2) protects low-entropy secrets
 * that people choose; a token of 256 random bits cannot be guessed from its hash however fast
 * the hash is, and a fast hash lets it be found by one indexed lookup — no comparison ever runs
 * on the secret itself.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
