// `npm run bench [-- --sizes 1000000,10000000 --runs 30 --raw-runs 5 --browser-runs 5 --no-browser]`:
// the scale benchmark (docs/SCALING.md). For each size it seeds (or reuses) a large organization
// with `npm run seed:large`'s generator in its own embedded PostgreSQL (.data/bench-large, kept
// between runs: `MOMENTS_DATA_DIR=.data/bench-large npm start` opens it in the app), then prints the
// server-side p50/p95 of every read of the Measure view and of a touchpoint's drill-down, of the
// whole view, the fix-first ranking, the overview and a control chart, from the rollups and from
// the raw observations in the same run, with their ratio. On the largest size it loads pages in
// headless Chromium: the LCP of /measure, /overview, /analyze and /control, the gzipped JavaScript
// of /frontline. It ends with issue #18's targets, each met, MISSED or not evaluated (targets.ts);
// it asserts nothing (tests do not time things).
import path from "node:path";
import { z } from "zod";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { readCliArgs } from "../lib/cli-args";
import { createLoadProgressBar } from "../seed-large/progress-bar";
import type { TSeedLargeResult } from "../seed-large/seed-large-organization";
import { percentile } from "./bench-database";
import { count, kb, ms } from "../lib/figures";
import type { TRouteFigures } from "./browser";
import type { TReadFigures } from "./dashboard-reads";
import {
  benchTargetLines,
  formatTargetTable,
  FRONTLINE_ROUTE,
  LCP_ROUTES,
  TARGETS,
} from "./targets";

const ZArgs = z.object({
  sizes: z
    .string()
    .default("1000000,10000000")
    .transform((text) => text.split(",").map(Number))
    .pipe(z.array(z.number().int().min(1000).max(50_000_000)).min(1)),
  runs: z.coerce.number().int().min(1).max(1000).default(30),
  rawRuns: z.coerce.number().int().min(1).max(100).default(5),
  browserRuns: z.coerce.number().int().min(1).max(50).default(5),
  browser: z.boolean().default(true),
  port: z.coerce.number().int().min(1024).max(65535).default(3400),
});

const USAGE = `Usage: npm run bench -- [--sizes 1000000,10000000] [--runs 30] [--raw-runs 5] [--browser-runs 5] [--no-browser] [--port 3400]
  --sizes         observations per bench organization (each its own, seeded once and reused)
  --runs          timed runs of each read from the rollups (p50/p95)
  --raw-runs      timed runs of each read from the raw observations (slow at 10M)
  --browser-runs  page loads per route for the LCP, on the largest size
  --no-browser    skip the browser part
  --port          where the browser part starts the app`;

const args = readCliArgs({
  flags: {
    sizes: { type: "string" },
    runs: { type: "string" },
    "raw-runs": { type: "string" },
    "browser-runs": { type: "string" },
    "no-browser": { type: "boolean" },
    port: { type: "string" },
  },
  schema: ZArgs,
  usage: USAGE,
  toInput: (values) => ({
    sizes: values.sizes,
    runs: values.runs,
    rawRuns: values["raw-runs"],
    browserRuns: values["browser-runs"],
    browser: !values["no-browser"],
    port: values.port,
  }),
});
const dataDir = path.resolve(".data", "bench-large", "postgres");
const LABEL_WIDTH = 60;
console.log(
  `Scale benchmark: ${args.sizes.map(count).join(" and ")} observations; embedded PostgreSQL in ${path.relative(process.cwd(), dataDir)} (kept for the next run).`,
);
const database = await startEmbeddedPostgres({
  dataDir,
  database: "moments",
  log: (line) => console.error(line),
});
let exitCode = 0;
try {
  await migrate(database.ownerUrl, { appUrl: database.url });
  // The app's modules read DATABASE_URL when first imported: only from here on.
  process.env.DATABASE_URL = database.url;
  // The whole view's eleven reads run side by side; from the raw table at 10M each takes seconds,
  // and the app's default pool (10, 10 s to get a connection) would refuse the last one.
  process.env.DATABASE_POOL_MAX ??= "20";
  process.env.DATABASE_CONNECTION_TIMEOUT_MS ??= "60000";
  const { seedLargeOrganization } = await import("../seed-large/seed-large-organization");
  const { prepareBenchReads, timeRead } = await import("./dashboard-reads");

  const results: { size: number; seed: TSeedLargeResult; reads: TReadFigures[] }[] = [];
  for (const size of args.sizes) {
    const seed = await seedOrganization(seedLargeOrganization, size);
    const reads = await prepareBenchReads(seed.organizationId);
    const figures: TReadFigures[] = [];
    console.log(
      `\n${count(size)} observations — server time of each read (ms), ${args.runs} runs from the rollups, ${args.rawRuns} from the raw table:`,
    );
    console.log(
      `  ${"read".padEnd(LABEL_WIDTH)} ${"rollup p50".padStart(10)} ${"p95".padStart(8)} ${"raw p50".padStart(10)} ${"p95".padStart(8)} ${"raw/rollup".padStart(11)}`,
    );
    for (const read of reads) {
      const timed = await timeRead(read, { rollup: args.runs, raw: args.rawRuns });
      const { rollup, raw } = timed;
      figures.push(timed);
      console.log(
        `  ${timed.label.padEnd(LABEL_WIDTH)} ${ms(rollup.p50).padStart(10)} ${ms(rollup.p95).padStart(8)} ${ms(raw.p50).padStart(10)} ${ms(raw.p95).padStart(8)} ${`×${(raw.p50 / rollup.p50).toFixed(1)}`.padStart(11)}`,
      );
    }
    results.push({ size, seed, reads: figures });
  }

  const largest = results.reduce((a, b) => (b.size > a.size ? b : a));
  const pages = args.browser ? await measurePages(largest.seed) : null;
  printTargets(results, largest, pages);
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  // Stopping the server ends pooled connections with 57P01 ("terminating connection"): expected here.
  process.on("uncaughtException", (error: Error & { code?: string }) => {
    if (error.code !== "57P01") throw error;
  });
  await database.stop();
}
process.exit(exitCode);

async function seedOrganization(
  seed: typeof import("../seed-large/seed-large-organization").seedLargeOrganization,
  size: number,
): Promise<TSeedLargeResult> {
  const bar = createLoadProgressBar();
  // Only a run that loads rows draws the bar (one that reuses them reports once, with nothing added).
  const result = await seed({
    observations: size,
    orgSlug: slugOf(size),
    databaseUrl: database.url,
    onProgress: (progress) => progress.added > 0 && bar.update(progress),
  });
  bar.stop();
  const seeded = result.added
    ? `seeded ${count(result.added)} rows in ${result.loadSeconds.toFixed(0)} s`
    : "reused";
  const rollups =
    result.rollups.rebuilt && result.rollups.rows
      ? `, rollups rebuilt in ${result.rollups.seconds.toFixed(0)} s`
      : "";
  console.log(
    `\nOrganization ${result.orgSlug}: ${count(result.total)} observations (${seeded}${rollups}).`,
  );
  await printTableSizes(result.organizationId);
  return result;
}

async function printTableSizes(organizationId: string): Promise<void> {
  const { db } = await import("@/lib/db/client");
  const { countRollupRows, ROLLUP_TABLES } = await import("@/lib/observations/rollups");
  const rows = await countRollupRows(organizationId);
  const tables = ["Observation", ...ROLLUP_TABLES];
  const bytes = await db.$queryRaw<{ name: string; bytes: bigint }[]>`
    SELECT name, pg_total_relation_size(format('%I', name)) AS bytes FROM unnest(${tables}::text[]) AS name`;
  const mb = (n: bigint) => `${Math.round(Number(n) / 1024 / 1024).toLocaleString("en")} MB`;
  console.log(
    `  rollup rows: ${Object.entries(rows)
      .map(([name, n]) => `${count(n)} ${name}`)
      .join(", ")}`,
  );
  console.log(
    `  on disk with indexes, all organizations: ${bytes.map((table) => `${table.name} ${mb(table.bytes)}`).join(", ")}`,
  );
}

async function measurePages(seed: TSeedLargeResult): Promise<TRouteFigures[]> {
  const { measureRoutes } = await import("./browser");
  // A manager opens every route (an executive has no frontline page).
  const manager = seed.signIns.find((user) => user.role === "MANAGER")!;
  console.log(
    `\nPages in headless Chromium, signed in as ${manager.email} (${count(seed.total)} observations), ${args.browserRuns} loads each, a fresh browser cache every load:`,
  );
  const pages = await measureRoutes({
    databaseUrl: database.url,
    databaseOwnerUrl: database.ownerUrl,
    email: manager.email,
    password: seed.password,
    routes: [...LCP_ROUTES, FRONTLINE_ROUTE],
    runs: args.browserRuns,
    port: args.port,
    log: (line) => console.error(line),
  });
  for (const page of pages) {
    console.log(
      `  ${page.route.padEnd(12)} LCP p50 ${ms(percentile(page.lcpMs, 50))} ms, p95 ${ms(percentile(page.lcpMs, 95))} ms; JavaScript ${kb(page.jsGzipBytes)} gzipped in ${page.jsFiles} files`,
    );
    console.log(
      `  ${"".padEnd(12)} largest: ${page.scripts
        .slice(0, 4)
        .map((script) => `${script.file} ${kb(script.gzipBytes)}`)
        .join(", ")}`,
    );
  }
  return pages;
}

function printTargets(
  results: { size: number; reads: TReadFigures[] }[],
  largest: { size: number },
  pages: TRouteFigures[] | null,
): void {
  const lines = benchTargetLines(
    results.map(({ size, reads }) => ({
      size,
      reads: reads.map(({ key, label, kind, rollup }) => ({
        key,
        label,
        kind,
        rollupP95Ms: rollup.p95,
      })),
    })),
    pages?.map((page) => ({
      route: page.route,
      lcpP95Ms: percentile(page.lcpMs, 95),
      jsGzipBytes: page.jsGzipBytes,
    })) ?? null,
  );
  console.log(
    `\nTargets (issue #18; server time and LCP set for ${count(TARGETS.fullSize)} observations, figures here at ${count(largest.size)}${largest.size < TARGETS.fullSize ? ": those are printed, not evaluated" : ""}):`,
  );
  for (const line of formatTargetTable(lines)) console.log(line);
}

/** "bench-1m", "bench-10m", "bench-250k": one organization per size, reused by the next run. */
function slugOf(size: number): string {
  const label =
    size % 1_000_000 === 0
      ? `${size / 1_000_000}m`
      : size % 1000 === 0
        ? `${size / 1000}k`
        : String(size);
  return `bench-${label}`;
}
