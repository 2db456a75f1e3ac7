import { db } from "@/lib/db/client";

/**
 * Empties every table but the migrations record, so each test starts from a known state. The
 * audit log refuses TRUNCATE (a statement trigger); only this helper, as the table's owner,
 * switches its triggers off for the moment of the reset, inside the same transaction.
 */
export async function resetDatabase(): Promise<void> {
  await db.$executeRaw`
    DO $$
    DECLARE tables text;
    BEGIN
      SELECT string_agg(format('%I', tablename), ', ') INTO tables
        FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations';
      ALTER TABLE "AuditLog" DISABLE TRIGGER USER;
      EXECUTE 'TRUNCATE ' || tables || ' RESTART IDENTITY CASCADE';
      ALTER TABLE "AuditLog" ENABLE TRIGGER USER;
    END $$`;
}
