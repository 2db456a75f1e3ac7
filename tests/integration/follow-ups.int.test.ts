import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { closeFollowUp } from "@/lib/follow-ups/mutations";
import { listFollowUps } from "@/lib/follow-ups/queries";
import { recordObservations } from "@/lib/observations/mutations";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations } from "./helpers/factories";
import { buildJourney, type TFixture } from "./helpers/journey-fixture";

let cast: Awaited<ReturnType<typeof createTwoOrganizations>>;
let f: TFixture;
let gangnam: string;
let jamsil: string;

// Two days ago: follow-ups are opened only for recent answers (lib/follow-ups/rules.ts).
const observedAt = new Date(Date.now() - 2 * 86_400_000);

/** One detractor observation at the site; returns its follow-up's id. */
async function detractorAt(siteId: string, comment = "") {
  const { ids } = await recordObservations(cast.a.manager, {
    observations: [
      {
        touchpointId: f.mot,
        siteId,
        source: "SURVEY",
        observedAt,
        nps: 2,
        experiencedScore: 2,
        expectationScore: 6,
        comment,
      },
    ],
  });
  return (
    await db.followUp.findUniqueOrThrow({ where: { observationId: ids[0]! }, select: { id: true } })
  ).id;
}

beforeEach(async () => {
  await resetDatabase();
  cast = await createTwoOrganizations();
  f = await buildJourney(cast.a.manager);
  ({ id: gangnam } = await db.site.create({
    data: { organizationId: cast.a.organization.id, code: "GANGNAM", name: "Gangnam" },
  }));
  ({ id: jamsil } = await db.site.create({
    data: { organizationId: cast.a.organization.id, code: "JAMSIL", name: "Jamsil" },
  }));
  await db.user.update({ where: { id: cast.a.frontline.id }, data: { homeSiteId: gangnam } });
});

describe("follow-ups", () => {
  it("managers see every open follow-up, the oldest first, with its reasons, observation and per-site counts", async () => {
    const first = await detractorAt(gangnam, "기다림이 너무 길었어요");
    await db.followUp.update({
      where: { id: first },
      data: { openedAt: new Date("2026-11-01T00:00:00Z") },
    });
    const second = await detractorAt(jamsil);
    const third = await detractorAt(jamsil);

    const list = await listFollowUps(cast.a.manager, { status: "OPEN" });
    expect(list.items.map((x) => x.id)).toEqual([first, second, third]);
    expect(list.items[0]).toMatchObject({
      status: "OPEN",
      reasons: ["BELOW_EXPECTATION", "NPS_DETRACTOR"],
      site: { id: gangnam, name: "Gangnam" },
      observation: {
        nps: 2,
        experiencedScore: 2,
        expectationScore: 6,
        comment: "기다림이 너무 길었어요",
        touchpoint: { nameEn: "Counter", isMoT: true },
        loggedByName: cast.a.manager.name,
      },
    });
    expect(list.openBySite.map((s) => [s.site?.name, s.open])).toEqual([
      ["Gangnam", 1],
      ["Jamsil", 2],
    ]);
    expect(list.openBySite[0]!.oldestOpenedAt).toEqual(new Date("2026-11-01T00:00:00Z"));
    expect(
      (await listFollowUps(cast.a.executive, { status: "OPEN", siteId: jamsil })).items.map(
        (x) => x.id,
      ),
    ).toEqual([second, third]);
  });

  it("frontline staff see and close only their own site's follow-ups", async () => {
    const ours = await detractorAt(gangnam);
    const theirs = await detractorAt(jamsil);
    const list = await listFollowUps(cast.a.frontline, { status: "OPEN" });
    expect(list.items.map((x) => x.id)).toEqual([ours]);
    expect(list.sites.map((s) => s.id)).toEqual([gangnam]);
    // Asking for another site through the filter changes nothing: the scope still applies.
    expect(
      (await listFollowUps(cast.a.frontline, { status: "OPEN", siteId: jamsil })).items,
    ).toEqual([]);

    await expect(
      closeFollowUp(cast.a.frontline, { followUpId: theirs, resolution: "Called back" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await closeFollowUp(cast.a.frontline, {
      followUpId: ours,
      resolution: "고객에게 전화해 사과하고 쿠폰을 드렸습니다",
    });

    const closed = await db.followUp.findUniqueOrThrow({ where: { id: ours } });
    expect(closed).toMatchObject({
      status: "CLOSED",
      resolution: "고객에게 전화해 사과하고 쿠폰을 드렸습니다",
      closedById: cast.a.frontline.id,
    });
    expect(closed.closedAt).toBeInstanceOf(Date);
    expect((await db.followUp.findUniqueOrThrow({ where: { id: theirs } })).status).toBe("OPEN");
    expect(await db.auditLog.count({ where: { action: "followup.close", entityId: ours } })).toBe(
      1,
    );

    const closedList = await listFollowUps(cast.a.manager, { status: "CLOSED" });
    expect(closedList.items.map((x) => [x.id, x.closedByName])).toEqual([
      [ours, cast.a.frontline.name],
    ]);
  });

  it("refuses a second close, an empty resolution, executives and another organization — changing nothing", async () => {
    const id = await detractorAt(gangnam);
    await expect(
      closeFollowUp(cast.a.manager, { followUpId: id, resolution: "   " }),
    ).rejects.toMatchObject({
      name: "AppError",
      code: "VALIDATION",
      fieldErrors: { resolution: [expect.any(String)] },
    });
    await expect(
      closeFollowUp(cast.a.executive, { followUpId: id, resolution: "Done" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      closeFollowUp(cast.b.manager, { followUpId: id, resolution: "Done" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listFollowUps(cast.b.manager, { status: "OPEN" })).items).toEqual([]);
    expect((await db.followUp.findUniqueOrThrow({ where: { id } })).status).toBe("OPEN");

    await closeFollowUp(cast.a.manager, { followUpId: id, resolution: "Refunded" });
    await expect(
      closeFollowUp(cast.a.manager, { followUpId: id, resolution: "Again" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db.followUp.findUniqueOrThrow({ where: { id } })).resolution).toBe("Refunded");
  });

  it("a bad status filter falls back to open ones", async () => {
    const id = await detractorAt(gangnam);
    expect(
      (await listFollowUps(cast.a.manager, { status: "NONSENSE" as "OPEN" })).items.map(
        (x) => x.id,
      ),
    ).toEqual([id]);
  });
});
