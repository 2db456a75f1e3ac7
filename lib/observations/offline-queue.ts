import type { TActionResult } from "@/lib/action-result";
import { MAX_OBSERVATIONS_PER_BATCH } from "./limits";
import type { TObservationInput } from "./schemas";

// The policy of the device's queue of observations waiting to be sent: what to send next, what
// an answer of the server means for each entry, and how long to wait after a failure. Pure, so
// that it is tested without a browser; the IndexedDB adapter (offline-queue-store.ts) and the
// React hook only carry out what these functions decide.

/** An observation as the device keeps it: JSON-safe (observedAt as an ISO string). */
export type TQueuedObservation = Omit<TObservationInput, "observedAt" | "clientId"> & {
  clientId: string;
  observedAt: string;
};

export type TQueueEntry = {
  /** crypto.randomUUID() on the device; the observation's clientId, so a retry is never stored twice. */
  clientId: string;
  /** The signed-in user who logged it: a shared device sends each user's entries under their own session. */
  userId: string;
  observation: TQueuedObservation;
  /** What the list of failed entries shows (the touchpoint's name at the time of logging). */
  label: string;
  createdAt: number;
  status: "waiting" | "failed";
  /** Sends that got no usable answer so far (network down, server error); drives the back-off. */
  attempts: number;
  /** Not sent before this time (ms since the epoch). */
  notBefore: number;
  /** A batch holding this entry was refused as a whole without naming the item: send it alone. */
  isAlone: boolean;
  /** Why the server refused it for good: message keys, shown with a discard button. */
  failure: string[] | null;
};

export type TSendAnswer<T = unknown> =
  | TActionResult<T>
  | { ok: false; code: "NETWORK"; error: string; fieldErrors: Record<string, string[]> };

/** What to do with the queue after an answer: entries to delete, entries to write back. */
export type TQueueChange = { remove: string[]; update: TQueueEntry[]; status: TQueueStatus };

/** The last answer's effect, for the page: all sent, retrying later, or the user must sign in again. */
export type TQueueStatus = "sent" | "retrying" | "signedOut" | "refused";

const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 60_000;

export function createQueueEntry(input: {
  clientId: string;
  userId: string;
  observation: Omit<TQueuedObservation, "clientId">;
  label: string;
  now: number;
}): TQueueEntry {
  return {
    clientId: input.clientId,
    userId: input.userId,
    observation: { ...input.observation, clientId: input.clientId },
    label: input.label,
    createdAt: input.now,
    status: "waiting",
    attempts: 0,
    notBefore: input.now,
    isAlone: false,
    failure: null,
  };
}

/** 2 s, 4 s, 8 s … up to a minute: a flaky network is not hammered, a returning one is used soon. */
export function backoffDelay(attempts: number): number {
  if (attempts <= 0) return 0;
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (attempts - 1));
}

const oldestFirst = (a: TQueueEntry, b: TQueueEntry) =>
  a.createdAt - b.createdAt || a.clientId.localeCompare(b.clientId);

/**
 * The next batch to send: the user's waiting entries that are due, oldest first, at most
 * `max`. An entry marked to go alone (its batch was refused without naming the culprit) is
 * sent by itself, so one bad entry cannot hold the others back.
 */
export function selectBatch(
  entries: TQueueEntry[],
  options: { userId: string; now: number; max?: number },
): TQueueEntry[] {
  const max = Math.min(options.max ?? MAX_OBSERVATIONS_PER_BATCH, MAX_OBSERVATIONS_PER_BATCH);
  const due = entries
    .filter(
      (e) => e.userId === options.userId && e.status === "waiting" && e.notBefore <= options.now,
    )
    .sort(oldestFirst);
  const alone = due.find((e) => e.isAlone);
  if (alone) return [alone];
  return due.slice(0, max);
}

const ITEM_FIELD = /^observations\.(\d+)\.(\w+)$/;

/**
 * What the server's answer to `batch` means for each entry of it.
 * - Stored (new or already there): every entry leaves the queue.
 * - Refused for a validation reason naming items ("observations.3.touchpointId"): those items
 *   fail for good with their reasons; the rest of the batch (refused with them, all or nothing)
 *   is due again at once.
 * - Refused for a validation reason naming no item: a single entry fails; a larger batch is
 *   split (each entry goes alone next) to find the culprit.
 * - Signed out: nothing changes until the user signs in again.
 * - Anything else (no network, a server error, a lost answer): every entry is retried after a
 *   growing delay — the clientId makes the retry harmless if the first send was in fact stored.
 */
export function applyAnswer(batch: TQueueEntry[], answer: TSendAnswer, now: number): TQueueChange {
  if (answer.ok) return { remove: batch.map((e) => e.clientId), update: [], status: "sent" };

  if (answer.code === "UNAUTHENTICATED") return { remove: [], update: [], status: "signedOut" };

  if (answer.code === "VALIDATION") {
    const reasonsByIndex = new Map<number, string[]>();
    for (const [key, messages] of Object.entries(answer.fieldErrors)) {
      const match = ITEM_FIELD.exec(key);
      if (match)
        reasonsByIndex.set(Number(match[1]), [
          ...(reasonsByIndex.get(Number(match[1])) ?? []),
          ...messages,
        ]);
    }
    const named = [...reasonsByIndex.keys()].filter((index) => index < batch.length);
    if (named.length > 0) {
      const update = batch.map((entry, index) => {
        const reasons = reasonsByIndex.get(index);
        return reasons ? failed(entry, reasons) : { ...entry, notBefore: now };
      });
      return { remove: [], update, status: "refused" };
    }
    const reasons = [...new Set([...Object.values(answer.fieldErrors).flat(), answer.error])];
    if (batch.length === 1)
      return { remove: [], update: [failed(batch[0]!, reasons)], status: "refused" };
    return {
      remove: [],
      update: batch.map((entry) => ({ ...entry, isAlone: true, notBefore: now })),
      status: "retrying",
    };
  }

  const update = batch.map((entry) => ({
    ...entry,
    attempts: entry.attempts + 1,
    notBefore: now + backoffDelay(entry.attempts + 1),
  }));
  return { remove: [], update, status: "retrying" };
}

function failed(entry: TQueueEntry, reasons: string[]): TQueueEntry {
  return { ...entry, status: "failed", failure: reasons, isAlone: false };
}

/** The queue after a change: removed entries gone, updated ones replaced, entries added meanwhile kept. */
export function mergeChange(
  entries: TQueueEntry[],
  change: Pick<TQueueChange, "remove" | "update">,
): TQueueEntry[] {
  const removed = new Set(change.remove);
  const updated = new Map(change.update.map((e) => [e.clientId, e]));
  return entries.filter((e) => !removed.has(e.clientId)).map((e) => updated.get(e.clientId) ?? e);
}

/**
 * A new entry's id. crypto.randomUUID() exists only in secure contexts (HTTPS, localhost); a
 * self-hosted server reached over plain HTTP on the shop's network still gets a random v4 UUID.
 */
export function newClientId(
  crypto: Pick<Crypto, "getRandomValues"> & { randomUUID?: () => string } = globalThis.crypto,
): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Counts for the page: waiting to send, and failed for good (awaiting the user's discard). */
export function summarizeQueue(
  entries: TQueueEntry[],
  userId: string,
): { waiting: number; failed: number } {
  let waiting = 0;
  let failedCount = 0;
  for (const e of entries) {
    if (e.userId !== userId) continue;
    if (e.status === "waiting") waiting += 1;
    else failedCount += 1;
  }
  return { waiting, failed: failedCount };
}

/** When the next send is due (ms since the epoch), or null when nothing waits. */
export function nextDueAt(entries: TQueueEntry[], userId: string): number | null {
  let next: number | null = null;
  for (const e of entries) {
    if (e.userId === userId && e.status === "waiting" && (next === null || e.notBefore < next))
      next = e.notBefore;
  }
  return next;
}

/** The entries as the server action takes them. */
export function toActionInput(batch: TQueueEntry[]): { observations: TQueuedObservation[] } {
  return { observations: batch.map((e) => e.observation) };
}
