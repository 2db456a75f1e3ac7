import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// AES-256-GCM for secrets the app must read back (an SSO client secret, the SSO flow's cookie).
// Stored as "v1.<iv>.<tag>.<ciphertext>" in base64url. The purpose is bound as additional
// authenticated data, so a value sealed for one purpose does not open as another.

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const ENCRYPTION_KEY_BYTES = 32;

/** The 32-byte key from its base64url (or base64) text; null when it is not exactly 32 bytes. */
export function parseEncryptionKey(text: string): Buffer | null {
  const key = Buffer.from(text.trim(), "base64url");
  return key.length === ENCRYPTION_KEY_BYTES ? key : null;
}

export function sealSecret(plaintext: string, key: Buffer, purpose: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(purpose, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** The plaintext, or null when the value was changed, sealed under another key or purpose, or is not one. */
export function openSecret(sealed: string, key: Buffer, purpose: string): string | null {
  const [version, iv, tag, ciphertext, ...rest] = sealed.split(".");
  if (version !== VERSION || iv === undefined || tag === undefined || ciphertext === undefined)
    return null;
  if (rest.length > 0) return null;
  // Node's base64 decoder skips stray characters; a value must be exactly what sealSecret wrote.
  const isCanonical = (part: string) =>
    Buffer.from(part, "base64url").toString("base64url") === part;
  if (![iv, tag, ciphertext].every(isCanonical)) return null;
  const ivBytes = Buffer.from(iv, "base64url");
  const tagBytes = Buffer.from(tag, "base64url");
  if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, ivBytes, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(purpose, "utf8"));
    decipher.setAuthTag(tagBytes);
    const plaintext = Buffer.concat([
      decipher.update(Buffer.from(ciphertext, "base64url")),
      decipher.final(),
    ]);
    return plaintext.toString("utf8");
  } catch {
    return null;
  }
}
