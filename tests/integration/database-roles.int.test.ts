import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { writeAuditLog } from "@/lib/audit/log";
import { resetDatabase } from "./helpers/db";
import { createOrganization, createUser } from "./helpers/factories";

// The app connects as a role that may read and write rows, and nothing more: it owns no table,
// so it cannot switch the audit log's append-only triggers off, drop them or replace their
// function, and it holds no UPDATE, DELETE or TRUNCATE on the audit log. Migrations run as the
// owner role (tests/integration/global-setup.ts, like npm start).

const app = new pg.Client({ connectionString: inject("databaseUrl") });

beforeAll(() => app.connect());
afterAll(() => app.end());
beforeEach(() => resetDatabase());

/** Runs the statement as the app's role inside a transaction that is always rolled back. */
async function asApp(sql: string): Promise<void> {
  await app.query("BEGIN");
  try {
    await app.query(sql);
  } finally {
    await app.query("ROLLBACK");
  }
}

describe("the app's database role", () => {
  it("is neither a superuser nor the owner of any table", async () => {
    const { rows } = await app.query<{ superuser: boolean; owned: string }>(
      `SELECT rolsuper AS superuser,
              (SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tableowner = current_user) AS owned
         FROM pg_roles WHERE rolname = current_user`,
    );
    expect(rows).toEqual([{ superuser: false, owned: "0" }]);
  });

  it.each([
    `ALTER TABLE "AuditLog" DISABLE TRIGGER ALL`,
    `ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only"`,
    `DROP TRIGGER "AuditLog_append_only" ON "AuditLog"`,
    `DROP TRIGGER "AuditLog_no_truncate" ON "AuditLog"`,
    `CREATE OR REPLACE FUNCTION "audit_log_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
    `DROP FUNCTION "audit_log_is_append_only"() CASCADE`,
    `ALTER TABLE "AuditLog" OWNER TO CURRENT_USER`,
    `SET session_replication_role = replica`,
    `TRUNCATE "AuditLog"`,
    `TRUNCATE "Organization" CASCADE`,
    `UPDATE "AuditLog" SET "action" = 'changed'`,
    `DELETE FROM "AuditLog"`,
    `CREATE TABLE "Intruder" ("id" int)`,
  ])("is refused: %s", async (sql) => {
    await expect(asApp(sql)).rejects.toThrow(/permission denied|must be owner/);
  });

  it("still does the app's work: rows in, rows changed, rows out, audit entries appended", async () => {
    const organization = await createOrganization();
    const admin = await createUser(organization.id, "ADMIN");
    await db.organization.update({ where: { id: organization.id }, data: { name: "Renamed" } });
    await writeAuditLog({ organizationId: organization.id, actorId: admin.id, action: "test.ok" });
    const site = await db.site.create({
      data: { organizationId: organization.id, code: "GN", name: "Gangnam" },
    });
    await db.site.delete({ where: { id: site.id } });

    expect(await db.auditLog.count({ where: { action: "test.ok" } })).toBe(1);
    expect(
      await db.organization.findUniqueOrThrow({ where: { id: organization.id } }),
    ).toMatchObject({ name: "Renamed" });
    expect(await db.site.count()).toBe(0);
  });
});
