import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { auditRefusal } from "@/lib/audit/refusals";
import { readSessionRequestWith } from "@/lib/audit/request-context";
import { auth } from "./auth";
import { can, type TPermission } from "./permissions";
import { requestMetaFrom } from "@/lib/audit/request-meta";
import type { TRequestMeta } from "@/lib/audit/schemas";
import { describeRefusedSession, loadSessionUser, type TSessionUser } from "./session-user";

type TSessionState = {
  user: TSessionUser | null;
  /** A session token that names a user but no longer counts (deactivated, role changed, signed out everywhere). */
  refusedUserId: string | null;
};

/** The session of this request, re-read from the database once per request. */
const getSessionState = cache(async (): Promise<TSessionState> => {
  const session = await auth();
  if (!session?.userId) return { user: null, refusedUserId: null };
  const user = await loadSessionUser(session.userId, session.sessionVersion, session.sessionId);
  return { user, refusedUserId: user ? null : session.userId };
});

/** The signed-in user, re-read from the database once per request; null when signed out or revoked. */
export async function getCurrentUser(): Promise<TSessionUser | null> {
  return (await getSessionState()).user;
}

readSessionRequestWith(async () => ({
  actor: await getCurrentUser(),
  meta: requestMetaFrom(await headers()),
}));

/**
 * Writes to the audit log that this request carried a session that no longer counts, if it did
 * (bounded, see lib/audit/refusals.ts). A request without any session is not written.
 */
export async function auditRefusedSession(
  meta: TRequestMeta,
  details: Record<string, string> = {},
): Promise<void> {
  const { refusedUserId } = await getSessionState();
  const owner = refusedUserId ? await describeRefusedSession(refusedUserId) : null;
  if (!owner) return;
  await auditRefusal({
    kind: "session_revoked",
    organizationId: owner.organizationId,
    actorId: owner.id,
    details: { cause: owner.cause, ...details },
    meta,
  });
}

/**
 * For route handlers: the signed-in user, or null. A session that no longer counts is written to
 * the audit log with the path asked for, as pages and server actions write it.
 */
export async function getRouteUser(request: Request): Promise<TSessionUser | null> {
  const user = await getCurrentUser();
  if (!user)
    await auditRefusedSession(requestMetaFrom(request.headers), {
      path: new URL(request.url).pathname,
    });
  return user;
}

/**
 * For pages: sends signed-out users to the sign-in page and answers 403 without the permission.
 * Both refusals of a known user are written to the audit log.
 */
export async function requireUser(permission?: TPermission): Promise<TSessionUser> {
  const user = await getCurrentUser();
  if (!user) {
    await auditRefusedSession(requestMetaFrom(await headers()));
    redirect("/login");
  }
  if (permission && !can(user.role, permission)) {
    await auditRefusal({
      kind: "forbidden",
      organizationId: user.organizationId,
      actorId: user.id,
      details: { permission },
      meta: requestMetaFrom(await headers()),
    });
    forbidden();
  }
  return user;
}
