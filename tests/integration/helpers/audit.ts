import { db } from "@/lib/db/client";

/**
 * Audit entries that record a change, for "refused, and nothing changed" snapshots. Refusals
 * (`access.…`) are written for refused requests on purpose — a lookup of another organization's
 * id among them — and change nothing.
 */
export const countLoggedChanges = () =>
  db.auditLog.count({ where: { NOT: { action: { startsWith: "access." } } } });
