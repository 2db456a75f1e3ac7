import * as oauth from "oauth4webapi";
import { isInsecureLoopbackIssuer } from "@/lib/sso/rules";

// The OpenID Connect authorization code flow, with PKCE, state and nonce, through oauth4webapi
// (the library Auth.js itself uses). No database and no Next.js: lib/auth/sso/sign-in.ts decides
// what the answer lets a person do.

export type TOidcClient = { issuer: string; clientId: string; redirectUri: string };

/** What the browser must bring back, kept between the redirect and the callback (sealed in a cookie). */
export type TOidcChecks = { state: string; nonce: string; codeVerifier: string };

export type TOidcIdentity = {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
};

/** The provider answered with an error, or its answer failed a check (state, nonce, signature, issuer…). */
export class OidcFlowError extends Error {}

// Plain http only where rules.ts allows it: an issuer on this machine's loopback.
const insecureIf = (issuer: string) =>
  isInsecureLoopbackIssuer(issuer) ? { [oauth.allowInsecureRequests]: true } : {};

async function discover(issuer: string): Promise<oauth.AuthorizationServer> {
  const issuerUrl = new URL(issuer);
  const response = await oauth.discoveryRequest(issuerUrl, {
    algorithm: "oidc",
    signal: AbortSignal.timeout(10_000),
    ...insecureIf(issuer),
  });
  return oauth.processDiscoveryResponse(issuerUrl, response);
}

/** Where to send the browser, and the checks its return must pass. */
export async function beginAuthorization(
  client: TOidcClient,
): Promise<{ url: URL; checks: TOidcChecks }> {
  const as = await discover(client.issuer);
  if (!as.authorization_endpoint) throw new OidcFlowError("no authorization endpoint");
  const checks = {
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
    codeVerifier: oauth.generateRandomCodeVerifier(),
  };
  const url = new URL(as.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    response_type: "code",
    scope: "openid email profile",
    state: checks.state,
    nonce: checks.nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(checks.codeVerifier),
    code_challenge_method: "S256",
  }).toString();
  return { url, checks };
}

/**
 * Finishes the flow from the callback URL: checks state, exchanges the code with the PKCE
 * verifier, validates the ID token (signature, issuer, audience, nonce, expiry) and reads the
 * email from the userinfo endpoint when the ID token does not carry it.
 */
export async function completeAuthorization(
  client: TOidcClient & { clientSecret: string },
  callbackUrl: URL,
  checks: TOidcChecks,
): Promise<TOidcIdentity> {
  try {
    const as = await discover(client.issuer);
    const oauthClient: oauth.Client = { client_id: client.clientId };
    const options = { signal: AbortSignal.timeout(10_000), ...insecureIf(client.issuer) };
    const parameters = oauth.validateAuthResponse(as, oauthClient, callbackUrl, checks.state);
    const tokenResponse = await oauth.authorizationCodeGrantRequest(
      as,
      oauthClient,
      oauth.ClientSecretBasic(client.clientSecret),
      parameters,
      client.redirectUri,
      checks.codeVerifier,
      options,
    );
    const tokens = await oauth.processAuthorizationCodeResponse(as, oauthClient, tokenResponse, {
      expectedNonce: checks.nonce,
      requireIdToken: true,
    });
    const idToken = oauth.getValidatedIdTokenClaims(tokens)!;
    let claims: Record<string, unknown> = idToken;
    if (typeof idToken.email !== "string" && as.userinfo_endpoint) {
      const userInfo = await oauth.userInfoRequest(as, oauthClient, tokens.access_token, options);
      claims = await oauth.processUserInfoResponse(as, oauthClient, idToken.sub, userInfo);
    }
    return {
      subject: idToken.sub,
      email: typeof claims.email === "string" ? claims.email.trim().toLowerCase() : null,
      // Only a literal true counts (some providers send the string "true"; they are not trusted).
      emailVerified: claims.email_verified === true,
      name: typeof claims.name === "string" ? claims.name.trim().slice(0, 200) : null,
    };
  } catch (error) {
    if (error instanceof OidcFlowError) throw error;
    throw new OidcFlowError(error instanceof Error ? error.message : "OIDC flow failed", {
      cause: error,
    });
  }
}
