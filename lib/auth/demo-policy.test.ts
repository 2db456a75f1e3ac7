import { describe, expect, it } from "vitest";
import { demoPolicy, isLoopbackHost } from "./demo-policy";

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
    expect(demoPolicy({ HOSTNAME: "127.0.0.1" })).toEqual({ allowed: true, why: "loopback" });
  });
  it("refuses them on every interface unless MOMENTS_DEMO=1", () => {
    expect(demoPolicy({ HOSTNAME: "0.0.0.0" })).toEqual({ allowed: false, why: "network" });
    expect(demoPolicy({ HOSTNAME: "0.0.0.0", MOMENTS_DEMO: "1" })).toEqual({
      allowed: true,
      why: "explicitly_on",
    });
  });
  it("MOMENTS_DEMO=0 turns them off even on the loopback", () => {
    expect(demoPolicy({ HOSTNAME: "localhost", MOMENTS_DEMO: "0" })).toEqual({
      allowed: false,
      why: "explicitly_off",
    });
  });
});
