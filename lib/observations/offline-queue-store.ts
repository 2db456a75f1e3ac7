import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { TQueueEntry } from "./offline-queue";

// The device's queue in IndexedDB: a thin adapter, the decisions are in offline-queue.ts.
// Browser only (the frontline pages' client components).

const DATABASE = "moments-frontline";
const STORE = "observation-queue";

interface TQueueDatabase extends DBSchema {
  [STORE]: { key: string; value: TQueueEntry };
}

let opened: Promise<IDBPDatabase<TQueueDatabase>> | undefined;

function database(): Promise<IDBPDatabase<TQueueDatabase>> {
  opened ??= openDB<TQueueDatabase>(DATABASE, 1, {
    upgrade(db) {
      db.createObjectStore(STORE, { keyPath: "clientId" });
    },
  });
  return opened;
}

export async function readQueue(): Promise<TQueueEntry[]> {
  return (await database()).getAll(STORE);
}

/** Writes and deletes in one transaction, so a reload never sees half an answer applied. */
export async function writeQueue(change: {
  put?: TQueueEntry[];
  remove?: string[];
}): Promise<void> {
  const tx = (await database()).transaction(STORE, "readwrite");
  await Promise.all([
    ...(change.put ?? []).map((entry) => tx.store.put(entry)),
    ...(change.remove ?? []).map((clientId) => tx.store.delete(clientId)),
    tx.done,
  ]);
}
