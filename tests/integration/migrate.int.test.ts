import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEFAULT_MIGRATIONS_DIR, migrate, readMigrations } from "@/lib/db/migrate";

// Each test gets its own empty database on the test server, so the shared one is untouched.
const serverUrl = new URL(inject("databaseAdminUrl"));
const admin = new pg.Client({ connectionString: serverUrl.toString() });
const created: string[] = [];

beforeAll(() => admin.connect());
afterAll(async () => {
  for (const name of created) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

async function emptyDatabase(): Promise<string> {
  const name = `migrate_${randomBytes(4).toString("hex")}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  created.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function migrationsDir(migrations: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "moments-migrations-"));
  for (const [name, sql] of Object.entries(migrations)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("migrate", () => {
  it("applies the committed migrations once, recorded as Prisma records them", async () => {
    const url = await emptyDatabase();
    const names = readMigrations().map((m) => m.name);

    expect((await migrate(url)).applied).toEqual(names);
    expect((await migrate(url)).applied).toEqual([]);

    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
    }>(
      url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    const firstSql = readFileSync(path.join(DEFAULT_MIGRATIONS_DIR, names[0]!, "migration.sql"));
    expect(rows[0]).toMatchObject({
      checksum: createHash("sha256").update(firstSql).digest("hex"),
      applied_steps_count: 1,
    });
    expect(rows.every((row) => row.finished_at instanceof Date)).toBe(true);
  });

  it("runs safely when two starts migrate the same database at once", async () => {
    const url = await emptyDatabase();
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    expect(results.flatMap((result) => result.applied)).toEqual(
      readMigrations().map((m) => m.name),
    );
  });

  it("rolls a failing migration back whole and records nothing of it", async () => {
    const url = await emptyDatabase();
    const dir = migrationsDir({
      "1_good": `CREATE TABLE "Good" ("id" INTEGER PRIMARY KEY);`,
      "2_bad": `CREATE TABLE "Half" ("id" INTEGER PRIMARY KEY); INSERT INTO "Missing" VALUES (1);`,
    });

    await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(
      /2_bad failed and was rolled back/,
    );

    const tables = await query<{ tablename: string }>(
      url,
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
    );
    expect(tables.map((t) => t.tablename)).toEqual(["Good", "_prisma_migrations"]);
    const recorded = await query<{ migration_name: string }>(
      url,
      `SELECT migration_name FROM "_prisma_migrations"`,
    );
    expect(recorded.map((r) => r.migration_name)).toEqual(["1_good"]);
  });

  it("refuses, changing nothing, when an applied migration was edited afterwards", async () => {
    const url = await emptyDatabase();
    const original = { "1_first": `CREATE TABLE "First" ("id" INTEGER);` };
    await migrate(url, { migrationsDir: migrationsDir(original) });

    const edited = migrationsDir({
      "1_first": `CREATE TABLE "First" ("id" BIGINT);`,
      "2_second": `CREATE TABLE "Second" ("id" INTEGER);`,
    });
    await expect(migrate(url, { migrationsDir: edited })).rejects.toThrow(
      /1_first was edited after it was applied/,
    );

    const tables = await query<{ tablename: string }>(
      url,
      `SELECT tablename FROM pg_tables WHERE tablename = 'Second'`,
    );
    expect(tables).toEqual([]);
  });

  it("refuses a database that has a migration this code does not know", async () => {
    const url = await emptyDatabase();
    await migrate(url, {
      migrationsDir: migrationsDir({ "1_first": `SELECT 1;`, "2_newer": `SELECT 2;` }),
    });
    await expect(
      migrate(url, { migrationsDir: migrationsDir({ "1_first": `SELECT 1;` }) }),
    ).rejects.toThrow(/2_newer, which this version/);
  });
});
