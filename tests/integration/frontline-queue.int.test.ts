import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { TActor } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { deleteTouchpoint } from "@/lib/journeys/touchpoints";
import { recordObservations } from "@/lib/observations/mutations";
import {
  applyAnswer,
  createQueueEntry,
  mergeChange,
  selectBatch,
  toActionInput,
  type TQueueEntry,
  type TSendAnswer,
} from "@/lib/observations/offline-queue";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations } from "./helpers/factories";
import { buildJourney, versionOf, type TFixture } from "./helpers/journey-fixture";

// The device's queue policy against the real store: what the frontline page does on each flush,
// minus the browser (IndexedDB and the server action's transport).

let cast: Awaited<ReturnType<typeof createTwoOrganizations>>;
let f: TFixture;

beforeEach(async () => {
  await resetDatabase();
  cast = await createTwoOrganizations();
  f = await buildJourney(cast.a.manager);
});

/** The server action's answer, as authedAction shapes it. */
async function send(actor: TActor, batch: TQueueEntry[]): Promise<TSendAnswer> {
  try {
    return { ok: true, data: await recordObservations(actor, toActionInput(batch)) };
  } catch (error) {
    if (isAppError(error))
      return { ok: false, code: error.code, error: error.message, fieldErrors: error.fieldErrors };
    throw error;
  }
}

/** One flush: send due batches until nothing is due; returns the queue left on the device. */
async function flush(
  actor: TActor,
  queue: TQueueEntry[],
  now: number,
  loseAnswers = false,
): Promise<TQueueEntry[]> {
  let entries = queue;
  for (
    let batch = selectBatch(entries, { userId: actor.id, now, max: 1000 });
    batch.length;
    batch = selectBatch(entries, { userId: actor.id, now, max: 1000 })
  ) {
    const answer = await send(actor, batch);
    entries = mergeChange(
      entries,
      applyAnswer(
        batch,
        loseAnswers ? { ok: false, code: "NETWORK", error: "lost", fieldErrors: {} } : answer,
        now,
      ),
    );
  }
  return entries;
}

const entriesFor = (actor: TActor, touchpointIds: string[], now: number) =>
  touchpointIds.map((touchpointId, n) =>
    createQueueEntry({
      clientId: randomUUID(),
      userId: actor.id,
      observation: {
        touchpointId,
        segmentId: f.segment,
        source: "FRONTLINE",
        observedAt: new Date(now - n).toISOString(),
        expectationScore: 5,
        experiencedScore: 6,
        comment: `entry ${n}`,
      },
      label: touchpointId,
      now: now - touchpointIds.length + n, // logged one after the other, all due now
    }),
  );

describe("the offline queue against the store", () => {
  it("stores 1,500 entries exactly once across a lost answer and a retry, in batches of at most 1,000", async () => {
    const now = Date.now();
    const queue = entriesFor(
      cast.a.frontline,
      Array.from({ length: 1500 }, (_, n) => [f.mot, f.plain, f.other][n % 3]!),
      now,
    );

    const afterLostAnswers = await flush(cast.a.frontline, queue, now, true);
    expect(afterLostAnswers).toHaveLength(1500); // nothing leaves the device without an answer…
    expect(await db.observation.count()).toBe(1500); // …though the server did store them
    expect(selectBatch(afterLostAnswers, { userId: cast.a.frontline.id, now })).toEqual([]); // backing off

    const later = now + 2_000;
    expect(await flush(cast.a.frontline, afterLostAnswers, later)).toEqual([]);
    expect(await db.observation.count()).toBe(1500);
    expect(
      await db.observation.count({
        where: { clientId: { in: queue.map((e) => e.clientId) }, loggedById: cast.a.frontline.id },
      }),
    ).toBe(1500);
  });

  it("fails an entry whose touchpoint was deleted meanwhile, with the reason, and sends the others", async () => {
    const now = Date.now();
    const queue = entriesFor(cast.a.frontline, [f.mot, f.other, f.plain], now);
    await deleteTouchpoint(cast.a.manager, {
      journeyId: f.journeyId,
      version: await versionOf(f.journeyId),
      touchpointId: f.other,
    });

    const left = await flush(cast.a.frontline, queue, now);
    expect(left).toEqual([
      expect.objectContaining({
        clientId: queue[1]!.clientId,
        status: "failed",
        failure: ["errors.NOT_FOUND"],
      }),
    ]);
    expect(
      (await db.observation.findMany({ select: { clientId: true } })).map((o) => o.clientId).sort(),
    ).toEqual([queue[0]!.clientId, queue[2]!.clientId].sort());
  });

  it("never sends another organization's touchpoint into the store", async () => {
    const theirs = await buildJourney(cast.b.manager, "Airline");
    const now = Date.now();
    const queue = entriesFor(cast.a.frontline, [theirs.mot], now).map((e) => ({
      ...e,
      observation: { ...e.observation, segmentId: null },
    }));
    const left = await flush(cast.a.frontline, queue, now);
    expect(left[0]).toMatchObject({ status: "failed", failure: ["errors.NOT_FOUND"] });
    expect(await db.observation.count()).toBe(0);
  });
});
