import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openFlow, sealFlow, ssoRedirectUri, type TSsoFlow } from "./flow";

const key = randomBytes(32);
const now = new Date("2026-12-07T12:00:00Z");
const flow: TSsoFlow = {
  organizationId: "org-a",
  redirectUri: "https://cx.example.com/sso/callback",
  checks: { state: "s", nonce: "n", codeVerifier: "v" },
  expiresAt: now.getTime() + 600_000,
};

describe("the SSO flow cookie", () => {
  it("opens until it expires, under its key only", () => {
    const sealed = sealFlow(flow, key);
    expect(openFlow(sealed, key, now)).toEqual(flow);
    expect(openFlow(sealed, key, new Date(flow.expiresAt))).toBeNull();
    expect(openFlow(sealed, randomBytes(32), now)).toBeNull();
    expect(openFlow(undefined, key, now)).toBeNull();
  });

  it("is not readable by the browser that carries it", () => {
    expect(sealFlow(flow, key)).not.toContain("org-a");
  });
});

describe("ssoRedirectUri", () => {
  it("is the callback on the app's public address, whatever the request said", () => {
    expect(ssoRedirectUri("http://localhost:3000")).toBe("http://localhost:3000/sso/callback");
    expect(ssoRedirectUri("https://cx.example.com/")).toBe("https://cx.example.com/sso/callback");
  });
});
