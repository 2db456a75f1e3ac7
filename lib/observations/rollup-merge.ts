import "server-only";
import { db } from "@/lib/db/client";
import { lockRollupsShared, mergePendingRowsOf } from "./rollups";

// The background step that keeps the rollups' pending tail short (docs/SCALING.md, "Pending rows"):
// the app's server runs it about once a second (instrumentation.ts); scripts and tests call
// mergePendingRollups when they want the rollup tables themselves up to date. Reads never wait
// for it: they add what is still pending, so every figure is exact whether it has run or not.

/** Rows moved per transaction: short enough to hold the rollup rows it updates only briefly. */
const BATCH_ROWS = 5_000;
/** The pause between two merges when nothing was left. */
const INTERVAL_MS = 1_000;

/**
 * Moves every organization's pending rows into the rollups, a batch per transaction, one batch per
 * organization in turn (a busy organization does not hold the others back; one whose merge fails
 * is logged and left for the next turn). Returns how many rows moved.
 */
export async function mergePendingRollups(): Promise<number> {
  let waiting = (
    await db.$queryRaw<{ organizationId: string }[]>`
      SELECT DISTINCT "organizationId" FROM "RollupPending"`
  ).map((row) => row.organizationId);
  let moved = 0;
  while (waiting.length) {
    const more: string[] = [];
    for (const organizationId of waiting) {
      try {
        const batch = await db.$transaction(async (tx) => {
          // Shared with inserts and other merges, exclusive with a rebuild (rollups.ts).
          await lockRollupsShared(tx, organizationId);
          return mergePendingRowsOf(tx, organizationId, BATCH_ROWS);
        });
        moved += batch;
        if (batch === BATCH_ROWS) more.push(organizationId);
      } catch (error) {
        console.error(`Merging the pending rows of organization ${organizationId} failed.`, error);
      }
    }
    waiting = more;
  }
  return moved;
}

/**
 * Merges pending rows now and then until stopped: one merge at a time in this process (several
 * processes may each run one: a row locked by another merge is skipped, not counted twice). A
 * failed merge (PostgreSQL restarting) is logged and tried again at the next turn; the rows wait.
 */
export function startRollupMerger(options: { intervalMs?: number } = {}): () => void {
  const intervalMs = options.intervalMs ?? INTERVAL_MS;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const turn = async () => {
    try {
      await mergePendingRollups();
    } catch (error) {
      console.error("Merging pending rows into the rollups failed; retrying.", error);
    }
    if (!stopped) timer = setTimeout(turn, intervalMs).unref();
  };
  timer = setTimeout(turn, 0).unref();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
