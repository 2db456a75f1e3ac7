import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { verifyCredentials } from "@/lib/auth/session-user";
import { getFrontlineSetup } from "@/lib/observations/frontline";
import { seedDemoOrganization } from "@/lib/seed/demo-organization";
import { DECOY_TOUCHPOINT, DEMO_SKT_TEMPLATE, PLANTED_MOT } from "@/lib/seed/demo-observations";
import { DEMO_FOLLOW_UP_OPEN_DAYS, DEMO_OBSERVATION_COUNT } from "@/lib/seed/demo-skt-journey";
import { DEMO_JOURNEY_TEMPLATE, DEMO_PASSWORD, DEMO_USERS } from "@/lib/seed/demo-users";
import { findTemplate } from "@/lib/templates/catalog";
import { resetDatabase } from "./helpers/db";

beforeEach(resetDatabase);

const DAY_MS = 86_400_000;

type TTouchpointGap = { nameEn: string; n: number; gap: number };
/** Mean gap per MOT of the SK Telecom demo journey, computed by PostgreSQL. */
const motGaps = () =>
  db.$queryRaw<TTouchpointGap[]>`
    SELECT t."nameEn", count(*)::int AS n, avg(o."experiencedScore" - o."expectationScore")::float8 AS gap
      FROM "Observation" o JOIN "Touchpoint" t ON t.id = o."touchpointId" JOIN "Journey" j ON j.id = t."journeyId"
     WHERE j."templateKey" = ${DEMO_SKT_TEMPLATE} AND t."isMoT"
     GROUP BY t.id, t."nameEn" ORDER BY gap`;

describe("the demo seed", () => {
  it("creates one user per role, and a second run adds nothing twice", async () => {
    expect(await seedDemoOrganization()).toEqual({ createdUsers: 4, createdJourneys: 2, createdObservations: DEMO_OBSERVATION_COUNT });
    expect(await seedDemoOrganization()).toEqual({ createdUsers: 0, createdJourneys: 0, createdObservations: 0 });
    expect(await db.organization.count()).toBe(1);
    expect(await db.site.count()).toBe(3);
    expect(await db.segment.count()).toBe(3);
    expect((await db.user.findMany({ select: { role: true } })).map((u) => u.role).sort()).toEqual(["ADMIN", "EXECUTIVE", "FRONTLINE", "MANAGER"]);
  });

  it("gives frontline staff a journey from a shipped template to log against, once, even after it is archived", async () => {
    await seedDemoOrganization();
    const template = findTemplate(DEMO_JOURNEY_TEMPLATE)!;
    const journeys = await db.journey.findMany({ where: { templateKey: DEMO_JOURNEY_TEMPLATE }, select: { id: true, nameKo: true, _count: { select: { touchpoints: true } } } });
    expect(journeys).toEqual([{ id: expect.any(String), nameKo: template.journey.nameKo, _count: { touchpoints: 17 } }]);
    expect(await db.touchpoint.count({ where: { isMoT: true, journeyId: journeys[0]!.id } })).toBeGreaterThan(0);

    await db.journey.update({ where: { id: journeys[0]!.id }, data: { archivedAt: new Date() } });
    expect(await seedDemoOrganization()).toMatchObject({ createdJourneys: 0 });
    expect(await db.journey.count({ where: { templateKey: DEMO_JOURNEY_TEMPLATE } })).toBe(1);
  });

  it("keeps the frontline page on that journey: the SK Telecom observations are logged by no user", async () => {
    await seedDemoOrganization();
    const frontline = await db.user.findFirstOrThrow({ where: { role: "FRONTLINE" }, select: { id: true, organizationId: true, role: true } });
    const hilton = await db.journey.findFirstOrThrow({ where: { templateKey: DEMO_JOURNEY_TEMPLATE }, select: { id: true } });
    expect(await db.observation.count({ where: { loggedById: { not: null } } })).toBe(0);
    expect((await getFrontlineSetup(frontline)).journeyId).toBe(hilton.id);
  });

  it("lets every demo user sign in with the printed password", async () => {
    await seedDemoOrganization();
    for (const user of DEMO_USERS) {
      expect(await verifyCredentials({ email: user.email, password: DEMO_PASSWORD }, { ipAddress: "", userAgent: "" }), user.email).not.toBeNull();
    }
  });
});

describe("the SK Telecom demo journey", () => {
  it("is seeded once with its observations: a second run adds neither a journey nor an observation", async () => {
    await seedDemoOrganization();
    await seedDemoOrganization();
    expect(await db.journey.count({ where: { templateKey: DEMO_SKT_TEMPLATE } })).toBe(1);
    expect(await db.observation.count()).toBe(DEMO_OBSERVATION_COUNT);
    expect(await db.observation.count({ where: { clientId: { startsWith: "demo:skt:" } } })).toBe(DEMO_OBSERVATION_COUNT);
    expect(await db.followUp.count()).toBeGreaterThan(0);
  });

  it("plants the problem: the named MOT has the worst mean gap among MOTs with 30 observations or more; the decoy has 3", async () => {
    await seedDemoOrganization();
    const gaps = await motGaps();
    const wellMeasured = gaps.filter((g) => g.n >= 30);
    expect(wellMeasured[0]).toMatchObject({ nameEn: PLANTED_MOT.nameEn });
    expect(wellMeasured[0]!.n).toBeGreaterThanOrEqual(600);
    expect(Math.abs(wellMeasured[0]!.gap - PLANTED_MOT.meanGap)).toBeLessThan(0.2);
    expect(wellMeasured[1]!.gap).toBeGreaterThan(wellMeasured[0]!.gap + 0.5);
    expect(gaps.find((g) => g.nameEn === DECOY_TOUCHPOINT.nameEn)).toEqual({ nameEn: DECOY_TOUCHPOINT.nameEn, n: 3, gap: -4 });

    const bySegment = await db.$queryRaw<{ nameEn: string }[]>`
      SELECT s."nameEn" FROM "Observation" o JOIN "Touchpoint" t ON t.id = o."touchpointId" JOIN "Segment" s ON s.id = o."segmentId"
       WHERE t."nameEn" = ${PLANTED_MOT.nameEn} GROUP BY s."nameEn" ORDER BY avg(o."experiencedScore" - o."expectationScore")`;
    expect(bySegment[0]!.nameEn).toBe(PLANTED_MOT.worstSegmentNameEn);
  });

  it("records what each segment expects at the planted MOT and a few other MOTs", async () => {
    await seedDemoOrganization();
    const expectations = await db.expectation.findMany({ select: { touchpoint: { select: { nameEn: true, isMoT: true } }, segmentId: true } });
    expect(expectations.filter((e) => e.touchpoint.nameEn === PLANTED_MOT.nameEn)).toHaveLength(3);
    expect(new Set(expectations.map((e) => e.touchpoint.nameEn)).size).toBeGreaterThanOrEqual(4);
    expect(expectations.every((e) => e.touchpoint.isMoT)).toBe(true);
  });

  it("opens follow-ups for the bad observations and leaves open only those of the last days", async () => {
    const before = Date.now();
    await seedDemoOrganization();
    const followUps = await db.followUp.findMany({ select: { status: true, openedAt: true, closedAt: true, resolution: true, closedById: true, observation: { select: { observedAt: true } } } });
    const open = followUps.filter((f) => f.status === "OPEN");
    const closed = followUps.filter((f) => f.status === "CLOSED");
    expect(open.length).toBeGreaterThan(0);
    expect(open.length).toBeLessThan(60);
    expect(closed.length).toBeGreaterThan(10 * open.length);
    for (const f of open) expect(f.observation.observedAt.getTime()).toBeGreaterThanOrEqual(before - DEMO_FOLLOW_UP_OPEN_DAYS * DAY_MS - 60_000);
    for (const f of followUps) {
      expect(f.openedAt.getTime()).toBeGreaterThanOrEqual(f.observation.observedAt.getTime());
      expect(f.openedAt.getTime()).toBeLessThan(f.observation.observedAt.getTime() + 3_600_000);
    }
    for (const f of closed) {
      expect(f.resolution).not.toBe("");
      expect(f.closedById).not.toBeNull();
      expect(f.closedAt!.getTime()).toBeGreaterThan(f.openedAt.getTime());
      expect(f.closedAt!.getTime()).toBeLessThan(Date.now());
    }
  });

  it("is not brought back once archived, and its observations are not added again", async () => {
    await seedDemoOrganization();
    await db.journey.updateMany({ where: { templateKey: DEMO_SKT_TEMPLATE }, data: { archivedAt: new Date() } });
    expect(await seedDemoOrganization()).toEqual({ createdUsers: 0, createdJourneys: 0, createdObservations: 0 });
    expect(await db.journey.count({ where: { templateKey: DEMO_SKT_TEMPLATE } })).toBe(1);
    expect(await db.observation.count()).toBe(DEMO_OBSERVATION_COUNT);
  });
});
