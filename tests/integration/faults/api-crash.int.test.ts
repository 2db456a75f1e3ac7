import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppProcess, type TAppProcess } from "./app-process";
import { startKillablePostgres, type TKillablePostgres } from "./killable-postgres";
import type { TApiAnswer, TApiRequest, TFaultFixture } from "./protocol";

// PostgreSQL is SIGKILLed while kiosks send batches to POST /api/v1/observations, each under its
// own Idempotency-Key. What a client was told is what happened: every batch answered 201 is
// stored, once; what failed stored nothing a retry would double; retrying the failed batches
// with the same keys stores each of their observations once; nothing else ever appears. While
// PostgreSQL is down every request is answered (an error), none waits for ever on the pool.

const REQUESTS = 300;
const ITEMS = 20;
const CONCURRENCY = 16;
const KILL_AFTER_ACKS = 60;

let postgres: TKillablePostgres;
let app: TAppProcess;
let fixture: TFaultFixture;

beforeAll(async () => {
  postgres = await startKillablePostgres("api");
  // A connection wait shorter than the default keeps the run short; it is still a wait the pool bounds.
  app = await startAppProcess(postgres.url, {
    API_RATE_LIMIT_PER_MINUTE: "100000",
    DATABASE_CONNECTION_TIMEOUT_MS: "3000",
  });
  fixture = await app.call({ kind: "setup" });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await postgres?.stop();
}, 60_000);

const commentOf = (request: number, item: number) => `fault-api r${request} i${item}`;

/** Half the batches name their items' clientIds; the other half leave them to the Idempotency-Key. */
function batches(): TApiRequest[] {
  return Array.from({ length: REQUESTS }, (_, r) => ({
    key: `fault-batch-${r}`,
    body: JSON.stringify({
      observations: Array.from({ length: ITEMS }, (_, i) => ({
        ...(r % 2 === 0 ? { clientId: `fault-kiosk-${r}-${i}` } : {}),
        touchpointId: fixture.touchpointId,
        source: "SURVEY",
        observedAt: "2026-11-20T10:00:00+09:00",
        experiencedScore: 1 + ((r + i) % 7),
        nps: (r * i) % 11,
        comment: commentOf(r, i),
      })),
    }),
  }));
}

const requestOf = (key: string) => Number(key.slice("fault-batch-".length));
const commentsOf = (answers: TApiAnswer[]) =>
  answers.flatMap(({ key }) =>
    Array.from({ length: ITEMS }, (_, i) => commentOf(requestOf(key), i)),
  );

/** How many times each comment is stored (each item's comment is unique). */
async function storedComments(): Promise<Map<string, number>> {
  const rows = await postgres.query<{ comment: string; n: number }>(
    `SELECT comment, count(*)::int AS n FROM "Observation" WHERE "organizationId" = $1 GROUP BY comment`,
    [fixture.organizationId],
  );
  return new Map(rows.map((row) => [row.comment, row.n]));
}

describe("the ingestion API when PostgreSQL is killed half way", () => {
  it(
    "keeps every acknowledged batch exactly once, and a retry with the same keys stores the rest exactly once",
    { timeout: 300_000 },
    async () => {
      const requests = batches();
      let acks = 0;
      let killed: Promise<void> | null = null;
      app.onProgress((event) => {
        if (event.kind !== "answered" || event.status !== 201) return;
        acks += 1;
        if (acks >= KILL_AFTER_ACKS && !killed) {
          killed = postgres.kill();
          killed.catch(() => {}); // awaited below, where a failure fails the test
        }
      });

      // Every request settles although PostgreSQL dies under it: the run finishes while it is down.
      const answers = await app.call({ kind: "post", requests, concurrency: CONCURRENCY });
      await killed;
      expect(answers).toHaveLength(REQUESTS);
      const acknowledged = answers.filter((a) => a.status === 201);
      const failed = answers.filter((a) => a.status !== 201);
      expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
      expect(failed.length).toBeGreaterThan(0);
      // A failure is the server's (500, "retry with the same key is safe"), never a refusal of the batch.
      expect(new Set(failed.map((a) => `${a.status} ${JSON.parse(a.body).code}`))).toEqual(
        new Set(["500 internal_error"]),
      );

      // More requests while PostgreSQL is down: each is answered, with an error.
      const requestsOf = (some: TApiAnswer[]) => some.map(({ key }) => requests[requestOf(key)]!);
      const whileDown = await app.call({
        kind: "post",
        requests: requestsOf(failed.slice(0, 20)),
        concurrency: CONCURRENCY,
      });
      expect(whileDown.map((a) => a.status)).toEqual(Array(whileDown.length).fill(500));

      await postgres.restart();
      const afterCrash = await storedComments();
      // Every acknowledged observation is there exactly once, under the id the answer gave.
      for (const comment of commentsOf(acknowledged))
        expect(afterCrash.get(comment), comment).toBe(1);
      const acknowledgedIds = acknowledged.flatMap((a) => JSON.parse(a.body).ids as string[]);
      const { n: foundIds } = await postgres.one<{ n: number }>(
        `SELECT count(*)::int AS n FROM "Observation" WHERE id = ANY($1::text[])`,
        [acknowledgedIds],
      );
      expect(foundIds).toBe(acknowledgedIds.length);
      // Nothing that was not sent, and only whole batches: a batch that committed as PostgreSQL died,
      // before its answer went out, is there entirely (its retry below replays it).
      const sent = new Set(commentsOf(answers));
      expect([...afterCrash.keys()].filter((comment) => !sent.has(comment))).toEqual([]);
      expect([...afterCrash.values()].every((n) => n === 1)).toBe(true);
      for (const { key } of answers) {
        const stored = Array.from({ length: ITEMS }, (_, i) =>
          afterCrash.has(commentOf(requestOf(key), i)),
        ).filter(Boolean).length;
        expect([0, ITEMS], key).toContain(stored);
      }
      const { n: unfinishedKeys } = await postgres.one<{ n: number }>(
        `SELECT count(*)::int AS n FROM "IdempotentRequest" WHERE "statusCode" <> 201`,
      );
      expect(unfinishedKeys).toBe(0);

      // The same process retries the failed batches with the same keys: its pool is back too.
      const retried = await app.call({
        kind: "post",
        requests: requestsOf(failed),
        concurrency: CONCURRENCY,
      });
      expect(retried.map((a) => a.status)).toEqual(Array(failed.length).fill(201));
      const final = await storedComments();
      expect(final.size).toBe(REQUESTS * ITEMS);
      expect(new Set(final.values())).toEqual(new Set([1]));
      expect([...final.keys()].every((comment) => sent.has(comment))).toBe(true);
      const keys = await postgres.one<{ total: number; answered: number }>(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE "statusCode" = 201)::int AS answered FROM "IdempotentRequest"`,
      );
      expect(keys).toEqual({ total: REQUESTS, answered: REQUESTS });

      // An acknowledged batch sent again is answered as the first time and stores nothing.
      const firstIds = new Map(
        acknowledged.map((a) => [a.key, JSON.parse(a.body).ids as string[]]),
      );
      const replayed = await app.call({
        kind: "post",
        requests: requestsOf(acknowledged.slice(0, 5)),
        concurrency: 5,
      });
      for (const answer of replayed)
        expect([answer.status, JSON.parse(answer.body).ids]).toEqual([
          201,
          firstIds.get(answer.key),
        ]);
      expect((await storedComments()).size).toBe(REQUESTS * ITEMS);
    },
  );
});
