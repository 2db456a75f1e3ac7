// Tenant isolation answers an id of another organization with "not found", exactly like an unknown
// id. Such a lookup is also how a user probing other tenants shows, so it is written to the audit
// log of the asking organization (lib/audit/refusals.ts, bounded). The data layer notices it, in one
// place for every domain function: a lookup by one `id` scoped to one `organizationId` that finds
// nothing is checked once more without the organization (lib/db/client.ts). Pure here: which
// queries are such lookups.

/** A lookup of one id in one organization that found nothing. */
export type TMissedLookup = { id: string; organizationId: string };

/** Reads and writes whose "nothing" the domain turns into "not found". */
const LOOKUPS = new Set([
  "findFirst",
  "findUnique",
  "findMany",
  "count",
  "updateMany",
  "deleteMany",
]);

/** The lookup this query was, when it asked for one id of one organization and found nothing. */
export function missedLookupOf(
  operation: string,
  args: unknown,
  result: unknown,
): TMissedLookup | null {
  if (!LOOKUPS.has(operation) || !foundNothing(result)) return null;
  const where = (args as { where?: Record<string, unknown> } | undefined)?.where;
  const id = where?.id;
  const organizationId = where?.organizationId;
  if (typeof id !== "string" || typeof organizationId !== "string") return null;
  return { id, organizationId };
}

function foundNothing(result: unknown): boolean {
  if (result === null || result === 0) return true;
  if (Array.isArray(result)) return result.length === 0;
  return (result as { count?: unknown } | undefined)?.count === 0;
}
