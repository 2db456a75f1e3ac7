import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { getFixFirstRanking } from "@/lib/analytics/queries";
import { backupDatabase, type TBackupResult } from "@/lib/backup/backup";
import { checksumFileOf } from "@/lib/backup/format";
import { RestoreRefused, restoreDatabase } from "@/lib/backup/restore";
import { writeAuditLog } from "@/lib/audit/log";
import { insertObservations } from "@/lib/observations/store";
import { seedDemoOrganization } from "@/prisma/seed/demo-organization";
import { DEMO_SKT_TEMPLATE } from "@/prisma/seed/demo-observations";
import { resetDatabase } from "./helpers/db";

// `npm run backup` and `npm run restore` on the demo organization: back up, wipe, restore, and
// every table's row count and the fix-first ranking (the Analyze page's priorities) are the same;
// a damaged file and a database that has data are refused, changing nothing.

const ownerUrl = inject("databaseOwnerUrl");
const appUrl = inject("databaseUrl");
const owner = new pg.Client({ connectionString: ownerUrl });
const directory = mkdtempSync(path.join(tmpdir(), "moments-backup-"));

async function rowCounts(): Promise<Record<string, number>> {
  const { rows: tables } = await owner.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const { rows } = await owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${pg.escapeIdentifier(name)}`,
    );
    counts[name] = rows[0]!.n;
  }
  return counts;
}

async function fixFirstRanking() {
  const manager = await db.user.findFirstOrThrow({
    where: { email: "manager@demo.moments" },
    select: { id: true, organizationId: true, role: true },
  });
  const journey = await db.journey.findFirstOrThrow({
    where: { organizationId: manager.organizationId, templateKey: DEMO_SKT_TEMPLATE },
    select: { id: true },
  });
  return getFixFirstRanking(manager, { journeyId: journey.id });
}

/** Drops every table, as a lost or reinstalled server would leave the database: empty. */
async function wipe() {
  await owner.query(`DROP SCHEMA public CASCADE; CREATE SCHEMA public`);
}

let before: {
  counts: Record<string, number>;
  ranking: Awaited<ReturnType<typeof fixFirstRanking>>;
};
let backup: TBackupResult;

beforeAll(async () => {
  await owner.connect();
  await resetDatabase();
  await seedDemoOrganization();
  before = { counts: await rowCounts(), ranking: await fixFirstRanking() };
  backup = await backupDatabase({ ownerUrl, directory });
});
afterAll(async () => {
  await owner.end();
  rmSync(directory, { recursive: true, force: true });
});

describe("backup", () => {
  it("writes one file with a sha256 beside it, listing every table, its rows and the migrations", async () => {
    expect(path.basename(backup.file)).toMatch(/^moments-\d{8}T\d{6}Z\.backup\.gz$/);
    expect(readFileSync(checksumFileOf(backup.file), "utf8")).toBe(
      `${backup.sha256}  ${path.basename(backup.file)}\n`,
    );
    expect(statSync(backup.file).mode & 0o777).toBe(0o600);
    const { _prisma_migrations: migrations, ...tables } = before.counts;
    expect(backup.rows).toEqual(tables);
    expect(backup.header.migrations).toHaveLength(migrations!);
    expect(backup.rows.Observation).toBeGreaterThan(1000);
    expect(before.ranking.length).toBeGreaterThan(0);
  });
});

describe("restore", () => {
  it("refuses a file whose checksum does not match, changing nothing", async () => {
    const damaged = path.join(directory, "damaged.backup.gz");
    const bytes = readFileSync(backup.file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    writeFileSync(damaged, bytes);
    copyFileSync(checksumFileOf(backup.file), checksumFileOf(damaged));

    await expect(restoreDatabase({ file: damaged, ownerUrl, appUrl, force: true })).rejects.toThrow(
      /checksum does not match/,
    );
    expect(await rowCounts()).toEqual(before.counts);
  });

  it("refuses a database that has data unless forced, and with --force erases it first", async () => {
    const refusal = restoreDatabase({ file: backup.file, ownerUrl, appUrl });
    await expect(refusal).rejects.toThrow(RestoreRefused);
    await expect(refusal).rejects.toThrow(/not empty.*--force/);
    expect(await rowCounts()).toEqual(before.counts);

    await writeAuditLog({
      organizationId: null,
      actorId: null,
      action: "test.made-after-the-backup",
    });
    const erasedCounts = await rowCounts();
    const safetyBackupDir = path.join(directory, "before-restore");
    const forced = await restoreDatabase({
      file: backup.file,
      ownerUrl,
      appUrl,
      force: true,
      safetyBackupDir,
    });
    expect(forced.wiped).toBe(true);
    expect(await rowCounts()).toEqual(before.counts);

    // What --force erased was backed up first, the entry made after the backup included.
    const [safety] = readdirSync(safetyBackupDir).filter((name) => name.endsWith(".backup.gz"));
    await restoreDatabase({
      file: path.join(safetyBackupDir, safety!),
      ownerUrl,
      appUrl,
      force: true,
    });
    expect(await rowCounts()).toEqual(erasedCounts);
    await restoreDatabase({ file: backup.file, ownerUrl, appUrl, force: true });
  });

  it("after a wipe, gives back every table's rows and the same fix-first ranking", async () => {
    await wipe();
    const { rows, wiped } = await restoreDatabase({ file: backup.file, ownerUrl, appUrl });

    expect(wiped).toBe(false);
    expect(await rowCounts()).toEqual(before.counts);
    expect(rows).toEqual(backup.rows);
    expect(await fixFirstRanking()).toEqual(before.ranking);
  });

  it("leaves the audit log append-only, the app role unprivileged, and ids continuing after the restored ones", async () => {
    await expect(owner.query(`UPDATE "AuditLog" SET "action" = 'changed'`)).rejects.toThrow(
      /append-only: UPDATE/,
    );
    const app = new pg.Client({ connectionString: appUrl });
    await app.connect();
    try {
      await expect(app.query(`ALTER TABLE "AuditLog" DISABLE TRIGGER ALL`)).rejects.toThrow(
        /must be owner/,
      );
    } finally {
      await app.end();
    }
    const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" } });
    const highest = await db.auditLog.aggregate({ _max: { id: true } });
    await writeAuditLog({
      organizationId: admin.organizationId,
      actorId: admin.id,
      action: "test.after-restore",
    });
    const added = await db.auditLog.findFirstOrThrow({ where: { action: "test.after-restore" } });
    expect(added.id).toBeGreaterThan(highest._max.id ?? 0n);
  });

  it("is consistent while observations keep arriving: the restored rollups count exactly the restored observations", async () => {
    const touchpoint = await db.touchpoint.findFirstOrThrow({
      select: { id: true, organizationId: true },
    });
    let isWriting = true;
    let written = 0;
    const writer = (async () => {
      while (isWriting) {
        written += 1;
        await db.$transaction((tx) =>
          insertObservations(tx, { organizationId: touchpoint.organizationId, loggedById: null }, [
            {
              clientId: `during-backup-${written}`,
              touchpointId: touchpoint.id,
              driverId: null,
              segmentId: null,
              siteId: null,
              source: "SURVEY",
              observedAt: new Date(),
              expectationScore: 5,
              experiencedScore: 4,
              emotionalScore: null,
              nps: null,
              csat: null,
              ces: null,
              comment: "",
            },
          ]),
        );
      }
    })();
    while (written < 3) await new Promise((resolve) => setTimeout(resolve, 20));
    const during = await backupDatabase({ ownerUrl, directory: path.join(directory, "during") });
    const writtenByThen = written;
    isWriting = false;
    await writer;

    await wipe();
    await restoreDatabase({ file: during.file, ownerUrl, appUrl });
    const { rows } = await owner.query<{ observations: number; counted: number }>(
      `SELECT (SELECT count(*)::int FROM "Observation") AS observations,
              (SELECT COALESCE(sum("observations"), 0)::int FROM "ObservationDaily")
                + (SELECT count(*)::int FROM "RollupPending") AS counted`,
    );
    expect(rows[0]!.counted).toBe(rows[0]!.observations);
    const arrived = await db.observation.count({
      where: { clientId: { startsWith: "during-backup-" } },
    });
    expect(arrived).toBeGreaterThanOrEqual(2);
    expect(arrived).toBeLessThanOrEqual(writtenByThen);
  });
});
