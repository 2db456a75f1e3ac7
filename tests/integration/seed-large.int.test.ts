import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getFixFirstRanking } from "@/lib/analytics/queries";
import { verifyCredentials } from "@/lib/auth/session-user";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-users";
import { largeObservationId } from "@/scripts/seed-large/copy-text";
import { generateLargeRows } from "@/scripts/seed-large/generate-rows";
import { LARGE_PLANTED_PROBLEMS, LARGE_SITES } from "@/scripts/seed-large/large-organization";
import { createLargeModel } from "@/scripts/seed-large/model";
import { prepareLargeOrganization, resolveLargeRefs } from "@/scripts/seed-large/organization";
import { findRunningEmbeddedPostgres, startEmbeddedPostgres } from "@/lib/db/embedded";
import { openAppDatabase } from "@/scripts/lib/app-database";
import {
  seedLargeOrganization,
  type TSeedLargeOptions,
} from "@/scripts/seed-large/seed-large-organization";
import { resetDatabase } from "./helpers/db";

// `npm run seed:large` on a real PostgreSQL, with a few thousand rows: the organization it builds,
// the bulk path's idempotency and resumption, and that the rows are the generator's, row for row.

beforeEach(resetDatabase);

const SLUG = "bench-test";
const seed = (observations: number, options: Partial<TSeedLargeOptions> = {}) =>
  seedLargeOrganization({
    observations,
    orgSlug: SLUG,
    databaseUrl: process.env.DATABASE_URL!,
    chunkRows: 1000,
    ...options,
  });
const clientIds = (numbers: number[]) => numbers.map((n) => `large:${n}`);

/** What the generator says rows 0..count−1 are, with the organization's ids, next to what was stored. */
async function expectedAndStored(count: number) {
  const organization = await prepareLargeOrganization(SLUG);
  const model = createLargeModel({ endsAt: organization.createdAt });
  const refs = await resolveLargeRefs(organization, model);
  const expected = generateLargeRows(model, 0, count).map((r) => ({
    id: largeObservationId(refs.idPrefix, r.index),
    clientId: `large:${r.index + 1}`,
    touchpointId: refs.touchpointIds[r.touchpoint],
    siteId: r.site === null ? null : refs.siteIds[r.site],
    observedAt: new Date(r.observedAt),
    experiencedScore: r.experiencedScore,
    nps: r.nps,
    comment: r.comment,
  }));
  const stored = await db.observation.findMany({
    where: { organizationId: organization.organizationId },
    select: {
      id: true,
      clientId: true,
      touchpointId: true,
      siteId: true,
      observedAt: true,
      experiencedScore: true,
      nps: true,
      comment: true,
    },
    orderBy: { id: "asc" },
  });
  return { expected, stored };
}

// Each test builds an organization and loads thousands of rows with COPY: about 10 s on a quiet
// 2-core machine, three times that when other work shares it. The limit leaves room for that.
describe("npm run seed:large", { timeout: 120_000 }, () => {
  it("builds the organization (sign-ins, sites, segments, the four journeys) and loads the rows; a second run adds nothing", async () => {
    expect(await seed(2500)).toMatchObject({
      before: 0,
      added: 2500,
      total: 2500,
      createdUsers: 3,
      createdJourneys: 4,
      chunks: { copied: 3, staged: 0 },
      rollups: { rebuilt: true },
    });
    const organization = await db.organization.findUniqueOrThrow({
      where: { slug: SLUG },
      select: { id: true },
    });
    expect(await db.site.count({ where: { organizationId: organization.id } })).toBe(
      LARGE_SITES.length,
    );
    expect(await db.segment.count({ where: { organizationId: organization.id } })).toBe(3);
    expect(
      (
        await db.journey.findMany({
          where: { organizationId: organization.id },
          select: { templateKey: true },
        })
      )
        .map((j) => j.templateKey)
        .sort(),
    ).toEqual([
      "avis-car-rental",
      "hilton-hotel-stay",
      "skt-mobile-lifecycle",
      "virgin-atlantic-airline",
    ]);
    // COPY bypasses the insert path: the rollups are rebuilt, and count every row once.
    for (const table of ["ObservationDaily", "TouchpointDaily"]) {
      const [{ n }] = await db.$queryRawUnsafe<[{ n: number }]>(
        `SELECT sum(observations)::int AS n FROM "${table}" WHERE "organizationId" = $1`,
        organization.id,
      );
      expect(n, table).toBe(2500);
    }
    for (const email of [
      `admin@${SLUG}.moments`,
      `manager@${SLUG}.moments`,
      `executive@${SLUG}.moments`,
    ]) {
      expect(
        await verifyCredentials(
          { email, password: DEMO_PASSWORD },
          { ipAddress: "", userAgent: "" },
        ),
        email,
      ).not.toBeNull();
    }
    // Generated history is loaded in bulk, not through the store: no follow-ups.
    expect(await db.followUp.count()).toBe(0);

    expect(await seed(2500)).toMatchObject({
      before: 2500,
      added: 0,
      total: 2500,
      createdUsers: 0,
      createdJourneys: 0,
      chunks: { copied: 0, staged: 0 },
      rollups: { rebuilt: false },
    });
    expect(await seed(1000)).toMatchObject({ added: 0, total: 2500 });
    expect(await db.observation.count()).toBe(2500);
  });

  it("adds only the missing rows for a larger count, and they are the generator's rows, whatever the runs", async () => {
    await seed(1200);
    expect(await seed(3100)).toMatchObject({ before: 1200, added: 1900, total: 3100 });
    const { expected, stored } = await expectedAndStored(3100);
    expect(stored).toEqual(expected);
  });

  it("restores rows deleted in the middle, through the staging table for the chunks that lost some", async () => {
    await seed(2000);
    const original = await expectedAndStored(2000);
    await db.observation.deleteMany({ where: { clientId: { in: clientIds([1, 1999]) } } });
    expect(await seed(3000)).toMatchObject({
      before: 1998,
      added: 1002,
      total: 3000,
      chunks: { copied: 1, staged: 2 },
    });
    const { expected, stored } = await expectedAndStored(3000);
    expect(stored).toEqual(expected);
    expect(stored.slice(0, 2000)).toEqual(original.stored);
  });

  it("loads the same rows through the staging table as through COPY", async () => {
    expect(await seed(1500, { viaStaging: true })).toMatchObject({
      added: 1500,
      total: 1500,
      chunks: { copied: 0, staged: 2 },
    });
    const { expected, stored } = await expectedAndStored(1500);
    expect(stored).toEqual(expected);
  });

  it("stores every row once when two runs load at the same time", async () => {
    await seed(0);
    const [a, b] = await Promise.all([
      seed(4000, { connections: 2 }),
      seed(4000, { connections: 1 }),
    ]);
    expect(a.added + b.added).toBe(4000);
    expect(await db.observation.count()).toBe(4000);
    const { expected, stored } = await expectedAndStored(4000);
    expect(stored).toEqual(expected);
  });

  it("plants a problem that the fix-first ranking puts first in every journey", async () => {
    const { journeys, organizationId } = await seed(20_000, { chunkRows: undefined });
    const manager = await db.user.findUniqueOrThrow({
      where: { email: `manager@${SLUG}.moments` },
      select: { id: true, organizationId: true, role: true },
    });
    expect(manager.organizationId).toBe(organizationId);
    for (const planted of LARGE_PLANTED_PROBLEMS) {
      const journeyId = journeys.find((j) => j.templateKey === planted.templateKey)!.journeyId;
      const ranking = await getFixFirstRanking(manager, { journeyId });
      expect(ranking[0]!.touchpoint.nameEn, planted.templateKey).toBe(planted.nameEn);
      expect(ranking[0]!.reason.meanGap!).toBeLessThan(planted.meanGap + 0.3);
    }
  });
});

describe("the database the command fills", () => {
  it("is the embedded server `npm start` is running, used as it is instead of being started (and so stopped) again", async () => {
    const dataDir = path.resolve(".data", `test-large-${randomBytes(4).toString("hex")}`);
    const env = { MOMENTS_DATA_DIR: dataDir, PORT: 3000, HOSTNAME: "127.0.0.1" };
    const running = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "postgres"),
      database: "moments",
      fast: true,
    });
    try {
      const found = await openAppDatabase(env, { log: () => {}, reuseRunning: true });
      expect(found).toEqual({ url: running.url, ownerUrl: running.ownerUrl });
      const client = new pg.Client({ connectionString: found.url });
      await client.connect();
      expect((await client.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
      await client.end();
    } finally {
      await running.stop();
    }
    expect(findRunningEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") })).toBeNull();
    rmSync(dataDir, { recursive: true, force: true });
  });
});
