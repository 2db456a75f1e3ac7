// A fresh embedded PostgreSQL, migrated, with a streaming replica of it: what `npm run load` runs
// the app on to measure the replica's lag under traffic (the app gets DATABASE_READ_URL).
import { rmSync } from "node:fs";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { startStreamingReplica, type TStreamingReplica } from "@/lib/db/streaming-replica";

export type TReplicatedDatabase = {
  /** The primary, as the app's role. */
  url: string;
  /** The primary, as the owner role (migrations). */
  ownerUrl: string;
  /** The replica, as the app's role: DATABASE_READ_URL. */
  readUrl: string;
  replica: TStreamingReplica;
  /** Stops the replica, then the primary, and deletes both. */
  stop: () => Promise<void>;
};

export async function startReplicatedDatabase(
  dataDir: string,
  log: (message: string) => void,
): Promise<TReplicatedDatabase> {
  rmSync(dataDir, { recursive: true, force: true });
  const primary = await startEmbeddedPostgres({ dataDir, log });
  const stopPrimary = async () => {
    await primary.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await migrate(primary.ownerUrl, { appUrl: primary.url });
    const replica = await startStreamingReplica({ primarySuperuserUrl: primary.superuserUrl });
    log(`A streaming replica of it listens on port ${replica.port}.`);
    return {
      url: primary.url,
      ownerUrl: primary.ownerUrl,
      readUrl: replica.urlFor(primary.url),
      replica,
      stop: async () => {
        await replica.stop();
        await stopPrimary();
      },
    };
  } catch (error) {
    await stopPrimary();
    throw error;
  }
}
