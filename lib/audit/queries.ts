import "server-only";
import { db, Prisma } from "@/lib/db/client";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { invalid } from "@/lib/errors";
import { addDays, startOfLocalDay } from "@/lib/dates/local-days";
import {
  AUDIT_PAGE_SIZE,
  ZAuditCursor,
  type TAuditLogEntry,
  type TAuditLogFilter,
  type TAuditLogFilterOptions,
  type TAuditLogPage,
} from "./schemas";

// The audit log viewer's reads: admins only, one organization's entries, newest first, paged by
// id (keyset: a page costs the same on the first day and after a million entries; an entry
// written meanwhile never shifts a page). Entries without an organization (a sign-in attempt with
// an email nobody has) belong to no tenant and are not shown to any.

const entrySelect = {
  id: true,
  createdAt: true,
  action: true,
  entityType: true,
  entityId: true,
  details: true,
  ipAddress: true,
  userAgent: true,
  actor: { select: { id: true, name: true, email: true } },
} as const;

function whereOf(actor: TActor, filter: TAuditLogFilter): Prisma.AuditLogWhereInput {
  // Checked here too, whoever built the filter: a cursor beyond bigint would fail in PostgreSQL (a 500).
  if (filter.before !== undefined && !ZAuditCursor.safeParse(filter.before).success)
    throw invalid({ before: ["validation.invalidFormat"] });
  return {
    organizationId: actor.organizationId,
    // Prisma passes the prefix to LIKE as it is: "_" must match an underscore, not any character.
    ...(filter.action ? { action: { startsWith: filter.action.replace(/[\\%_]/g, "\\$&") } } : {}),
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.entityId ? { entityId: filter.entityId } : {}),
    ...(filter.from || filter.to
      ? {
          createdAt: {
            ...(filter.from ? { gte: startOfLocalDay(filter.from) } : {}),
            ...(filter.to ? { lt: startOfLocalDay(addDays(filter.to, 1)) } : {}),
          },
        }
      : {}),
    ...(filter.before ? { id: { lt: BigInt(filter.before) } } : {}),
  };
}

type TEntryRow = Prisma.AuditLogGetPayload<{ select: typeof entrySelect }>;

function toEntry(row: TEntryRow): TAuditLogEntry {
  const details = row.details;
  return {
    id: row.id.toString(),
    at: row.createdAt.toISOString(),
    action: row.action,
    actor: row.actor,
    entityType: row.entityType,
    entityId: row.entityId,
    details:
      details && typeof details === "object" && !Array.isArray(details)
        ? (details as Record<string, unknown>)
        : {},
    ipAddress: row.ipAddress,
    userAgent: row.userAgent,
  };
}

/** One page of the organization's audit log, newest first, and the cursor of the next (older) page. */
export async function listAuditLog(
  actor: TActor,
  filter: TAuditLogFilter,
  pageSize = AUDIT_PAGE_SIZE,
): Promise<TAuditLogPage> {
  assertCan(actor, "audit:read");
  const rows = await db.auditLog.findMany({
    where: whereOf(actor, filter),
    orderBy: { id: "desc" },
    take: pageSize + 1,
    select: entrySelect,
  });
  const entries = rows.slice(0, pageSize).map(toEntry);
  return { entries, nextCursor: rows.length > pageSize ? entries.at(-1)!.id : null };
}

/**
 * Every entry the filter selects, newest first, in batches (for the CSV export): memory stays
 * bounded whatever the size of the log. Stops after `limit` entries.
 */
export async function* readAuditLog(
  actor: TActor,
  filter: TAuditLogFilter,
  limit: number,
  batchSize = 1000,
): AsyncGenerator<TAuditLogEntry[]> {
  assertCan(actor, "audit:read");
  let cursor = filter.before;
  let remaining = limit;
  while (remaining > 0) {
    const page = await listAuditLog(
      actor,
      { ...filter, before: cursor },
      Math.min(batchSize, remaining),
    );
    if (page.entries.length > 0) yield page.entries;
    remaining -= page.entries.length;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

/**
 * The values the log of the organization holds, for the filter form. Distinct actions and entity
 * types are read by skipping through their indexes (one probe per distinct value), not by
 * scanning the log.
 */
export async function listAuditLogFilterOptions(actor: TActor): Promise<TAuditLogFilterOptions> {
  assertCan(actor, "audit:read");
  const organizationId = actor.organizationId;
  const [actors, actions, entityTypes] = await Promise.all([
    db.user.findMany({
      where: { organizationId },
      select: { id: true, name: true, email: true },
      orderBy: { name: "asc" },
    }),
    db.$queryRaw<Array<{ value: string }>>`
      WITH RECURSIVE distinct_values(value) AS (
        (SELECT "action" FROM "AuditLog" WHERE "organizationId" = ${organizationId} ORDER BY "action" LIMIT 1)
        UNION ALL
        SELECT (SELECT "action" FROM "AuditLog" WHERE "organizationId" = ${organizationId} AND "action" > d.value ORDER BY "action" LIMIT 1)
        FROM distinct_values d WHERE d.value IS NOT NULL)
      SELECT value FROM distinct_values WHERE value IS NOT NULL`,
    db.$queryRaw<Array<{ value: string }>>`
      WITH RECURSIVE distinct_values(value) AS (
        (SELECT "entityType" FROM "AuditLog" WHERE "organizationId" = ${organizationId} ORDER BY "entityType" LIMIT 1)
        UNION ALL
        SELECT (SELECT "entityType" FROM "AuditLog" WHERE "organizationId" = ${organizationId} AND "entityType" > d.value ORDER BY "entityType" LIMIT 1)
        FROM distinct_values d WHERE d.value IS NOT NULL)
      SELECT value FROM distinct_values WHERE value IS NOT NULL AND value <> ''`,
  ]);
  return {
    actors,
    actions: actions.map((row) => row.value),
    entityTypes: entityTypes.map((row) => row.value),
  };
}
