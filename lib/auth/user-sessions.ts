import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import { writeAuditLog } from "@/lib/audit/log";
import type { TRequestMeta } from "@/lib/audit/schemas";

// The server side of a session cookie (UserSession): each sign-in starts one, the cookie names it,
// and a session that has ended is refused on its next request (lib/auth/session-user.ts).

export async function startUserSession(userId: string): Promise<string> {
  const session = await db.userSession.create({ data: { userId }, select: { id: true } });
  return session.id;
}

/** Signing out: ends the session (once) and records it. */
export async function endUserSession(sessionId: string, meta: TRequestMeta): Promise<void> {
  await db.$transaction(async (tx) => {
    const session = await tx.userSession.findUnique({
      where: { id: sessionId },
      select: { endedAt: true, user: { select: { id: true, organizationId: true } } },
    });
    if (!session || session.endedAt) return;
    await tx.userSession.update({ where: { id: sessionId }, data: { endedAt: new Date() } });
    await writeAuditLog(
      {
        organizationId: session.user.organizationId,
        actorId: session.user.id,
        action: "auth.sign_out",
        meta,
      },
      tx,
    );
  });
}

/** Ends every session of the user but `keepSessionId` (the one asking), e.g. after a password change. */
export async function endOtherUserSessions(
  tx: Prisma.TransactionClient,
  userId: string,
  keepSessionId: string | null,
  now = new Date(),
): Promise<number> {
  const { count } = await tx.userSession.updateMany({
    where: { userId, endedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
    data: { endedAt: now },
  });
  return count;
}
