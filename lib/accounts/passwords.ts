import "server-only";
import { db } from "@/lib/db/client";
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
      select: { id: true, email: true, locale: true, isActive: true, organization: true },
    });
    if (!user) throw notFound("User");
    if (!user.isActive) throw conflict("accounts.reset.inactive");
    await revokeLinks(tx, "PASSWORD_RESET", { userId });
    const link = await issueLink(tx, "PASSWORD_RESET", {
      organizationId: actor.organizationId,
      userId,
      createdById: actor.id,
    });
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "user.password_reset_issue",
        entityType: "User",
        entityId: userId,
        meta,
      },
      tx,
    );
    return { user, link };
  });
  return deliverLink(
    "passwordReset",
    {
      email: issued.user.email,
      locale: issued.user.locale ?? issued.user.organization.defaultLocale,
    },
    { ...issued.link, organization: issued.user.organization.name },
  );
}

/**
 * "Forgot password": mails a short-lived reset link when the address belongs to an active user and
 * mail is configured. The caller's answer is the same in every case, so it says nothing about
 * which addresses have accounts; at most one message per account per cooldown.
 */
export async function requestPasswordReset(
  input: TForgotPasswordInput,
  meta: TRequestMeta,
  now = new Date(),
): Promise<void> {
  const { email } = parseInput(ZForgotPasswordInput, input);
  if (!isMailConfigured()) return;
  const issued = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { email },
      select: { id: true, email: true, locale: true, isActive: true, organization: true },
    });
    if (!user?.isActive) return null;
    const recent = await tx.accountToken.count({
      where: {
        userId: user.id,
        purpose: "PASSWORD_RESET",
        createdAt: { gt: new Date(now.getTime() - SELF_SERVICE_RESET_COOLDOWN_MS) },
      },
    });
    if (recent > 0) return null;
    await revokeLinks(tx, "PASSWORD_RESET", { userId: user.id }, now);
    const link = await issueLink(
      tx,
      "PASSWORD_RESET",
      { organizationId: user.organization.id, userId: user.id },
      { now, lifetimeMs: SELF_SERVICE_RESET_LIFETIME_MS },
    );
    await writeAuditLog(
      {
        organizationId: user.organization.id,
        actorId: user.id,
        action: "auth.password_reset_request",
        meta,
      },
      tx,
    );
    return { user, link };
  });
  if (!issued) return;
  const locale = issued.user.locale ?? issued.user.organization.defaultLocale;
  await deliverLink(
    "passwordReset",
    { email: issued.user.email, locale: isLocale(locale) ? locale : "ko" },
    { ...issued.link, organization: issued.user.organization.name },
  );
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
