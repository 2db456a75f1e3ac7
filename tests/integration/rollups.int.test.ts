import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { aggregateObservationsBySets, readingRawObservations } from "@/lib/analytics/aggregate";
import {
  GROUP_KEYS,
  type TAggregateFilter,
  type TGroupKey,
  type TGroupMoments,
} from "@/lib/analytics/schemas";
import { createApiKey } from "@/lib/api-keys/mutations";
import { configureApiRateLimits } from "@/lib/api/rate-limit";
import { db } from "@/lib/db/client";
import { runSurveyImport } from "@/lib/imports/run";
import { deleteExpectation, saveExpectation } from "@/lib/journeys/expectations";
import { recordObservations } from "@/lib/observations/mutations";
import { mergePendingRollups } from "@/lib/observations/rollup-merge";
import {
  countRollupRows,
  rebuildRollups,
  refreshRollups,
  ROLLUP_TABLES,
  SLICES,
  type TSlice,
} from "@/lib/observations/rollups";
import type { TObservationInput } from "@/lib/observations/schemas";
import { createRandom } from "@/prisma/seed/random";
import { deleteSegment, saveSegment } from "@/lib/segments/mutations";
import { surveyCsv } from "../fixtures/imports/survey-files";
import { postObservations } from "./helpers/api-client";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations } from "./helpers/factories";
import { buildJourney, type TFixture } from "./helpers/journey-fixture";

// The rollups must answer every aggregation exactly as the raw observations do, however the rows
// arrived (form, import, API, retries), whether they are still pending or merged, and whatever
// changed since (expectations, deletions). The filters and sets below make the aggregation read
// the touchpoint rollups for some queries, one slice (site, source, driver) or the detail for others.

let cast: Awaited<ReturnType<typeof createTwoOrganizations>>;
let f: TFixture;
let segment2: string;
let sites: [string, string];
let orgId: string;

beforeEach(async () => {
  await resetDatabase();
  configureApiRateLimits({ requestsPerMinute: 1000 });
  cast = await createTwoOrganizations();
  orgId = cast.a.organization.id;
  f = await buildJourney(cast.a.manager);
  ({ id: segment2 } = await saveSegment(cast.a.manager, {
    nameKo: "신규 고객",
    nameEn: "Newcomers",
  }));
  const created = await Promise.all(
    ["GN01", "JS01"].map((code) =>
      db.site.create({ data: { organizationId: orgId, code, name: code } }),
    ),
  );
  sites = [created[0]!.id, created[1]!.id];
});

/** A deterministic, varied data set: several days either side of Korea's midnight (15:00 UTC), NULLs in every nullable key and score. */
function observations(count: number, seed: number, prefix: string): TObservationInput[] {
  const random = createRandom(seed);
  const next = (n: number) => random.int(0, n - 1);
  const pick = random.pick;
  const score = (min: number, max: number) =>
    pick([null, min + next(max - min + 1), min + next(max - min) + 0.5, 4.3]);
  return Array.from({ length: count }, (_, i) => {
    const touchpointId = pick([f.mot, f.mot, f.plain, f.other]);
    // 14:00–16:59 UTC on 2026-10-30..11-02: the same UTC day spans two Korean days, and October 31
    // spans two Korean months.
    const observedAt = new Date(Date.UTC(2026, 9, 30 + next(4), 14 + next(3), next(60)));
    return {
      clientId: `${prefix}-${i}`,
      touchpointId,
      driverId: touchpointId === f.mot ? pick([null, f.drivers[0], f.drivers[1]]) : null,
      segmentId: pick([null, f.segment, f.segment, segment2]),
      siteId: pick([null, sites[0], sites[1]]),
      source: pick(["SURVEY", "FRONTLINE", "VOC_CALL"] as const),
      observedAt,
      expectationScore: pick([null, null, 1 + next(7)]),
      experiencedScore: score(1, 7),
      emotionalScore: score(1, 7),
      nps: pick([null, next(11)]),
      csat: pick([null, 1 + next(5)]),
      ces: pick([null, 1 + next(7)]),
    };
  }).map((o) =>
    [o.experiencedScore, o.emotionalScore, o.nps, o.csat, o.ces].every((v) => v === null)
      ? { ...o, ces: 4 }
      : o,
  ); // an observation has a score
}

const SETS: TGroupKey[][] = [
  [],
  ...GROUP_KEYS.map((key) => [key]),
  ["stage", "segment"],
  ["touchpoint", "week"],
  ["driver", "day"],
  ["site", "source"],
  ["kind", "month"],
];

function filters(): TAggregateFilter[] {
  return [
    {},
    { journeyId: f.journeyId },
    { journeyId: f.journeyId, from: "2026-10-31", to: "2026-11-01" },
    { journeyId: f.journeyId, from: "2026-11-02" },
    { journeyId: f.journeyId, to: "2026-10-31" },
    // Whole months, alone and with edge days (the monthly rollup stacked on the daily one).
    { journeyId: f.journeyId, from: "2026-10-01", to: "2026-10-31" },
    { journeyId: f.journeyId, from: "2026-10-15", to: "2026-11-30" },
    { to: "2026-11-30" },
    { from: "2026-11-01" },
    { from: "2026-09-20", to: "2026-11-01" },
    // Whole weeks: the week of Monday 10-26 ends in November, so it is read as days.
    { from: "2026-10-26", to: "2026-11-08" },
    { journeyId: f.journeyId, from: "2026-10-19", to: "2026-11-15" },
    { journeyId: f.journeyId, touchpointId: f.mot },
    { journeyId: f.journeyId, siteIds: sites },
    { journeyId: f.journeyId, siteIds: [] },
    { journeyId: f.journeyId, siteId: sites[1] },
    { journeyId: f.journeyId, segmentId: f.segment },
    { journeyId: f.journeyId, source: "FRONTLINE" },
    { journeyId: f.journeyId, dimension: "FRONTLINE_STAFF" },
    { journeyId: f.journeyId, kind: "EMOTIONAL" },
    { journeyId: f.journeyId, motOnly: true },
    // Two slices at once: the detail slice, by months, weeks and days.
    { journeyId: f.journeyId, siteId: sites[0], source: "SURVEY" },
    { siteIds: sites, kind: "EMOTIONAL", from: "2026-10-26", to: "2026-11-08" },
    { source: "VOC_CALL", dimension: "FRONTLINE_STAFF", from: "2026-10-31" },
  ];
}

/** Equal keys and counts; sums equal to 1e-9 (relative): the two tables add in different orders. */
function expectSame(rollup: TGroupMoments[][], raw: TGroupMoments[][], context: string) {
  const close = (a: unknown, b: unknown, path: string): void => {
    if (typeof a === "number" && typeof b === "number") {
      if (Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)))
        expect.fail(`${context} ${path}: rollup ${a} ≠ raw ${b}`);
    } else if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
      expect(Object.keys(a).sort(), `${context} ${path}`).toEqual(Object.keys(b).sort());
      for (const key of Object.keys(a))
        close(
          (a as Record<string, unknown>)[key],
          (b as Record<string, unknown>)[key],
          `${path}.${key}`,
        );
    } else expect(a, `${context} ${path}`).toEqual(b);
  };
  close(rollup, raw, "");
}

async function expectRollupEqualsRaw(context: string) {
  let groups = 0;
  for (const filter of filters()) {
    const [rollup, raw] = await Promise.all([
      aggregateObservationsBySets(orgId, filter, SETS),
      readingRawObservations(() => aggregateObservationsBySets(orgId, filter, SETS)),
    ]);
    expectSame(rollup, raw, `${context} ${JSON.stringify(filter)}`);
    groups += raw.flat().length;
  }
  return groups;
}

/** The keys of any rollup row: what sorts rows and tells them apart. */
const KEY_COLUMNS = [
  "table",
  "organizationId",
  "slice",
  "day",
  "touchpointId",
  "segmentId",
  "driverId",
  "siteId",
  "source",
];

/** Every rollup table's rows, after merging what is pending, as comparable data (no ids), in key order. */
async function rollupRows() {
  await mergePendingRollups();
  expect(await db.rollupPending.count()).toBe(0);
  const rows: Record<string, unknown>[] = [];
  for (const table of ROLLUP_TABLES) {
    const found = await db.$queryRawUnsafe<Record<string, unknown>[]>(
      `SELECT * FROM "${table}" WHERE "organizationId" = $1`,
      orgId,
    );
    for (const row of found) {
      delete row.id; // a serial: not comparable between two ways of filling the table
      rows.push({ ...row, table, day: (row.day as Date).toISOString() });
    }
  }
  const keyOf = (row: Record<string, unknown>) =>
    JSON.stringify(KEY_COLUMNS.map((column) => row[column] ?? null));
  return rows.sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
}

/** Every observation is counted once in each rollup: the three touchpoint tables, the detail, and each slice of the weekly, monthly and yearly slice tables. */
const ROLLUP_COUNT = 4 + 3 * Object.keys(SLICES).length;

const observationsCounted = (rows: Awaited<ReturnType<typeof rollupRows>>) =>
  rows.reduce((n, row) => n + (row.observations as number), 0);

/** Adds `amount` to the observations of the organization's rows of a table that `where` selects. */
async function mark(table: string, amount: number, where = "TRUE") {
  await db.$executeRawUnsafe(
    `UPDATE "${table}" SET observations = observations + $1 WHERE "organizationId" = $2 AND ${where}`,
    amount,
    orgId,
  );
}

async function ingest(items: TObservationInput[]) {
  for (let i = 0; i < items.length; i += 100)
    await recordObservations(cast.a.manager, { observations: items.slice(i, i + 100) });
}

describe("the rollups", () => {
  it("answers every grouping and filter exactly as the raw observations; a re-sent batch changes nothing", async () => {
    const items = observations(400, 7, "form");
    await ingest(items);
    expect(await db.observation.count()).toBe(400);
    // Nothing merged yet: every figure comes from the pending rows.
    expect(await db.rollupPending.count()).toBe(400);
    expect(await expectRollupEqualsRaw("all pending")).toBeGreaterThan(500);
    // Merged: every figure comes from the rollups.
    expect(await mergePendingRollups()).toBe(400);
    expect(await db.rollupPending.count()).toBe(0);
    const groups = await expectRollupEqualsRaw("after merging");
    expect(groups).toBeGreaterThan(500);
    // NULL keys land in one row per group, not one per observation.
    expect(
      await db.observationDaily.count({ where: { driverId: null, segmentId: null, siteId: null } }),
    ).toBeLessThan(
      await db.observation.count({ where: { driverId: null, segmentId: null, siteId: null } }),
    );

    const before = await rollupRows();
    await ingest(items.slice(0, 150)); // retried: not one sum moves
    expect(await rollupRows()).toEqual(before);
    // retried, mixed with 20 new ones
    await recordObservations(cast.a.manager, {
      observations: [...items.slice(150, 180), ...observations(20, 8, "late")],
    });
    expect(await db.observation.count()).toBe(420);
    await expectRollupEqualsRaw("after retries");
    const afterRetry = await rollupRows();
    expect(observationsCounted(afterRetry)).toBe(ROLLUP_COUNT * 420); // each rollup counts each observation once
    expect(observationsCounted(before)).toBe(ROLLUP_COUNT * 400);
    // Each rollup is coarser than the one before: fewer rows.
    expect(await db.touchpointDaily.count()).toBeLessThan(await db.observationDaily.count());
    expect(await db.touchpointWeekly.count()).toBeLessThan(await db.touchpointDaily.count());
    expect(await db.touchpointMonthly.count()).toBeLessThanOrEqual(
      await db.touchpointWeekly.count(),
    );
    for (const slice of ["SITE", "SOURCE", "DRIVER"] as const)
      expect(await db.sliceWeekly.count({ where: { slice } })).toBeLessThan(
        await db.sliceWeekly.count({ where: { slice: "DETAIL" } }),
      );
  });

  it("reads the smallest rollup that can answer: whole months, then whole weeks, then days from the touchpoint rollups; the rest from the slices", async () => {
    await ingest(observations(200, 5, "form"));
    await mergePendingRollups();
    // Mark the touchpoint rollups, each its own way: what a query adds over the raw answer says which it read.
    await db.touchpointMonthly.updateMany({
      where: { organizationId: orgId },
      data: { observations: { increment: 1_000_000 } },
    });
    await db.touchpointWeekly.updateMany({
      where: { organizationId: orgId },
      data: { observations: { increment: 10_000 } },
    });
    await db.touchpointDaily.updateMany({
      where: { organizationId: orgId },
      data: { observations: { increment: 1 } },
    });
    const marks = async (filter: TAggregateFilter, set: TGroupKey[]) => {
      const total = async () =>
        (await aggregateObservationsBySets(orgId, filter, [set]))[0]!.reduce(
          (n, g) => n + g.observations,
          0,
        );
      return (await total()) - (await readingRawObservations(total));
    };
    const read = async (filter: TAggregateFilter, set: TGroupKey[]) => {
      const added = await marks(filter, set);
      return {
        monthly: added >= 1_000_000,
        weekly: added % 1_000_000 >= 10_000,
        daily: added % 10_000 > 0,
      };
    };

    expect(await read({ journeyId: f.journeyId }, ["touchpoint"])).toEqual({
      monthly: true,
      weekly: false,
      daily: false,
    }); // all time
    expect(await read({ to: "2026-11-30" }, ["month"])).toEqual({
      monthly: true,
      weekly: false,
      daily: false,
    });
    // October whole; then Sunday 11-01 as a day and the week of Monday 11-02.
    expect(
      await read({ from: "2026-10-01", to: "2026-11-08", motOnly: true }, ["stage", "segment"]),
    ).toEqual({ monthly: true, weekly: true, daily: true });
    expect(await read({ from: "2026-10-26", to: "2026-10-31" }, ["touchpoint"])).toEqual({
      monthly: false,
      weekly: false,
      daily: true,
    });
    expect(await read({ from: "2026-10-19", to: "2026-10-25" }, [])).toEqual({
      monthly: false,
      weekly: false,
      daily: false,
    }); // a week with no data
    expect(await read({ from: "2026-11-02", to: "2026-11-08" }, ["touchpoint"])).toEqual({
      monthly: false,
      weekly: true,
      daily: false,
    });
    expect(await read({ touchpointId: f.mot }, ["day"])).toEqual({
      monthly: false,
      weekly: false,
      daily: true,
    });
    expect(await read({ journeyId: f.journeyId }, ["week"])).toEqual({
      monthly: false,
      weekly: false,
      daily: true,
    });
    for (const [filter, set] of [
      [{ journeyId: f.journeyId }, ["site"]],
      [{ source: "FRONTLINE" }, ["touchpoint"]],
      [{ siteIds: sites }, []],
      [{}, ["driver"]],
      [{ kind: "EMOTIONAL" }, ["month"]],
    ] as const) {
      expect(await marks(filter, [...set]), JSON.stringify([filter, set])).toBe(0);
    }
    // One call with sets for different tables: each set from its own, in the order asked.
    const [bySite, byTouchpoint, byWeek] = await aggregateObservationsBySets(
      orgId,
      { journeyId: f.journeyId },
      [["site"], ["touchpoint"], ["week"]],
    );
    const sum = (groups: TGroupMoments[]) => groups.reduce((n, g) => n + g.observations, 0);
    const raw = await readingRawObservations(async () =>
      sum((await aggregateObservationsBySets(orgId, { journeyId: f.journeyId }, [[]]))[0]!),
    );
    const inJourney = { where: { touchpoint: { journeyId: f.journeyId } } };
    expect(sum(bySite!)).toBe(raw);
    expect(sum(byTouchpoint!) - raw).toBe(
      1_000_000 * (await db.touchpointMonthly.count(inJourney)),
    );
    expect(sum(byWeek!) - raw).toBe(await db.touchpointDaily.count(inJourney));
  });

  it("rebuilt from the raw table equals the incrementally kept one, and so does the migration's backfill", async () => {
    await ingest(observations(300, 11, "form"));
    const incremental = await rollupRows();
    const { rows } = await rebuildRollups(orgId);
    const { RollupPending: pending, ...tables } = rows;
    expect(pending).toBe(0);
    expect(Object.values(tables).reduce((n, count) => n + count, 0)).toBe(incremental.length);
    expectSameRows(await rollupRows(), incremental);

    // One touchpoint's part, lost and recomputed from raw inside a transaction: the rest untouched.
    for (const table of ROLLUP_TABLES) {
      await db.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "touchpointId" = $1`, f.mot);
      await mark(table, 1000, `"touchpointId" = '${f.plain}'`);
    }
    await db.$transaction((tx) => refreshRollups(tx, orgId, { touchpointIds: [f.mot] }));
    const refreshed = await rollupRows();
    expectSameRows(
      refreshed.filter((row) => row.touchpointId !== f.plain),
      incremental.filter((row) => row.touchpointId !== f.plain),
    );
    expect(
      refreshed
        .filter((row) => row.touchpointId === f.plain)
        .every((row) => (row.observations as number) > 1000),
    ).toBe(true);
    await db.$transaction((tx) => refreshRollups(tx, orgId, { touchpointIds: [f.plain] }));
    expectSameRows(await rollupRows(), incremental);

    // The migrations' own backfill statements, run on today's data: the first fills the detail and
    // the touchpoint rollups from the observations, the second the slices from the detail.
    const backfills = [
      "20261125040000_observation_rollups",
      "20261209000000_rollup_slices_and_pending",
      "20261209010000_slice_yearly",
    ].flatMap((migration) =>
      [
        ...readFileSync(`prisma/migrations/${migration}/migration.sql`, "utf8").matchAll(
          /-- backfill:begin\n([\s\S]+?)-- backfill:end/g,
        ),
      ].map((match) => match[1]!),
    );
    expect(backfills).toHaveLength(4 + 8 + 4);
    for (const table of ROLLUP_TABLES) await db.$executeRawUnsafe(`DELETE FROM "${table}"`);
    for (const backfill of backfills) await db.$executeRawUnsafe(backfill);
    expectSameRows(await rollupRows(), incremental);
    await expectRollupEqualsRaw("after backfill");
  });

  it("follows an expectation recorded, changed or deleted after the observations, as the raw table does", async () => {
    await ingest(observations(300, 13, "form"));
    await saveExpectation(cast.a.manager, {
      touchpointId: f.mot,
      segmentId: f.segment,
      needs: "No queue",
      expectedLevel: 4.5,
    });
    await saveExpectation(cast.a.manager, {
      touchpointId: f.mot,
      segmentId: segment2,
      needs: "Guidance",
      expectedLevel: 5,
    });
    const [before] = await aggregateObservationsBySets(
      orgId,
      { journeyId: f.journeyId, touchpointId: f.mot },
      [[]],
    );
    await expectRollupEqualsRaw("after changing expectations");
    await deleteExpectation(cast.a.manager, { touchpointId: f.mot, segmentId: f.segment });
    await expectRollupEqualsRaw("after deleting an expectation");
    const [after] = await aggregateObservationsBySets(
      orgId,
      { journeyId: f.journeyId, touchpointId: f.mot },
      [[]],
    );
    expect(after![0]!.gap.n).toBeLessThan(before![0]!.gap.n);
  });

  it("stays equal when what observations refer to is deleted: refused in the app, cascaded for a touchpoint", async () => {
    await ingest(observations(200, 17, "form"));
    const rows = await rollupRows();
    await expect(deleteSegment(cast.a.manager, { segmentId: segment2 })).rejects.toThrow();
    // Below the app, a segment, driver or site still counted in the rollup cannot be deleted either
    // (observations would be re-pointed to NULL and the rollup go stale).
    await expect(db.segment.delete({ where: { id: segment2 } })).rejects.toThrow();
    await expect(db.loyaltyDriver.delete({ where: { id: f.drivers[0] } })).rejects.toThrow();
    await expect(db.site.delete({ where: { id: sites[0] } })).rejects.toThrow();
    expectSameRows(await rollupRows(), rows);
    // A segment nothing refers to can go.
    const { id: unused } = await saveSegment(cast.a.manager, {
      nameKo: "미사용",
      nameEn: "Unused",
    });
    await deleteSegment(cast.a.manager, { segmentId: unused });

    // A touchpoint's observations and rollup rows go together (the app refuses this too; the database cascades).
    await ingest(observations(40, 18, "pending")); // some still pending when the touchpoint goes
    await db.touchpoint.delete({ where: { id: f.plain } });
    for (const table of [...ROLLUP_TABLES, "RollupPending"]) {
      const [{ n }] = await db.$queryRawUnsafe<[{ n: number }]>(
        `SELECT count(*)::int AS n FROM "${table}" WHERE "touchpointId" = $1`,
        f.plain,
      );
      expect(n, table).toBe(0);
    }
    await expectRollupEqualsRaw("after deleting a touchpoint");
  });

  it("stays equal through survey imports (re-imported too) and the ingestion API (retried too)", async () => {
    const header = ["응답ID", "접점", "고객군", "지점", "응답일", "기대", "경험", "NPS"];
    const csv = surveyCsv([
      header,
      ["R1", "counter (KO)", "Car rental regulars", "GN01", "2026-11-20 23:30", 6, 3, 4],
      ["R2", "Website", "", "", "2026-11-21 00:30", "", 6, 9],
      ["R3", "counter (KO)", "", "JS01", "2026-11-21", "", 5, 10],
    ]);
    const mapping = {
      touchpoint: { by: "name" as const, column: "접점", journeyId: f.journeyId },
      observedAt: { by: "column" as const, column: "응답일" },
      columns: {
        responseId: "응답ID",
        segment: "고객군",
        site: "지점",
        expectationScore: "기대",
        experiencedScore: "경험",
        nps: "NPS",
      },
    };
    const first = await runSurveyImport(
      cast.a.manager,
      { fileName: "survey.csv", bytes: csv },
      { mapping, validRowsOnly: false },
    );
    expect(first).toMatchObject({ status: "COMPLETED", counts: { imported: 3 } });
    const again = await runSurveyImport(
      cast.a.manager,
      { fileName: "survey.csv", bytes: csv },
      { mapping, validRowsOnly: false },
    );
    expect(again).toMatchObject({ counts: { imported: 0, duplicates: 3 } });

    const { secret } = await createApiKey(cast.a.admin, {
      name: "Kiosk",
      scopes: ["observations:write"],
    });
    const batch = {
      observations: observations(120, 19, "api").map((o) => ({
        ...o,
        observedAt: (o.observedAt as Date).toISOString(),
      })),
    };
    expect((await postObservations(batch, { secret })).status).toBe(201);
    expect((await postObservations(batch, { secret })).status).toBe(201); // same clientIds: duplicates
    expect(await db.observation.count()).toBe(123);
    await expectRollupEqualsRaw("after imports and the API");
    const incremental = await rollupRows();
    await rebuildRollups(orgId);
    expectSameRows(await rollupRows(), incremental);
  });
});

function expectSameRows(
  actual: Awaited<ReturnType<typeof rollupRows>>,
  expected: Awaited<ReturnType<typeof rollupRows>>,
) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => {
    const other = expected[i]!;
    for (const [key, value] of Object.entries(row)) {
      const want = other[key as keyof typeof other];
      if (typeof value === "number" && typeof want === "number")
        expect(Math.abs(value - want), key).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
      else expect(value, key).toEqual(want);
    }
  });
}

describe("pending rows and slices", () => {
  it("stays exact while inserts, retries, merges and a rebuild run at once", async () => {
    await ingest(observations(200, 23, "first"));
    const batches = Array.from({ length: 8 }, (_, i) => [
      ...observations(40, 100 + i, `batch${i}`),
      ...observations(200, 23, "first").slice(i * 10, i * 10 + 10), // retries of stored rows
    ]);
    const mergeUntil = async (done: () => boolean) => {
      let moved = 0;
      while (!done()) moved += await mergePendingRollups();
      return moved;
    };
    let inserting = true;
    const inserts = Promise.all(
      batches.map((items) => recordObservations(cast.a.manager, { observations: items })),
    ).finally(() => (inserting = false));
    const [, movedA, movedB] = await Promise.all([
      inserts,
      mergeUntil(() => !inserting),
      mergeUntil(() => !inserting),
      rebuildRollups(orgId),
    ]);
    expect(movedA + movedB).toBeGreaterThan(0);
    expect(await db.observation.count()).toBe(200 + 8 * 40);
    // Some rows may still be pending: the figures count them once, merged or not.
    await expectRollupEqualsRaw("after concurrent writes");
    const incremental = await rollupRows();
    expect(observationsCounted(incremental)).toBe(ROLLUP_COUNT * (200 + 8 * 40));
    await rebuildRollups(orgId);
    expectSameRows(await rollupRows(), incremental);
  });

  it("reads each split from its own slice: whole years, then months, then weeks, then the detail's days", async () => {
    await ingest(observations(300, 29, "form"));
    await mergePendingRollups();
    const added = async (filter: TAggregateFilter, set: TGroupKey[]) => {
      const total = async () =>
        (await aggregateObservationsBySets(orgId, filter, [set]))[0]!.reduce(
          (n, g) => n + g.observations,
          0,
        );
      return (await total()) - (await readingRawObservations(total));
    };
    const reads: Record<TSlice, [TAggregateFilter, TGroupKey[]]> = {
      SITE: [{ journeyId: f.journeyId }, ["site"]],
      SOURCE: [{ journeyId: f.journeyId, segmentId: f.segment }, ["source"]],
      DRIVER: [{ journeyId: f.journeyId, kind: "EMOTIONAL" }, ["dimension"]],
      DETAIL: [{ journeyId: f.journeyId, siteId: sites[0] }, ["source"]],
    };
    // All time is every year.
    for (const marked of Object.keys(reads) as TSlice[]) {
      await mark("SliceYearly", 1_000_000, `slice = '${marked}'`);
      for (const [slice, [filter, set]] of Object.entries(reads)) {
        const extra = await added(filter, set);
        if (slice === marked) expect(extra, slice).toBeGreaterThanOrEqual(1_000_000);
        else expect(extra, `${slice} while ${marked} is marked`).toBe(0);
      }
      await mark("SliceYearly", -1_000_000, `slice = '${marked}'`);
    }
    // A whole month that is not a whole year, from SliceMonthly.
    await mark("SliceMonthly", 100_000, `slice = 'SITE'`);
    const october = await added({ from: "2026-10-01", to: "2026-10-31" }, ["site"]);
    expect(october).toBeGreaterThanOrEqual(100_000);
    expect(october % 100_000).toBe(0);
    // A period's whole week from SliceWeekly, the days at its edges from the detail.
    await mark("SliceWeekly", 10_000, `slice = 'SITE'`);
    await mark("ObservationDaily", 1);
    const week = await added({ from: "2026-11-02", to: "2026-11-08" }, ["site"]);
    expect(week).toBeGreaterThanOrEqual(10_000);
    expect(week % 10_000).toBe(0);
    const days = await added({ from: "2026-10-26", to: "2026-10-31" }, ["site"]);
    expect(days).toBeGreaterThan(0);
    expect(days).toBeLessThan(10_000);
    // The marks are all the difference: rebuilt, the rollups agree with the raw rows again.
    await rebuildRollups(orgId);
    await expectRollupEqualsRaw("after the rebuild");
    expect(await countRollupRows(orgId)).toMatchObject({ RollupPending: 0 });
  });
});
