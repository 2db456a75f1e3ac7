import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { can, type TActor, type TPermission } from "@/lib/auth/permissions";
import { readReplicaEnv } from "@/lib/env";
import { createPoolClient, db } from "./client";
import type { PrismaClient } from "./generated/client";

// The dashboards' aggregations on a streaming replica (DATABASE_READ_URL), without anyone missing
// their own writes (docs/SCALING.md, "PostgreSQL read replicas"; decisions/0008).
//
// After a user's write, the primary's WAL position is stored on their row (recordingWritesOf). A
// dashboard read (dashboardRead) asks the replica how far it has replayed and reads there only when
// that is at or past the user's last write; otherwise on the primary. Both positions are kept by
// PostgreSQL, not by this process, so every app process — and every device of the user — decides
// the same way. Everything else (sessions, permissions, transactions, the pages' other reads) never
// leaves the primary: only what runs on dashboardDb() can.

/** The client of the current dashboard read, decided once for it; none outside one. */
const chosen = new AsyncLocalStorage<PrismaClient>();

let replica: PrismaClient | null | undefined;

function replicaClient(): PrismaClient | null {
  if (replica === undefined) {
    const url = readReplicaEnv().DATABASE_READ_URL;
    replica = url ? createPoolClient(url) : null;
  }
  return replica;
}

/** Where a dashboard aggregation runs: the replica inside a dashboard read that may use it, else the primary. */
export function dashboardDb(): PrismaClient {
  return chosen.getStore() ?? db;
}

/**
 * A dashboard read: `read(actor, …)` with its aggregations on the replica when the replica has
 * replayed the actor's last write, else on the primary.
 */
export function dashboardRead<TReader extends { id: string }, TArgs extends unknown[], TResult>(
  read: (actor: TReader, ...args: TArgs) => Promise<TResult>,
): (actor: TReader, ...args: TArgs) => Promise<TResult> {
  return async (actor, ...args) => {
    const run = () => read(actor, ...args);
    // Nested in another dashboard read, or in a write (which stays on the primary): decided there.
    if (chosen.getStore()) return run();
    const replica = replicaClient();
    if (!replica) return run();
    return chosen.run((await hasReplayedWritesOf(replica, actor.id)) ? replica : db, run);
  };
}

/** What the dashboard reads (dashboardRead) ask for: a role with none of them has no dashboard to wait for. */
const DASHBOARD_PERMISSIONS: readonly TPermission[] = [
  "measure:read",
  "analysis:read",
  "overview:read",
  "control:read",
];

/**
 * Runs one user's write (a server action, a survey import): reads inside it stay on the primary,
 * and afterwards the primary's WAL position is stored for the user, so that their next dashboard
 * read waits for a replica that has replayed it. Without a replica, just runs `write`.
 */
export async function recordingWritesOf<T>(actor: TActor, write: () => Promise<T>): Promise<T> {
  if (!replicaClient()) return write();
  try {
    return await chosen.run(db, write);
  } finally {
    // Frontline staff, who send most writes, read no dashboard: their row is left alone.
    if (DASHBOARD_PERMISSIONS.some((permission) => can(actor.role, permission)))
      await recordWritePosition(actor.id);
  }
}

async function recordWritePosition(userId: string): Promise<void> {
  // The insert position, not pg_current_wal_lsn() (what has been written out): with
  // synchronous_commit off the write's commit record may not be written out yet, and it is
  // before the insert position either way. GREATEST: two writes of one user may end in any order.
  await db.$executeRaw`
    UPDATE "User"
       SET "lastWriteLsn" = GREATEST("lastWriteLsn", (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint)
     WHERE id = ${userId}`.catch((error: unknown) =>
    console.error("Could not record a write's WAL position", error),
  );
}

async function hasReplayedWritesOf(replica: PrismaClient, userId: string): Promise<boolean> {
  try {
    const [user, [position]] = await Promise.all([
      db.user.findUnique({ where: { id: userId }, select: { lastWriteLsn: true } }),
      replica.$queryRaw<{ replayed: bigint | null }[]>`
        SELECT (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint AS replayed`,
    ]);
    // NULL: not a standby (promoted, or the primary's own address), so not following the primary.
    const replayed = position?.replayed;
    if (replayed === null || replayed === undefined) return false;
    const lastWrite = user?.lastWriteLsn;
    return lastWrite === null || lastWrite === undefined || BigInt(replayed) >= lastWrite;
  } catch (error) {
    // A replica that does not answer: the dashboards read from the primary meanwhile.
    console.error("The read replica did not answer; reading from the primary", error);
    return false;
  }
}
