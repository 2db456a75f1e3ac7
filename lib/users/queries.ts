import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import type { TUserListItem } from "./schemas";

export async function listUsers(actor: TActor): Promise<TUserListItem[]> {
  assertCan(actor, "user:manage");
  return db.user.findMany({
    where: { organizationId: actor.organizationId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      isActive: true,
      lastSignInAt: true,
      createdAt: true,
    },
    orderBy: [{ isActive: "desc" }, { name: "asc" }],
  });
}
