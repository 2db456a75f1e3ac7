import argon2 from "argon2";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { signInWithPassword, type TSignInOutcome } from "@/lib/auth/session-user";
import {
  ACCOUNT_LIMITS,
  ADDRESS_LIMITS,
  backOffDelayMs,
  HOUR_MS,
} from "@/lib/auth/sign-in-throttle";
import { claimSignInAttempt, signInThrottleKeys } from "@/lib/auth/sign-in-throttle-store";
import { resetDatabase } from "./helpers/db";
import { createOrganization, createUser, TEST_PASSWORD } from "./helpers/factories";
import { signInFrom } from "./helpers/signed-in-request";

vi.mock(
  "next/headers",
  async () => (await import("./authorization/request-context")).nextHeadersModule,
);
process.env.AUTH_SECRET ??= "sign-in-throttle-test-secret-0123456789-0123";

// Sign-in throttling against the real PostgreSQL: the state lives in the
// SignInThrottle table. The clock is injected (`now`); nothing here waits or measures time.

const meta = (ipAddress = "198.51.100.20") => ({ ipAddress, userAgent: "vitest" });
const T0 = new Date("2026-11-25T01:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const WRONG = "not-the-password";

/** Argon2 verifications made: a throttled attempt must make none. */
const verifySpy = vi.spyOn(argon2, "verify");

let user: Awaited<ReturnType<typeof createUser>>;
beforeEach(async () => {
  await resetDatabase();
  user = await createUser((await createOrganization()).id, "MANAGER");
  verifySpy.mockClear();
});
afterEach(() => vi.resetModules());

/**
 * Fails with a wrong password `count` times, from no earlier failures, each attempt as soon as the
 * back-off schedule allows (the first at `start`); returns the last one's time.
 */
async function failAsSoonAsAllowed(email: string, count: number, start = T0): Promise<Date> {
  let now = start;
  for (let i = 0; i < count; i += 1) {
    if (i > 0) now = new Date(now.getTime() + backOffDelayMs(i, ACCOUNT_LIMITS.backOff));
    expect(await signInWithPassword({ email, password: WRONG }, meta(), now)).toEqual({
      ok: false,
      reason: "invalid",
    });
  }
  return now;
}

const throttled = (outcome: TSignInOutcome) =>
  !outcome.ok && outcome.reason === "throttled" ? outcome.retryAt : null;

describe("per account", () => {
  it("allows 100 failures in an hour, then refuses even the right password — without computing its hash", async () => {
    const last = await failAsSoonAsAllowed(user.email, ACCOUNT_LIMITS.maxFailures);
    expect(last.getTime() - T0.getTime()).toBeLessThan(HOUR_MS);
    expect(verifySpy).toHaveBeenCalledTimes(100);
    expect(
      await db.auditLog.count({ where: { action: "auth.sign_in_failed", actorId: user.id } }),
    ).toBe(100);

    verifySpy.mockClear();
    const refused = await signInWithPassword(
      { email: user.email, password: TEST_PASSWORD },
      meta(),
      new Date(last.getTime() + 60_000),
    );
    expect(throttled(refused)).toEqual(at(HOUR_MS));
    expect(verifySpy).not.toHaveBeenCalled();
    // From another address too: the account's limit does not depend on where the attempts come from.
    expect(
      throttled(
        await signInWithPassword(
          { email: user.email, password: TEST_PASSWORD },
          meta("192.0.2.99"),
          at(HOUR_MS - 1),
        ),
      ),
    ).not.toBeNull();

    // Once the oldest failures are an hour old, the right password works again.
    expect(
      await signInWithPassword({ email: user.email, password: TEST_PASSWORD }, meta(), at(HOUR_MS)),
    ).toMatchObject({ ok: true, user: { id: user.id } });
  }, 60_000); // 100 real sign-ins, each with its argon2 verification

  it("backs off after five free failures: 1 s, then 2 s, …; the wait applies to the right password too", async () => {
    for (let i = 0; i < 6; i += 1)
      expect(await signInWithPassword({ email: user.email, password: WRONG }, meta(), T0)).toEqual({
        ok: false,
        reason: "invalid",
      });
    expect(
      throttled(
        await signInWithPassword({ email: user.email, password: TEST_PASSWORD }, meta(), at(999)),
      ),
    ).toEqual(at(1000));
    expect(
      await signInWithPassword({ email: user.email, password: WRONG }, meta(), at(1000)),
    ).toEqual({ ok: false, reason: "invalid" });
    expect(
      throttled(await signInWithPassword({ email: user.email, password: WRONG }, meta(), at(2999))),
    ).toEqual(at(3000));
    expect(verifySpy).toHaveBeenCalledTimes(7);
  });

  it("a success resets the back-off but not the hourly count", async () => {
    const last = await failAsSoonAsAllowed(user.email, 20);
    const signedIn = new Date(last.getTime() + ACCOUNT_LIMITS.backOff!.maxDelayMs);
    expect(
      await signInWithPassword({ email: user.email, password: TEST_PASSWORD }, meta(), signedIn),
    ).toMatchObject({ ok: true });

    // The success's own attempt is refunded, the back-off is gone, the 20 failures still count towards the hour…
    const row = await db.signInThrottle.findUniqueOrThrow({
      where: { key: `account:${user.email}` },
    });
    expect({ failures: row.failureTimes?.length, consecutive: row.consecutiveFailures }).toEqual({
      failures: 20,
      consecutive: 0,
    });
    // …so five failures are free again, straight away, and the sixth waits.
    for (let i = 0; i < 6; i += 1)
      expect(
        await signInWithPassword({ email: user.email, password: WRONG }, meta(), signedIn),
      ).toEqual({ ok: false, reason: "invalid" });
    expect(
      throttled(
        await signInWithPassword({ email: user.email, password: TEST_PASSWORD }, meta(), signedIn),
      ),
    ).toEqual(new Date(signedIn.getTime() + 1000));
    // (That 100 failures then a success leave the account locked is proven on the policy: sign-in-throttle.test.ts.)
  });

  it("counts parallel attempts before checking any password, so a burst cannot slip past the back-off", async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        signInWithPassword({ email: user.email, password: WRONG }, meta(), T0),
      ),
    );
    expect(outcomes.filter((outcome) => throttled(outcome))).toHaveLength(14);
    expect(verifySpy).toHaveBeenCalledTimes(6);
  });

  it("treats an email without an account exactly like one with an account", async () => {
    const run = async (email: string) => {
      const answers: string[] = [];
      for (const ms of [0, 0, 0, 0, 0, 0, 0, 500, 1000, 1500, 3000]) {
        const outcome = await signInWithPassword(
          { email, password: WRONG },
          meta(`192.0.2.${answers.length}`),
          at(ms),
        );
        answers.push(
          outcome.ok
            ? "ok"
            : outcome.reason === "throttled"
              ? `throttled until ${outcome.retryAt.getTime() - T0.getTime()}`
              : outcome.reason,
        );
      }
      return answers;
    };
    const known = await run(user.email);
    expect(known).toContain("throttled until 1000");
    expect(await run("nobody@test.moments")).toEqual(known);
  });
});

describe("per address", () => {
  it("refuses an address after 300 failures in an hour, across many accounts; other addresses go on", async () => {
    const sprayer = "203.0.113.66";
    // A sprayer tries one password against many accounts, two tries each: no account limit is reached.
    const address = signInThrottleKeys("", sprayer).filter((key) => key.scope === "address");
    for (let i = 0; i < ADDRESS_LIMITS.maxFailures - 2; i += 1)
      expect((await claimSignInAttempt(address, T0)).allowed).toBe(true);
    for (const email of ["a@test.moments", "b@test.moments"]) {
      expect(await signInWithPassword({ email, password: WRONG }, meta(sprayer), T0)).toEqual({
        ok: false,
        reason: "invalid",
      });
    }

    verifySpy.mockClear();
    expect(
      throttled(
        await signInWithPassword(
          { email: user.email, password: TEST_PASSWORD },
          meta(sprayer),
          at(1000),
        ),
      ),
    ).toEqual(at(HOUR_MS));
    expect(verifySpy).not.toHaveBeenCalled();
    expect(
      await signInWithPassword(
        { email: user.email, password: TEST_PASSWORD },
        meta("198.51.100.21"),
        at(1000),
      ),
    ).toMatchObject({ ok: true });
  }, 60_000); // 300 claims, each a transaction
});

describe("the stored state", () => {
  it("is in PostgreSQL: a fresh copy of the modules (a restart, another app server) still refuses", async () => {
    await failAsSoonAsAllowed(user.email, 6);
    vi.resetModules();
    const fresh = await import("@/lib/auth/session-user");
    expect(fresh.signInWithPassword).not.toBe(signInWithPassword);
    const outcome = await fresh.signInWithPassword(
      { email: user.email, password: TEST_PASSWORD },
      meta(),
      at(500),
    );
    expect(outcome).toMatchObject({ ok: false, reason: "throttled" });
    expect(
      await db.signInThrottle.findMany({
        select: { key: true, consecutiveFailures: true },
        orderBy: { key: "asc" },
      }),
    ).toEqual([
      { key: `account:${user.email}`, consecutiveFailures: 6 },
      { key: "address:198.51.100.20", consecutiveFailures: 6 },
    ]);
  });

  it("is forgotten once it limits nothing: expired rows are deleted", async () => {
    await failAsSoonAsAllowed("someone@test.moments", 3);
    expect(await db.signInThrottle.count()).toBe(2);
    await signInWithPassword(
      { email: user.email, password: TEST_PASSWORD },
      meta("192.0.2.1"),
      at(HOUR_MS + 1),
    );
    const keys = (await db.signInThrottle.findMany({ select: { key: true } })).map(
      (row) => row.key,
    );
    expect(keys).not.toContain("account:someone@test.moments");
  });
});

describe("the audit log", () => {
  it("records throttled attempts, at most one entry a minute per key, with the count", async () => {
    await failAsSoonAsAllowed(user.email, 6);
    for (let i = 0; i < 10; i += 1)
      await signInWithPassword({ email: user.email, password: WRONG }, meta(), at(100 + i));
    let entries = await db.auditLog.findMany({
      where: { action: "auth.sign_in_throttled" },
      orderBy: { id: "asc" },
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      organizationId: user.organizationId,
      actorId: user.id,
      ipAddress: "198.51.100.20",
      userAgent: "vitest",
    });
    expect(entries[0]!.details).toMatchObject({
      email: user.email,
      limit: "account",
      reason: "back_off",
      refusals: 1,
    });

    // A minute later: one more failure, then a refusal, which is due and carries the 9 unlogged ones too.
    expect(
      await signInWithPassword({ email: user.email, password: WRONG }, meta(), at(60_100)),
    ).toEqual({ ok: false, reason: "invalid" });
    expect(
      throttled(
        await signInWithPassword({ email: user.email, password: WRONG }, meta(), at(60_100)),
      ),
    ).toEqual(at(62_100));
    entries = await db.auditLog.findMany({
      where: { action: "auth.sign_in_throttled" },
      orderBy: { id: "asc" },
    });
    expect(entries).toHaveLength(2);
    expect(entries[1]!.details).toMatchObject({ refusals: 10 });
  });
});

describe("the sign-in page", () => {
  /** 100 failures of the account over the last hour, made as the back-off allowed (the store, no passwords). */
  async function lockOut(email: string) {
    const keys = signInThrottleKeys(email, "");
    let now = new Date(Date.now() - 55 * 60_000);
    for (let failures = 0; failures < ACCOUNT_LIMITS.maxFailures;) {
      const claim = await claimSignInAttempt(keys, now);
      if (claim.allowed) failures += 1;
      else now = claim.retryAt;
    }
  }

  it("says there were too many attempts and when to try again, the same way whether or not the account exists", async () => {
    const client = { ipAddress: "198.51.100.50", userAgent: "browser" };
    await lockOut(user.email);
    await lockOut("nobody@test.moments");

    const known = await signInFrom(client, user.email, TEST_PASSWORD);
    const unknown = await signInFrom(client, "nobody@test.moments", TEST_PASSWORD);
    expect(known.cookie).toBeNull();
    for (const { answer } of [known, unknown]) {
      expect(answer).toMatchObject({
        throttle: { retryAt: expect.any(String), retryAfterSeconds: expect.any(Number) },
      });
      expect(Object.keys(answer as object).sort()).toEqual(["email", "throttle"]);
      const { retryAfterSeconds } = (answer as { throttle: { retryAfterSeconds: number } })
        .throttle;
      expect(retryAfterSeconds).toBeGreaterThan(60);
      expect(retryAfterSeconds).toBeLessThanOrEqual(HOUR_MS / 1000);
    }
  });
});
