import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { TRequestMeta } from "./schemas";
import { currentRequestMeta } from "./request-context";

export type TAuditEntry = {
  organizationId: string | null;
  actorId: string | null;
  action: string;
  entityType?: string;
  entityId?: string;
  details?: Prisma.InputJsonObject;
  meta?: TRequestMeta;
};

type TTransaction = Pick<typeof db, "auditLog">;

/**
 * Appends to the audit log; pass the transaction client to record a change atomically with it.
 * Without `meta`, the address and user agent are those of the request being served, if any.
 */
export async function writeAuditLog(entry: TAuditEntry, tx: TTransaction = db): Promise<void> {
  const meta = entry.meta ?? currentRequestMeta();
  await tx.auditLog.create({
    data: {
      organizationId: entry.organizationId,
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType ?? "",
      entityId: entry.entityId ?? "",
      details: entry.details ?? {},
      ipAddress: meta?.ipAddress ?? "",
      userAgent: (meta?.userAgent ?? "").slice(0, 500),
    },
  });
}
