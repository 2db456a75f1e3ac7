import "server-only";
import type { Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

// At most one survey import (or preview of a whole file) runs per organization, so that one
// organization's uploads cannot take every connection and core from the others. The lock is a
// PostgreSQL transaction-level advisory lock taken by the transaction that does the work: it holds
// across app processes, and it ends with that transaction — at commit, at rollback, or when the
// connection dies with its process. Nothing is written, so nothing can stay locked after a crash.
// A client that vanishes without closing its connection (a host gone from the network) leaves a
// transaction idle; PostgreSQL ends it after IDLE_IN_IMPORT, and the lock with it.

/** The first half of the lock's key, naming this lock among the advisory locks of the database. */
const IMPORT_LOCK_CLASS = 0x1d_50_47; // arbitrary; two-integer keys never meet the migration runner's one bigint key
/** Between two batches the import's connection waits for Node to read and convert 2,000 rows. */
const IDLE_IN_IMPORT_MS = 2 * 60_000;

/**
 * Takes the organization's import lock for the rest of the transaction, or refuses (CONFLICT)
 * at once when another transaction holds it. The organization id is hashed into the second half
 * of the key: two organizations whose ids collide would take turns, nothing worse.
 */
export async function lockImportsOf(
  tx: Prisma.TransactionClient,
  organizationId: string,
): Promise<void> {
  const [row] = await tx.$queryRaw<{ locked: boolean }[]>`
    SELECT pg_try_advisory_xact_lock(${IMPORT_LOCK_CLASS}::int, hashtext(${organizationId})) AS locked`;
  if (!row?.locked) throw new AppError("CONFLICT", "imports.errors.importRunning");
  await tx.$queryRaw`SELECT set_config('idle_in_transaction_session_timeout', ${String(IDLE_IN_IMPORT_MS)}, true)`;
}
