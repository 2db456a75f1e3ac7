// `npm run bench [-- --sizes 1000000,10000000 --runs 30 --raw-runs 5 --browser-runs 5 --no-browser]`:
// the scale benchmark (docs/SCALING.md). For each size it seeds (or reuses) a large organization
// with `npm run seed:large`'s generator in its own embedded PostgreSQL (.data/bench-large, kept
// between runs: `MOMENTS_DATA_DIR=.data/bench-large npm start` opens it in the app), then prints,
// for the fix-first ranking, the gap analysis, the overview and a control chart, the server-side
// p50/p95 from the rollups and from the raw observations in the same run, with their ratio. On the
// largest size it loads pages in headless Chromium: the overview's LCP and the gzipped JavaScript
// of the dashboard and frontline routes. It prints the scale targets beside the figures; it
// asserts nothing (tests do not time things).
import path from "node:path";
import { z } from "zod";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { readCliArgs } from "../lib/cli-args";
import { createLoadProgressBar } from "../seed-large/progress-bar";
import type { TSeedLargeResult } from "../seed-large/seed-large-organization";
import { percentile } from "./bench-database";
import type { TRouteFigures } from "./browser";
import type { TDashboardRead, TReadFigures } from "./dashboard-reads";

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
});

const USAGE = `Usage: npm run bench -- [--sizes 1000000,10000000] [--runs 30] [--raw-runs 5] [--browser-runs 5] [--no-browser]
  --sizes         observations per bench organization (each its own, seeded once and reused)
  --runs          timed runs of each read from the rollups (p50/p95)
  --raw-runs      timed runs of each read from the raw observations (slow at 10M)
  --browser-runs  page loads per route for the LCP, on the largest size
  --no-browser    skip the browser part`;

/** The scale targets, on this 2-core machine at 10,000,000 observations. */
const TARGETS = {
  p95Ms: 200,
  speedUp: 20,
  lcpMs: 1500,
  frontlineGzipBytes: 150 * 1024,
  rankingGrowth: 2,
};
const ROUTES = { dashboard: "/overview", measure: "/measure", frontline: "/frontline" } as const;
const DASHBOARD_LABELS: Record<"ranking" | "overview", string> = {
  ranking: "fix-first ranking",
  overview: "overview",
};

const args = readCliArgs({
  flags: {
    sizes: { type: "string" },
    runs: { type: "string" },
    "raw-runs": { type: "string" },
    "browser-runs": { type: "string" },
    "no-browser": { type: "boolean" },
  },
  schema: ZArgs,
  usage: USAGE,
  toInput: (values) => ({
    sizes: values.sizes,
    runs: values.runs,
    rawRuns: values["raw-runs"],
    browserRuns: values["browser-runs"],
    browser: !values["no-browser"],
  }),
});
const dataDir = path.resolve(".data", "bench-large", "postgres");
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
  const { seedLargeOrganization } = await import("../seed-large/seed-large-organization");
  const { DASHBOARD_READS, prepareDashboardReads, timeRead } = await import("./dashboard-reads");

  const results: { size: number; seed: TSeedLargeResult; reads: TReadFigures[] }[] = [];
  for (const size of args.sizes) {
    const seed = await seedOrganization(seedLargeOrganization, size);
    const reads = await prepareDashboardReads(seed.organizationId);
    const figures: TReadFigures[] = [];
    console.log(
      `\n${count(size)} observations — server time of each read (ms), ${args.runs} runs from the rollups, ${args.rawRuns} from the raw table:`,
    );
    console.log(
      `  ${"read".padEnd(44)} ${"rollup p50".padStart(10)} ${"p95".padStart(8)} ${"raw p50".padStart(10)} ${"p95".padStart(8)} ${"raw/rollup".padStart(11)}`,
    );
    for (const read of Object.keys(DASHBOARD_READS) as TDashboardRead[]) {
      const { rollup, raw } = await timeRead(reads[read], { rollup: args.runs, raw: args.rawRuns });
      figures.push({ read, rollup, raw });
      console.log(
        `  ${DASHBOARD_READS[read].padEnd(44)} ${ms(rollup.p50).padStart(10)} ${ms(rollup.p95).padStart(8)} ${ms(raw.p50).padStart(10)} ${ms(raw.p95).padStart(8)} ${`×${(raw.p50 / rollup.p50).toFixed(1)}`.padStart(11)}`,
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
  const { countRollupRows } = await import("@/lib/observations/rollups");
  const {
    detail,
    touchpoint: days,
    touchpointWeek: weeks,
    touchpointMonth: months,
  } = await countRollupRows(organizationId);
  const [bytes] = await db.$queryRaw<
    [{ raw: bigint; detail: bigint; days: bigint; weeks: bigint; months: bigint }]
  >`
    SELECT pg_total_relation_size('"Observation"') AS raw, pg_total_relation_size('"ObservationDaily"') AS detail, pg_total_relation_size('"TouchpointDaily"') AS days,
           pg_total_relation_size('"TouchpointWeekly"') AS weeks, pg_total_relation_size('"TouchpointMonthly"') AS months`;
  const mb = (n: bigint) => `${Math.round(Number(n) / 1024 / 1024).toLocaleString("en")} MB`;
  console.log(
    `  rollup rows: ${count(detail)} ObservationDaily (day × touchpoint × driver × segment × site × source), ${count(days)} TouchpointDaily (day × touchpoint × segment), ${count(weeks)} TouchpointWeekly, ${count(months)} TouchpointMonthly`,
  );
  console.log(
    `  on disk with indexes, all organizations: Observation ${mb(bytes.raw)}, ObservationDaily ${mb(bytes.detail)}, TouchpointDaily ${mb(bytes.days)}, TouchpointWeekly ${mb(bytes.weeks)}, TouchpointMonthly ${mb(bytes.months)}`,
  );
}

async function measurePages(seed: TSeedLargeResult): Promise<TRouteFigures[]> {
  const { measureRoutes } = await import("./browser");
  // A manager opens all three routes (an executive has no frontline page).
  const manager = seed.signIns.find((user) => user.role === "MANAGER")!;
  console.log(
    `\nPages in headless Chromium, signed in as ${manager.email} (${count(seed.total)} observations), ${args.browserRuns} loads each, a fresh browser cache every load:`,
  );
  const pages = await measureRoutes({
    databaseUrl: database.url,
    email: manager.email,
    password: seed.password,
    routes: Object.values(ROUTES),
    runs: args.browserRuns,
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
  largest: { size: number; reads: TReadFigures[] },
  pages: TRouteFigures[] | null,
): void {
  const at = (read: TDashboardRead) => largest.reads.find((r) => r.read === read)!;
  const line = (label: string, value: string, isMet: boolean | null) =>
    console.log(
      `  ${isMet === null ? "  —  " : isMet ? " met " : "MISSED"}  ${label.padEnd(58)} ${value}`,
    );
  console.log(`\nTargets (set for 10,000,000 observations — here ${count(largest.size)}):`);
  for (const read of ["ranking", "overview"] as const) {
    const { rollup, raw } = at(read);
    line(
      `${DASHBOARD_LABELS[read]} p95 under ${TARGETS.p95Ms} ms`,
      `${ms(rollup.p95)} ms`,
      rollup.p95 < TARGETS.p95Ms,
    );
    line(
      `${DASHBOARD_LABELS[read]} at least ${TARGETS.speedUp}× faster than raw (p50)`,
      `×${(raw.p50 / rollup.p50).toFixed(1)}`,
      raw.p50 / rollup.p50 >= TARGETS.speedUp,
    );
  }
  const smallest = results.reduce((a, b) => (b.size < a.size ? b : a));
  if (smallest !== largest) {
    const growth =
      at("ranking").rollup.p95 / smallest.reads.find((r) => r.read === "ranking")!.rollup.p95;
    line(
      `ranking p95 grows under ${TARGETS.rankingGrowth}× from ${count(smallest.size)} to ${count(largest.size)}`,
      `×${growth.toFixed(2)}`,
      growth < TARGETS.rankingGrowth,
    );
  }
  const page = (route: string) => pages?.find((p) => p.route === route);
  const overview = page(ROUTES.dashboard);
  const frontline = page(ROUTES.frontline);
  line(
    `overview LCP under ${TARGETS.lcpMs} ms (p95)`,
    overview ? `${ms(percentile(overview.lcpMs, 95))} ms` : "not measured",
    overview ? percentile(overview.lcpMs, 95) < TARGETS.lcpMs : null,
  );
  line(
    `frontline route under ${kb(TARGETS.frontlineGzipBytes)} of gzipped JavaScript`,
    frontline ? kb(frontline.jsGzipBytes) : "not measured",
    frontline ? frontline.jsGzipBytes < TARGETS.frontlineGzipBytes : null,
  );
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

function count(n: number): string {
  return n.toLocaleString("en");
}

function ms(value: number): string {
  return value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString("en");
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
