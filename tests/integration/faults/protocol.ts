// What the fault tests ask of the app process (app-worker.ts) and what it answers: plain,
// JSON-safe data, because it crosses a process boundary (Node's IPC channel).

export type TFaultFixture = {
  organizationId: string;
  managerId: string;
  journeyId: string;
  touchpointId: string;
  apiKeySecret: string;
};

/** One POST /api/v1/observations: its Idempotency-Key and its JSON body. */
export type TApiRequest = { key: string; body: string };
export type TApiAnswer = { key: string; status: number; body: string };

export type TImportResult =
  { ok: true; status: string; counts: Record<string, number> } | { ok: false; error: string };

export type TCommand =
  | { kind: "setup" }
  /** A second app process works on the fixture another one set up. */
  | { kind: "join"; fixture: TFaultFixture }
  | { kind: "import"; rows: number }
  | { kind: "post"; requests: TApiRequest[]; concurrency: number }
  | { kind: "exit" };

export type TResultOf<C extends TCommand["kind"]> = C extends "setup"
  ? TFaultFixture
  : C extends "join"
    ? null
    : C extends "import"
      ? TImportResult
      : C extends "post"
        ? TApiAnswer[]
        : null;

/** Sent while a command runs: rows an import has processed, requests answered so far. */
export type TProgressEvent =
  { kind: "imported"; processedRows: number } | { kind: "answered"; status: number };

export type TToWorker = { id: number; command: TCommand };
export type TFromWorker =
  { id: number; result: unknown } | { id: number; error: string } | { event: TProgressEvent };
