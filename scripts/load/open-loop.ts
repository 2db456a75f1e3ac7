// The realistic half of `npm run load`, an open loop: every request has its time on a schedule
// fixed before the run, and goes out at that time whatever happened to the ones before it. Its
// latency runs from that scheduled time to the end of its answer's body, so a server that falls
// behind shows as slow answers, not as fewer requests (no coordinated omission), and a client
// that falls behind counts against the server rather than hiding it.
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import {
  countKind,
  latencyHistogram,
  latencySummaryOf,
  REQUEST_TIMEOUT_S,
  type TCrowdResult,
} from "./traffic";

/** The `turn`-th request of `actor`, due `atMs` after the start. */
export type TScheduled = { atMs: number; actor: number; turn: number };
export type TOutcome = { ok: true } | { ok: false; kind: string };

/**
 * `actors` people, each acting once every `everyMs` from a start phase of their own drawn in
 * [0, everyMs) (so that they do not all act at once), for `durationMs`; sorted by time.
 * `random` returns a number in [0, 1), as Math.random does.
 */
export function openLoopSchedule(
  actors: number,
  everyMs: number,
  durationMs: number,
  random: () => number,
): TScheduled[] {
  const schedule: TScheduled[] = [];
  for (let actor = 0; actor < actors; actor += 1) {
    const phase = random() * everyMs;
    for (let turn = 0; phase + turn * everyMs < durationMs; turn += 1)
      schedule.push({ atMs: phase + turn * everyMs, actor, turn });
  }
  return schedule.sort((a, b) => a.atMs - b.atMs || a.actor - b.actor);
}

/**
 * Sends each scheduled request at its time through `fire` (never waiting for an answer first), then
 * waits for the last answers. A request that throws (a refused connection, the timeout) is an error
 * of its kind; its latency is counted as well.
 */
export async function runOpenLoop(
  name: string,
  schedule: readonly TScheduled[],
  durationSeconds: number,
  fire: (scheduled: TScheduled, signal: AbortSignal) => Promise<TOutcome>,
): Promise<TCrowdResult> {
  const histogram = latencyHistogram();
  const errorKinds: Record<string, number> = {};
  const start = performance.now();
  const requests: Promise<void>[] = [];
  for (const scheduled of schedule) {
    const due = start + scheduled.atMs;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    requests.push(
      fire(scheduled, AbortSignal.timeout(REQUEST_TIMEOUT_S * 1000)).then(
        (outcome) => {
          histogram.recordValue(Math.max(1, Math.round(performance.now() - due)));
          if (!outcome.ok) countKind(errorKinds, outcome.kind);
        },
        (error: unknown) => {
          histogram.recordValue(Math.max(1, Math.round(performance.now() - due)));
          countKind(errorKinds, errorKindOf(error));
        },
      ),
    );
  }
  await Promise.all(requests);
  return {
    name,
    requests: schedule.length,
    errors: Object.values(errorKinds).reduce((sum, n) => sum + n, 0),
    errorKinds,
    latencyMs: latencySummaryOf(histogram),
    perSecond: schedule.length / durationSeconds,
  };
}

function errorKindOf(error: unknown): string {
  if (error instanceof DOMException && error.name === "TimeoutError") return "timeout";
  const cause = (error as { cause?: { code?: string } }).cause;
  return `connection error${cause?.code ? ` ${cause.code}` : ""}`;
}
