import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  createNonce,
  isHttpsRequest,
  STATIC_SECURITY_HEADERS,
} from "./headers";

const directivesOf = (policy: string) =>
  new Map(
    policy.split("; ").map((directive) => {
      const [name, ...values] = directive.split(" ");
      return [name!, values] as const;
    }),
  );

describe("the pages' Content-Security-Policy", () => {
  it("runs only scripts that carry the request's nonce, and never eval in production", () => {
    const script = directivesOf(contentSecurityPolicy({ nonce: "abc123" })).get("script-src")!;
    expect(script).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(script).not.toContain("'unsafe-inline'");
    expect(
      directivesOf(contentSecurityPolicy({ nonce: "n", isDevelopment: true })).get("script-src"),
    ).toContain("'unsafe-eval'");
  });

  it("keeps the service worker, the manifest and the app's own requests working, and refuses framing, plugins and foreign forms", () => {
    const policy = directivesOf(contentSecurityPolicy({ nonce: "n" }));
    expect(policy.get("worker-src")).toEqual(["'self'"]);
    expect(policy.get("manifest-src")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
  });

  it("upgrades insecure requests only behind HTTPS, where it cannot break a plain-HTTP install", () => {
    expect(
      directivesOf(contentSecurityPolicy({ nonce: "n" })).has("upgrade-insecure-requests"),
    ).toBe(false);
    expect(
      directivesOf(contentSecurityPolicy({ nonce: "n", isHttps: true })).has(
        "upgrade-insecure-requests",
      ),
    ).toBe(true);
  });
});

describe("nonces", () => {
  it("are base64 of 128 random bits, different every time", () => {
    const nonces = Array.from({ length: 200 }, createNonce);
    expect(new Set(nonces).size).toBe(200);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("HTTPS detection", () => {
  it("trusts the URL's scheme and the first X-Forwarded-Proto hop", () => {
    expect(isHttpsRequest(new URL("https://cx.example/"), null)).toBe(true);
    expect(isHttpsRequest(new URL("http://localhost:3000/"), "https")).toBe(true);
    expect(isHttpsRequest(new URL("http://localhost:3000/"), "HTTPS, http")).toBe(true);
    expect(isHttpsRequest(new URL("http://localhost:3000/"), "http")).toBe(false);
    expect(isHttpsRequest(new URL("http://localhost:3000/"), null)).toBe(false);
  });
});

describe("the static headers", () => {
  it("name each header once", () => {
    const names = STATIC_SECURITY_HEADERS.map((header) => header.key.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        "x-content-type-options",
        "referrer-policy",
        "x-frame-options",
        "permissions-policy",
      ]),
    );
  });
});
