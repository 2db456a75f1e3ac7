// `npm run backup [-- --dir DIR]`: a consistent backup of the database `npm start` uses (the
// embedded PostgreSQL, started for the moment if it is not running, or DATABASE_OWNER_URL /
// DATABASE_URL), while the app goes on working: lib/backup/backup.ts.
import path from "node:path";
import { z } from "zod";
import { backupDatabase } from "@/lib/backup/backup";
import { startEnv } from "@/lib/env";
import { openAppDatabase } from "./lib/app-database";
import { readCliArgs } from "./lib/cli-args";

const env = startEnv();
const defaultDir = path.join(env.MOMENTS_DATA_DIR, "backups");
const args = readCliArgs({
  flags: { dir: { type: "string" } },
  schema: z.object({ dir: z.string().min(1).default(defaultDir) }),
  usage: `Usage: npm run backup [-- --dir DIR]

Writes moments-<UTC time>.backup.gz and its .sha256 into DIR (default ${defaultDir}).
Copy both somewhere else: a backup on the same disk does not survive the disk.`,
});

const database = await openAppDatabase(env, {
  log: (message) => console.error(message),
  reuseRunning: true,
});
let exitCode = 0;
try {
  const started = performance.now();
  const { file, checksumFile, bytes, rows, header } = await backupDatabase({
    ownerUrl: database.ownerUrl,
    directory: path.resolve(args.dir),
  });
  const total = Object.values(rows).reduce((sum, n) => sum + n, 0);
  console.log(
    `Backup written: ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB, ${total.toLocaleString("en")} rows in ${header.tables.length} tables, migration ${header.migrations.at(-1)?.name ?? "none"}, ${Math.round(performance.now() - started)} ms)`,
  );
  console.log(`Checksum: ${checksumFile}`);
} catch (error) {
  console.error(`The backup failed: ${error instanceof Error ? error.message : error}`);
  exitCode = 1;
} finally {
  await database.stop?.();
}
process.exit(exitCode);
