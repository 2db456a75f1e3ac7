import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

// The browser tests' own database: the embedded PostgreSQL that `npm start` runs under
// .data/e2e (playwright.config.ts). Its password is stored beside the cluster and its port in
// PostgreSQL's postmaster.pid (4th line); lib/db/embedded.ts keeps the cluster under the system's
// temporary directory when the postgres user cannot reach .data.
const requested = path.resolve(".data/e2e/postgres");

function clusterHome(): string {
  const fallback = path.join(
    tmpdir(),
    "moments-postgres",
    createHash("sha256").update(requested).digest("hex").slice(0, 16),
  );
  return existsSync(path.join(requested, "cluster", "postmaster.pid")) ? requested : fallback;
}

function e2eDatabaseUrl(): string {
  const home = clusterHome();
  const password = readFileSync(path.join(home, "password"), "utf8").trim();
  const port = Number(
    readFileSync(path.join(home, "cluster", "postmaster.pid"), "utf8").split("\n")[3],
  );
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/moments`;
}

/** Runs one query against the e2e database (to check what the browser's actions stored). */
export async function queryE2eDatabase<T extends object>(
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
