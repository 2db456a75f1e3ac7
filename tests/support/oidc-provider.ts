import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

// A real OpenID Connect provider (the `oidc-provider` package) on the loopback, for the SSO
// tests: one confidential client, accounts the test declares, and a minimal login page
// (/interaction/:uid: type an email, submit) that signs the account in and grants consent.
// Authorization code flow with PKCE, signed ID tokens, discovery, userinfo: all the real thing.

type TTestAccount = { email: string; emailVerified: boolean; name: string };

export type TTestOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Adds or replaces an account; its id is its email. */
  addAccount(account: TTestAccount): void;
  stop(): Promise<void>;
};

export async function startTestOidcProvider(options: {
  redirectUris: string[];
}): Promise<TTestOidcProvider> {
  const accounts = new Map<string, TTestAccount>();
  const clientId = "moments";
  const clientSecret = "moments-test-client-secret-0123456789";
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: ["oidc-test-cookie-key-0123456789"] },
    features: { devInteractions: { enabled: false } },
    ttl: { AccessToken: 600, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          email: account.email,
          email_verified: account.emailVerified,
          name: account.name,
        }),
      };
    },
  });
  const handleOidc = provider.callback();

  async function handleInteraction(request: IncomingMessage, response: ServerResponse) {
    await provider.interactionDetails(request, response); // refuses an unknown or expired interaction
    if (request.method === "GET") {
      response.setHeader("content-type", "text/html; charset=utf-8");
      response.end(
        `<!doctype html><title>Test IdP</title><form method="post">` +
          `<label>Email <input name="email" type="email"></label>` +
          `<button type="submit">Sign in to the test IdP</button></form>`,
      );
      return;
    }
    let body = "";
    for await (const chunk of request) body += chunk;
    const email = new URLSearchParams(body).get("email") ?? "";
    if (!accounts.has(email)) {
      await provider.interactionFinished(request, response, {
        error: "access_denied",
        error_description: "unknown account",
      });
      return;
    }
    const grant = new provider.Grant({ accountId: email, clientId });
    grant.addOIDCScope("openid email profile");
    const grantId = await grant.save();
    await provider.interactionFinished(
      request,
      response,
      { login: { accountId: email }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  server.on("request", (request, response) => {
    if (request.url?.startsWith("/interaction/")) {
      handleInteraction(request, response).catch((error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      });
      return;
    }
    handleOidc(request, response);
  });

  return {
    issuer,
    clientId,
    clientSecret,
    addAccount: (account) => accounts.set(account.email, account),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
