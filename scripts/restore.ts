// `npm run restore -- FILE [--force]`: restores a backup of `npm run backup` into the database
// `npm start` uses (the embedded PostgreSQL, started for the moment if it is not running, or
// DATABASE_OWNER_URL / DATABASE_URL): lib/backup/restore.ts. Stop the app first.
import path from "node:path";
import { z } from "zod";
import { RestoreRefused, restoreDatabase } from "@/lib/backup/restore";
import { startEnv } from "@/lib/env";
import { openAppDatabase } from "./lib/app-database";
import { readCliArgs } from "./lib/cli-args";

const args = readCliArgs({
  flags: { force: { type: "boolean" } },
  allowPositionals: true,
  toInput: (values, positionals) => ({ force: values.force ?? false, files: positionals }),
  schema: z.object({
    force: z.boolean(),
    files: z.array(z.string().min(1)).length(1, "name exactly one backup file"),
  }),
  usage: `Usage: npm run restore -- FILE [--force]

Checks FILE against FILE.sha256, then restores it into an EMPTY database.
--force  ERASES a database that has data first (backed up first into the data directory's backups/).`,
});

const env = startEnv();
const database = await openAppDatabase(env, {
  log: (message) => console.error(message),
  reuseRunning: true,
});
let exitCode = 0;
try {
  if (args.force)
    console.error(
      "Warning: --force erases every table of the database before restoring, if it has data (after backing it up).",
    );
  const { rows, header } = await restoreDatabase({
    file: args.files[0]!,
    ownerUrl: database.ownerUrl,
    appUrl: database.url,
    force: args.force,
    safetyBackupDir: path.join(env.MOMENTS_DATA_DIR, "backups"),
    log: (message) => console.error(message),
  });
  const total = Object.values(rows).reduce((sum, n) => sum + n, 0);
  console.log(
    `Restored ${total.toLocaleString("en")} rows in ${header.tables.length} tables from the backup of ${header.createdAt}.`,
  );
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof RestoreRefused ? message : `The restore failed: ${message}`);
  exitCode = 1;
} finally {
  await database.stop?.();
}
process.exit(exitCode);
