import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";

const dataDir = path.resolve(".data", `test-embedded-${randomBytes(4).toString("hex")}`);
const oldDataDir = path.resolve(".data", `test-embedded-old-${randomBytes(4).toString("hex")}`);
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(oldDataDir, { recursive: true, force: true });
});

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
  await run(
    first.ownerUrl,
    `CREATE TABLE kept (value TEXT); INSERT INTO kept VALUES ('still here')`,
  );
  const pidFile = path.join(dataDir, "cluster", "postmaster.pid");
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  await first.stop();

  expect(existsSync(pidFile)).toBe(false);
  expect(() => process.kill(pid, 0)).toThrow();

  const second = await startEmbeddedPostgres({ dataDir, database: "keep", fast: true });
  try {
    expect(await run(second.ownerUrl, `SELECT value FROM kept`)).toEqual([{ value: "still here" }]);
    expect(new URL(second.url).hostname).toBe("127.0.0.1");
  } finally {
    await second.stop();
  }
});

it("upgrades a data directory from before the two roles in place: the owner role gets the tables, the app role its grants", async () => {
  // Such a directory: one password file, every table created and owned by the superuser.
  const old = await startEmbeddedPostgres({ dataDir: oldDataDir, database: "moments", fast: true });
  await migrate(old.superuserUrl);
  await run(
    old.superuserUrl,
    `ALTER DATABASE moments OWNER TO postgres; DROP ROLE moments_owner; DROP ROLE moments_app;
     INSERT INTO "Organization" ("id", "name", "slug", "updatedAt") VALUES ('org-old', 'Old', 'old', now())`,
  );
  await old.stop();
  for (const file of ["owner-password", "app-password"]) rmSync(path.join(oldDataDir, file));

  const upgraded = await startEmbeddedPostgres({
    dataDir: oldDataDir,
    database: "moments",
    fast: true,
  });
  try {
    expect((await migrate(upgraded.ownerUrl, { appUrl: upgraded.url })).applied).toEqual([]);
    expect(
      await run(
        upgraded.superuserUrl,
        `SELECT DISTINCT tableowner AS owner FROM pg_tables WHERE schemaname = 'public'`,
      ),
    ).toEqual([{ owner: "moments_owner" }]);
    expect(
      await run(upgraded.url, `UPDATE "Organization" SET "name" = 'Kept' RETURNING "name"`),
    ).toEqual([{ name: "Kept" }]);
    await expect(run(upgraded.url, `ALTER TABLE "AuditLog" DISABLE TRIGGER ALL`)).rejects.toThrow(
      /must be owner/,
    );
    for (const file of ["password", "owner-password", "app-password"]) {
      expect(statSync(path.join(oldDataDir, file)).mode & 0o777).toBe(0o600);
    }
  } finally {
    await upgraded.stop();
  }
});
