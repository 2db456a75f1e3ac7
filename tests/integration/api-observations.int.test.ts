import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createApiKey } from "@/lib/api-keys/mutations";
import { generateApiKeySecret, hashApiKeySecret } from "@/lib/api-keys/secret";
import { MAX_BODY_BYTES } from "@/lib/api/limits";
import { ingestObservations } from "@/lib/api/ingest-observations";
import { configureApiRateLimits } from "@/lib/api/rate-limit";
import { ZObservationBatch } from "@/lib/observations/schemas";
import { postObservations } from "./helpers/api-client";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations } from "./helpers/factories";
import { buildJourney, type TFixture } from "./helpers/journey-fixture";

let cast: Awaited<ReturnType<typeof createTwoOrganizations>>;
let f: TFixture;
let secret: string;
let apiKeyId: string;

beforeEach(async () => {
  await resetDatabase();
  configureApiRateLimits({ requestsPerMinute: 1000 });
  cast = await createTwoOrganizations();
  f = await buildJourney(cast.a.manager);
  ({ secret, id: apiKeyId } = await createApiKey(cast.a.admin, {
    name: "Kiosk",
    scopes: ["observations:write"],
  }));
});

// Two days ago, to the second: recent enough to open a follow-up (lib/follow-ups/rules.ts).
const observedAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 2 * 86_400_000).toISOString();
const item = (overrides: Record<string, unknown> = {}) => ({
  touchpointId: f.mot,
  source: "SURVEY",
  observedAt,
  experiencedScore: 5,
  ...overrides,
});
const batchOf = (count: number, clientIdPrefix?: string) => ({
  observations: Array.from({ length: count }, (_, i) =>
    item({
      ...(clientIdPrefix ? { clientId: `${clientIdPrefix}-${i}` } : {}),
      experiencedScore: (i % 7) + 1,
      comment: `item ${i}`,
    }),
  ),
});
const counts = async () => ({
  observations: await db.observation.count(),
  followUps: await db.followUp.count(),
  idempotent: await db.idempotentRequest.count(),
});
const NOTHING = { observations: 0, followUps: 0, idempotent: 0 };

describe("POST /api/v1/observations", () => {
  it("stores a batch for the key's organization, opens follow-ups and answers 201 with the ids", async () => {
    const answer = await postObservations(
      {
        observations: [
          item({
            clientId: "kiosk-1:1",
            segmentId: f.segment,
            expectationScore: 6,
            experiencedScore: 3,
            comment: "줄이 길었어요",
          }),
          item({ touchpointId: f.plain, nps: 9, experiencedScore: null }),
        ],
      },
      { secret },
    );
    expect(answer.status).toBe(201);
    const body = await answer.json();
    expect(body).toEqual({
      created: 2,
      duplicates: 0,
      followUpsOpened: 1,
      ids: [expect.any(String), expect.any(String)],
    });
    const stored = await db.observation.findUniqueOrThrow({ where: { id: body.ids[0] } });
    expect(stored).toMatchObject({
      organizationId: cast.a.organization.id,
      apiKeyId,
      loggedById: null,
      clientId: "kiosk-1:1",
      observedAt: new Date(observedAt),
      comment: "줄이 길었어요",
    });
    expect(await counts()).toEqual({ observations: 2, followUps: 1, idempotent: 0 });
  });

  it("stores one copy of a batch sent 10 times at once with one Idempotency-Key, and answers all 10 alike", async () => {
    const batch = batchOf(500);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        postObservations(batch, { secret, idempotencyKey: "batch-2026-11-25-001" }),
      ),
    );
    const texts = await Promise.all(answers.map((a) => a.text()));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(texts).size).toBe(1);
    expect(JSON.parse(texts[0]!)).toMatchObject({ created: 500, duplicates: 0 });
    expect(answers.filter((a) => a.headers.get("idempotent-replayed") === "true")).toHaveLength(9);
    const afterFirst = await counts();
    expect(afterFirst).toMatchObject({ observations: 500, idempotent: 1 });

    // Later: the same again is the first answer; another body under the key is refused.
    const again = await postObservations(batch, { secret, idempotencyKey: "batch-2026-11-25-001" });
    expect([again.status, await again.text()]).toEqual([201, texts[0]]);
    const other = await postObservations(batchOf(3), {
      secret,
      idempotencyKey: "batch-2026-11-25-001",
    });
    expect(other.status).toBe(409);
    expect(await other.json()).toMatchObject({ code: "idempotency_key_reused" });
    const malformedOther = await postObservations('{"observations": [', {
      secret,
      idempotencyKey: "batch-2026-11-25-001",
    });
    expect(malformedOther.status).toBe(409);
    expect(await counts()).toEqual(afterFirst);
  });

  it("claims an Idempotency-Key in the transaction: of 10 concurrent copies that all miss the committed answer, one stores and nine replay it", async () => {
    // ingestObservations directly: no request can take the route's fast path (a committed answer read before the transaction).
    const client = {
      apiKeyId,
      organizationId: cast.a.organization.id,
      scopes: ["observations:write"],
    };
    const observations = ZObservationBatch.parse(batchOf(200, "claim").observations);
    const same = { key: "claim-1", requestHash: "a".repeat(64) };
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () =>
        ingestObservations({ client, observations, idempotency: same }),
      ),
    );
    expect(outcomes.filter((o) => o.kind === "stored")).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === "replayed")).toHaveLength(9);
    expect(new Set(outcomes.map((o) => JSON.stringify("answer" in o ? o.answer : null))).size).toBe(
      1,
    );
    const other = await Promise.all(
      Array.from({ length: 3 }, () =>
        ingestObservations({
          client,
          observations,
          idempotency: { ...same, requestHash: "b".repeat(64) },
        }),
      ),
    );
    expect(other.map((o) => o.kind)).toEqual(["key-reused", "key-reused", "key-reused"]);
    expect(await counts()).toMatchObject({ observations: 200, idempotent: 1 });

    // The scope is checked in the domain too, not only by the HTTP layer.
    const readOnly = { ...client, scopes: [] };
    await expect(
      ingestObservations({ client: readOnly, observations, idempotency: null }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await counts()).toMatchObject({ observations: 200, idempotent: 1 });
  });

  it("stores one copy of a batch with clientIds sent 10 times at once without an Idempotency-Key", async () => {
    const batch = batchOf(50, "device-7");
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => postObservations(batch, { secret })),
    );
    const bodies = await Promise.all(answers.map((a) => a.json()));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(bodies.reduce((sum, b) => sum + b.created, 0)).toBe(50);
    expect(new Set(bodies.map((b) => JSON.stringify(b.ids))).size).toBe(1);
    expect(await counts()).toMatchObject({ observations: 50, idempotent: 0 });
  });

  it("gives items without clientId under an Idempotency-Key derived clientIds, so a replay that misses the record stores nothing twice", async () => {
    const batch = batchOf(5);
    const first = await (await postObservations(batch, { secret, idempotencyKey: "k-1" })).json();
    await db.idempotentRequest.deleteMany();
    const replay = await postObservations(batch, { secret, idempotencyKey: "k-1" });
    expect(replay.status).toBe(201);
    expect(await replay.json()).toEqual({
      created: 0,
      duplicates: 5,
      followUpsOpened: 0,
      ids: first.ids,
    });
    expect(await db.observation.count()).toBe(5);
    expect(
      (await db.observation.findMany({ select: { clientId: true } })).every((o) =>
        o.clientId!.startsWith(`api:${apiKeyId}:`),
      ),
    ).toBe(true);
  });

  it("does not remember a refusal: the corrected batch under the same key is stored", async () => {
    const refused = await postObservations(
      { observations: [item({ touchpointId: "nope" })] },
      { secret, idempotencyKey: "k-2" },
    );
    expect(refused.status).toBe(422);
    expect(await counts()).toEqual(NOTHING);
    const stored = await postObservations(
      { observations: [item()] },
      { secret, idempotencyKey: "k-2" },
    );
    expect(stored.status).toBe(201);
    expect(await counts()).toMatchObject({ observations: 1, idempotent: 1 });
  });
});

type TRefusal = {
  name: string;
  send: () => Promise<Response>;
  status: number;
  code: string;
  details?: { index: number | null; field: string }[];
};

describe("a refused request stores nothing and says why", () => {
  const refusals: TRefusal[] = [
    {
      name: "malformed JSON",
      send: () => postObservations('{"observations": [{"touchpointId": ', { secret }),
      status: 400,
      code: "malformed_json",
    },
    {
      name: "an empty body",
      send: () => postObservations("", { secret }),
      status: 400,
      code: "malformed_json",
    },
    {
      name: "wrong types",
      send: () =>
        postObservations(
          {
            observations: [
              item(),
              item({ touchpointId: 42, experiencedScore: "5", observedAt: 1700000000 }),
            ],
          },
          { secret },
        ),
      status: 422,
      code: "validation_failed",
      details: [
        { index: 1, field: "touchpointId" },
        { index: 1, field: "observedAt" },
        { index: 1, field: "experiencedScore" },
      ],
    },
    {
      name: "an unknown touchpoint",
      send: () =>
        postObservations(
          { observations: [item(), item({ touchpointId: "cmf0000000000unknown000000" })] },
          { secret },
        ),
      status: 422,
      code: "invalid_reference",
      details: [{ index: 1, field: "touchpointId" }],
    },
    {
      name: "another organization's touchpoint, driver and segment",
      send: async () => {
        const theirs = await buildJourney(cast.b.manager, "Hotel");
        return postObservations(
          {
            observations: [
              item({ touchpointId: theirs.mot }),
              item({ driverId: theirs.drivers[0], segmentId: theirs.segment }),
            ],
          },
          { secret },
        );
      },
      status: 422,
      code: "invalid_reference",
      details: [
        { index: 0, field: "touchpointId" },
        { index: 1, field: "driverId" },
        { index: 1, field: "segmentId" },
      ],
    },
    {
      name: "scores out of range",
      send: () =>
        postObservations(
          {
            observations: [
              item({ experiencedScore: 8 }),
              item({ expectationScore: 0, nps: 11, csat: 6, ces: 0 }),
            ],
          },
          { secret },
        ),
      status: 422,
      code: "validation_failed",
      details: [
        { index: 0, field: "experiencedScore" },
        { index: 1, field: "expectationScore" },
        { index: 1, field: "nps" },
        { index: 1, field: "csat" },
        { index: 1, field: "ces" },
      ],
    },
    {
      name: "1,001 items",
      send: () => postObservations(batchOf(1001), { secret }),
      status: 422,
      code: "validation_failed",
      details: [{ index: null, field: "observations" }],
    },
    {
      name: "an unknown field",
      send: () => postObservations({ observations: [item({ score: 5 })] }, { secret }),
      status: 422,
      code: "validation_failed",
      details: [{ index: 0, field: "score" }],
    },
    {
      name: "a 2 MB body",
      send: () =>
        postObservations({ observations: [item({ comment: "x".repeat(2_000_000) })] }, { secret }),
      status: 413,
      code: "body_too_large",
    },
    {
      name: "a 2 MB body streamed without Content-Length, or declaring a small one",
      send: async () => {
        const streamed = () =>
          new ReadableStream<Uint8Array>({
            start(controller) {
              const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
              for (let sent = 0; sent < 2_000_000; sent += chunk.byteLength)
                controller.enqueue(chunk);
              controller.close();
            },
          });
        const lying = await postObservations(streamed(), {
          secret,
          headers: { "content-length": "100" },
        });
        expect(lying.status).toBe(413);
        return postObservations(streamed(), { secret });
      },
      status: 413,
      code: "body_too_large",
    },
    {
      name: "a wrong content type",
      send: () => postObservations(batchOf(1), { secret, contentType: "text/plain" }),
      status: 415,
      code: "unsupported_media_type",
    },
    {
      name: "a form post",
      send: () =>
        postObservations("observations=1", {
          secret,
          contentType: "application/x-www-form-urlencoded",
        }),
      status: 415,
      code: "unsupported_media_type",
    },
    {
      name: "no key",
      send: () => postObservations(batchOf(1), { secret: null }),
      status: 401,
      code: "missing_api_key",
    },
    {
      name: "an unknown key",
      send: () => postObservations(batchOf(1), { secret: generateApiKeySecret() }),
      status: 401,
      code: "invalid_api_key",
    },
    {
      name: "a key without the scope",
      send: async () => {
        const scopeless = generateApiKeySecret();
        await db.apiKey.create({
          data: {
            organizationId: cast.a.organization.id,
            name: "Reader",
            prefix: scopeless.slice(0, 16),
            secretHash: hashApiKeySecret(scopeless),
            scopes: [],
          },
        });
        return postObservations(batchOf(1), { secret: scopeless });
      },
      status: 403,
      code: "insufficient_scope",
    },
    {
      name: "an Idempotency-Key over 200 characters",
      send: () => postObservations(batchOf(1), { secret, idempotencyKey: "k".repeat(201) }),
      status: 400,
      code: "invalid_idempotency_key",
    },
  ];

  it.each(refusals)("$name → $status $code", async ({ send, status, code, details }) => {
    const answer = await send();
    expect(answer.status).toBe(status);
    expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await answer.json();
    expect(body).toMatchObject({ code, message: expect.any(String) });
    if (details)
      expect(
        body.details.map(({ index, field }: { index: number | null; field: string }) => ({
          index,
          field,
        })),
      ).toEqual(details);
    expect(await counts()).toEqual(NOTHING);
  });

  it("a 1,000-item batch with every field fits well under the body cap", () => {
    const full = item({
      clientId: "kiosk-17:2026-11-25:000123",
      driverId: f.drivers[0],
      segmentId: f.segment,
      siteId: "c".repeat(25),
      expectationScore: 6,
      emotionalScore: 4,
      nps: 8,
      csat: 4,
      ces: 3,
      comment: "대기 시간이 길었지만 직원이 친절했어요. ".repeat(7),
    });
    const bytes = new TextEncoder().encode(
      JSON.stringify({ observations: Array(1000).fill(full) }),
    ).byteLength;
    expect(bytes).toBeLessThan(MAX_BODY_BYTES * 0.6);
    expect(2_000_000).toBeGreaterThan(MAX_BODY_BYTES);
  });
});

describe("rate limits", () => {
  it("answer 429 with Retry-After to the (N+1)th request of a key within the minute, and not to another key", async () => {
    configureApiRateLimits({ requestsPerMinute: 3 });
    for (let i = 0; i < 3; i += 1)
      expect((await postObservations({ observations: [item()] }, { secret })).status).toBe(201);
    const limited = await postObservations({ observations: [item()] }, { secret });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(await limited.json()).toMatchObject({ code: "rate_limited" });
    expect(await db.observation.count()).toBe(3);

    const other = await createApiKey(cast.a.admin, {
      name: "Other kiosk",
      scopes: ["observations:write"],
    });
    expect(
      (await postObservations({ observations: [item()] }, { secret: other.secret })).status,
    ).toBe(201);
  });

  it("stop an address that keeps failing authentication, yet never refuse a valid key because of its address", async () => {
    configureApiRateLimits({ failedAuthPerAddress: 3 });
    for (let i = 0; i < 3; i += 1)
      expect(
        (
          await postObservations(batchOf(1), {
            secret: generateApiKeySecret(),
            address: "203.0.113.9",
          })
        ).status,
      ).toBe(401);
    const blocked = await postObservations(batchOf(1), {
      secret: generateApiKeySecret(),
      address: "203.0.113.9",
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await blocked.json()).toMatchObject({ code: "rate_limited" });
    // A forged X-Forwarded-For cannot lock a kiosk with a valid key out.
    expect((await postObservations(batchOf(1), { secret, address: "203.0.113.9" })).status).toBe(
      201,
    );
    expect(
      (
        await postObservations(batchOf(1), {
          secret: generateApiKeySecret(),
          address: "198.51.100.4",
        })
      ).status,
    ).toBe(401);
    expect(await db.observation.count()).toBe(1);
  });
});

describe("GET /api/v1/openapi.yaml", () => {
  it("serves the OpenAPI file of the docs", async () => {
    const { GET } = await import("@/app/api/v1/openapi.yaml/route");
    const answer = await GET();
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^application\/yaml/);
    expect(await answer.text()).toMatch(/^openapi: 3\.1\.0\n[\s\S]*\/api\/v1\/observations:/);
  });
});
