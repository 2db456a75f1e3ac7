"use client";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { TActionResult } from "@/lib/action-result";
import {
  applyAnswer,
  createQueueEntry,
  mergeChange,
  newClientId,
  selectBatch,
  summarizeQueue,
  toActionInput,
  type TQueueEntry,
  type TQueueStatus,
  type TQueuedObservation,
  type TSendAnswer,
} from "@/lib/observations/offline-queue";
import { readQueue, writeQueue } from "@/lib/observations/offline-queue-store";

export type TSendObservations = (
  input: ReturnType<typeof toActionInput>,
) => Promise<TActionResult<unknown>>;

/** While entries wait, look again this often (a send is made only when one is due: see the back-off). */
const POLL_MS = 5_000;
/** A flush stops after this many sends in a row, and goes on at the next poll. */
const MAX_SENDS_PER_FLUSH = 50;

const subscribeOnline = (notify: () => void) => {
  window.addEventListener("online", notify);
  window.addEventListener("offline", notify);
  return () => {
    window.removeEventListener("online", notify);
    window.removeEventListener("offline", notify);
  };
};

/** Whether the browser believes it is online (false is reliable; true may still fail). */
export function useIsOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
}

/**
 * The device's queue of observations: each entry is written to IndexedDB first, then sent with
 * the server action; it leaves the device only when the server answered for it. Sends on save,
 * when the browser comes back online, on load, and every few seconds while entries wait.
 */
export function useOfflineQueue({ userId, send }: { userId: string; send: TSendObservations }) {
  const [entries, setEntries] = useState<TQueueEntry[]>([]);
  const [isLoaded, setIsLoaded] = useState(false);
  const [status, setStatus] = useState<TQueueStatus | null>(null);
  const current = useRef<TQueueEntry[]>([]);
  const running = useRef<Promise<void> | null>(null);
  const isRequested = useRef(false);

  const replace = useCallback((next: TQueueEntry[]) => {
    current.current = next;
    setEntries(next);
  }, []);

  const sendDue = useCallback(async () => {
    for (let sends = 0; sends < MAX_SENDS_PER_FLUSH && navigator.onLine; sends += 1) {
      const batch = selectBatch(current.current, { userId, now: Date.now() });
      if (batch.length === 0) return;
      let answer: TSendAnswer;
      try {
        answer = await send(toActionInput(batch));
      } catch {
        // No answer at all (offline, connection dropped, server gone): maybe stored, maybe not.
        answer = { ok: false, code: "NETWORK", error: "errors.INTERNAL", fieldErrors: {} };
      }
      const change = applyAnswer(batch, answer, Date.now());
      await writeQueue({ put: change.update, remove: change.remove });
      replace(mergeChange(current.current, change));
      setStatus(change.status);
      if (change.status === "signedOut") return;
    }
  }, [userId, send, replace]);

  /** Sends what is due; a call while a send runs makes that run look again when it ends. */
  const flush = useCallback((): Promise<void> => {
    if (running.current) {
      isRequested.current = true;
      return running.current;
    }
    running.current = (async () => {
      do {
        isRequested.current = false;
        await sendDue();
      } while (isRequested.current);
    })().finally(() => {
      running.current = null;
    });
    return running.current;
  }, [sendDue]);

  useEffect(() => {
    let isCancelled = false;
    readQueue()
      .then((stored) => {
        if (isCancelled) return;
        // An entry saved before the stored queue was read is in both: keep one of each.
        const storedIds = new Set(stored.map((e) => e.clientId));
        replace([...stored, ...current.current.filter((e) => !storedIds.has(e.clientId))]);
        setIsLoaded(true);
        void flush();
      })
      .catch(() => setIsLoaded(true));
    const onOnline = () => void flush();
    window.addEventListener("online", onOnline);
    return () => {
      isCancelled = true;
      window.removeEventListener("online", onOnline);
    };
  }, [flush, replace]);

  const { waiting, failed } = summarizeQueue(entries, userId);
  useEffect(() => {
    if (waiting === 0) return;
    const timer = window.setInterval(() => void flush(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [waiting, flush]);

  /** Keeps the observation on the device, then tries to send it. Throws when the device cannot store it. */
  const enqueue = useCallback(
    async (
      observation: Omit<TQueuedObservation, "clientId">,
      label: string,
    ): Promise<TQueueEntry> => {
      const entry = createQueueEntry({
        clientId: newClientId(),
        userId,
        observation,
        label,
        now: Date.now(),
      });
      await writeQueue({ put: [entry] });
      replace([...current.current, entry]);
      void flush();
      return entry;
    },
    [userId, replace, flush],
  );

  const discard = useCallback(
    async (clientId: string) => {
      await writeQueue({ remove: [clientId] });
      replace(current.current.filter((e) => e.clientId !== clientId));
    },
    [replace],
  );

  return {
    isLoaded,
    waiting,
    failed,
    failedEntries: entries.filter((e) => e.userId === userId && e.status === "failed"),
    status,
    enqueue,
    discard,
    flush,
  };
}
