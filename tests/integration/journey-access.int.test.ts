import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { deleteExpectation, saveExpectation } from "@/lib/journeys/expectations";
import { importJourney } from "@/lib/journeys/import";
import { listJourneys } from "@/lib/journeys/queries";
import { deleteStage, saveStage } from "@/lib/journeys/stages";
import { deleteTouchpoint, saveTouchpoint, setMomentOfTruth } from "@/lib/journeys/touchpoints";
import { saveSegment } from "@/lib/segments/mutations";
import { listSegments } from "@/lib/segments/queries";
import { createJourneyFromTemplate } from "@/lib/templates/instantiate";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations } from "./helpers/factories";
import {
  appError,
  buildJourney,
  EDITS_OF_A_JOURNEY,
  type TEditCase,
  expectRefusedUnchanged,
  snapshot,
  type TFixture,
  touchpointInput,
  versionOf,
  waitingTime,
} from "./helpers/journey-fixture";

let cast: Awaited<ReturnType<typeof createTwoOrganizations>>;

beforeEach(async () => {
  await resetDatabase();
  cast = await createTwoOrganizations();
});

// ---------------------------------------------------------------------------------------------
// Who may edit: every mutation, refused to frontline staff and executives, and to another
// organization's manager as if the journey did not exist. Each refusal changes nothing.
// ---------------------------------------------------------------------------------------------

const minimalJson = JSON.stringify({
  nameKo: "가져온 여정",
  nameEn: "Imported journey",
  stages: [
    {
      nameEn: "Only stage",
      touchpoints: [
        {
          ...touchpointInput("Only touchpoint"),
          isMoT: true,
          drivers: [waitingTime],
          // Same name as org A's fixture segment: must never be matched across organizations.
          expectations: [
            {
              segmentNameKo: "Car rental 단골",
              segmentNameEn: "Car rental regulars",
              needs: "Fast",
              expectedLevel: 5,
            },
          ],
        },
      ],
    },
  ],
});

const CREATIONS: TEditCase[] = [
  {
    name: "saveSegment (create)",
    run: (actor) => saveSegment(actor, { nameKo: "새 세그먼트", nameEn: "New segment" }),
  },
  {
    name: "importJourney",
    run: (actor) => importJourney(actor, { format: "json", content: minimalJson }),
  },
  {
    name: "createJourneyFromTemplate",
    run: (actor) => createJourneyFromTemplate(actor, "hilton-hotel-stay"),
  },
];

describe("permissions and tenancy of every editor mutation", () => {
  it.each([...EDITS_OF_A_JOURNEY, ...CREATIONS])(
    "$name is FORBIDDEN to frontline staff and executives, and changes nothing",
    async ({ run }) => {
      const f = await buildJourney(cast.a.manager);
      const versionBefore = await versionOf(f.journeyId);
      for (const actor of [cast.a.frontline, cast.a.executive]) {
        await expectRefusedUnchanged(() => run(actor, f), appError("FORBIDDEN"));
      }
      expect(await versionOf(f.journeyId)).toBe(versionBefore);
    },
  );

  it.each(EDITS_OF_A_JOURNEY)(
    "$name on another organization's journey is NOT_FOUND, and changes nothing",
    async ({ run }) => {
      const f = await buildJourney(cast.a.manager);
      await buildJourney(cast.b.manager); // B has data of its own, which must not change either
      const versionBefore = await versionOf(f.journeyId);
      for (const actor of [cast.b.manager, cast.b.admin]) {
        await expectRefusedUnchanged(() => run(actor, f), appError("NOT_FOUND"));
      }
      expect(await versionOf(f.journeyId)).toBe(versionBefore);
    },
  );

  // A manager of B names their own journey but smuggles in A's stage, touchpoint, driver or segment.
  const MIXED: { name: string; run: (b: TFixture, a: TFixture) => Promise<unknown> }[] = [
    {
      name: "saveStage updating A's stage",
      run: async (b, a) =>
        saveStage(cast.b.manager, {
          journeyId: b.journeyId,
          version: await versionOf(b.journeyId),
          stageId: a.booking,
          nameEn: "x",
        }),
    },
    {
      name: "deleteStage of A's stage",
      run: async (b, a) =>
        deleteStage(cast.b.manager, {
          journeyId: b.journeyId,
          version: await versionOf(b.journeyId),
          stageId: a.returning,
        }),
    },
    {
      name: "saveTouchpoint into A's stage",
      run: async (b, a) =>
        saveTouchpoint(cast.b.manager, {
          journeyId: b.journeyId,
          version: await versionOf(b.journeyId),
          stageId: a.booking,
          ...touchpointInput("x"),
        }),
    },
    {
      name: "saveTouchpoint updating A's touchpoint",
      run: async (b, a) =>
        saveTouchpoint(cast.b.manager, {
          journeyId: b.journeyId,
          version: await versionOf(b.journeyId),
          stageId: b.booking,
          touchpointId: a.mot,
          ...touchpointInput("x"),
        }),
    },
    {
      name: "saveTouchpoint keeping A's driver",
      run: async (b, a) =>
        saveTouchpoint(cast.b.manager, {
          journeyId: b.journeyId,
          version: await versionOf(b.journeyId),
          stageId: b.booking,
          touchpointId: b.mot,
          ...touchpointInput("x"),
          isMoT: true,
          drivers: [{ driverId: a.drivers[0], ...waitingTime }],
        }),
    },
    {
      name: "setMomentOfTruth on A's touchpoint",
      run: async (b, a) =>
        setMomentOfTruth(cast.b.manager, {
          journeyId: b.journeyId,
          version: await versionOf(b.journeyId),
          touchpointId: a.plain,
          isMoT: true,
        }),
    },
    {
      name: "deleteTouchpoint of A's touchpoint",
      run: async (b, a) =>
        deleteTouchpoint(cast.b.manager, {
          journeyId: b.journeyId,
          version: await versionOf(b.journeyId),
          touchpointId: a.plain,
        }),
    },
    {
      name: "saveExpectation on A's MOT",
      run: (b, a) =>
        saveExpectation(cast.b.manager, {
          touchpointId: a.mot,
          segmentId: b.segment,
          needs: "x",
          expectedLevel: 3,
        }),
    },
    {
      name: "saveExpectation for A's segment",
      run: (b, a) =>
        saveExpectation(cast.b.manager, {
          touchpointId: b.mot,
          segmentId: a.segment,
          needs: "x",
          expectedLevel: 3,
        }),
    },
    {
      name: "deleteExpectation of A's MOT",
      run: (_b, a) =>
        deleteExpectation(cast.b.manager, { touchpointId: a.mot, segmentId: a.segment }),
    },
  ];

  it.each(MIXED)("$name is NOT_FOUND and rolls back B's own version too", async ({ run }) => {
    const a = await buildJourney(cast.a.manager);
    const b = await buildJourney(cast.b.manager);
    const [versionA, versionB] = [await versionOf(a.journeyId), await versionOf(b.journeyId)];
    await expectRefusedUnchanged(() => run(b, a), appError("NOT_FOUND"));
    expect([await versionOf(a.journeyId), await versionOf(b.journeyId)]).toEqual([
      versionA,
      versionB,
    ]);
  });

  it("creations by another organization's manager (segment, import, template) land in that organization only", async () => {
    const a = await buildJourney(cast.a.manager);
    const rowsOfA = async () => {
      const where = { organizationId: cast.a.organization.id };
      const { journeys, stages, touchpoints, drivers, expectations, segments } = await snapshot();
      const mine = <T extends { organizationId: string }>(rows: T[]) =>
        rows.filter((r) => r.organizationId === where.organizationId);
      return {
        journeys: mine(journeys),
        stages: mine(stages),
        touchpoints: mine(touchpoints),
        drivers: mine(drivers),
        expectations: mine(expectations),
        segments: mine(segments),
      };
    };
    const before = await rowsOfA();

    const { id: segmentId } = await saveSegment(cast.b.manager, {
      nameKo: "새 세그먼트",
      nameEn: "New segment",
    });
    const imported = await importJourney(cast.b.manager, { format: "json", content: minimalJson });
    const fromTemplate = await createJourneyFromTemplate(cast.b.manager, "hilton-hotel-stay");
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));

    expect(await rowsOfA()).toEqual(before);
    expect(await versionOf(a.journeyId)).toBe(before.journeys[0]!.version);

    const orgB = cast.b.organization.id;
    expect(await db.segment.findUniqueOrThrow({ where: { id: segmentId } })).toMatchObject({
      organizationId: orgB,
    });
    for (const journeyId of [imported.id, fromTemplate.id]) {
      expect(await db.journey.findUniqueOrThrow({ where: { id: journeyId } })).toMatchObject({
        organizationId: orgB,
        createdById: cast.b.manager.id,
      });
      const foreign = { journeyId, organizationId: { not: orgB } };
      expect(await db.stage.count({ where: foreign })).toBe(0);
      expect(await db.touchpoint.count({ where: foreign })).toBe(0);
      expect(
        await db.loyaltyDriver.count({
          where: { touchpoint: { journeyId }, organizationId: { not: orgB } },
        }),
      ).toBe(0);
      expect(
        await db.expectation.count({
          where: { touchpoint: { journeyId }, organizationId: { not: orgB } },
        }),
      ).toBe(0);
    }
    // The imported expectation names a segment that exists only in A: B got a segment of its own.
    const importedExpectation = await db.expectation.findFirstOrThrow({
      where: { touchpoint: { journeyId: imported.id } },
      include: { segment: true },
    });
    expect(importedExpectation.segment).toMatchObject({
      organizationId: orgB,
      nameEn: "Car rental regulars",
    });
    expect(importedExpectation.segmentId).not.toBe(a.segment);

    expect((await listJourneys(cast.a.manager)).map((j) => j.id)).toEqual([a.journeyId]);
    expect((await listSegments(cast.a.manager)).map((s) => s.id)).toEqual([a.segment]);
    expect((await listJourneys(cast.b.manager)).map((j) => j.id).sort()).toEqual(
      [imported.id, fromTemplate.id].sort(),
    );
  });
});
