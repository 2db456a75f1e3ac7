import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppProcess, type TAppProcess } from "./app-process";
import { startKillablePostgres, type TKillablePostgres } from "./killable-postgres";
import type { TFaultFixture } from "./protocol";

// PostgreSQL is SIGKILLed while a survey import runs. The import is one transaction, so after the
// restart nothing of it exists — no observation, and no SurveyImport record: the record is
// created inside that transaction, so a crashed run cannot be left RUNNING or claim success; it
// left no trace, and the user's browser was told it failed. Running the file again stores every
// row once, and a third run stores nothing more.

const ROWS = 30_000; // 15 batches of 2,000
const KILL_AFTER_ROWS = 4_000;

let postgres: TKillablePostgres;
let app: TAppProcess;
let fixture: TFaultFixture;

beforeAll(async () => {
  postgres = await startKillablePostgres("import");
  app = await startAppProcess(postgres.url);
  fixture = await app.call({ kind: "setup" });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await postgres?.stop();
}, 60_000);

const countOf = async (sql: string, params: unknown[] = []) =>
  (await postgres.one<{ n: number }>(sql, params)).n;
const storedRows = () =>
  postgres.one<{
    observations: number;
    distinctClientIds: number;
    distinctComments: number;
    imports: number;
    running: number;
    audited: number;
  }>(
    `SELECT (SELECT count(*)::int FROM "Observation" WHERE "organizationId" = $1) AS observations,
            (SELECT count(DISTINCT "clientId")::int FROM "Observation" WHERE "organizationId" = $1) AS "distinctClientIds",
            (SELECT count(DISTINCT comment)::int FROM "Observation" WHERE "organizationId" = $1) AS "distinctComments",
            (SELECT count(*)::int FROM "SurveyImport" WHERE "organizationId" = $1) AS imports,
            (SELECT count(*)::int FROM "SurveyImport" WHERE "organizationId" = $1 AND status = 'RUNNING') AS running,
            (SELECT count(*)::int FROM "AuditLog" WHERE "organizationId" = $1 AND "entityType" = 'SurveyImport') AS audited`,
    [fixture.organizationId],
  );

describe("a survey import when PostgreSQL is killed half way", () => {
  it(
    "stores nothing of the interrupted run, leaves no import claiming success, and a re-run stores every row exactly once",
    { timeout: 300_000 },
    async () => {
      let killed: Promise<void> | null = null;
      let rowsAtKill = 0;
      app.onProgress((event) => {
        if (event.kind === "imported" && event.processedRows >= KILL_AFTER_ROWS && !killed) {
          rowsAtKill = event.processedRows;
          killed = postgres.kill();
          killed.catch(() => {}); // awaited below, where a failure fails the test
        }
      });

      const interrupted = await app.call({ kind: "import", rows: ROWS });
      await killed;
      expect(rowsAtKill).toBeGreaterThanOrEqual(KILL_AFTER_ROWS);
      expect(rowsAtKill).toBeLessThan(ROWS);
      expect(interrupted.ok).toBe(false);

      // While PostgreSQL is down an import fails (it does not wait for ever for a connection).
      expect(await app.call({ kind: "import", rows: 10 })).toMatchObject({ ok: false });

      await postgres.restart();
      expect(await storedRows()).toEqual({
        observations: 0,
        distinctClientIds: 0,
        distinctComments: 0,
        imports: 0,
        running: 0,
        audited: 0,
      });

      // The same process, the same file: its pool reconnects, and every row is stored once.
      const rerun = await app.call({ kind: "import", rows: ROWS });
      expect(rerun).toEqual({
        ok: true,
        status: "COMPLETED",
        counts: { rows: ROWS, valid: ROWS, invalid: 0, duplicates: 0, imported: ROWS },
      });
      expect(await storedRows()).toEqual({
        observations: ROWS,
        distinctClientIds: ROWS,
        distinctComments: ROWS,
        imports: 1,
        running: 0,
        audited: 1,
      });

      const again = await app.call({ kind: "import", rows: ROWS });
      expect(again).toEqual({
        ok: true,
        status: "COMPLETED",
        counts: { rows: ROWS, valid: ROWS, invalid: 0, duplicates: ROWS, imported: 0 },
      });
      expect(await storedRows()).toEqual({
        observations: ROWS,
        distinctClientIds: ROWS,
        distinctComments: ROWS,
        imports: 2,
        running: 0,
        audited: 2,
      });
      expect(
        await countOf(
          `SELECT count(*)::int AS n FROM "SurveyImport" WHERE "organizationId" = $1 AND status = 'COMPLETED'`,
          [fixture.organizationId],
        ),
      ).toBe(2);
    },
  );
});
