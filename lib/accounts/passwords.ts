import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import { writeAuditLog } from "@/lib/audit/log";
import type { TRequestMeta } from "@/lib/audit/schemas";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { endOtherUserSessions } from "@/lib/auth/user-sessions";
import { conflict, invalid, notFound } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/config";
import { parseInput } from "@/lib/validation";
import { deliverLink } from "./deliver";
import { claimLink, findLink, issueLink, revokeLinks } from "./links";
import { SELF_SERVICE_RESET_COOLDOWN_MS, SELF_SERVICE_RESET_LIFETIME_MS } from "./link-rules";
import { isMailConfigured } from "@/lib/mail/transport";
import {
  ZForgotPasswordInput,
  ZPasswordChangeInput,
  ZPasswordResetInput,
  ZPasswordResetIssueInput,
  type TForgotPasswordInput,
  type TIssuedLink,
  type TPasswordChangeInput,
  type TPasswordResetInput,
  type TPasswordResetIssueInput,
} from "./schemas";

// Passwords people set for themselves: a change (the current one required), a reset link an
// admin issues, and "forgot password" by email when mail is configured.

/** Changes the actor's own password and ends every other session of theirs (this one stays). */
export async function changeOwnPassword(
  actor: TActor & { sessionId: string },
  input: TPasswordChangeInput,
  meta?: TRequestMeta,
): Promise<void> {
  const data = parseInput(ZPasswordChangeInput, input);
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { passwordHash: true },
  });
  // A user who signs in only through SSO has no password to change.
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, data.currentPassword))) {
    await writeAuditLog({
      organizationId: actor.organizationId,
      actorId: actor.id,
      action: "auth.password_change_failed",
      meta,
    });
    throw invalid({ currentPassword: ["accounts.password.currentWrong"] });
  }
  if (data.newPassword === data.currentPassword)
    throw invalid({ newPassword: ["accounts.password.sameAsCurrent"] });
  const passwordHash = await hashPassword(data.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
    // A reset link issued earlier (pasted in a chat, say) must not undo the change.
    await revokeLinks(tx, "PASSWORD_RESET", { userId: actor.id });
    const ended = await endOtherUserSessions(tx, actor.id, actor.sessionId);
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "auth.password_change",
        details: { endedSessions: ended },
        meta,
      },
      tx,
    );
  });
}

const resetTargetSelect = {
  id: true,
  email: true,
  locale: true,
  isActive: true,
  passwordHash: true,
  organization: { select: { id: true, name: true, defaultLocale: true } },
} as const;

type TResetTarget = Prisma.UserGetPayload<{ select: typeof resetTargetSelect }>;

/** A new reset link for the user (earlier unused ones stop working), recorded as `action`. */
async function issueResetLink(
  tx: Prisma.TransactionClient,
  user: TResetTarget,
  issue: { action: string; actorId: string; lifetimeMs?: number; now?: Date; meta?: TRequestMeta },
) {
  const now = issue.now ?? new Date();
  await revokeLinks(tx, "PASSWORD_RESET", { userId: user.id }, now);
  const link = await issueLink(
    tx,
    "PASSWORD_RESET",
    {
      organizationId: user.organization.id,
      userId: user.id,
      createdById: issue.actorId === user.id ? null : issue.actorId,
    },
    { now, ...(issue.lifetimeMs ? { lifetimeMs: issue.lifetimeMs } : {}) },
  );
  await writeAuditLog(
    {
      organizationId: user.organization.id,
      actorId: issue.actorId,
      action: issue.action,
      entityType: "User",
      entityId: user.id,
      meta: issue.meta,
    },
    tx,
  );
  return link;
}

/** The reset link's message to its user, in their language (or their organization's). */
function mailResetLink(user: TResetTarget, link: { url: string; expiresAt: Date }) {
  const locale = user.locale ?? user.organization.defaultLocale;
  return deliverLink(
    "passwordReset",
    { email: user.email, locale: isLocale(locale) ? locale : "ko" },
    { ...link, organization: user.organization.name },
  );
}

/** An admin issues a reset link for a user of their organization (mailed, or shown to hand over). */
export async function issuePasswordReset(
  actor: TActor,
  input: TPasswordResetIssueInput,
  meta?: TRequestMeta,
): Promise<TIssuedLink> {
  assertCan(actor, "user:manage");
  const { userId } = parseInput(ZPasswordResetIssueInput, input);
  const issued = await db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: { id: userId, organizationId: actor.organizationId },
      select: resetTargetSelect,
    });
    if (!user) throw notFound("User");
    if (!user.isActive) throw conflict("accounts.reset.inactive");
    // Signing in through the identity provider only: a local password would bypass it.
    if (!user.passwordHash) throw conflict("accounts.reset.ssoOnly");
    const link = await issueResetLink(tx, user, {
      action: "user.password_reset_issue",
      actorId: actor.id,
      meta,
    });
    return { user, link };
  });
  return mailResetLink(issued.user, issued.link);
}

/**
 * "Forgot password": mails a short-lived reset link when the address belongs to an active user
 * with a password and mail is configured; at most one message per account per cooldown. The
 * answer is the same in every case, and comes before the mail is sent (`delivery`), so neither
 * its content nor its timing says which addresses have accounts.
 */
export async function requestPasswordReset(
  input: TForgotPasswordInput,
  meta: TRequestMeta,
  now = new Date(),
): Promise<{ delivery: Promise<unknown> }> {
  const { email } = parseInput(ZForgotPasswordInput, input);
  if (!isMailConfigured()) return { delivery: Promise.resolve() };
  const issued = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: resetTargetSelect });
    if (!user?.isActive || !user.passwordHash) return null;
    const recent = await tx.accountToken.count({
      where: {
        userId: user.id,
        purpose: "PASSWORD_RESET",
        createdAt: { gt: new Date(now.getTime() - SELF_SERVICE_RESET_COOLDOWN_MS) },
      },
    });
    if (recent > 0) return null;
    const link = await issueResetLink(tx, user, {
      action: "auth.password_reset_request",
      actorId: user.id,
      lifetimeMs: SELF_SERVICE_RESET_LIFETIME_MS,
      now,
      meta,
    });
    return { user, link };
  });
  return { delivery: issued ? mailResetLink(issued.user, issued.link) : Promise.resolve() };
}

/** What the reset page shows before the password is chosen; null for no such link. */
export async function describePasswordReset(token: string) {
  const link = await findLink("PASSWORD_RESET", token);
  return link && { state: link.state };
}

/** Sets the new password from a reset link; every session of the user ends. */
export async function resetPassword(
  input: TPasswordResetInput,
  meta: TRequestMeta,
): Promise<{ email: string }> {
  const data = parseInput(ZPasswordResetInput, input);
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    const link = await claimLink(tx, "PASSWORD_RESET", data.token);
    const user = link.userId
      ? await tx.user.findUnique({
          where: { id: link.userId },
          select: { id: true, email: true, organizationId: true, isActive: true },
        })
      : null;
    if (!user?.isActive) throw conflict("accounts.reset.inactive");
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    await endOtherUserSessions(tx, user.id, null);
    await writeAuditLog(
      {
        organizationId: user.organizationId,
        actorId: user.id,
        action: "auth.password_reset",
        entityType: "User",
        entityId: user.id,
        details: { issuedBy: link.id },
        meta,
      },
      tx,
    );
    return { email: user.email };
  });
}
