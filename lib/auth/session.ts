import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { auth } from "./auth";
import { can, type TPermission } from "./permissions";
import { loadSessionUser, type TSessionUser } from "./session-user";

/** The signed-in user, re-read from the database once per request; null when signed out or revoked. */
export const getCurrentUser = cache(async (): Promise<TSessionUser | null> => {
  const session = await auth();
  if (!session?.userId) return null;
  return loadSessionUser(session.userId, session.sessionVersion);
});

/** For pages: sends signed-out users to the sign-in page and answers 403 without the permission. */
export async function requireUser(permission?: TPermission): Promise<TSessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (permission && !can(user.role, permission)) forbidden();
  return user;
}
