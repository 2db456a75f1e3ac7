import { openSecret, sealSecret } from "@/lib/crypto/secret-box";
import type { TOidcChecks } from "./oidc";

// What the SSO flow keeps in the browser between "Sign in with SSO" and the callback: which
// organization's connection it started, and the checks (state, nonce, PKCE verifier) — sealed, so
// the browser can neither read nor change them, and short-lived.

export const SSO_FLOW_COOKIE = "moments.sso-flow";
export const SSO_FLOW_PATH = "/sso";
export const SSO_FLOW_TTL_SECONDS = 600;
const PURPOSE = "sso.flow";

export type TSsoFlow = {
  organizationId: string;
  redirectUri: string;
  checks: TOidcChecks;
  /** Epoch milliseconds. */
  expiresAt: number;
};

export const sealFlow = (flow: TSsoFlow, key: Buffer) =>
  sealSecret(JSON.stringify(flow), key, PURPOSE);

/** The flow, or null when the cookie is missing, changed, sealed under another key, or expired. */
export function openFlow(sealed: string | undefined, key: Buffer, now: Date): TSsoFlow | null {
  const text = sealed ? openSecret(sealed, key, PURPOSE) : null;
  if (!text) return null;
  const flow = JSON.parse(text) as TSsoFlow;
  return flow.expiresAt > now.getTime() ? flow : null;
}

/**
 * The callback address the identity provider sends the browser back to, registered at the
 * provider as is: on the app's public address (MOMENTS_PUBLIC_URL), never on a request's Host
 * header, which a client can forge.
 */
export function ssoRedirectUri(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, "")}${SSO_FLOW_PATH}/callback`;
}
