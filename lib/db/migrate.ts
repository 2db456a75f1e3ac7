// Applies the SQL migrations in prisma/migrations, in name order, each in its own transaction,
// under the same advisory lock as `prisma migrate deploy`, and records them in Prisma's
// `_prisma_migrations` table with Prisma's checksum — so a machine with Prisma's engine sees them
// as applied. Why our own runner: docs/decisions/0001-own-migration-runner.md.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { grantAppPrivileges, roleOf } from "./roles";

export const DEFAULT_MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

/** The key Prisma's migrate engine locks on; holding it keeps the two from running at once. */
const PRISMA_MIGRATE_LOCK_KEY = 72707369;

export type TMigration = { name: string; sql: string; checksum: string };

type TAppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

export function readMigrations(migrationsDir = DEFAULT_MIGRATIONS_DIR): TMigration[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() && existsSync(path.join(migrationsDir, entry.name, "migration.sql")),
    )
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/**
 * Refuses to go on — changing nothing — when an applied migration's file was edited afterwards,
 * when the database has a migration this code does not know, or when one failed half-way.
 */
function planMigrations(migrations: TMigration[], applied: TAppliedRow[]): TMigration[] {
  const known = new Map(migrations.map((migration) => [migration.name, migration]));
  const done = new Set<string>();
  for (const row of applied) {
    if (row.rolled_back_at) continue;
    if (!row.finished_at) {
      throw new Error(
        `Migration ${row.migration_name} failed earlier and was not resolved; fix the database by hand first.`,
      );
    }
    const migration = known.get(row.migration_name);
    if (!migration) {
      throw new Error(
        `The database has migration ${row.migration_name}, which this version of Moments does not know.`,
      );
    }
    if (migration.checksum !== row.checksum) {
      throw new Error(
        `Migration ${row.migration_name} was edited after it was applied; add a new migration instead.`,
      );
    }
    done.add(row.migration_name);
  }
  return migrations.filter((migration) => !done.has(migration.name));
}

/**
 * `databaseUrl` signs in as the owner role. With `appUrl` (the app's own role), the app role is
 * then granted what it needs on every table, new ones included (lib/db/roles.ts).
 */
export async function migrate(
  databaseUrl: string,
  options: {
    migrationsDir?: string;
    appUrl?: string;
    /** Stop after this migration (a restore loads a backup at the schema it was taken at). */
    upTo?: string;
    log?: (message: string) => void;
  } = {},
): Promise<{ applied: string[] }> {
  const upTo = options.upTo;
  const migrations = readMigrations(options.migrationsDir).filter(
    (migration) => upTo === undefined || migration.name <= upTo,
  );
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const { rows } = await client.query<TAppliedRow>(
      `SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations" ORDER BY "started_at"`,
    );
    const pending = planMigrations(migrations, rows);
    for (const migration of pending) {
      options.log?.(`Applying migration ${migration.name}`);
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "finished_at", "applied_steps_count")
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(
          `Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`,
          { cause: error },
        );
      }
    }
    if (options.appUrl && roleOf(options.appUrl) !== roleOf(databaseUrl)) {
      await grantAppPrivileges(client, roleOf(options.appUrl));
    }
    return { applied: pending.map((migration) => migration.name) };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
