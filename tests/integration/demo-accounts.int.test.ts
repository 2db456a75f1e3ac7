import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { resetDatabase } from "./helpers/db";
import { createUser, TEST_PASSWORD } from "./helpers/factories";

// The demo organization's published accounts on a server the network can reach: refused unless
// MOMENTS_DEMO=1. lib/env.ts reads the environment once per module graph, hence a fresh graph
// (vi.resetModules) for each setting.

const meta = { ipAddress: "203.0.113.9", userAgent: "demo-test" };

async function underEnvironment(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  return import("@/lib/auth/session-user");
}

let demoUser: Awaited<ReturnType<typeof createUser>>;
let realUser: Awaited<ReturnType<typeof createUser>>;
beforeEach(async () => {
  await resetDatabase();
  const demo = await db.organization.create({ data: { slug: "demo", name: "Demo", isDemo: true } });
  const real = await db.organization.create({ data: { slug: "real", name: "Real" } });
  demoUser = await createUser(demo.id, "ADMIN");
  realUser = await createUser(real.id, "ADMIN");
});

describe("with HOSTNAME=0.0.0.0", () => {
  it("refuses the demo accounts (and their open sessions) unless MOMENTS_DEMO=1", async () => {
    const { signInWithPassword, loadSessionUser } = await underEnvironment({
      HOSTNAME: "0.0.0.0",
      MOMENTS_DEMO: undefined,
    });
    expect(
      await signInWithPassword({ email: demoUser.email, password: TEST_PASSWORD }, meta),
    ).toEqual({ ok: false, reason: "demo_disabled" });
    expect(
      await loadSessionUser(demoUser.id, demoUser.sessionVersion, demoUser.sessionId),
    ).toBeNull();
    expect(
      await db.auditLog.findFirst({ where: { action: "auth.sign_in_refused_demo" } }),
    ).toMatchObject({ actorId: demoUser.id, ipAddress: meta.ipAddress });

    // A real organization's account is not affected.
    expect(
      await signInWithPassword({ email: realUser.email, password: TEST_PASSWORD }, meta),
    ).toMatchObject({ ok: true });
  });

  it("lets them in when MOMENTS_DEMO=1 says so explicitly", async () => {
    const { signInWithPassword } = await underEnvironment({
      HOSTNAME: "0.0.0.0",
      MOMENTS_DEMO: "1",
    });
    expect(
      await signInWithPassword({ email: demoUser.email, password: TEST_PASSWORD }, meta),
    ).toMatchObject({ ok: true });
  });
});

describe("on the loopback (the two-command quick start)", () => {
  it("lets the demo accounts in", async () => {
    const { signInWithPassword, loadSessionUser } = await underEnvironment({
      HOSTNAME: "127.0.0.1",
      MOMENTS_DEMO: undefined,
    });
    const fromThisMachine = { ...meta, ipAddress: "127.0.0.1" };
    expect(
      await signInWithPassword({ email: demoUser.email, password: TEST_PASSWORD }, fromThisMachine),
    ).toMatchObject({ ok: true });
    expect(
      await loadSessionUser(demoUser.id, demoUser.sessionVersion, demoUser.sessionId),
    ).not.toBeNull();
    // Another machine's request (a reverse proxy nobody declared passes it on) is refused.
    expect(
      await signInWithPassword({ email: demoUser.email, password: TEST_PASSWORD }, meta),
    ).toEqual({ ok: false, reason: "demo_disabled" });
  });

  it("refuses them behind a declared reverse proxy (TRUSTED_PROXIES), though the app listens on the loopback", async () => {
    const { signInWithPassword } = await underEnvironment({
      HOSTNAME: "127.0.0.1",
      MOMENTS_DEMO: undefined,
      TRUSTED_PROXIES: "127.0.0.1",
    });
    expect(
      await signInWithPassword(
        { email: demoUser.email, password: TEST_PASSWORD },
        { ...meta, ipAddress: "127.0.0.1" },
      ),
    ).toEqual({ ok: false, reason: "demo_disabled" });
    delete process.env.TRUSTED_PROXIES;
  });
});
