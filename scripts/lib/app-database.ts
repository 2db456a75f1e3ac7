// The database `npm start` uses: DATABASE_URL when set, else the embedded PostgreSQL kept in
// $MOMENTS_DATA_DIR/postgres. Shared by the start script and the scripts that fill the app's
// database (npm run seed:large, backup, restore), so that all of them mean the same one. Two
// roles: the app's (`url`) and the owner's (`ownerUrl`, migrations and backups).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { findRunningEmbeddedPostgres, startEmbeddedPostgres } from "@/lib/db/embedded";
import type { TStartEnv } from "@/lib/env";

export type TAppDatabase = {
  url: string;
  ownerUrl: string;
  /** Set when this process started the embedded server, and so must stop it. */
  stop?: () => Promise<void>;
};

type TOpenOptions = {
  log: (message: string) => void;
  /** Use the embedded server `npm start` is running instead of refusing to share it (scripts, not the start script). */
  reuseRunning?: boolean;
};

export async function openAppDatabase(
  env: TStartEnv,
  { log, reuseRunning = false }: TOpenOptions,
): Promise<TAppDatabase> {
  if (env.DATABASE_URL) {
    if (!env.DATABASE_OWNER_URL)
      log(
        "Warning: DATABASE_OWNER_URL is not set, so the app and its migrations share DATABASE_URL's role, which can switch the audit log's protection off. Set up two roles: docs/SECURITY.md, \"Database roles\".",
      );
    return { url: env.DATABASE_URL, ownerUrl: env.DATABASE_OWNER_URL ?? env.DATABASE_URL };
  }
  const dataDir = path.resolve(env.MOMENTS_DATA_DIR);
  const clusterDir = path.join(dataDir, "postgres");
  if (reuseRunning) {
    const running = findRunningEmbeddedPostgres({ dataDir: clusterDir, database: "moments" });
    if (running) {
      log(
        `Using the embedded PostgreSQL already running in ${path.relative(process.cwd(), clusterDir)} …`,
      );
      return running;
    }
  }
  mkdirSync(dataDir, { recursive: true });
  log(`Starting the embedded PostgreSQL in ${path.relative(process.cwd(), clusterDir)} …`);
  const database = await startEmbeddedPostgres({ dataDir: clusterDir, database: "moments", log });
  return { url: database.url, ownerUrl: database.ownerUrl, stop: database.stop };
}
