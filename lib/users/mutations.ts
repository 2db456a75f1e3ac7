import "server-only";
import { db } from "@/lib/db/client";
import { writeAuditLog } from "@/lib/audit/log";
import { revokeLinks } from "@/lib/accounts/links";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import type { TRequestMeta } from "@/lib/audit/schemas";
import { conflict, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { wouldLeaveNoAdmin } from "./rules";
import {
  ZUserActiveChangeInput,
  ZUserRoleChangeInput,
  type TUserActiveChangeInput,
  type TUserRoleChangeInput,
} from "./schemas";

// Every function here takes the acting user first, checks its permission, and touches only rows
// of the actor's organization: an id from another organization is "not found".

export async function changeUserRole(
  actor: TActor,
  input: TUserRoleChangeInput,
  meta?: TRequestMeta,
) {
  assertCan(actor, "user:manage");
  const { userId, role } = parseInput(ZUserRoleChangeInput, input);
  await changeUser(actor, userId, (before) => ({ ...before, role }), "user.role_change", meta);
}

export async function setUserActive(
  actor: TActor,
  input: TUserActiveChangeInput,
  meta?: TRequestMeta,
) {
  assertCan(actor, "user:manage");
  const { userId, isActive } = parseInput(ZUserActiveChangeInput, input);
  if (userId === actor.id && !isActive) throw conflict("errors.cannotDeactivateSelf");
  await changeUser(
    actor,
    userId,
    (before) => ({ ...before, isActive }),
    isActive ? "user.activate" : "user.deactivate",
    meta,
  );
}

/** Ends every session of the actor, on every device, at their next request. */
export async function signOutEverywhere(actor: TActor, meta?: TRequestMeta) {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { sessionVersion: { increment: 1 } } });
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "auth.sign_out_everywhere",
        meta,
      },
      tx,
    );
  });
}

type TUserState = { role: TActor["role"]; isActive: boolean };

/**
 * Applies a role/active change in one serializable transaction, refusing to remove the last
 * admin, and bumps sessionVersion so that the user's open sessions pick it up at once.
 */
async function changeUser(
  actor: TActor,
  userId: string,
  change: (before: TUserState) => TUserState,
  action: string,
  meta?: TRequestMeta,
) {
  await db.$transaction(
    async (tx) => {
      const before = await tx.user.findFirst({
        where: { id: userId, organizationId: actor.organizationId },
        select: { role: true, isActive: true },
      });
      if (!before) throw notFound("User");
      const after = change(before);
      if (after.role === before.role && after.isActive === before.isActive) return;

      const activeAdminCount = await tx.user.count({
        where: { organizationId: actor.organizationId, role: "ADMIN", isActive: true },
      });
      if (wouldLeaveNoAdmin(before, after, activeAdminCount)) throw conflict("errors.lastAdmin");

      await tx.user.update({
        where: { id: userId },
        data: { role: after.role, isActive: after.isActive, sessionVersion: { increment: 1 } },
      });
      // A deactivated user's reset links die with their sessions (and stay dead if reactivated).
      if (!after.isActive) await revokeLinks(tx, "PASSWORD_RESET", { userId });
      await writeAuditLog(
        {
          organizationId: actor.organizationId,
          actorId: actor.id,
          action,
          entityType: "User",
          entityId: userId,
          details: { before, after },
          meta,
        },
        tx,
      );
    },
    { isolationLevel: "Serializable" },
  );
}

/** The user's own language choice, restored when they sign in on another device. */
export async function saveOwnLocale(actor: TActor, locale: "ko" | "en") {
  await db.user.update({ where: { id: actor.id }, data: { locale } });
}
