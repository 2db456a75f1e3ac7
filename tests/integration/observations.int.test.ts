import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { recordObservations, ZRecordObservationsInput } from "@/lib/observations/mutations";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations } from "./helpers/factories";
import { buildJourney, type TFixture } from "./helpers/journey-fixture";

let cast: Awaited<ReturnType<typeof createTwoOrganizations>>;
let f: TFixture;
let siteId: string;

beforeEach(async () => {
  await resetDatabase();
  cast = await createTwoOrganizations();
  f = await buildJourney(cast.a.manager);
  ({ id: siteId } = await db.site.create({
    data: { organizationId: cast.a.organization.id, code: "S1", name: "Site 1" },
  }));
});

const observedAt = new Date("2026-11-20T10:00:00Z");
const countObservations = () => db.observation.count();

describe("recordObservations", () => {
  it("stores every field once, and a retry with the same clientIds stores nothing more", async () => {
    const batch = {
      observations: [
        {
          clientId: "device-1:1",
          touchpointId: f.mot,
          driverId: f.drivers[0],
          segmentId: f.segment,
          siteId,
          source: "FRONTLINE" as const,
          observedAt,
          expectationScore: 6,
          experiencedScore: 5,
          emotionalScore: 4,
          nps: 8,
          comment: "줄이 길었어요",
        },
        {
          clientId: "device-1:2",
          touchpointId: f.plain,
          source: "VOC_CALL" as const,
          observedAt,
          csat: 4,
          ces: 2,
        },
      ],
    };
    const first = await recordObservations(cast.a.frontline, batch);
    expect(first).toMatchObject({ created: 2, duplicates: 0 });
    const again = await recordObservations(cast.a.frontline, batch);
    expect(again).toMatchObject({ created: 0, duplicates: 2, ids: first.ids });
    expect(await countObservations()).toBe(2);

    const stored = await db.observation.findUniqueOrThrow({ where: { id: first.ids[0]! } });
    expect(stored).toMatchObject({
      organizationId: cast.a.organization.id,
      touchpointId: f.mot,
      driverId: f.drivers[0],
      segmentId: f.segment,
      siteId,
      source: "FRONTLINE",
      observedAt,
      expectationScore: 6,
      experiencedScore: 5,
      emotionalScore: 4,
      nps: 8,
      csat: null,
      comment: "줄이 길었어요",
      loggedById: cast.a.frontline.id,
      clientId: "device-1:1",
    });
  });

  it("opens a follow-up far below expectation (also against the MOT's recorded expectation) and for a detractor", async () => {
    // Yesterday: follow-ups are for answers recent enough to call the customer back.
    const observedAt = new Date(Date.now() - 86_400_000);
    const result = await recordObservations(cast.a.frontline, {
      observations: [
        {
          touchpointId: f.mot,
          source: "FRONTLINE",
          observedAt,
          expectationScore: 6,
          experiencedScore: 3,
          siteId,
        },
        {
          touchpointId: f.mot,
          segmentId: f.segment,
          source: "FRONTLINE",
          observedAt,
          experiencedScore: 3,
        }, // the segment expects 6 here
        { touchpointId: f.plain, source: "SURVEY", observedAt, nps: 4 },
        {
          touchpointId: f.plain,
          source: "SURVEY",
          observedAt,
          experiencedScore: 6,
          expectationScore: 6,
          nps: 9,
        },
      ],
    });
    expect(result.followUpsOpened).toBe(3);
    const followUps = await db.followUp.findMany({
      orderBy: { reason: "asc" },
      select: { observationId: true, reason: true, siteId: true, status: true },
    });
    expect(followUps.map((x) => x.reason).sort()).toEqual([
      "BELOW_EXPECTATION",
      "BELOW_EXPECTATION",
      "NPS_DETRACTOR",
    ]);
    expect(followUps.every((x) => x.status === "OPEN")).toBe(true);
    expect(followUps.find((x) => x.observationId === result.ids[0])?.siteId).toBe(siteId);
  });

  it("refuses the whole batch when one item names another organization's touchpoint, and stores nothing", async () => {
    const theirs = await buildJourney(cast.b.manager, "Hotel");
    await expect(
      recordObservations(cast.a.frontline, {
        observations: [
          { touchpointId: f.mot, source: "FRONTLINE", observedAt, experiencedScore: 5 },
          { touchpointId: theirs.mot, source: "FRONTLINE", observedAt, experiencedScore: 5 },
          {
            touchpointId: f.mot,
            driverId: theirs.drivers[0],
            segmentId: theirs.segment,
            source: "FRONTLINE",
            observedAt,
            experiencedScore: 5,
          },
        ],
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: {
        "observations.1.touchpointId": ["errors.NOT_FOUND"],
        "observations.2.driverId": ["errors.NOT_FOUND"],
        "observations.2.segmentId": ["errors.NOT_FOUND"],
      },
    });
    expect(await countObservations()).toBe(0);
  });

  it("refuses scores out of range, a missing score and a future date, naming the field", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ experiencedScore: 8 }, "experiencedScore"],
      [{ experiencedScore: 0 }, "experiencedScore"],
      [{ nps: 11 }, "nps"],
      [{ csat: 6 }, "csat"],
      [{ nps: 5.5 }, "nps"],
      [{ comment: "no score at all" }, "experiencedScore"],
      [{ experiencedScore: 5, observedAt: new Date(Date.now() + 3 * 86_400_000) }, "observedAt"],
    ];
    for (const [bad, field] of cases) {
      const input = {
        observations: [{ touchpointId: f.mot, source: "FRONTLINE" as const, observedAt, ...bad }],
      };
      const error = await recordObservations(cast.a.frontline, input).catch((e: unknown) => e);
      // Nested paths are reported on their top field, as the action boundary does; the schema names the field.
      expect(error, JSON.stringify(bad)).toMatchObject({
        name: "AppError",
        code: "VALIDATION",
        fieldErrors: { observations: expect.any(Array) },
      });
      expect(
        ZRecordObservationsInput.safeParse(input).error?.issues.map((issue) =>
          issue.path.join("."),
        ),
        JSON.stringify(bad),
      ).toContain(`observations.0.${field}`);
    }
    expect(await countObservations()).toBe(0);
  });

  it("is refused to executives, and a frontline user's items default to their home site", async () => {
    await expect(
      recordObservations(cast.a.executive, {
        observations: [
          { touchpointId: f.mot, source: "FRONTLINE", observedAt, experiencedScore: 5 },
        ],
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await db.user.update({ where: { id: cast.a.frontline.id }, data: { homeSiteId: siteId } });
    const { ids } = await recordObservations(cast.a.frontline, {
      observations: [{ touchpointId: f.mot, source: "FRONTLINE", observedAt, experiencedScore: 5 }],
    });
    expect((await db.observation.findUniqueOrThrow({ where: { id: ids[0]! } })).siteId).toBe(
      siteId,
    );
  });
});
