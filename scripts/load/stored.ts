// What the load test reads from the app's database: what the frontline user may name in an entry,
// and afterwards, whether every acknowledged answer was stored exactly once and how fast they were.
import pg from "pg";
import { DEMO_USERS } from "@/prisma/seed/demo-users";
import type { TSubmitterPlan } from "./traffic";

export const emailOf = (role: string) => DEMO_USERS.find((user) => user.role === role)!.email;

async function query<T>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** What the frontline page offers the demo frontline user: the first open journey's touchpoints, the segments, the home site. */
export async function frontlineChoices(databaseUrl: string): Promise<TSubmitterPlan["choices"]> {
  const [user] = await query<{ organizationId: string; homeSiteId: string | null }>(
    databaseUrl,
    `SELECT "organizationId", "homeSiteId" FROM "User" WHERE email = $1`,
    [emailOf("FRONTLINE")],
  );
  if (!user) throw new Error("The demo frontline user is missing");
  const touchpoints = await query<{ id: string }>(
    databaseUrl,
    `SELECT t.id FROM "Touchpoint" t
      WHERE t."journeyId" = (SELECT id FROM "Journey" WHERE "organizationId" = $1 AND "archivedAt" IS NULL ORDER BY "createdAt", id LIMIT 1)`,
    [user.organizationId],
  );
  const segments = await query<{ id: string }>(
    databaseUrl,
    `SELECT id FROM "Segment" WHERE "organizationId" = $1`,
    [user.organizationId],
  );
  if (touchpoints.length === 0)
    throw new Error("The demo organization has no open journey with touchpoints");
  return {
    touchpointIds: touchpoints.map((t) => t.id),
    segmentIds: segments.map((s) => s.id),
    siteId: user.homeSiteId,
  };
}

export type TCountCheck = {
  acknowledged: number;
  storedOnce: number;
  missing: number;
  storedTwice: number;
  unacknowledged: number;
};

/** Every acknowledged clientId stored exactly once; what else carries the run's marker is counted apart. */
export async function checkCounts(
  databaseUrl: string,
  marker: string,
  acknowledged: Set<string>,
): Promise<TCountCheck> {
  const rows = await query<{ clientId: string; n: number }>(
    databaseUrl,
    `SELECT "clientId", count(*)::int AS n FROM "Observation" WHERE comment = $1 GROUP BY "clientId"`,
    [marker],
  );
  const stored = new Map(rows.map((row) => [row.clientId, row.n]));
  let storedOnce = 0;
  let missing = 0;
  let storedTwice = 0;
  for (const clientId of acknowledged) {
    const n = stored.get(clientId) ?? 0;
    if (n === 0) missing += 1;
    else if (n === 1) storedOnce += 1;
    else storedTwice += 1;
  }
  const unacknowledged = rows.filter((row) => !acknowledged.has(row.clientId)).length;
  return { acknowledged: acknowledged.size, storedOnce, missing, storedTwice, unacknowledged };
}

/** The run's stored answers per whole 10-second window from the first one stored (a cut-off last window left out). */
export async function storedPerSecondByWindow(
  databaseUrl: string,
  marker: string,
  seconds: number,
): Promise<number[]> {
  const rows = await query<{ window: number; n: number }>(
    databaseUrl,
    `SELECT "window", count(*)::int AS n
       FROM (SELECT floor(extract(epoch FROM "createdAt" - min("createdAt") OVER ()) / 10)::int AS "window"
               FROM "Observation" WHERE comment = $1) stored
      GROUP BY "window"`,
    [marker],
  );
  const byWindow = new Map(rows.map((row) => [row.window, row.n]));
  return Array.from({ length: Math.floor(seconds / 10) }, (_, i) => (byWindow.get(i) ?? 0) / 10);
}
