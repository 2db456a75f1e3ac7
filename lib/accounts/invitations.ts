import "server-only";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { writeAuditLog } from "@/lib/audit/log";
import type { TRequestMeta } from "@/lib/audit/schemas";
import { hashPassword } from "@/lib/auth/password";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { invalid, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { deliverLink } from "./deliver";
import { claimLink, findLink, issueLink, revokeLinks } from "./links";
import {
  ZAcceptInvitationInput,
  ZInvitationInput,
  ZInvitationRevokeInput,
  type TAcceptInvitationInput,
  type TInvitationInput,
  type TInvitationListItem,
  type TInvitationRevokeInput,
  type TIssuedLink,
} from "./schemas";

// An admin invites a person by email and role; the person sets their own name and password
// through the single-use link. Admins never type or see anyone's password.

export async function inviteUser(
  actor: TActor,
  input: TInvitationInput,
  meta?: TRequestMeta,
): Promise<TIssuedLink> {
  assertCan(actor, "user:manage");
  const data = parseInput(ZInvitationInput, input);
  const issued = await db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: data.email }, select: { id: true } }))
      throw invalid({ email: ["validation.emailTaken"] });
    // Inviting again replaces the earlier link: only the newest one works.
    const replaced = await revokeLinks(tx, "INVITATION", {
      organizationId: actor.organizationId,
      email: data.email,
    });
    const link = await issueLink(tx, "INVITATION", {
      organizationId: actor.organizationId,
      email: data.email,
      role: data.role,
      locale: data.locale,
      createdById: actor.id,
    });
    const organization = await tx.organization.findUniqueOrThrow({
      where: { id: actor.organizationId },
      select: { name: true },
    });
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "user.invite",
        entityType: "AccountToken",
        entityId: link.id,
        details: { email: data.email, role: data.role, replaced },
        meta,
      },
      tx,
    );
    return { ...link, organization: organization.name };
  });
  return deliverLink("invitation", { email: data.email, locale: data.locale }, issued);
}

export async function listInvitations(actor: TActor): Promise<TInvitationListItem[]> {
  assertCan(actor, "user:manage");
  const rows = await db.accountToken.findMany({
    where: {
      organizationId: actor.organizationId,
      purpose: "INVITATION",
      usedAt: null,
      revokedAt: null,
    },
    select: {
      id: true,
      email: true,
      role: true,
      createdAt: true,
      expiresAt: true,
      createdBy: { select: { name: true } },
    },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((row) => ({
    id: row.id,
    email: row.email ?? "",
    role: row.role ?? "FRONTLINE",
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    invitedBy: row.createdBy?.name ?? null,
  }));
}

export async function revokeInvitation(
  actor: TActor,
  input: TInvitationRevokeInput,
  meta?: TRequestMeta,
): Promise<void> {
  assertCan(actor, "user:manage");
  const { invitationId } = parseInput(ZInvitationRevokeInput, input);
  await db.$transaction(async (tx) => {
    const invitation = await tx.accountToken.findFirst({
      where: { id: invitationId, organizationId: actor.organizationId, purpose: "INVITATION" },
      select: { email: true },
    });
    if (!invitation) throw notFound("Invitation");
    const revoked = await revokeLinks(tx, "INVITATION", { id: invitationId });
    if (!revoked) return;
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "user.invitation_revoke",
        entityType: "AccountToken",
        entityId: invitationId,
        details: { email: invitation.email ?? "" },
        meta,
      },
      tx,
    );
  });
}

/** What the invitation page shows before the person accepts; null for no such link. */
export async function describeInvitation(token: string) {
  const link = await findLink("INVITATION", token);
  return (
    link && {
      state: link.state,
      email: link.email ?? "",
      role: link.role ?? "FRONTLINE",
      organization: link.organization?.name ?? "",
    }
  );
}

/** The invited person sets their name and password; the account exists from then on. */
export async function acceptInvitation(
  input: TAcceptInvitationInput,
  meta: TRequestMeta,
): Promise<{ email: string }> {
  const data = parseInput(ZAcceptInvitationInput, input);
  const passwordHash = await hashPassword(data.password);
  return db
    .$transaction(async (tx) => {
      const link = await claimLink(tx, "INVITATION", data.token);
      const email = link.email ?? "";
      if (!link.organizationId || !email) throw notFound("Invitation");
      if (await tx.user.findUnique({ where: { email }, select: { id: true } }))
        throw invalid({ token: ["accounts.invite.emailTaken"] });
      const user = await tx.user.create({
        data: {
          organizationId: link.organizationId,
          email,
          name: data.name,
          role: link.role ?? "FRONTLINE",
          locale: link.locale,
          passwordHash,
        },
        select: { id: true },
      });
      await writeAuditLog(
        {
          organizationId: link.organizationId,
          actorId: user.id,
          action: "user.invitation_accept",
          entityType: "User",
          entityId: user.id,
          details: { email, role: link.role ?? "FRONTLINE", invitation: link.id },
          meta,
        },
        tx,
      );
      return { email };
    })
    .catch((error: unknown) => {
      // The same link accepted twice at once, or the email taken meanwhile: the loser is told.
      if (isUniqueViolation(error)) throw invalid({ token: ["accounts.invite.emailTaken"] });
      throw error;
    });
}
