import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppProcess, type TAppProcess } from "./app-process";
import { startKillablePostgres, type TKillablePostgres } from "./killable-postgres";
import type { TImportResult } from "./protocol";

// The one-import-per-organization lock across two app processes, and when the process holding it
// is SIGKILLed half way: the lock is a transaction's advisory lock, so it dies with the
// connection, and the organization can import again at once — nothing stays locked.

const ROWS = 30_000;

let postgres: TKillablePostgres;
let first: TAppProcess;
let second: TAppProcess;

beforeAll(async () => {
  postgres = await startKillablePostgres("import-lock");
  [first, second] = await Promise.all([
    startAppProcess(postgres.url),
    startAppProcess(postgres.url),
  ]);
  const fixture = await first.call({ kind: "setup" });
  await second.call({ kind: "join", fixture });
}, 120_000);

afterAll(async () => {
  await first?.stop();
  await second?.stop();
  await postgres?.stop();
}, 60_000);

describe("the import lock when its app process is killed", () => {
  it(
    "refuses another process's import while the first runs, and is gone once that process is killed",
    { timeout: 300_000 },
    async () => {
      let meanwhile: Promise<TImportResult> | null = null;
      first.onProgress((event) => {
        if (event.kind !== "imported" || meanwhile) return;
        meanwhile = second.call({ kind: "import", rows: 10 }).finally(() => void first.kill());
      });
      await expect(first.call({ kind: "import", rows: ROWS })).rejects.toThrow(/SIGKILL/);
      expect(await meanwhile).toEqual({ ok: false, error: "imports.errors.importRunning" });

      // PostgreSQL ends the dead process's session when it reads the closed socket: at once.
      const advisoryLocks = async () =>
        (
          await postgres.one<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'`,
          )
        ).n;
      await expect.poll(advisoryLocks, { timeout: 10_000 }).toBe(0);
      expect(await second.call({ kind: "import", rows: 10 })).toMatchObject({
        ok: true,
        status: "COMPLETED",
      });
    },
  );
});
