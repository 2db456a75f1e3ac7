import "server-only";
import { db } from "@/lib/db/client";
import { writeAuditLog } from "@/lib/audit/log";
import { dummyPasswordHash, verifyPassword } from "./password";
import type { TActor, TRole } from "./permissions";
import { ZSignInInput, type TRequestMeta } from "./schemas";

export type TSessionUser = TActor & {
  email: string;
  name: string;
  locale: "ko" | "en" | null;
  sessionVersion: number;
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
} as const;

function toSessionUser(row: { id: string; organizationId: string; role: TRole; email: string; name: string; locale: "ko" | "en" | null; sessionVersion: number }): TSessionUser {
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

/**
 * Checks an email and password. Returns the user, or null for any failure (unknown email,
 * wrong password, deactivated account, malformed input) without saying which.
 */
export async function verifyCredentials(rawInput: unknown, meta: TRequestMeta): Promise<TSessionUser | null> {
  const parsed = ZSignInInput.safeParse(rawInput);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;

  const user = await db.user.findUnique({ where: { email }, select: sessionUserSelect });
  const isPasswordRight = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);

  if (!user || !isPasswordRight || !user.isActive) {
    await writeAuditLog({
      organizationId: user?.organizationId ?? null,
      actorId: user?.id ?? null,
      action: "auth.sign_in_failed",
      details: { email, reason: !user ? "unknown_email" : !isPasswordRight ? "wrong_password" : "inactive" },
      meta,
    });
    return null;
  }

  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await writeAuditLog({ organizationId: user.organizationId, actorId: user.id, action: "auth.sign_in", meta });
  return toSessionUser(user);
}

/**
 * The user behind a session token, read fresh on every request: a deactivated user, a changed
 * role or a "sign out everywhere" (all bump sessionVersion) takes effect on the next request.
 */
export async function loadSessionUser(userId: string, sessionVersion: number): Promise<TSessionUser | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: sessionUserSelect });
  if (!user || !user.isActive || user.sessionVersion !== sessionVersion) return null;
  return toSessionUser(user);
}
