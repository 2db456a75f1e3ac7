// `npm run load`: the built app on its own (loopback, port 3400, a fresh database under .data/load),
// measured two ways, both printed with issue #18's targets (scripts/bench/targets.ts):
// - realistic traffic, an open loop (open-loop.ts): 200 frontline staff each saving one entry
//   every 5 s (40 a second, each from a start phase of their own) and 20 managers each loading a
//   dashboard page every 5 s, in turn /measure, /overview, /analyze, /control; latency from each
//   request's scheduled time;
// - capacity, a closed loop: 200 connections sending with no pause.
// After each, every acknowledged answer must be stored exactly once (by clientId). Exits non-zero
// on any error or count mismatch; a missed speed target is printed, not failed. Never in `npm test`.
//   npm run load -- --seconds 10      a shorter run while developing
import { randomUUID } from "node:crypto";
import path from "node:path";
import { z } from "zod";
import { formatTargetTable, loadTargetLines, TARGETS } from "../bench/targets";
import { readCliArgs } from "../lib/cli-args";
import { formatReplicaLag, sampleReplicaLag } from "../lib/replica-lag";
import { startAppServer, type TAppServer } from "../lib/app-server";
import { openLoopSchedule, runOpenLoop } from "./open-loop";
import { signIn } from "./sign-in";
import {
  checkCounts,
  emailOf,
  frontlineChoices,
  storedPerSecondByWindow,
  type TCountCheck,
} from "./stored";
import {
  findActionId,
  runSubmitters,
  sendEntry,
  type TCrowdResult,
  type TSubmitterPlan,
} from "./traffic";

const ZCount = (fallback: number) => z.coerce.number().int().min(1).max(100_000).default(fallback);
const ZArgs = z.object({
  seconds: ZCount(TARGETS.capacitySeconds),
  staff: ZCount(200),
  entryEvery: ZCount(5),
  managers: ZCount(20),
  readEvery: ZCount(5),
  connections: ZCount(200),
  port: z.coerce.number().int().min(1024).max(65535).default(3400),
  only: z.enum(["realistic", "capacity"]).optional(),
  replica: z.boolean().default(false),
});

const USAGE = `Usage: npm run load -- [--seconds 60] [--staff 200] [--entry-every 5] [--managers 20] [--read-every 5] [--connections 200] [--port 3400] [--only realistic|capacity] [--replica]
  --seconds       how long each part runs
  --staff         realistic: frontline staff, each saving one entry every --entry-every seconds
  --managers      realistic: managers, each loading a dashboard page every --read-every seconds
  --connections   capacity: connections sending with no pause
  --only          run one part
  --replica       the dashboards read a streaming replica (DATABASE_READ_URL); its lag is printed`;

const args = readCliArgs({
  flags: {
    seconds: { type: "string" },
    staff: { type: "string" },
    "entry-every": { type: "string" },
    managers: { type: "string" },
    "read-every": { type: "string" },
    connections: { type: "string" },
    port: { type: "string" },
    only: { type: "string" },
    replica: { type: "boolean" },
  },
  schema: ZArgs,
  usage: USAGE,
  toInput: (values) => ({
    ...values,
    entryEvery: values["entry-every"],
    readEvery: values["read-every"],
  }),
});
/** What a manager reads, in turn (each manager starting at a different page). */
const READ_PATHS = ["/measure", "/overview", "/analyze", "/control"];

const root = process.cwd();

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
async function probeSend(plan: TSubmitterPlan): Promise<void> {
  const outcome = await sendEntry(plan, randomUUID(), 0);
  if (!outcome.ok) throw new Error(`A frontline send was refused (${outcome.kind})`);
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
    `Count check: ${counts.acknowledged} acknowledged; ${counts.storedOnce} stored exactly once, ${counts.missing} missing, ${counts.storedTwice} stored more than once` +
      ` (${counts.unacknowledged} more stored whose answer never arrived: sends cut off when the run ended)`,
  );
}

type TTarget = {
  baseUrl: string;
  databaseUrl: string;
  plan: TSubmitterPlan;
  managerCookie: string;
  readPaths: string[];
};
type TPartResult = { results: TCrowdResult[]; counts: TCountCheck };

/** The open loop: sends and page loads on a schedule, latency from the scheduled time. */
async function runRealistic(target: TTarget): Promise<TPartResult> {
  const plan = { ...target.plan, marker: `load-realistic-${randomUUID()}` };
  const durationMs = args.seconds * 1000;
  const sends = openLoopSchedule(args.staff, args.entryEvery * 1000, durationMs, Math.random);
  const reads = openLoopSchedule(args.managers, args.readEvery * 1000, durationMs, Math.random);
  console.log(
    `\nRealistic traffic, open loop, ${args.seconds} s: ${args.staff} frontline staff each saving an entry every ${args.entryEvery} s (${(args.staff / args.entryEvery).toFixed(1)}/s), ${args.managers} managers each loading a page every ${args.readEvery} s (${(args.managers / args.readEvery).toFixed(1)}/s: ${target.readPaths.join(", ")} in turn); latency from each request's scheduled time to the end of its answer…`,
  );
  const acknowledged = new Set<string>();
  const results = await Promise.all([
    runOpenLoop("sends", sends, args.seconds, async ({ actor, turn }, signal) => {
      const clientId = randomUUID();
      const outcome = await sendEntry(plan, clientId, turn * args.staff + actor, signal);
      if (outcome.ok) acknowledged.add(clientId);
      return outcome;
    }),
    runOpenLoop("dashboard reads", reads, args.seconds, async ({ actor, turn }, signal) => {
      const page = target.readPaths[(actor + turn) % target.readPaths.length]!;
      const answer = await fetch(`${target.baseUrl}${page}`, {
        headers: { cookie: target.managerCookie, accept: "text/html" },
        redirect: "manual",
        signal,
      });
      await answer.text(); // a streamed page is read when its last section has arrived
      return answer.status === 200
        ? { ok: true }
        : { ok: false, kind: `status ${answer.status} ${page.split("?")[0]}` };
    }),
  ]);
  const counts = await checkCounts(target.databaseUrl, plan.marker, acknowledged);
  printReport(results, counts);
  return { results, counts };
}

/** The closed loop: every connection sends again as soon as it has its answer. */
async function runCapacity(target: TTarget): Promise<TPartResult & { storedPerSecond: number }> {
  const plan = { ...target.plan, marker: `load-capacity-${randomUUID()}` };
  console.log(
    `\nCapacity, closed loop, ${args.seconds} s: ${args.connections} connections sending frontline entries with no pause…`,
  );
  const acknowledged = new Set<string>();
  const results = [await runSubmitters(plan, acknowledged)];
  const counts = await checkCounts(target.databaseUrl, plan.marker, acknowledged);
  printReport(results, counts);
  const storedPerSecond = counts.storedOnce / args.seconds;
  const windows = await storedPerSecondByWindow(target.databaseUrl, plan.marker, args.seconds);
  console.log(
    `Stored: ${storedPerSecond.toFixed(1)} acknowledged answers a second over ${args.seconds} s${windows.length ? `; by 10 s window ${windows.map((n) => n.toFixed(0)).join(", ")} (slowest ${Math.min(...windows).toFixed(0)})` : ""}`,
  );
  return { results, counts, storedPerSecond };
}

const errorsOf = (part: TPartResult) => part.results.reduce((sum, r) => sum + r.errors, 0);
const isClean = (part: TPartResult | null) =>
  !part || (errorsOf(part) === 0 && part.counts.missing === 0 && part.counts.storedTwice === 0);

async function main(): Promise<number> {
  console.log(
    `Starting the app on 127.0.0.1:${args.port} with a fresh database in .data/load (builds first if the sources changed)…`,
  );
  let server: TAppServer | undefined;
  const stop = async () => {
    await server?.stop();
    server = undefined;
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => void stop().finally(() => process.exit(130)));
  try {
    server = await startAppServer({
      root,
      port: args.port,
      dataDir: path.join(root, ".data", "load"),
      withReplica: args.replica,
    });
    const [frontlineCookie, managerCookie] = [
      await signIn(server.baseUrl, emailOf("FRONTLINE")),
      await signIn(server.baseUrl, emailOf("MANAGER")),
    ];
    const plan: TSubmitterPlan = {
      baseUrl: server.baseUrl,
      cookie: frontlineCookie,
      actionId: findActionId(root, "recordObservationsAction", "app/(app)/frontline/actions.ts"),
      connections: args.connections,
      durationSeconds: args.seconds,
      choices: await frontlineChoices(server.databaseUrl),
      marker: `load-probe-${randomUUID()}`,
    };
    await probeSend(plan);
    const readPaths: string[] = [];
    for (const pagePath of READ_PATHS)
      readPaths.push(await resolvePage(server.baseUrl, managerCookie, pagePath));
    const target = {
      baseUrl: server.baseUrl,
      databaseUrl: server.databaseUrl,
      plan,
      managerCookie,
      readPaths,
    };

    const lag = server.replica && sampleReplicaLag(server.replica);
    const realistic = args.only === "capacity" ? null : await runRealistic(target);
    const capacity = args.only === "realistic" ? null : await runCapacity(target);
    if (lag) console.log(`\n${formatReplicaLag(await lag.stop())}`);
    const latencyOf = (part: TPartResult, name: string) =>
      part.results.find((r) => r.name === name)!.latencyMs.p95;
    console.log("\nTargets (issue #18):");
    for (const line of formatTargetTable(
      loadTargetLines(
        realistic && {
          errors: errorsOf(realistic),
          sendP95Ms: latencyOf(realistic, "sends"),
          readP95Ms: latencyOf(realistic, "dashboard reads"),
          ...realistic.counts,
        },
        capacity && {
          errors: errorsOf(capacity),
          seconds: args.seconds,
          storedPerSecond: capacity.storedPerSecond,
          ...capacity.counts,
        },
      ),
    ))
      console.log(line);
    const isPassed = isClean(realistic) && isClean(capacity);
    console.log(
      isPassed
        ? "\nPASS: no errors, every acknowledged answer stored exactly once"
        : `\nFAIL: errors or answers not stored exactly once (server log: ${path.relative(root, server.logFile)})`,
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
