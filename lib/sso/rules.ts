import { isLoopbackHost } from "@/lib/auth/demo-policy";

// Single sign-on's rules, pure: which email domains a connection covers, which issuers may be
// used, and what a sign-in the identity provider vouched for may do here.

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * An email domain as stored and compared: lower case, international names in their ASCII
 * (punycode) form; null when it is not a domain name of at least two labels.
 */
export function normalizeDomain(text: string): string | null {
  const trimmed = text.trim().replace(/^@/, "").replace(/\.$/, "");
  if (!trimmed || /[\s/:@?#\\]/.test(trimmed)) return null;
  let hostname: string;
  try {
    hostname = new URL(`http://${trimmed}`).hostname;
  } catch {
    return null;
  }
  const labels = hostname.split(".");
  if (hostname.length > 253 || labels.length < 2) return null;
  if (!labels.every((label) => LABEL.test(label)) || /^\d+$/.test(labels.at(-1)!)) return null;
  return hostname;
}

/** A list typed by an admin (commas, spaces or lines between): the domains, and what is not one. */
export function parseDomainList(text: string): { domains: string[]; invalid: string[] } {
  const domains = new Set<string>();
  const invalid: string[] = [];
  for (const item of text.split(/[\s,;]+/).filter(Boolean)) {
    const domain = normalizeDomain(item);
    if (domain) domains.add(domain);
    else invalid.push(item);
  }
  return { domains: [...domains], invalid };
}

/** The domain of an email address, normalized; null without one. */
export function emailDomainOf(email: string): string | null {
  const at = email.lastIndexOf("@");
  return at > 0 ? normalizeDomain(email.slice(at + 1)) : null;
}

/**
 * Whether an email's domain is one of the connection's. Exactly: a subdomain is covered only when
 * it is listed itself, so "corp.example.com" never lets "evil.corp.example.com.attacker" or
 * "mail.corp.example.com" in by accident.
 */
export function isEmailDomainCovered(email: string, domains: readonly string[]): boolean {
  const domain = emailDomainOf(email);
  return domain !== null && domains.includes(domain);
}

/**
 * Whether an issuer URL may be used: https, or plain http on this machine's loopback only (a
 * test or a provider on the same host). No query or fragment (OpenID Connect Discovery 1.0).
 */
export function isIssuerAllowed(issuer: string): boolean {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return false;
  }
  if (url.search || url.hash || url.username || url.password) return false;
  return url.protocol === "https:" || (url.protocol === "http:" && isLoopbackHost(url.hostname));
}

/** Whether requests to this issuer go over plain http (allowed only on the loopback). */
export const isInsecureLoopbackIssuer = (issuer: string) =>
  isIssuerAllowed(issuer) && new URL(issuer).protocol === "http:";

type TSsoRefusal =
  "no_email" | "domain_not_allowed" | "email_unverified" | "other_organization" | "inactive";

/** Why an SSO sign-in was refused: the rules' reasons, and the flow's own. */
export type TSsoFailure =
  | TSsoRefusal
  /** No enabled connection covers the email's domain (or its secret can no longer be read). */
  | "not_configured"
  /** The flow's cookie is missing, expired or changed: start again. */
  | "flow_invalid"
  /** The provider refused, could not be reached, or its answer failed a check. */
  | "provider_error";

export const SSO_FAILURES = [
  "no_email",
  "domain_not_allowed",
  "email_unverified",
  "other_organization",
  "inactive",
  "not_configured",
  "flow_invalid",
  "provider_error",
] as const satisfies readonly TSsoFailure[];

export type TSsoDecision =
  { kind: "create" } | { kind: "link"; userId: string } | { kind: "refuse"; reason: TSsoRefusal };

/**
 * What a sign-in the identity provider vouched for may do in the organization whose connection
 * was used: create a user, sign in the organization's existing user with that email, or nothing.
 * `existing` is the user who has the email anywhere (emails are unique across organizations).
 */
export function decideSsoSignIn(input: {
  organizationId: string;
  domains: readonly string[];
  claims: { email: string | null; emailVerified: boolean };
  existing: { id: string; organizationId: string; isActive: boolean } | null;
}): TSsoDecision {
  const { claims, existing } = input;
  if (!claims.email) return { kind: "refuse", reason: "no_email" };
  if (!isEmailDomainCovered(claims.email, input.domains))
    return { kind: "refuse", reason: "domain_not_allowed" };
  if (!claims.emailVerified) return { kind: "refuse", reason: "email_unverified" };
  if (!existing) return { kind: "create" };
  if (existing.organizationId !== input.organizationId)
    return { kind: "refuse", reason: "other_organization" };
  if (!existing.isActive) return { kind: "refuse", reason: "inactive" };
  return { kind: "link", userId: existing.id };
}
