// What every benchmark shares: a fresh embedded PostgreSQL of its own, migrated, handed to the app
// code through DATABASE_URL, removed afterwards; and medians of repeated runs.
import { rmSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";

/** Runs `bench` against a fresh database under .data/bench-<name>; import lib/db only inside it. */
export async function withBenchDatabase<T>(
  name: string,
  bench: (url: string) => Promise<T>,
): Promise<T> {
  const dataDir = path.resolve(".data", `bench-${name}`);
  rmSync(dataDir, { recursive: true, force: true });
  const database = await startEmbeddedPostgres({ dataDir, database: "moments_bench", fast: true });
  try {
    await migrate(database.ownerUrl, { appUrl: database.url });
    // The Prisma client connects to DATABASE_URL when it is first imported: after this line.
    process.env.DATABASE_URL = database.url;
    return await bench(database.url);
  } finally {
    // Stopping the server ends pooled connections with 57P01 ("terminating connection"): expected here.
    process.on("uncaughtException", (error: Error & { code?: string }) => {
      if (error.code !== "57P01") throw error;
    });
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const median = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The p-th percentile (0–100) by the nearest-rank method: always one of the measured values. */
export const percentile = (xs: readonly number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)]!;

/** The times (ms) of `runs` runs of `run`, after `warmUp` runs that are not counted. */
export async function runTimes(
  run: () => Promise<unknown>,
  runs: number,
  warmUp = 0,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < warmUp + runs; i += 1) {
    const start = performance.now();
    await run();
    if (i >= warmUp) times.push(performance.now() - start);
  }
  return times;
}

/** The median time of `runs` runs of `run`, after `warmUp` runs that are not counted. */
export async function medianTime(
  run: () => Promise<unknown>,
  runs: number,
  warmUp = 0,
): Promise<number> {
  return median(await runTimes(run, runs, warmUp));
}
