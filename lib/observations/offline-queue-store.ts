import type { TQueueEntry } from "./offline-queue";

// The device's queue in IndexedDB: a thin adapter, the decisions are in offline-queue.ts.
// Browser only (the frontline pages' client components). Plain IndexedDB, no wrapper library:
// two operations do not need one, and the phone downloads less (docs/SCALING.md).

const DATABASE = "moments-frontline";
const STORE = "observation-queue";

let opened: Promise<IDBDatabase> | undefined;

/** A request's result, or its error, as a promise. */
const settled = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

function database(): Promise<IDBDatabase> {
  if (!opened) {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () =>
      request.result.createObjectStore(STORE, { keyPath: "clientId" });
    opened = settled(request);
  }
  return opened;
}

export async function readQueue(): Promise<TQueueEntry[]> {
  const store = (await database()).transaction(STORE).objectStore(STORE);
  return settled(store.getAll() as IDBRequest<TQueueEntry[]>);
}

/** Writes and deletes in one transaction, so a reload never sees half an answer applied. */
export async function writeQueue(change: {
  put?: TQueueEntry[];
  remove?: string[];
}): Promise<void> {
  const tx = (await database()).transaction(STORE, "readwrite");
  const store = tx.objectStore(STORE);
  for (const entry of change.put ?? []) store.put(entry);
  for (const clientId of change.remove ?? []) store.delete(clientId);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new DOMException("Transaction aborted", "AbortError"));
  });
}
