import { z } from "zod";
import { ROLES, type TRole } from "@/lib/auth/permissions";
import { isIssuerAllowed, parseDomainList } from "./rules";

/** Most domains one connection may cover (a bank's brands and subsidiaries fit easily). */
const MAX_SSO_DOMAINS = 50;

/**
 * The admin's SSO form. The client secret is write-only: empty keeps the stored one (required the
 * first time). Domains come as the admin typed them (commas, spaces or lines between).
 */
export const ZSsoConnectionInput = z.object({
  issuer: z
    .string()
    .trim()
    .min(1, { error: "validation.required" })
    .max(500, { error: "validation.tooLong" })
    .refine(isIssuerAllowed, { error: "sso.errors.issuer" })
    .transform((issuer) => issuer.replace(/\/+$/, "")),
  clientId: z
    .string()
    .trim()
    .min(1, { error: "validation.required" })
    .max(200, { error: "validation.tooLong" }),
  clientSecret: z.string().trim().max(1000, { error: "validation.tooLong" }).default(""),
  // A list as typed, or already split (what this schema's own output holds).
  domains: z
    .union([z.string(), z.array(z.string()).max(MAX_SSO_DOMAINS * 2)])
    .transform((value) => (Array.isArray(value) ? value.join("\n") : value))
    .pipe(z.string().max(5000, { error: "validation.tooLong" }))
    .transform((text, context) => {
      const { domains, invalid } = parseDomainList(text);
      if (invalid.length) context.addIssue({ code: "custom", message: "sso.errors.domain" });
      else if (domains.length === 0)
        context.addIssue({ code: "custom", message: "sso.errors.noDomain" });
      else if (domains.length > MAX_SSO_DOMAINS)
        context.addIssue({ code: "custom", message: "sso.errors.tooManyDomains" });
      return domains;
    }),
  defaultRole: z.enum(ROLES),
  isEnabled: z.boolean(),
});
export type TSsoConnectionInput = z.input<typeof ZSsoConnectionInput>;

/** The sign-in page's "Sign in with SSO": the email whose domain picks the organization. */
export const ZSsoStartInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "validation.email" })),
});

/** The connection as the admin page shows it: never the secret, only that one is stored. */
export type TSsoConnectionView = {
  issuer: string;
  clientId: string;
  hasClientSecret: boolean;
  domains: string[];
  defaultRole: TRole;
  isEnabled: boolean;
  updatedAt: Date;
};
