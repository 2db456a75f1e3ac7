import "server-only";
import { db } from "@/lib/db/client";
import { writeAuditLog } from "@/lib/audit/log";
import { clientAddressEnv, deploymentEnv } from "@/lib/env";
import { demoPolicy, isDemoSignInAllowed } from "./demo-policy";
import { dummyPasswordHash, verifyPassword } from "./password";
import type { TActor, TRole } from "./permissions";
import type { TRequestMeta } from "@/lib/audit/schemas";
import { ZSignInInput } from "./schemas";
import {
  claimSignInAttempt,
  recordSignInSuccess,
  signInThrottleKeys,
} from "./sign-in-throttle-store";

export type TSessionUser = TActor & {
  email: string;
  name: string;
  locale: "ko" | "en" | null;
  sessionVersion: number;
  /** The server-side session (UserSession) this request's cookie names. */
  sessionId: string;
};

const sessionUserSelect = {
  id: true,
  organizationId: true,
  role: true,
  email: true,
  name: true,
  locale: true,
  sessionVersion: true,
  isActive: true,
  passwordHash: true,
  organization: { select: { isDemo: true } },
} as const;

/** A user who has just proved who they are, before their session exists. */
export type TSignedInUser = Omit<TSessionUser, "sessionId">;

function toSignedInUser(row: {
  id: string;
  organizationId: string;
  role: TRole;
  email: string;
  name: string;
  locale: "ko" | "en" | null;
  sessionVersion: number;
}): TSignedInUser {
  return {
    id: row.id,
    organizationId: row.organizationId,
    role: row.role,
    email: row.email,
    name: row.name,
    locale: row.locale,
    sessionVersion: row.sessionVersion,
  };
}

function currentDemoPolicy() {
  const proxies = clientAddressEnv();
  return demoPolicy({
    ...deploymentEnv(),
    behindProxy: proxies.proxies.length > 0 || proxies.hops > 0,
  });
}

export type TSignInOutcome =
  | { ok: true; user: TSignedInUser }
  | { ok: false; reason: "invalid" }
  /** A demo account, on a server the network can reach (lib/auth/demo-policy.ts). */
  | { ok: false; reason: "demo_disabled" }
  | { ok: false; reason: "throttled"; retryAt: Date };

/**
 * Checks an email and password. Refuses any failure (unknown email, wrong password, deactivated
 * account, an account that signs in only through SSO, malformed input) without saying which;
 * refuses a throttled attempt (see sign-in-throttle.ts) BEFORE the password hash is computed, the
 * same way for an email that has no account as for one that has. `now` is the clock, injected by
 * tests.
 */
export async function signInWithPassword(
  rawInput: unknown,
  meta: TRequestMeta,
  now: Date = new Date(),
): Promise<TSignInOutcome> {
  const parsed = ZSignInInput.safeParse(rawInput);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const keys = signInThrottleKeys(email, meta.ipAddress);
  const claim = await claimSignInAttempt(keys, now);
  if (!claim.allowed) {
    if (claim.audit) {
      const target = await db.user.findUnique({
        where: { email },
        select: { id: true, organizationId: true },
      });
      await writeAuditLog({
        organizationId: target?.organizationId ?? null,
        actorId: target?.id ?? null,
        action: "auth.sign_in_throttled",
        details: {
          email,
          limit: claim.scope,
          reason: claim.reason,
          refusals: claim.audit.refusals,
          retryAt: claim.retryAt.toISOString(),
        },
        meta,
      });
    }
    return { ok: false, reason: "throttled", retryAt: claim.retryAt };
  }

  const user = await db.user.findUnique({ where: { email }, select: sessionUserSelect });
  const isPasswordRight = await verifyPassword(
    user?.passwordHash ?? (await dummyPasswordHash()),
    password,
  );

  if (!user || !user.passwordHash || !isPasswordRight || !user.isActive) {
    // The claim already counted this attempt as a failure.
    await writeAuditLog({
      organizationId: user?.organizationId ?? null,
      actorId: user?.id ?? null,
      action: "auth.sign_in_failed",
      details: {
        email,
        reason: !user
          ? "unknown_email"
          : !user.passwordHash
            ? "no_password"
            : !isPasswordRight
              ? "wrong_password"
              : "inactive",
      },
      meta,
    });
    return { ok: false, reason: "invalid" };
  }

  if (user.organization.isDemo && !isDemoSignInAllowed(currentDemoPolicy(), meta.ipAddress)) {
    await writeAuditLog({
      organizationId: user.organizationId,
      actorId: user.id,
      action: "auth.sign_in_refused_demo",
      details: { email },
      meta,
    });
    return { ok: false, reason: "demo_disabled" };
  }

  await recordSignInSuccess(keys, claim.attemptAt);
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
  await writeAuditLog({
    organizationId: user.organizationId,
    actorId: user.id,
    action: "auth.sign_in",
    meta,
  });
  return { ok: true, user: toSignedInUser(user) };
}

/** signInWithPassword for callers that only need the user: null for any refusal. */
export async function verifyCredentials(
  rawInput: unknown,
  meta: TRequestMeta,
  now?: Date,
): Promise<TSignedInUser | null> {
  const outcome = await signInWithPassword(rawInput, meta, now);
  return outcome.ok ? outcome.user : null;
}

/**
 * The user behind a session token, read fresh on every request: a deactivated user, a changed
 * role or a "sign out everywhere" (all bump sessionVersion) takes effect on the next request, and
 * so does an ended session (signed out, password changed).
 */
export async function loadSessionUser(
  userId: string,
  sessionVersion: number,
  sessionId: string,
): Promise<TSessionUser | null> {
  if (!sessionId) return null;
  const session = await db.userSession.findUnique({
    where: { id: sessionId },
    select: { userId: true, endedAt: true, user: { select: sessionUserSelect } },
  });
  if (!session || session.endedAt || session.userId !== userId) return null;
  const { user } = session;
  if (!user.isActive || user.sessionVersion !== sessionVersion) return null;
  // A demo session from before the server was opened to the network ends too.
  if (user.organization.isDemo && !currentDemoPolicy().allowed) return null;
  return { ...toSignedInUser(user), sessionId };
}

/** Whose session loadSessionUser refused, for the audit log: the user if it still exists, and why. */
export async function describeRefusedSession(
  userId: string,
): Promise<{ id: string; organizationId: string; cause: "deactivated" | "revoked" } | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, organizationId: true, isActive: true },
  });
  return (
    user && {
      id: user.id,
      organizationId: user.organizationId,
      cause: user.isActive ? "revoked" : "deactivated",
    }
  );
}

/** An active user as a session carries them (after a sign-in another way proved, e.g. SSO), or null. */
export async function findActiveSessionUser(userId: string): Promise<TSignedInUser | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: sessionUserSelect });
  return user?.isActive ? toSignedInUser(user) : null;
}
