// Benchmark of the ingestion API on a real (embedded) PostgreSQL: `npm run bench:ingest`.
// Observations per second through POST /api/v1/observations (the route handler called with real
// Request objects: body reading, key lookup, rate limit, JSON, zod, reference checks, the insert,
// follow-ups, the Idempotency-Key record) for batches of 1,000, next to a plain multi-row INSERT
// of the same rows through `pg` in the same run. Prints medians, the ratio, and the target (at
// least 50 % of the plain insert's rate) as met or MISSED; asserts nothing.
//
// Optionally, over real HTTP against a running app (its own database, so no baseline there):
//   npm run bench:ingest -- --url http://localhost:3000 --key mk_live_… --touchpoint <id>
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { median, withBenchDatabase } from "./bench-database";
import { formatTargetTable, ingestTargetLine } from "./targets";

const RUNS = 9;
const WARM_UP = 2;
const BATCH = 1000;
const SOURCES = ["SURVEY", "FRONTLINE", "MYSTERY_SHOPPER", "VOC_CALL"] as const;

type TRefs = { touchpoints: string[]; segments: string[]; sites: string[] };

/** 1,000 realistic items: every score, a comment, a clientId of its own; about one in seven opens a follow-up. */
function batchOf(refs: TRefs, run: string) {
  return Array.from({ length: BATCH }, (_, i) => {
    const experienced = [6, 5, 7, 4, 6, 5, 3][i % 7]!;
    return {
      clientId: `bench:${run}:${i}`,
      touchpointId: refs.touchpoints[i % refs.touchpoints.length]!,
      segmentId: refs.segments[i % refs.segments.length] ?? null,
      siteId: refs.sites[i % refs.sites.length] ?? null,
      source: SOURCES[i % SOURCES.length]!,
      observedAt: new Date(Date.UTC(2026, 10, 1 + (i % 24), 9, i % 60))
        .toISOString()
        .replace("Z", "+00:00"),
      expectationScore: 5,
      experiencedScore: experienced,
      emotionalScore: Math.min(7, experienced + 1),
      nps: [10, 9, 8, 9, 7, 10, 4][i % 7]!, // the 7th is a detractor, 2 points below expectation too
      csat: (i % 5) + 1,
      ces: (i % 7) + 1,
      comment: i % 3 === 0 ? `카운터 대기 시간이 길었어요 (${i})` : "",
    };
  });
}

const perSecond = (ms: number) => Math.round((BATCH / ms) * 1000);

const { values: options } = parseArgs({
  options: { url: { type: "string" }, key: { type: "string" }, touchpoint: { type: "string" } },
});
if (options.url) await benchOverHttp(options.url, options.key, options.touchpoint);
else await benchInProcess();

async function benchInProcess() {
  await withBenchDatabase("ingest", async (url) => {
    const plain = new pg.Pool({ connectionString: url, max: 1 });
    try {
      const { db } = await import("@/lib/db/client");
      const { createApiKey } = await import("@/lib/api-keys/mutations");
      const { createJourneyFromTemplate } = await import("@/lib/templates/instantiate");
      const { saveSegment } = await import("@/lib/segments/mutations");
      const { configureApiRateLimits } = await import("@/lib/api/rate-limit");
      const { POST } = await import("@/app/api/v1/observations/route");
      configureApiRateLimits({ requestsPerMinute: 1_000_000 });

      const organization = await db.organization.create({ data: { name: "Bench", slug: "bench" } });
      const user = await db.user.create({
        data: {
          organizationId: organization.id,
          email: "bench@bench",
          name: "Bench",
          role: "ADMIN",
          passwordHash: "-",
        },
      });
      const actor = { id: user.id, organizationId: organization.id, role: "ADMIN" as const };
      const { id: journeyId } = await createJourneyFromTemplate(actor, "avis-car-rental");
      const touchpoints = (
        await db.touchpoint.findMany({ where: { journeyId }, select: { id: true } })
      ).map((t) => t.id);
      const segments = [
        (await saveSegment(actor, { nameEn: "First-time" })).id,
        (await saveSegment(actor, { nameEn: "Member" })).id,
      ];
      const sites = await Promise.all(
        ["S1", "S2", "S3"].map(
          async (code) =>
            (await db.site.create({ data: { organizationId: organization.id, code, name: code } }))
              .id,
        ),
      );
      const refs = { touchpoints, segments, sites };
      const { secret, id: apiKeyId } = await createApiKey(actor, {
        name: "Bench",
        scopes: ["observations:write"],
      });

      const viaApi = async (run: string) => {
        const body = JSON.stringify({ observations: batchOf(refs, run) });
        const start = performance.now();
        const request = new Request("http://localhost/api/v1/observations", {
          method: "POST",
          headers: {
            authorization: `Bearer ${secret}`,
            "content-type": "application/json",
            "idempotency-key": run,
          },
          body,
        });
        const answer = await POST(request);
        const result = await answer.json();
        const ms = performance.now() - start;
        if (answer.status !== 201 || result.created !== BATCH)
          throw new Error(`API answered ${answer.status}: ${JSON.stringify(result).slice(0, 300)}`);
        return { ms, bytes: Buffer.byteLength(body), followUps: result.followUpsOpened as number };
      };

      // The baseline: the same rows (the API key's id included), one INSERT … SELECT FROM unnest(…)
      // through pg: no validation, no reference checks, no duplicate handling, no follow-ups.
      const viaSql = async (run: string) => {
        const rows = batchOf(refs, run);
        const column = <T>(pick: (row: (typeof rows)[number]) => T) => rows.map(pick);
        const start = performance.now();
        await plain.query(
          `INSERT INTO "Observation" (id, "organizationId", "touchpointId", "segmentId", "siteId", source, "observedAt",
             "expectationScore", "experiencedScore", "emotionalScore", nps, csat, ces, comment, "clientId", "apiKeyId")
           SELECT gen_random_uuid()::text, $1, v.*, $15
           FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::float8[], $8::float8[], $9::float8[], $10::int[], $11::int[], $12::int[], $13::text[], $14::text[])
             AS v(touchpoint_id, segment_id, site_id, source, observed_at, expectation, experienced, emotional, nps, csat, ces, comment, client_id)`.replace(
            "v.*",
            `v.touchpoint_id, v.segment_id, v.site_id, v.source::"ObservationSource", v.observed_at AT TIME ZONE 'UTC', v.expectation, v.experienced, v.emotional, v.nps, v.csat, v.ces, v.comment, v.client_id`,
          ),
          [
            organization.id,
            column((r) => r.touchpointId),
            column((r) => r.segmentId),
            column((r) => r.siteId),
            column((r) => r.source),
            column((r) => r.observedAt),
            column((r) => r.expectationScore),
            column((r) => r.experiencedScore),
            column((r) => r.emotionalScore),
            column((r) => r.nps),
            column((r) => r.csat),
            column((r) => r.ces),
            column((r) => r.comment),
            column((r) => r.clientId),
            apiKeyId,
          ],
        );
        return performance.now() - start;
      };

      const api: number[] = [];
      const sql: number[] = [];
      let bytes = 0;
      let followUps = 0;
      // Interleaved, so that both meet a table of the same size; the first runs warm up caches and JIT.
      for (let i = 0; i < WARM_UP + RUNS; i += 1) {
        const a = await viaApi(`api-${i}-${randomUUID()}`);
        const s = await viaSql(`sql-${i}-${randomUUID()}`);
        if (i < WARM_UP) continue;
        api.push(a.ms);
        sql.push(s);
        bytes = a.bytes;
        followUps = a.followUps;
      }

      const [apiMs, sqlMs] = [median(api), median(sql)];
      console.log(
        `Ingestion benchmark — batches of ${BATCH} observations (${(bytes / 1024).toFixed(0)} KB of JSON, ${followUps} follow-ups each), median of ${RUNS} runs after ${WARM_UP} warm-up, embedded PostgreSQL`,
      );
      console.log(
        `${"plain INSERT … unnest through pg (baseline)".padEnd(58)} ${sqlMs.toFixed(1).padStart(7)} ms  ${String(perSecond(sqlMs)).padStart(7)} obs/s  ×1.00`,
      );
      console.log(
        `${"POST /api/v1/observations (route handler, in process)".padEnd(58)} ${apiMs.toFixed(1).padStart(7)} ms  ${String(perSecond(apiMs)).padStart(7)} obs/s  ×${(sqlMs / apiMs).toFixed(2)}`,
      );
      console.log(`\nTarget:\n${formatTargetTable([ingestTargetLine(sqlMs / apiMs)]).join("\n")}`);
      await db.$disconnect();
    } finally {
      await plain.end();
    }
  });
}

async function benchOverHttp(url: string, key: string | undefined, touchpoint: string | undefined) {
  if (!key || !touchpoint)
    throw new Error(
      "Over HTTP, pass --key mk_live_… (a key with observations:write) and --touchpoint <id of one of its organization's touchpoints>.",
    );
  const refs = { touchpoints: [touchpoint], segments: [], sites: [] };
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + RUNS; i += 1) {
    const run = `http-${randomUUID()}`;
    const body = JSON.stringify({ observations: batchOf(refs, run) });
    const start = performance.now();
    const answer = await fetch(new URL("/api/v1/observations", url), {
      method: "POST",
      headers: {
        authorization: `Bearer ${key}`,
        "content-type": "application/json",
        "idempotency-key": run,
      },
      body,
    });
    const result = await answer.json();
    if (answer.status !== 201)
      throw new Error(`${url} answered ${answer.status}: ${JSON.stringify(result).slice(0, 300)}`);
    if (i >= WARM_UP) times.push(performance.now() - start);
  }
  const ms = median(times);
  console.log(
    `Ingestion over HTTP — ${url}, batches of ${BATCH}, median of ${RUNS} runs: ${ms.toFixed(1)} ms, ${perSecond(ms)} obs/s (the server's own database; no baseline in this mode)`,
  );
}
