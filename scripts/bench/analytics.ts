// Benchmark of the Measure views on a real (embedded) PostgreSQL: `npm run bench:analytics`
// (`-- --observations 1000000` to change the size). Fills an organization with the SK Telecom
// journey and N observations (one INSERT … SELECT FROM generate_series, so a million rows take
// seconds, not a loop in Node), rebuilds the daily rollup from them (npm run rollups:rebuild), then
// prints medians of the fix-first ranking and the Measure view's slices read from the rollup and
// from the raw table (the same aggregation, { source: "raw" }), next to a baseline measured in the
// same run (a plain count of the raw rows). Asserts nothing.
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { medianTime, withBenchDatabase } from "./bench-database";

const RUNS = 7;
const { values } = parseArgs({ options: { observations: { type: "string", default: "1000000" } } });
const COUNT = Number(values.observations);

const median = (run: () => Promise<unknown>) => medianTime(run, RUNS, 1); // the first run warms caches

await withBenchDatabase("analytics", async () => {
  const { db } = await import("@/lib/db/client");
  const { createJourneyFromTemplate } = await import("@/lib/templates/instantiate");
  const { aggregateObservations, aggregateObservationsBySets } = await import("@/lib/analytics/aggregate");
  const { rebuildRollups } = await import("@/lib/observations/rollups");
  const { getMeasureView } = await import("@/lib/analytics/queries");

  const organization = await db.organization.create({ data: { name: "Bench", slug: "bench" } });
  const user = await db.user.create({ data: { organizationId: organization.id, email: "bench@bench", name: "Bench", role: "MANAGER", passwordHash: "-" } });
  const actor = { id: user.id, organizationId: organization.id, role: "MANAGER" as const };
  const { id: journeyId } = await createJourneyFromTemplate(actor, "skt-mobile-lifecycle");
  for (const [nameKo, nameEn] of [["첫 가입", "First-time"], ["재가입", "Returning"], ["얼리어답터", "Early adopter"]]) {
    await db.segment.create({ data: { organizationId: organization.id, nameKo, nameEn } });
  }
  for (const code of ["S1", "S2", "S3", "S4"]) await db.site.create({ data: { organizationId: organization.id, code, name: code } });

  const fillStart = performance.now();
  // Touchpoints drawn with a skew (early stages see more customers); one planted bad touchpoint.
  await db.$executeRaw`
    WITH tp AS (SELECT array_agg(t.id ORDER BY s.position, t.position) AS ids FROM "Touchpoint" t JOIN "Stage" s ON s.id = t."stageId" WHERE t."journeyId" = ${journeyId}),
         seg AS (SELECT array_agg(id) AS ids FROM "Segment" WHERE "organizationId" = ${organization.id}),
         site AS (SELECT array_agg(id) AS ids FROM "Site" WHERE "organizationId" = ${organization.id}),
         g AS (SELECT i, tp.ids[1 + floor(power(random(), 1.6) * array_length(tp.ids, 1))::int] AS touchpoint, seg.ids, site.ids AS sites, tp.ids[40] AS planted
                 FROM generate_series(1, ${COUNT}::int) i, tp, seg, site)
    INSERT INTO "Observation" (id, "organizationId", "touchpointId", "segmentId", "siteId", source, "observedAt", "expectationScore", "experiencedScore",
                               "emotionalScore", nps, csat, "clientId", "createdAt")
    SELECT gen_random_uuid()::text, ${organization.id}, touchpoint, ids[1 + (i % 3)], sites[1 + (i % 4)],
           (ARRAY['SURVEY','FRONTLINE','VOC_CALL','MYSTERY_SHOPPER']::"ObservationSource"[])[1 + (i % 4)],
           now() - (random() * interval '365 days'), e, x, LEAST(7, GREATEST(1, x + (random() * 2 - 1)::int)),
           LEAST(10, GREATEST(0, 7 + (x - e) * 2 + (random() * 4 - 2)::int)), LEAST(5, GREATEST(1, x - 2)), 'bench:' || i, now()
      FROM (SELECT g.*, 5 + (random() * 2)::int AS e,
                   LEAST(7, GREATEST(1, 5 + (random() * 2)::int - (CASE WHEN touchpoint = planted THEN 2 ELSE 0 END) + (random() * 2 - 1)::int)) AS x
              FROM g) rows`;
  await db.$executeRaw`ANALYZE "Observation"`;
  const fillMs = performance.now() - fillStart;
  const rebuildStart = performance.now();
  const { rows: rollupRows } = await rebuildRollups(organization.id);
  await db.$executeRaw`ANALYZE "ObservationDaily"`;
  const rebuildMs = performance.now() - rebuildStart;
  const [sizes] = await db.$queryRaw<{ raw: bigint; rollup: bigint }[]>`
    SELECT pg_total_relation_size('"Observation"') AS raw, pg_total_relation_size('"ObservationDaily"') AS rollup`;

  const filter = { journeyId };
  const baseline = await median(() => db.$queryRaw`SELECT count(*) FROM "Observation" WHERE "organizationId" = ${organization.id}`);
  const viewSets = [[], ["touchpoint"], ["driver"], ["dimension"], ["kind"], ["segment"], ["site"], ["source"], ["stage"], ["month"], ["stage", "segment"]] as const;
  const lastQuarter = { journeyId, from: new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10) };
  const timings = [] as [string, number, number][];
  for (const [label, run] of [
    ["fix-first ranking: per-touchpoint sums", (source: "rollup" | "raw") => aggregateObservations(organization.id, filter, ["touchpoint"], { source })],
    ["Measure view's 11 slices (grouping sets), all time", (source: "rollup" | "raw") => aggregateObservationsBySets(organization.id, filter, viewSets, { source })],
    ["Measure view's 11 slices, last 90 days", (source: "rollup" | "raw") => aggregateObservationsBySets(organization.id, lastQuarter, viewSets, { source })],
    ["overview slices: all journeys, per touchpoint × month", (source: "rollup" | "raw") => aggregateObservationsBySets(organization.id, {}, [[], ["touchpoint"], ["month"]], { source })],
  ] as const) {
    timings.push([label, await median(() => run("rollup")), await median(() => run("raw"))]);
  }
  const view = await median(() => getMeasureView(actor, filter));
  const top = (await getMeasureView(actor, filter)).ranking[0];

  console.log(`Measure benchmark — ${COUNT.toLocaleString("en")} observations on the SK Telecom journey (filled in ${(fillMs / 1000).toFixed(1)} s), median of ${RUNS} runs, embedded PostgreSQL`);
  console.log(`rollup rebuilt in ${(rebuildMs / 1000).toFixed(1)} s: ${rollupRows.toLocaleString("en")} rows (${(COUNT / rollupRows).toFixed(1)} observations per row); size ${(Number(sizes!.rollup) / 2 ** 20).toFixed(1)} MB vs ${(Number(sizes!.raw) / 2 ** 20).toFixed(1)} MB raw (${((Number(sizes!.rollup) / Number(sizes!.raw)) * 100).toFixed(1)}%, indexes included)`);
  console.log(`${"count the organization's observations: one plain scan (baseline)".padEnd(62)} ${baseline.toFixed(1).padStart(8)} ms`);
  console.log(`${"".padEnd(62)} ${"rollup".padStart(11)} ${"raw".padStart(11)}  raw/rollup`);
  for (const [label, rollupMs, rawMs] of timings) console.log(`${label.padEnd(62)} ${rollupMs.toFixed(1).padStart(8)} ms ${rawMs.toFixed(1).padStart(8)} ms  ×${(rawMs / rollupMs).toFixed(1)}`);
  console.log(`${"whole Measure view (getMeasureView, reads the rollup), all time".padEnd(62)} ${view.toFixed(1).padStart(8)} ms`);
  console.log(`first in the ranking: ${top?.touchpoint.nameEn} (planted), mean gap ${top?.reason.meanGap?.toFixed(2)}, n = ${top?.reason.n}`);
  await db.$disconnect();
});
