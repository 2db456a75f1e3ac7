import pg from "pg";
import { inject } from "vitest";

let owner: pg.Client | undefined;

/**
 * Empties every table but the migrations record, so each test starts from a known state. The
 * audit log refuses TRUNCATE (a statement trigger), and the app's role may neither truncate it
 * nor switch its triggers off: only this helper, connected as the tables' owner, does so for the
 * moment of the reset, inside one transaction.
 */
export async function resetDatabase(): Promise<void> {
  if (!owner) {
    owner = new pg.Client({ connectionString: inject("databaseOwnerUrl") });
    await owner.connect();
  }
  await owner.query(`
    DO $$
    DECLARE tables text;
    BEGIN
      SELECT string_agg(format('%I', tablename), ', ') INTO tables
        FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations';
      ALTER TABLE "AuditLog" DISABLE TRIGGER USER;
      EXECUTE 'TRUNCATE ' || tables || ' RESTART IDENTITY CASCADE';
      ALTER TABLE "AuditLog" ENABLE TRIGGER USER;
    END $$`);
}
