import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded";

const dataDir = path.resolve(".data", `test-embedded-${randomBytes(4).toString("hex")}`);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function run<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

it("keeps its data across a stop and a second start, and stops its server process", async () => {
  const first = await startEmbeddedPostgres({ dataDir, database: "keep", fast: true });
  await run(first.url, `CREATE TABLE kept (value TEXT); INSERT INTO kept VALUES ('still here')`);
  const pidFile = path.join(dataDir, "cluster", "postmaster.pid");
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  await first.stop();

  expect(existsSync(pidFile)).toBe(false);
  expect(() => process.kill(pid, 0)).toThrow();

  const second = await startEmbeddedPostgres({ dataDir, database: "keep", fast: true });
  try {
    expect(await run(second.url, `SELECT value FROM kept`)).toEqual([{ value: "still here" }]);
    expect(new URL(second.url).hostname).toBe("127.0.0.1");
  } finally {
    await second.stop();
  }
});
