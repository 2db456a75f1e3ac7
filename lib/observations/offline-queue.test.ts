import { describe, expect, it } from "vitest";
import {
  BACKOFF_MAX_MS,
  applyAnswer,
  backoffDelay,
  createQueueEntry,
  mergeChange,
  newClientId,
  nextDueAt,
  selectBatch,
  summarizeQueue,
  toActionInput,
  type TQueueEntry,
  type TSendAnswer,
} from "./offline-queue";

const T0 = Date.parse("2026-11-25T09:00:00Z");

function entry(n: number, overrides: Partial<TQueueEntry> = {}): TQueueEntry {
  return {
    ...createQueueEntry({
      clientId: `id-${String(n).padStart(4, "0")}`,
      userId: "user-a",
      observation: {
        touchpointId: "tp-1",
        source: "FRONTLINE",
        observedAt: new Date(T0 + n).toISOString(),
        experiencedScore: 5,
      },
      label: "Counter",
      now: T0 + n,
    }),
    ...overrides,
  };
}

const ok: TSendAnswer = { ok: true, data: { created: 1, duplicates: 0 } };
const network: TSendAnswer = { ok: false, code: "NETWORK", error: "network", fieldErrors: {} };
const refused = (fieldErrors: Record<string, string[]>): TSendAnswer => ({
  ok: false,
  code: "VALIDATION",
  error: "errors.VALIDATION",
  fieldErrors,
});

describe("createQueueEntry", () => {
  it("makes the device's id the observation's clientId and is due at once", () => {
    const e = entry(1);
    expect(e.observation.clientId).toBe(e.clientId);
    expect(e).toMatchObject({
      status: "waiting",
      attempts: 0,
      notBefore: T0 + 1,
      failure: null,
      isAlone: false,
    });
    expect(toActionInput([e])).toEqual({ observations: [e.observation] });
  });
});

describe("selectBatch", () => {
  it("sends the user's due waiting entries, oldest first, at most 1000 per call", () => {
    const many = Array.from({ length: 1200 }, (_, i) => entry(1200 - i));
    const batch = selectBatch(many, { userId: "user-a", now: T0 + 10_000 });
    expect(batch).toHaveLength(1000);
    expect(batch[0]!.clientId).toBe("id-0001");
    expect(batch[999]!.clientId).toBe("id-1000");
    expect(selectBatch(many, { userId: "user-a", now: T0 + 10_000, max: 5000 })).toHaveLength(1000);
  });

  it("skips failed entries, entries not yet due and other users' entries", () => {
    const entries = [
      entry(1, { status: "failed", failure: ["errors.NOT_FOUND"] }),
      entry(2, { notBefore: T0 + 60_000 }),
      entry(3, { userId: "user-b" }),
      entry(4),
    ];
    expect(
      selectBatch(entries, { userId: "user-a", now: T0 + 100 }).map((e) => e.clientId),
    ).toEqual(["id-0004"]);
    expect(
      selectBatch(entries, { userId: "user-a", now: T0 + 60_000 }).map((e) => e.clientId),
    ).toEqual(["id-0002", "id-0004"]);
  });

  it("sends an entry marked to go alone by itself", () => {
    const entries = [entry(1), entry(2, { isAlone: true }), entry(3, { isAlone: true })];
    expect(
      selectBatch(entries, { userId: "user-a", now: T0 + 100 }).map((e) => e.clientId),
    ).toEqual(["id-0002"]);
  });
});

describe("applyAnswer", () => {
  it("removes every entry of a batch the server stored (new ones and retried ones alike)", () => {
    const batch = [entry(1), entry(2)];
    expect(applyAnswer(batch, ok, T0)).toEqual({
      remove: ["id-0001", "id-0002"],
      update: [],
      status: "sent",
    });
  });

  it("keeps every entry after a lost answer and retries later, longer each time", () => {
    const batch = [entry(1), entry(2, { attempts: 2 })];
    const change = applyAnswer(batch, network, T0);
    expect(change.remove).toEqual([]);
    expect(change.status).toBe("retrying");
    expect(change.update.map((e) => [e.attempts, e.notBefore - T0])).toEqual([
      [1, 2_000],
      [3, 8_000],
    ]);
    expect(
      applyAnswer(
        batch,
        { ok: false, code: "INTERNAL", error: "errors.INTERNAL", fieldErrors: {} },
        T0,
      ).update[0]!.attempts,
    ).toBe(1);
  });

  it("fails only the items the server names, with their reasons, and sends the rest again at once", () => {
    const batch = [entry(1, { attempts: 3 }), entry(2), entry(3)];
    const change = applyAnswer(
      batch,
      refused({
        "observations.1.touchpointId": ["errors.NOT_FOUND"],
        "observations.1.segmentId": ["errors.NOT_FOUND"],
      }),
      T0 + 5,
    );
    expect(change.remove).toEqual([]);
    expect(change.status).toBe("refused");
    expect(change.update.map((e) => [e.clientId, e.status, e.failure, e.notBefore])).toEqual([
      ["id-0001", "waiting", null, T0 + 5],
      ["id-0002", "failed", ["errors.NOT_FOUND", "errors.NOT_FOUND"], T0 + 2],
      ["id-0003", "waiting", null, T0 + 5],
    ]);
  });

  it("splits a batch refused without a named item, then fails the single culprit", () => {
    const batch = [entry(1), entry(2)];
    const split = applyAnswer(batch, refused({ observations: ["validation.tooBig"] }), T0);
    expect(split.update.every((e) => e.isAlone && e.status === "waiting")).toBe(true);
    const alone = selectBatch(split.update, { userId: "user-a", now: T0 });
    expect(alone).toHaveLength(1);
    const culprit = applyAnswer(alone, refused({ observations: ["validation.tooBig"] }), T0);
    expect(culprit.update).toEqual([
      expect.objectContaining({
        status: "failed",
        failure: ["validation.tooBig", "errors.VALIDATION"],
        isAlone: false,
      }),
    ]);
  });

  it("changes nothing while the user is signed out", () => {
    expect(
      applyAnswer(
        [entry(1)],
        { ok: false, code: "UNAUTHENTICATED", error: "errors.UNAUTHENTICATED", fieldErrors: {} },
        T0,
      ),
    ).toEqual({
      remove: [],
      update: [],
      status: "signedOut",
    });
  });
});

describe("back-off and counts", () => {
  it("doubles from 2 s and stops at a minute", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map(backoffDelay)).toEqual([
      0,
      2_000,
      4_000,
      8_000,
      16_000,
      32_000,
      BACKOFF_MAX_MS,
      BACKOFF_MAX_MS,
      BACKOFF_MAX_MS,
    ]);
  });

  it("counts the user's waiting and failed entries and knows when the next send is due", () => {
    const entries = [
      entry(1, { notBefore: T0 + 9_000 }),
      entry(2, { notBefore: T0 + 4_000 }),
      entry(3, { status: "failed", notBefore: T0 }),
      entry(4, { userId: "user-b", notBefore: T0 }),
    ];
    expect(summarizeQueue(entries, "user-a")).toEqual({ waiting: 2, failed: 1 });
    expect(nextDueAt(entries, "user-a")).toBe(T0 + 4_000);
    expect(nextDueAt([], "user-a")).toBeNull();
  });
});

describe("mergeChange and newClientId", () => {
  it("applies an answer without losing entries added while it was on its way", () => {
    const [a, b, c] = [entry(1), entry(2), entry(3)];
    const added = entry(4);
    expect(
      mergeChange([a!, b!, c!, added], {
        remove: [a!.clientId],
        update: [{ ...b!, attempts: 1 }],
      }).map((e) => [e.clientId, e.attempts]),
    ).toEqual([
      ["id-0002", 1],
      ["id-0003", 0],
      ["id-0004", 0],
    ]);
  });

  it("makes a v4 UUID also where crypto.randomUUID is missing (plain HTTP)", () => {
    const id = newClientId({
      getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto),
    });
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newClientId()).toMatch(/^[0-9a-f-]{36}$/);
  });
});
