// `npm run load`: 200 frontline staff sending observations and 20 managers reading dashboards,
// for 60 seconds, against the app started on its own (loopback, port 3400, a fresh database under
// .data/load). Prints requests, errors, latency percentiles and throughput of each crowd, then
// checks that every observation the server acknowledged is stored exactly once. Exits non-zero
// on any error or count mismatch. Never part of `npm test`.
//   npm run load -- --duration 10     a shorter run while developing
import { randomUUID } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { DEMO_USERS } from "@/prisma/seed/demo-users";
import { startAppServer, type TAppServer } from "../lib/app-server";
import { signIn } from "./sign-in";
import {
  actionRequestHeaders,
  findActionId,
  frontlineEntry,
  runReaders,
  runSubmitters,
  type TCrowdResult,
  type TSubmitterPlan,
} from "./traffic";
import { readRecordAnswer } from "./action-answer";

const { values: flags } = parseArgs({
  options: {
    duration: { type: "string", default: "60" },
    submitters: { type: "string", default: "200" },
    readers: { type: "string", default: "20" },
    port: { type: "string", default: "3400" },
  },
});
const durationSeconds = positive(flags.duration, "--duration");
const submitters = positive(flags.submitters, "--submitters");
const readers = positive(flags.readers, "--readers");
const port = positive(flags.port, "--port");
const READ_PATHS = ["/measure", "/overview"];

const root = process.cwd();
const emailOf = (role: string) => DEMO_USERS.find((user) => user.role === role)!.email;

function positive(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${flag} must be a positive whole number`);
  return value;
}

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
async function frontlineChoices(databaseUrl: string): Promise<TSubmitterPlan["choices"]> {
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

/**
 * The address a reader ends up at: /measure opens the busiest journey by redirecting to its URL,
 * which is what a manager's bookmark holds. A redirect to the sign-in page is a failure.
 */
async function resolvePage(baseUrl: string, cookie: string, pagePath: string): Promise<string> {
  let current = pagePath;
  for (let hops = 0; hops < 3; hops += 1) {
    const page = await fetch(`${baseUrl}${current}`, { headers: { cookie }, redirect: "manual" });
    if (page.status === 200) return current;
    const location = page.headers.get("location");
    if (page.status < 300 || page.status > 399 || !location)
      throw new Error(`GET ${current} answered ${page.status}`);
    const next = new URL(location, baseUrl);
    if (next.origin !== baseUrl || next.pathname === "/login")
      throw new Error(`GET ${current} sent the reader to ${location}`);
    current = `${next.pathname}${next.search}`;
  }
  throw new Error(`GET ${pagePath}: too many redirects`);
}

/** One frontline send before the crowds start, so that a wrong set-up fails clearly instead of as thousands of errors. */
async function probeSend(plan: TSubmitterPlan, acknowledged: Set<string>): Promise<void> {
  const clientId = randomUUID();
  const sent = await fetch(`${plan.baseUrl}/frontline`, {
    method: "POST",
    headers: actionRequestHeaders(plan),
    body: JSON.stringify([{ observations: [frontlineEntry(plan, clientId, 0)] }]),
  });
  const answer = readRecordAnswer(await sent.text());
  if (sent.status !== 200 || !answer.ok)
    throw new Error(
      `A frontline send was refused (status ${sent.status}, ${answer.ok ? "ok" : answer.code})`,
    );
  acknowledged.add(clientId);
}

type TCountCheck = {
  acknowledged: number;
  storedOnce: number;
  missing: number;
  storedTwice: number;
  unacknowledged: number;
};

/** Every acknowledged clientId stored exactly once; what else carries the run's marker is counted apart. */
async function checkCounts(
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

function printReport(results: TCrowdResult[], counts: TCountCheck): void {
  const header = ["", "requests", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms", "req/s"];
  const rows = results.map((r) =>
    [
      r.name,
      r.requests,
      r.errors,
      r.latencyMs.p50,
      r.latencyMs.p95,
      r.latencyMs.p99,
      r.latencyMs.max,
      r.perSecond.toFixed(1),
    ].map(String),
  );
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join("  ");
  console.log(`\n${line(header)}`);
  for (const row of rows) console.log(line(row));
  for (const r of results)
    if (r.errors) console.log(`  ${r.name} errors: ${JSON.stringify(r.errorKinds)}`);
  console.log(
    `\nCount check: ${counts.acknowledged} acknowledged; ${counts.storedOnce} stored exactly once, ${counts.missing} missing, ${counts.storedTwice} stored more than once` +
      ` (${counts.unacknowledged} more stored whose answer never arrived: sends cut off when the run ended)`,
  );
}

async function main(): Promise<number> {
  console.log(
    `Starting the app on 127.0.0.1:${port} with a fresh database in .data/load (builds first if the sources changed)…`,
  );
  let server: TAppServer | undefined;
  const stop = async () => {
    await server?.stop();
    server = undefined;
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => void stop().finally(() => process.exit(130)));
  try {
    server = await startAppServer({ root, port, dataDir: path.join(root, ".data", "load") });
    const [frontlineCookie, managerCookie] = [
      await signIn(server.baseUrl, emailOf("FRONTLINE")),
      await signIn(server.baseUrl, emailOf("MANAGER")),
    ];
    const marker = `load-${randomUUID()}`;
    const plan: TSubmitterPlan = {
      baseUrl: server.baseUrl,
      cookie: frontlineCookie,
      actionId: findActionId(root, "recordObservationsAction", "app/(app)/frontline/actions.ts"),
      connections: submitters,
      durationSeconds,
      choices: await frontlineChoices(server.databaseUrl),
      marker,
    };
    const acknowledged = new Set<string>();
    await probeSend(plan, acknowledged);
    const readPaths: string[] = [];
    for (const pagePath of READ_PATHS)
      readPaths.push(await resolvePage(server.baseUrl, managerCookie, pagePath));

    console.log(
      `Driving ${submitters} frontline submitters and ${readers} dashboard readers (${readPaths.join(", ")}) for ${durationSeconds} s…`,
    );
    const results = await Promise.all([
      runSubmitters(plan, acknowledged),
      runReaders({
        baseUrl: server.baseUrl,
        cookie: managerCookie,
        connections: readers,
        durationSeconds,
        paths: readPaths,
      }),
    ]);
    const counts = await checkCounts(server.databaseUrl, marker, acknowledged);
    printReport(results, counts);
    const isPassed =
      results.every((r) => r.errors === 0) &&
      counts.missing === 0 &&
      counts.storedTwice === 0 &&
      counts.storedOnce === counts.acknowledged;
    console.log(
      isPassed ? "\nPASS" : `\nFAIL (server log: ${path.relative(root, server.logFile)})`,
    );
    return isPassed ? 0 : 1;
  } finally {
    await stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
