// The two crowds of the load test, each an autocannon run of its own: frontline staff sending
// observations the way the frontline page does (the server action recordObservationsAction,
// one queued entry per send, a fresh clientId each), and managers reading dashboards.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import * as hdr from "hdr-histogram-js";
import { readRecordAnswer } from "./action-answer";

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

const REQUEST_TIMEOUT_S = 30;

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
export function frontlineEntry(plan: TSubmitterPlan, clientId: string, n: number) {
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
export function actionRequestHeaders(
  plan: Pick<TSubmitterPlan, "baseUrl" | "cookie" | "actionId">,
) {
  return {
    "next-action": plan.actionId,
    accept: "text/x-component",
    "content-type": "text/plain;charset=UTF-8",
    origin: plan.baseUrl,
    cookie: plan.cookie,
  };
}

/** Runs the submitters; every clientId the server answered ok for goes into `acknowledged`. */
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
          const answer = readRecordAnswer(body);
          if (answer.ok && answer.created + answer.duplicates === 1)
            acknowledged.add((context as { clientId: string }).clientId);
          else count(errorKinds, answer.ok ? "answer without the entry" : `action ${answer.code}`);
        },
      },
    ],
  });
}

/** Runs the dashboard readers: each connection reads the given pages in turn. */
export function runReaders({
  baseUrl,
  cookie,
  connections,
  durationSeconds,
  paths,
}: {
  baseUrl: string;
  cookie: string;
  connections: number;
  durationSeconds: number;
  paths: string[];
}) {
  return runCrowd(
    "reads",
    {},
    {
      url: baseUrl,
      connections,
      duration: durationSeconds,
      timeout: REQUEST_TIMEOUT_S,
      requests: paths.map((pagePath) => ({
        method: "GET" as const,
        path: pagePath,
        headers: { cookie, accept: "text/html" },
      })),
    },
  );
}

const count = (kinds: Record<string, number>, kind: string) =>
  void (kinds[kind] = (kinds[kind] ?? 0) + 1);

function runCrowd(
  name: string,
  errorKinds: Record<string, number>,
  options: autocannon.Options,
): Promise<TCrowdResult> {
  const histogram = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 120_000,
    numberOfSignificantValueDigits: 3,
  });
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
        latencyMs: {
          p50: histogram.getValueAtPercentile(50),
          p95: histogram.getValueAtPercentile(95),
          p99: histogram.getValueAtPercentile(99),
          max: histogram.maxValue,
        },
        perSecond: result.requests.total / result.duration,
      });
    });
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      histogram.recordValue(Math.max(1, Math.round(responseTime)));
      if (statusCode < 200 || statusCode > 299) count(errorKinds, `status ${statusCode}`);
    });
  });
}
