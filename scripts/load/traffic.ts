// What the load test sends, and its closed loop: frontline staff sending observations the way the
// frontline page does (the server action recordObservationsAction, one queued entry per send, a
// fresh clientId each). The capacity part drives them with autocannon, every connection sending
// again as soon as it has its answer; the realistic part sends them on a schedule (open-loop.ts).
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import * as hdr from "hdr-histogram-js";
import { sendOutcomeOf, type TSendOutcome } from "./action-answer";

export type TCrowdResult = {
  name: string;
  requests: number;
  errors: number;
  /** What went wrong, counted by kind ("status 500", "timeout", "action INTERNAL", …). */
  errorKinds: Record<string, number>;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  perSecond: number;
};

export type TSubmitterPlan = {
  baseUrl: string;
  cookie: string;
  actionId: string;
  connections: number;
  durationSeconds: number;
  /** What an entry on the frontline form can name. */
  choices: { touchpointIds: string[]; segmentIds: string[]; siteId: string | null };
  /** Marks the run's observations, so that the count check finds them all. */
  marker: string;
};

export const REQUEST_TIMEOUT_S = 30;

/** The id Next.js gave the frontline page's server action in this build. */
export function findActionId(root: string, exportedName: string, file: string): string {
  const manifest = JSON.parse(
    readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.exportedName === exportedName && entry.filename === file,
  );
  if (!found) throw new Error(`No server action ${exportedName} of ${file} in this build`);
  return found[0];
}

/** One observation as the frontline form queues it, under a fresh device clientId. */
function frontlineEntry(plan: TSubmitterPlan, clientId: string, n: number) {
  const { touchpointIds, segmentIds, siteId } = plan.choices;
  return {
    clientId,
    touchpointId: touchpointIds[n % touchpointIds.length]!,
    driverId: null,
    segmentId: segmentIds.length ? segmentIds[n % segmentIds.length]! : null,
    siteId,
    source: "FRONTLINE",
    observedAt: new Date().toISOString(),
    expectationScore: 1 + (n % 7),
    experiencedScore: 1 + ((n * 3) % 7),
    emotionalScore: null,
    nps: null,
    comment: plan.marker,
  };
}

/** The request the browser makes for `send({ observations })`: POST to the page, the action's id in a header, the arguments as JSON. */
function actionRequestHeaders(plan: Pick<TSubmitterPlan, "baseUrl" | "cookie" | "actionId">) {
  return {
    "next-action": plan.actionId,
    accept: "text/x-component",
    "content-type": "text/plain;charset=UTF-8",
    origin: plan.baseUrl,
    cookie: plan.cookie,
  };
}

/** One send of one entry under `clientId`, as the page makes it. */
export async function sendEntry(
  plan: TSubmitterPlan,
  clientId: string,
  n: number,
  signal = AbortSignal.timeout(REQUEST_TIMEOUT_S * 1000),
): Promise<TSendOutcome> {
  const answer = await fetch(`${plan.baseUrl}/frontline`, {
    method: "POST",
    headers: actionRequestHeaders(plan),
    body: JSON.stringify([{ observations: [frontlineEntry(plan, clientId, n)] }]),
    signal,
  });
  return sendOutcomeOf(answer.status, await answer.text());
}

/** Runs the submitters with no pause (closed loop); every clientId the server answered ok for goes into `acknowledged`. */
export function runSubmitters(
  plan: TSubmitterPlan,
  acknowledged: Set<string>,
): Promise<TCrowdResult> {
  let sent = 0;
  const errorKinds: Record<string, number> = {};
  return runCrowd("submissions", errorKinds, {
    url: plan.baseUrl,
    connections: plan.connections,
    duration: plan.durationSeconds,
    timeout: REQUEST_TIMEOUT_S,
    requests: [
      {
        method: "POST",
        path: "/frontline",
        headers: actionRequestHeaders(plan),
        setupRequest: (request, context) => {
          const clientId = randomUUID();
          (context as { clientId?: string }).clientId = clientId;
          return {
            ...request,
            body: JSON.stringify([{ observations: [frontlineEntry(plan, clientId, sent++)] }]),
          };
        },
        onResponse: (status, body, context) => {
          if (status !== 200) return; // counted by runCrowd
          const outcome = sendOutcomeOf(status, body);
          if (outcome.ok) acknowledged.add((context as { clientId: string }).clientId);
          else countKind(errorKinds, outcome.kind);
        },
      },
    ],
  });
}

export const countKind = (kinds: Record<string, number>, kind: string) =>
  void (kinds[kind] = (kinds[kind] ?? 0) + 1);

/** Latencies in whole milliseconds, up to the two minutes no request waits for. */
export const latencyHistogram = () =>
  hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 120_000,
    numberOfSignificantValueDigits: 3,
  });

export const latencySummaryOf = (
  histogram: ReturnType<typeof latencyHistogram>,
): TCrowdResult["latencyMs"] => ({
  p50: histogram.getValueAtPercentile(50),
  p95: histogram.getValueAtPercentile(95),
  p99: histogram.getValueAtPercentile(99),
  max: histogram.maxValue,
});

function runCrowd(
  name: string,
  errorKinds: Record<string, number>,
  options: autocannon.Options,
): Promise<TCrowdResult> {
  const histogram = latencyHistogram();
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => {
      if (error) return reject(error);
      if (result.timeouts) errorKinds.timeout = result.timeouts;
      const connectionErrors = result.errors - result.timeouts;
      if (connectionErrors > 0) errorKinds["connection error"] = connectionErrors;
      const errors = Object.values(errorKinds).reduce((sum, n) => sum + n, 0);
      resolve({
        name,
        requests: result.requests.total,
        errors,
        errorKinds,
        latencyMs: latencySummaryOf(histogram),
        perSecond: result.requests.total / result.duration,
      });
    });
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      histogram.recordValue(Math.max(1, Math.round(responseTime)));
      if (statusCode < 200 || statusCode > 299) countKind(errorKinds, `status ${statusCode}`);
    });
  });
}
