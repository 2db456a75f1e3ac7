import { db } from "@/lib/db/client";

/** Empties every table but the migrations record, so each test starts from a known state. */
export async function resetDatabase(): Promise<void> {
  await db.$executeRaw`
    DO $$
    DECLARE tables text;
    BEGIN
      SELECT string_agg(format('%I', tablename), ', ') INTO tables
        FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations';
      EXECUTE 'TRUNCATE ' || tables || ' RESTART IDENTITY CASCADE';
    END $$`;
}
