// `npm run seed:large -- --observations 10000000 --org bench`: a large organization with
// realistic observations in the database `npm start` uses (DATABASE_URL, else the embedded
// PostgreSQL under $MOMENTS_DATA_DIR — the running one if `npm start` is up). Run it again with
// the same count and it adds nothing; with a larger one, only the rows missing; after Ctrl-C, it
// goes on where it stopped. A thin shell over seedLargeOrganization (seed-large-organization.ts).
import { z } from "zod";
import { startEnv } from "@/lib/env";
import { openAppDatabase, type TAppDatabase } from "../lib/app-database";
import { readCliArgs } from "../lib/cli-args";
import { LARGE_LOAD_CONNECTIONS, type TLoadProgress } from "./copy-loader";
import { createLoadProgressBar } from "./progress-bar";
import { seedLargeOrganization, type TSeedLargeResult } from "./seed-large-organization";

const ZArgs = z.object({
  observations: z.coerce.number().int().min(0).max(50_000_000).default(1_000_000),
  org: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "lower-case letters, digits and dashes")
    .default("bench"),
  staging: z.boolean().default(false),
  connections: z.coerce.number().int().min(1).max(16).default(LARGE_LOAD_CONNECTIONS),
});

const USAGE = `Usage: npm run seed:large -- [--observations 1000000] [--org bench] [--connections 2] [--staging]
  --observations  rows the organization should have in the end (at most 50,000,000)
  --org           the organization's slug (created when missing)
  --connections   connections loading at once (default ${LARGE_LOAD_CONNECTIONS}, one per core here)
  --staging       load every chunk through a staging table (slower; for comparison)`;

const args = readCliArgs({
  flags: {
    observations: { type: "string" },
    org: { type: "string" },
    connections: { type: "string" },
    staging: { type: "boolean" },
  },
  schema: ZArgs,
  usage: USAGE,
});

let database: TAppDatabase | undefined;
const bar = createLoadProgressBar();
let isStopping = false;

async function stop(exitCode: number): Promise<void> {
  // A signal stops the database under a running COPY, which then fails: one way out is enough.
  if (isStopping) return;
  isStopping = true;
  bar.stop();
  if (database?.stop)
    await database
      .stop()
      .catch((error) => console.error("Could not stop PostgreSQL cleanly:", error));
  process.exit(exitCode);
}

let committed = 0;
const onProgress = (progress: TLoadProgress) => {
  committed = progress.committed;
  bar.update(progress);
};

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    bar.stop();
    console.error(
      `\nInterrupted with at least ${committed.toLocaleString("en")} rows stored (a chunk under way is stored whole or not at all). Run the same command again to go on from there.`,
    );
    void stop(130);
  });
}

try {
  database = await openAppDatabase(startEnv(), {
    log: (message) => console.error(message),
    reuseRunning: true,
  });
  const result = await seedLargeOrganization({
    observations: args.observations,
    orgSlug: args.org,
    viaStaging: args.staging,
    connections: args.connections,
    databaseUrl: database.url,
    ownerDatabaseUrl: database.ownerUrl,
    onProgress,
  });
  bar.stop();
  printSummary(result);
  await stop(0);
} catch (error) {
  if (!isStopping) {
    bar.stop();
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
  }
}

function printSummary(r: TSeedLargeResult) {
  const n = (value: number) => Math.round(value).toLocaleString("en");
  const mb = (bytes: number) => `${n(bytes / 1024 / 1024)} MB`;
  console.log(
    `\nOrganization "${r.orgSlug}" (${r.organizationId}): ${n(r.total)} generated observations in ${r.journeys.length} journeys.`,
  );
  if (r.added > 0) {
    console.log(
      `Added ${n(r.added)} rows (${n(r.before)} were there) in ${r.loadSeconds.toFixed(1)} s: ${n(r.rowsPerSecond)} rows/s.`,
    );
    if (r.chunks.staged)
      console.log(
        `Chunks: ${r.chunks.copied} copied straight in, ${r.chunks.staged} through the staging table (--staging, or some of their rows were there).`,
      );
  } else {
    console.log(`Nothing to add: ${n(r.before)} rows were there already.`);
  }
  if (r.rollups.rebuilt && r.rollups.rows) {
    console.log(
      `Rollups rebuilt in ${r.rollups.seconds.toFixed(1)} s: ${Object.entries(r.rollups.rows)
        .map(([table, rows]) => `${n(rows)} ${table}`)
        .join(", ")} rows.`,
    );
  }
  console.log(
    `Size on disk: Observation ${mb(r.size.observationTableBytes)} + indexes ${mb(r.size.observationIndexBytes)}; whole database ${mb(r.size.databaseBytes)}.`,
  );
  console.log(
    "No follow-ups were opened for these rows: generated history is loaded in bulk, not through the store.",
  );
  console.log("\nPlanted problems (a fix-first ranking should put each first in its journey):");
  for (const p of r.planted)
    console.log(`  ${p.templateKey.padEnd(24)} ${p.nameKo} / ${p.nameEn} (mean gap ${p.meanGap})`);
  console.log(`\nSign-ins (password: ${r.password}):`);
  for (const user of r.signIns) console.log(`  ${user.role.padEnd(8)} ${user.email}`);
}
