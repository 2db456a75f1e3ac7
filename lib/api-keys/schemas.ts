import { z } from "zod";

/**
 * What a key may do. One scope today; a new capability (reading analytics, say) becomes a new
 * entry here, and the endpoint that serves it checks for it with hasScope().
 */
export const API_KEY_SCOPES = ["observations:write"] as const;
export type TApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const ZApiKeyCreateInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: "validation.required" })
    .max(100, { error: "validation.tooLong" }),
  scopes: z
    .array(z.enum(API_KEY_SCOPES))
    .min(1, { error: "apiKeys.errors.noScope" })
    .transform((scopes) => [...new Set(scopes)]),
});
export type TApiKeyCreateInput = z.input<typeof ZApiKeyCreateInput>;

export const ZApiKeyRevokeInput = z.object({ apiKeyId: z.string().trim().min(1).max(64) });
export type TApiKeyRevokeInput = z.input<typeof ZApiKeyRevokeInput>;

/** A key as the admin page lists it: never its secret, only the first characters. */
export type TApiKeyListItem = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdByName: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** The answer to creating a key: the only time its secret leaves the server. */
export type TCreatedApiKey = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  secret: string;
};

/** The message key (namespace apiKeys) that names a scope for people: "observations:write" → "scope.observations_write". */
export const scopeMessageKey = (scope: string) => `scope.${scope.replaceAll(":", "_")}`;
