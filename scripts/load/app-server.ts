// The app under load, started the way a user starts it: `scripts/start.ts` (embedded PostgreSQL,
// migrations, demo seed, `next build` when the sources changed, `next start`) as a child process,
// on its own port and its own fresh data directory, with DATABASE_URL emptied so that a variable
// of the caller's can never point the load at a real database. Its output goes to a log file.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

export type TAppServer = {
  baseUrl: string;
  /** The embedded database `npm start` made, for the count check afterwards. */
  databaseUrl: string;
  logFile: string;
  stop: () => Promise<void>;
};

const READY_TIMEOUT_MS = 15 * 60_000; // a first `next build` on a busy 2-core machine takes minutes

export async function startAppServer({ root, port, dataDir }: { root: string; port: number; dataDir: string }): Promise<TAppServer> {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const logFile = path.join(dataDir, "server.log");
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts/start.ts")], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOSTNAME: "127.0.0.1", MOMENTS_DATA_DIR: dataDir, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child);

  try {
    await waitUntilReady(child, `${baseUrl}/login`, logFile);
    return { baseUrl, databaseUrl: embeddedDatabaseUrl(dataDir), logFile, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitUntilReady(child: ChildProcess, url: string, logFile: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app stopped while starting (exit code ${child.exitCode}); see ${logFile}`);
    const status = await fetch(url, { redirect: "manual" }).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`The app did not answer ${url} within ${READY_TIMEOUT_MS / 60_000} minutes; see ${logFile}`);
}

/**
 * The embedded cluster keeps its password beside it and writes its port into postmaster.pid
 * (line 4), so the database `npm start` chose can be reached without it printing a secret.
 */
function embeddedDatabaseUrl(dataDir: string): string {
  const home = path.join(dataDir, "postgres");
  const pidFile = path.join(home, "cluster", "postmaster.pid");
  if (!existsSync(pidFile)) throw new Error(`No embedded PostgreSQL under ${home} (was the cluster moved to the temporary directory?)`);
  const port = readFileSync(pidFile, "utf8").split("\n")[3]?.trim();
  const password = readFileSync(path.join(home, "password"), "utf8").trim();
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/moments`;
}

/** SIGTERM: start.ts stops Next, then PostgreSQL. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  await exited;
  clearTimeout(timer);
}
