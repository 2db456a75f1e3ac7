import "server-only";
import { encryptionEnv } from "@/lib/env";
import { openSecret, sealSecret } from "@/lib/crypto/secret-box";

// The SSO client secret at rest: sealed under MOMENTS_ENCRYPTION_KEY, bound to its purpose.
const PURPOSE = "sso.client_secret";

export const sealClientSecret = (secret: string) =>
  sealSecret(secret, encryptionEnv().MOMENTS_ENCRYPTION_KEY, PURPOSE);

/** The stored secret, or null when it cannot be opened (the key was changed): the admin enters it again. */
export const openClientSecret = (sealed: string) =>
  openSecret(sealed, encryptionEnv().MOMENTS_ENCRYPTION_KEY, PURPOSE);
