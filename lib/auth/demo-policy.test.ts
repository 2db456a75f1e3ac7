import { describe, expect, it } from "vitest";
import { demoPolicy, isDemoSignInAllowed, isLoopbackHost } from "./demo-policy";

describe("isLoopbackHost", () => {
  it.each([
    "127.0.0.1",
    "127.1.2.3",
    "localhost",
    "LOCALHOST",
    "app.localhost",
    "::1",
    "[::1]",
    "::ffff:127.0.0.1",
  ])("%s is the loopback", (host) => expect(isLoopbackHost(host)).toBe(true));
  it.each([
    "0.0.0.0",
    "::",
    "192.168.0.10",
    "10.0.0.1",
    "moments.example.com",
    "128.0.0.1",
    "127.example.com",
    "",
  ])("%s is reachable from the network", (host) => expect(isLoopbackHost(host)).toBe(false));
});

describe("demoPolicy", () => {
  it("allows the demo accounts on the loopback", () => {
    expect(demoPolicy({ HOSTNAME: "127.0.0.1", behindProxy: false })).toEqual({
      allowed: true,
      why: "loopback",
    });
  });
  it("refuses them on every interface unless MOMENTS_DEMO=1", () => {
    expect(demoPolicy({ HOSTNAME: "0.0.0.0", behindProxy: false })).toEqual({
      allowed: false,
      why: "network",
    });
    expect(demoPolicy({ HOSTNAME: "0.0.0.0", MOMENTS_DEMO: "1", behindProxy: false })).toEqual({
      allowed: true,
      why: "explicitly_on",
    });
  });
  it("MOMENTS_DEMO=0 turns them off even on the loopback", () => {
    expect(demoPolicy({ HOSTNAME: "localhost", MOMENTS_DEMO: "0", behindProxy: false })).toEqual({
      allowed: false,
      why: "explicitly_off",
    });
  });
});

describe("behind a reverse proxy on this machine", () => {
  it("refuses the demo accounts when trusted proxies are configured", () => {
    expect(demoPolicy({ HOSTNAME: "127.0.0.1", behindProxy: true })).toEqual({
      allowed: false,
      why: "proxied",
    });
  });
  it("refuses a sign-in from another machine even when the policy allows (an unconfigured proxy)", () => {
    const loopback = demoPolicy({ HOSTNAME: "127.0.0.1", behindProxy: false });
    expect(isDemoSignInAllowed(loopback, "127.0.0.1")).toBe(true);
    expect(isDemoSignInAllowed(loopback, "203.0.113.9")).toBe(false);
    const explicit = demoPolicy({ HOSTNAME: "0.0.0.0", MOMENTS_DEMO: "1", behindProxy: false });
    expect(isDemoSignInAllowed(explicit, "203.0.113.9")).toBe(true);
  });
});
