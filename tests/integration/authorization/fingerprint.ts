import { db } from "@/lib/db/client";

// "Nothing changed" as the database sees it: per table, the row count and an md5 of every row's
// text. Two fingerprints are equal exactly when no row was inserted, updated or deleted — the
// audit log included, but for the entries that record a refusal (action "access.…",
// lib/audit/refusals.ts): a refused request is expected to leave exactly that trace. Scoped to
// one organization, it covers that organization's rows only.

type TTable = { name: string; hasOrganization: boolean };
let tables: Promise<TTable[]> | undefined;

function listTables(): Promise<TTable[]> {
  tables ??= db.$queryRaw<{ name: string; hasOrganization: boolean }[]>`
    SELECT table_name AS name, bool_or(column_name = 'organizationId') AS "hasOrganization"
    FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'
    GROUP BY table_name ORDER BY table_name`;
  return tables;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Table -> "rows:md5". With an organization id: that organization's rows only (its own row in Organization). */
export async function fingerprint(organizationId?: string): Promise<Record<string, string>> {
  const all = await listTables();
  const parts = all.map(({ name, hasOrganization }) => {
    const scope =
      organizationId === undefined
        ? ""
        : hasOrganization
          ? `x."organizationId" = $1`
          : name === "Organization"
            ? `x.id = $1`
            : "";
    // A refused request is written to the audit log on purpose (access.*, lib/audit/refusals.ts):
    // that entry is the record of the refusal, not a change the request made.
    const where = [scope, name === "AuditLog" ? `x.action NOT LIKE 'access.%'` : ""]
      .filter(Boolean)
      .join(" AND ");
    return `SELECT '${name}' AS t, count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${quote(name)} x ${where ? `WHERE ${where}` : ""}`;
  });
  const sql = parts.join(" UNION ALL ");
  const rows =
    organizationId === undefined
      ? await db.$queryRawUnsafe<{ t: string; n: number; h: string }[]>(sql)
      : await db.$queryRawUnsafe<{ t: string; n: number; h: string }[]>(sql, organizationId);
  return Object.fromEntries(rows.map((row) => [row.t, `${row.n}:${row.h}`]));
}

/** The tables whose fingerprint differs. */
export function changedTables(
  before: Record<string, string>,
  after: Record<string, string>,
): string[] {
  return Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
}
