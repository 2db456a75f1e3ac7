import { hashToken, randomToken } from "@/lib/security/tokens";

// An API key is `mk_live_` + 32 random bytes in base64url (43 characters). The recognisable
// prefix lets secret scanners and people tell it apart from other tokens.

const API_KEY_PREFIX = "mk_live_";
const SECRET_BYTES = 32;
/** How many characters of the key the admin list shows: the prefix and 8 random ones. */
const DISPLAY_LENGTH = API_KEY_PREFIX.length + 8;
const SECRET_SHAPE = /^mk_live_[A-Za-z0-9_-]{43}$/;

export function generateApiKeySecret(): string {
  return API_KEY_PREFIX + randomToken(SECRET_BYTES);
}

/** SHA-256, hex (why a fast hash: lib/security/tokens.ts): every API request is one indexed lookup. */
export function hashApiKeySecret(secret: string): string {
  return hashToken(secret);
}

/** The first characters, kept in clear so that an admin can tell keys apart. */
export function displayPrefixOf(secret: string): string {
  return secret.slice(0, DISPLAY_LENGTH);
}

/** Whether a string has the shape of one of our keys: anything else is refused without a lookup. */
export function looksLikeApiKey(candidate: string): boolean {
  return SECRET_SHAPE.test(candidate);
}
