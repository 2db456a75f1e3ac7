// What the backup and the restore read from PostgreSQL's catalog about the app's schema (the
// connection's current schema): its tables in foreign-key order, and the migrations applied.
import type pg from "pg";
import { dependencyOrder, type TBackupMigration } from "./format";

export const MIGRATIONS_TABLE = "_prisma_migrations";

export type TTable = { name: string; columns: string[] };

/** Every table but the migrations record, parents before children; stored columns in order. */
export async function listTables(client: pg.ClientBase): Promise<TTable[]> {
  const { rows: columns } = await client.query<{ table: string; column: string }>(
    `SELECT c.relname AS table, a.attname AS column
       FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
        AND c.relname <> $1 AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY c.relname, a.attnum`,
    [MIGRATIONS_TABLE],
  );
  const { rows: references } = await client.query<{ from: string; to: string }>(
    `SELECT child.relname AS from, parent.relname AS to
       FROM pg_constraint k
       JOIN pg_class child ON child.oid = k.conrelid
       JOIN pg_class parent ON parent.oid = k.confrelid
      WHERE k.contype = 'f' AND child.relnamespace = current_schema()::regnamespace`,
  );
  const byTable = new Map<string, string[]>();
  for (const { table, column } of columns)
    byTable.set(table, [...(byTable.get(table) ?? []), column]);
  return dependencyOrder([...byTable.keys()], references).map((name) => ({
    name,
    columns: byTable.get(name)!,
  }));
}

/** The migrations applied (finished, not rolled back), in the order they were applied; none when there is no record. */
export async function appliedMigrations(client: pg.ClientBase): Promise<TBackupMigration[]> {
  const { rows: exists } = await client.query(
    `SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = $1`,
    [MIGRATIONS_TABLE],
  );
  if (!exists.length) return [];
  const { rows } = await client.query<TBackupMigration>(
    `SELECT "migration_name" AS name, "checksum" FROM "${MIGRATIONS_TABLE}"
      WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL
      ORDER BY "migration_name"`,
  );
  return rows;
}
