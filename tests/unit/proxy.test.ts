import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "@/proxy";

// The proxy: a fresh CSP nonce for every page (handed to Next.js in the request headers, sent to
// the browser in the response), and signed-out visitors sent to sign in — whatever headers they add.

const request = (path: string, headers: Record<string, string> = {}) =>
  new NextRequest(new URL(path, "http://localhost:3100"), { headers });
const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

describe("proxy", () => {
  it("sends a signed-out visitor to sign in, with the policy, even with x-middleware-subrequest", () => {
    for (const headers of [
      {},
      { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
    ] as Record<string, string>[]) {
      const response = proxy(request("/measure?journey=x", headers));
      expect(response.status).toBe(307);
      expect(new URL(response.headers.get("location")!).pathname).toBe("/login");
      expect(response.headers.get("content-security-policy")).toContain("'strict-dynamic'");
    }
  });

  it("lets the sign-in page and signed-in visitors through, handing Next.js the policy it answers with", () => {
    for (const response of [
      proxy(request("/login")),
      proxy(request("/setup?token=abc")),
      proxy(request("/forgot-password")),
      proxy(request("/invite/abc")),
      proxy(request("/reset-password/abc")),
      proxy(request("/measure", { cookie: "authjs.session-token=abc" })),
    ]) {
      expect(response.headers.get("location")).toBeNull();
      const policy = response.headers.get("content-security-policy");
      expect(nonceOf(policy)).toBeTruthy();
      // What NextResponse.next({ request: { headers } }) passes on to the page's rendering.
      expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    }
  });

  it("makes a new nonce for every request, and upgrades insecure requests only behind HTTPS", () => {
    const first = proxy(request("/login")).headers.get("content-security-policy");
    const second = proxy(request("/login")).headers.get("content-security-policy");
    expect(nonceOf(first)).not.toBe(nonceOf(second));
    expect(first).not.toContain("upgrade-insecure-requests");
    expect(
      proxy(request("/login", { "x-forwarded-proto": "https" })).headers.get(
        "content-security-policy",
      ),
    ).toContain("upgrade-insecure-requests");
  });

  it("runs on pages and the sign-in page, not on the API, static files, the service worker or uploads", () => {
    const matcher = new RegExp(`^${config.matcher[0]}$`);
    for (const path of ["/", "/login", "/measure", "/journeys/abc/export", "/frontline"])
      expect(matcher.test(path), path).toBe(true);
    for (const path of [
      "/api/v1/observations",
      "/_next/static/chunks/a.js",
      "/sw.js",
      "/manifest.webmanifest",
      "/icons/icon-192.png",
      "/measure/import/run",
    ])
      expect(matcher.test(path), path).toBe(false);
  });
});
