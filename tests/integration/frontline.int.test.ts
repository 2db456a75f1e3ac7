import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getFrontlineSetup } from "@/lib/observations/frontline";
import { recordObservations } from "@/lib/observations/mutations";
import { setJourneyArchived } from "@/lib/journeys/mutations";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations } from "./helpers/factories";
import { appError, buildJourney, versionOf, type TFixture } from "./helpers/journey-fixture";

let cast: Awaited<ReturnType<typeof createTwoOrganizations>>;
let f: TFixture;
let second: TFixture;
let theirs: TFixture;
let siteId: string;

beforeEach(async () => {
  await resetDatabase();
  cast = await createTwoOrganizations();
  f = await buildJourney(cast.a.manager, "Car rental");
  second = await buildJourney(cast.a.manager, "Hotel stay");
  theirs = await buildJourney(cast.b.manager, "Airline");
  ({ id: siteId } = await db.site.create({
    data: { organizationId: cast.a.organization.id, code: "GANGNAM", name: "Gangnam" },
  }));
  await db.site.create({
    data: { organizationId: cast.b.organization.id, code: "B1", name: "Their site" },
  });
  await db.user.update({ where: { id: cast.a.frontline.id }, data: { homeSiteId: siteId } });
});

const log = (actor: typeof cast.a.frontline, touchpointId: string, minutesAgo: number) =>
  recordObservations(actor, {
    observations: [
      {
        touchpointId,
        source: "FRONTLINE",
        observedAt: new Date(Date.now() - minutesAgo * 60_000),
        experiencedScore: 5,
      },
    ],
  });

describe("getFrontlineSetup", () => {
  it("opens on the user's site and the first journey, with its touchpoints in journey order and only the organization's data", async () => {
    const setup = await getFrontlineSetup(cast.a.frontline);
    expect(setup.homeSite).toEqual({ id: siteId, name: "Gangnam" });
    expect(setup.journeys.map((j) => j.id)).toEqual([f.journeyId, second.journeyId]);
    expect(setup.journeyId).toBe(f.journeyId);
    expect(
      setup.touchpoints.map((t) => [t.id, t.nameEn, t.stageNameEn, t.isMoT, t.drivers.length]),
    ).toEqual([
      [f.mot, "Counter", "Booking", true, 2],
      [f.plain, "Website", "Booking", false, 0],
      [f.other, "Key drop", "Return", false, 0],
    ]);
    expect(setup.touchpoints[0]).toMatchObject({
      channel: "IN_PERSON",
      dimension: "FRONTLINE_STAFF",
      drivers: [
        { nameEn: "Waiting time", kind: "RATIONAL" },
        { nameEn: "Courtesy", kind: "EMOTIONAL" },
      ],
    });
    expect(setup.recentTouchpointIds).toEqual([]);
    expect(setup.segments.map((s) => s.id).sort()).toEqual([f.segment, second.segment].sort());
    expect(setup.sites).toEqual([{ id: siteId, name: "Gangnam" }]);
    // Plain objects: no Prisma row leaks through.
    expect(JSON.parse(JSON.stringify(setup))).toEqual(setup);
  });

  it("opens on the journey the user logged on last and lists their recent touchpoints, most recent first", async () => {
    await log(cast.a.frontline, f.mot, 30);
    await log(cast.a.frontline, second.other, 20);
    await log(cast.a.frontline, second.mot, 10);
    await log(cast.a.frontline, second.other, 5);
    await log(cast.a.manager, second.plain, 1); // someone else's entry is not this user's recent one

    const setup = await getFrontlineSetup(cast.a.frontline);
    expect(setup.journeyId).toBe(second.journeyId);
    expect(setup.recentTouchpointIds).toEqual([second.other, second.mot]);
    expect(
      (await getFrontlineSetup(cast.a.frontline, { journeyId: f.journeyId })).recentTouchpointIds,
    ).toEqual([f.mot]);
  });

  it("honours the journey asked for, but ignores another organization's, an unknown and an archived one", async () => {
    expect(
      (await getFrontlineSetup(cast.a.frontline, { journeyId: second.journeyId })).journeyId,
    ).toBe(second.journeyId);
    const theirsAsked = await getFrontlineSetup(cast.a.frontline, { journeyId: theirs.journeyId });
    expect(theirsAsked.journeyId).toBe(f.journeyId);
    expect(theirsAsked.touchpoints.map((t) => t.id)).not.toContain(theirs.mot);
    expect(
      (await getFrontlineSetup(cast.a.frontline, { journeyId: "no-such-journey" })).journeyId,
    ).toBe(f.journeyId);

    await setJourneyArchived(cast.a.manager, {
      journeyId: f.journeyId,
      version: await versionOf(f.journeyId),
      isArchived: true,
    });
    const afterArchive = await getFrontlineSetup(cast.a.frontline, { journeyId: f.journeyId });
    expect(afterArchive.journeys.map((j) => j.id)).toEqual([second.journeyId]);
    expect(afterArchive.journeyId).toBe(second.journeyId);
  });

  it("gives the other organization its own journey, segments and sites only", async () => {
    const setup = await getFrontlineSetup(cast.b.frontline);
    expect(setup.homeSite).toBeNull();
    expect(setup.journeys.map((j) => j.id)).toEqual([theirs.journeyId]);
    expect(setup.touchpoints.map((t) => t.id)).toEqual([theirs.mot, theirs.plain, theirs.other]);
    expect(setup.segments.map((s) => s.id)).toEqual([theirs.segment]);
    expect(setup.sites.map((s) => s.name)).toEqual(["Their site"]);
  });

  it("answers an organization without journeys with no journey, and refuses roles that do not log", async () => {
    const lonely = await db.organization.create({ data: { name: "Empty", slug: "empty" } });
    const staff = await db.user.create({
      data: {
        organizationId: lonely.id,
        email: "staff@empty.test",
        name: "Staff",
        role: "FRONTLINE",
        passwordHash: "x",
      },
    });
    expect(
      await getFrontlineSetup({ id: staff.id, organizationId: lonely.id, role: "FRONTLINE" }),
    ).toMatchObject({ journeyId: null, journeys: [], touchpoints: [], segments: [] });
    await expect(getFrontlineSetup(cast.a.executive)).rejects.toMatchObject(appError("FORBIDDEN"));
  });
});
