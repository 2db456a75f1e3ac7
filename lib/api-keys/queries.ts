import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import type { TApiKeyListItem } from "./schemas";

/** The organization's keys, active ones first, newest first. */
export async function listApiKeys(actor: TActor): Promise<TApiKeyListItem[]> {
  assertCan(actor, "apikey:manage");
  const keys = await db.apiKey.findMany({
    where: { organizationId: actor.organizationId },
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { name: true } },
    },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
  return keys.map(({ createdBy, ...key }) => ({ ...key, createdByName: createdBy?.name ?? null }));
}
