import { createHash, randomBytes } from "node:crypto";

// An API key is `mk_live_` + 32 random bytes in base64url (43 characters). The recognisable
// prefix lets secret scanners and people tell it apart from other tokens.

const API_KEY_PREFIX = "mk_live_";
const SECRET_BYTES = 32;
/** How many characters of the key the admin list shows: the prefix and 8 random ones. */
const DISPLAY_LENGTH = API_KEY_PREFIX.length + 8;
const SECRET_SHAPE = /^mk_live_[A-Za-z0-9_-]{43}$/;

export function generateApiKeySecret(): string {
  return API_KEY_PREFIX + randomBytes(SECRET_BYTES).toString("base64url");
}

/**
 * SHA-256, hex. A slow password hash (argon2) protects low-entropy secrets that people choose;
 * a key of 256 random bits cannot be guessed from its hash however fast the hash is, and a
 * fast hash lets every API request be authenticated by one indexed lookup. Looking the key up
 * by its hash is also constant-time by construction: no comparison ever runs on the secret.
 */
export function hashApiKeySecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** The first characters, kept in clear so that an admin can tell keys apart. */
export function displayPrefixOf(secret: string): string {
  return secret.slice(0, DISPLAY_LENGTH);
}

/** Whether a string has the shape of one of our keys: anything else is refused without a lookup. */
export function looksLikeApiKey(candidate: string): boolean {
  return SECRET_SHAPE.test(candidate);
}
