// The built app, started the way a user starts it: `scripts/start.ts` (migrations, demo seed,
// `next build` when the sources changed, `next start`) as a child process on its own port and its
// own data directory — for the load test and the benchmark. Without `databaseUrl` it gets a fresh
// embedded database (DATABASE_URL emptied, so that a variable of the caller's can never point the
// load at a real database); with one, it runs on that database (migrated by `databaseOwnerUrl`'s
// role when given, as DATABASE_OWNER_URL: the app's role may not change the schema). Its output goes to a log file
// opened for it, not through a pipe: should this process die, start.ts still shuts down cleanly.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import type { TStreamingReplica } from "@/lib/db/streaming-replica";
import { stopProcessTree } from "./process-tree";
import { startReplicatedDatabase, type TReplicatedDatabase } from "./replicated-database";

export type TAppServer = {
  baseUrl: string;
  /** The database it runs on: the one given, or the embedded one `npm start` made (for the load test's count check). */
  databaseUrl: string;
  logFile: string;
  /** With `withReplica`: the streaming replica the dashboards read (its lag: scripts/lib/replica-lag.ts). */
  replica?: TStreamingReplica;
  /** Stops it and everything it started; returns how many processes had to be killed. */
  stop: () => Promise<number>;
};

const READY_TIMEOUT_MS = 15 * 60_000; // a first `next build` on a busy 2-core machine takes minutes
/** How long the app's processes get to stop after SIGTERM before they are killed. */
const STOP_TIMEOUT_MS = 30_000;

export async function startAppServer({
  root,
  port,
  dataDir,
  databaseUrl: givenDatabaseUrl,
  databaseOwnerUrl,
  withReplica = false,
}: {
  root: string;
  port: number;
  dataDir: string;
  databaseUrl?: string;
  databaseOwnerUrl?: string;
  /**
   * A fresh embedded database started here with a streaming replica of it, which the app's
   * dashboards read (DATABASE_READ_URL). Not with `databaseUrl`: only a local server can be copied.
   */
  withReplica?: boolean;
}): Promise<TAppServer> {
  if (withReplica && givenDatabaseUrl) throw new Error("withReplica starts its own database");
  await assertPortFree(port);
  // A fresh embedded database needs a fresh directory; with a given database it only holds the secret and the log.
  if (!givenDatabaseUrl) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  let replicated: TReplicatedDatabase | undefined;
  if (withReplica)
    replicated = await startReplicatedDatabase(path.join(dataDir, "postgres"), () => {});
  const databaseUrl = givenDatabaseUrl ?? replicated?.url;
  const logFile = path.join(dataDir, "server.log");
  const output = openSync(logFile, "w");
  // node with tsx's loader rather than the tsx command, whose wrapper process SIGKILLs its child
  // when a relayed signal is not acknowledged within 30 ms.
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts/start.ts")],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOSTNAME: "127.0.0.1",
        MOMENTS_DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl ?? "",
        DATABASE_OWNER_URL: replicated?.ownerUrl ?? databaseOwnerUrl ?? "",
        DATABASE_READ_URL: replicated?.readUrl ?? "",
      },
      stdio: ["ignore", output, output],
    },
  );
  closeSync(output);
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    const killed = await stopProcessTree(child, STOP_TIMEOUT_MS);
    await replicated?.stop();
    return killed;
  };

  try {
    await waitUntilReady(child, `${baseUrl}/login`, logFile);
    return {
      baseUrl,
      databaseUrl: databaseUrl ?? embeddedDatabaseUrl(dataDir),
      logFile,
      replica: replicated?.replica,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Something else answering on the port would be measured instead of this build. */
function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", () =>
      reject(new Error(`Port ${port} is in use: stop what runs there or choose another port`)),
    );
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

async function waitUntilReady(child: ChildProcess, url: string, logFile: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(
        `The app stopped while starting (exit ${child.exitCode ?? child.signalCode}):\n${tailOf(logFile)}`,
      );
    const status = await fetch(url, {
      redirect: "manual",
      signal: AbortSignal.timeout(30_000),
    }).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(
    `The app did not answer ${url} within ${READY_TIMEOUT_MS / 60_000} minutes:\n${tailOf(logFile)}`,
  );
}

const tailOf = (file: string, lines = 20) =>
  readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");

/**
 * The embedded cluster keeps its password beside it and writes its port into postmaster.pid
 * (line 4), so the database `npm start` chose can be reached without it printing a secret.
 */
function embeddedDatabaseUrl(dataDir: string): string {
  const home = path.join(dataDir, "postgres");
  const pidFile = path.join(home, "cluster", "postmaster.pid");
  if (!existsSync(pidFile))
    throw new Error(
      `No embedded PostgreSQL under ${home} (was the cluster moved to the temporary directory?)`,
    );
  const port = readFileSync(pidFile, "utf8").split("\n")[3]?.trim();
  const password = readFileSync(path.join(home, "password"), "utf8").trim();
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/moments`;
}
