import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { deleteExpectation, saveExpectation } from "@/lib/journeys/expectations";
import { saveJourneyLayout } from "@/lib/journeys/layout";
import { deleteJourney, setJourneyArchived } from "@/lib/journeys/mutations";
import { getJourneyMap, listJourneys } from "@/lib/journeys/queries";
import { deleteStage, saveStage } from "@/lib/journeys/stages";
import { deleteTouchpoint, saveTouchpoint, setMomentOfTruth } from "@/lib/journeys/touchpoints";
import { deleteSegment, saveSegment } from "@/lib/segments/mutations";
import { listSegments } from "@/lib/segments/queries";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations } from "./helpers/factories";
import {
  addObservation,
  appError,
  buildJourney,
  expectRefusedUnchanged,
  storedPositions,
  versionOf,
  EDITS_OF_A_JOURNEY,
} from "./helpers/journey-fixture";

let cast: Awaited<ReturnType<typeof createTwoOrganizations>>;

beforeEach(async () => {
  await resetDatabase();
  cast = await createTwoOrganizations();
});

describe("archived journeys", () => {
  it("refuse every structural edit with errors.journeyArchived, and work again once restored", async () => {
    const f = await buildJourney(cast.a.manager);
    const archivedVersion = (
      await setJourneyArchived(cast.a.manager, {
        journeyId: f.journeyId,
        version: await versionOf(f.journeyId),
        isArchived: true,
      })
    ).version;
    expect(await getJourneyMap(cast.a.manager, f.journeyId)).toMatchObject({
      isArchived: true,
      version: archivedVersion,
    });
    expect((await listJourneys(cast.a.manager))[0]).toMatchObject({
      id: f.journeyId,
      isArchived: true,
    });

    const structural = EDITS_OF_A_JOURNEY.filter(
      (c) => !/Expectation|Segment|setJourneyArchived|deleteJourney/.test(c.name),
    );
    expect(structural).toHaveLength(10);
    for (const { run } of structural) {
      await expectRefusedUnchanged(
        () => run(cast.a.manager, f),
        appError("CONFLICT", "errors.journeyArchived"),
      );
    }
    expect(await versionOf(f.journeyId)).toBe(archivedVersion);

    // Restoring from an outdated version is refused; from the current one it works.
    await expectRefusedUnchanged(
      () =>
        setJourneyArchived(cast.a.manager, {
          journeyId: f.journeyId,
          version: archivedVersion - 1,
          isArchived: false,
        }),
      appError("CONFLICT", "errors.staleJourney"),
    );
    const restored = await setJourneyArchived(cast.a.manager, {
      journeyId: f.journeyId,
      version: archivedVersion,
      isArchived: false,
    });
    expect(restored).toEqual({ version: archivedVersion + 1 });
    expect(await getJourneyMap(cast.a.manager, f.journeyId)).toMatchObject({ isArchived: false });
    const stage = await saveStage(cast.a.manager, {
      journeyId: f.journeyId,
      version: restored.version,
      nameEn: "After restore",
    });
    expect(stage.version).toBe(archivedVersion + 2);
    // Nothing was lost while archived.
    expect(
      (await getJourneyMap(cast.a.manager, f.journeyId)).stages.map((s) => s.touchpoints.length),
    ).toEqual([2, 1, 0]);
  });

  it("refuse expectation edits too (archiving freezes the journey)", async () => {
    const f = await buildJourney(cast.a.manager);
    await setJourneyArchived(cast.a.manager, {
      journeyId: f.journeyId,
      version: await versionOf(f.journeyId),
      isArchived: true,
    });
    await expectRefusedUnchanged(
      () =>
        saveExpectation(cast.a.manager, {
          touchpointId: f.mot,
          segmentId: f.segment,
          needs: "Changed while archived",
          expectedLevel: 1,
        }),
      appError("CONFLICT", "errors.journeyArchived"),
    );
    await expectRefusedUnchanged(
      () => deleteExpectation(cast.a.manager, { touchpointId: f.mot, segmentId: f.segment }),
      appError("CONFLICT", "errors.journeyArchived"),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Observations protect what they measure
// ---------------------------------------------------------------------------------------------

describe("deleting a journey", () => {
  it("is refused until the journey is archived, then removes it with everything in it", async () => {
    const f = await buildJourney(cast.a.manager);
    await expectRefusedUnchanged(
      async () =>
        deleteJourney(cast.a.manager, {
          journeyId: f.journeyId,
          version: await versionOf(f.journeyId),
        }),
      appError("CONFLICT", "errors.archiveBeforeDelete"),
    );
    const { version } = await setJourneyArchived(cast.a.manager, {
      journeyId: f.journeyId,
      version: await versionOf(f.journeyId),
      isArchived: true,
    });
    await expectRefusedUnchanged(
      () => deleteJourney(cast.a.manager, { journeyId: f.journeyId, version: version - 1 }),
      appError("CONFLICT", "errors.staleJourney"),
    );
    await deleteJourney(cast.a.manager, { journeyId: f.journeyId, version });
    expect(await db.journey.count()).toBe(0);
    expect({
      stages: await db.stage.count(),
      touchpoints: await db.touchpoint.count(),
      drivers: await db.loyaltyDriver.count(),
      expectations: await db.expectation.count(),
    }).toEqual({
      stages: 0,
      touchpoints: 0,
      drivers: 0,
      expectations: 0,
    });
    // Segments are the organization's, not the journey's: they stay.
    expect(await db.segment.count()).toBe(1);
    expect(
      await db.auditLog.count({ where: { action: "journey.delete", entityId: f.journeyId } }),
    ).toBe(1);
  });

  it("is refused while observations refer to the journey", async () => {
    const f = await buildJourney(cast.a.manager);
    await addObservation(cast.a.organization.id, f.other);
    const { version } = await setJourneyArchived(cast.a.manager, {
      journeyId: f.journeyId,
      version: await versionOf(f.journeyId),
      isArchived: true,
    });
    await expectRefusedUnchanged(
      () => deleteJourney(cast.a.manager, { journeyId: f.journeyId, version }),
      appError("CONFLICT", "errors.journeyHasObservations"),
    );
  });

  it("archiving twice (a double click, a second tab) changes nothing and is not an error", async () => {
    const f = await buildJourney(cast.a.manager);
    const { version } = await setJourneyArchived(cast.a.manager, {
      journeyId: f.journeyId,
      version: await versionOf(f.journeyId),
      isArchived: true,
    });
    expect(
      await setJourneyArchived(cast.a.manager, {
        journeyId: f.journeyId,
        version,
        isArchived: true,
      }),
    ).toEqual({ version });
    expect(await versionOf(f.journeyId)).toBe(version);
  });
});

describe("deleting measured things", () => {
  it("a loyalty driver with observations cannot be removed from its touchpoint", async () => {
    const f = await buildJourney(cast.a.manager);
    await db.observation.create({
      data: {
        organizationId: cast.a.organization.id,
        touchpointId: f.mot,
        driverId: f.drivers[0],
        source: "SURVEY",
        observedAt: new Date(),
      },
    });
    const version = await versionOf(f.journeyId);
    await expectRefusedUnchanged(
      () =>
        saveTouchpoint(cast.a.manager, {
          journeyId: f.journeyId,
          version,
          stageId: f.booking,
          touchpointId: f.mot,
          nameEn: "Counter",
          channel: "IN_PERSON",
          dimension: "FRONTLINE_STAFF",
          isMoT: true,
          drivers: [
            {
              driverId: f.drivers[1],
              nameEn: "Courtesy",
              kind: "EMOTIONAL",
              dimension: "FRONTLINE_STAFF",
            },
          ],
        }),
      appError("CONFLICT", "errors.driverHasObservations"),
    );
  });

  it("a touchpoint, or the stage holding it, with observations is CONFLICT and nothing is deleted", async () => {
    const f = await buildJourney(cast.a.manager);
    await addObservation(cast.a.organization.id, f.plain);
    const version = await versionOf(f.journeyId);
    await expectRefusedUnchanged(
      () =>
        deleteTouchpoint(cast.a.manager, {
          journeyId: f.journeyId,
          version,
          touchpointId: f.plain,
        }),
      appError("CONFLICT", "errors.touchpointHasObservations"),
    );
    await expectRefusedUnchanged(
      () => deleteStage(cast.a.manager, { journeyId: f.journeyId, version, stageId: f.booking }),
      appError("CONFLICT", "errors.stageHasObservations"),
    );
    // The other stage has none and can go.
    await deleteStage(cast.a.manager, { journeyId: f.journeyId, version, stageId: f.returning });
    expect(await db.observation.count()).toBe(1);
  });

  it("a segment tagged on observations is CONFLICT and nothing is deleted; otherwise it goes with its expectations", async () => {
    const f = await buildJourney(cast.a.manager);
    const { id: tagged } = await saveSegment(cast.a.manager, { nameEn: "Tagged" });
    await addObservation(cast.a.organization.id, f.plain, tagged);
    await expectRefusedUnchanged(
      () => deleteSegment(cast.a.manager, { segmentId: tagged }),
      appError("CONFLICT", "errors.segmentHasObservations"),
    );

    await deleteSegment(cast.a.manager, { segmentId: f.segment });
    expect(await db.segment.count({ where: { id: f.segment } })).toBe(0);
    expect(await db.expectation.count({ where: { segmentId: f.segment } })).toBe(0);
    expect((await listSegments(cast.a.manager)).map((s) => s.nameEn)).toEqual(["Tagged"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Expectations and segments
// ---------------------------------------------------------------------------------------------

describe("expectations", () => {
  it("go when their touchpoint stops being a Moment of Truth (they are recorded at MOTs only)", async () => {
    const f = await buildJourney(cast.a.manager);
    expect(await db.expectation.count({ where: { touchpointId: f.mot } })).toBe(1);
    await setMomentOfTruth(cast.a.manager, {
      journeyId: f.journeyId,
      version: await versionOf(f.journeyId),
      touchpointId: f.mot,
      isMoT: false,
    });
    expect(await db.expectation.count({ where: { touchpointId: f.mot } })).toBe(0);
  });

  it("only a Moment of Truth carries expectations: on another touchpoint it is a VALIDATION error", async () => {
    const f = await buildJourney(cast.a.manager);
    await expectRefusedUnchanged(
      () =>
        saveExpectation(cast.a.manager, {
          touchpointId: f.plain,
          segmentId: f.segment,
          needs: "Anything",
          expectedLevel: 4,
        }),
      { ...appError("VALIDATION"), fieldErrors: { touchpointId: ["errors.expectationOnlyOnMoT"] } },
    );
  });

  it("saving twice for the same MOT and segment keeps one row, updates it and records who", async () => {
    const f = await buildJourney(cast.a.manager);
    const { id: firstTime } = await saveSegment(cast.a.manager, {
      nameKo: "첫 방문",
      nameEn: "First-time guests",
    });
    const first = await saveExpectation(cast.a.manager, {
      touchpointId: f.mot,
      segmentId: firstTime,
      needs: "  A room tour  ",
      expectedLevel: 5,
    });
    const second = await saveExpectation(cast.a.admin, {
      touchpointId: f.mot,
      segmentId: firstTime,
      needs: "A short room tour",
      expectedLevel: 6.5,
    });
    expect(second.id).toBe(first.id);

    const rows = await db.expectation.findMany({
      where: { touchpointId: f.mot, segmentId: firstTime },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      needs: "A short room tour",
      expectedLevel: 6.5,
      recordedById: cast.a.admin.id,
      organizationId: cast.a.organization.id,
    });
    // Per segment: the fixture's expectation of the other segment is untouched.
    expect(
      await db.expectation.findFirstOrThrow({
        where: { touchpointId: f.mot, segmentId: f.segment },
      }),
    ).toMatchObject({ needs: "No queue", recordedById: cast.a.manager.id });

    const map = await getJourneyMap(cast.a.executive, f.journeyId);
    expect(map.stages[0]!.touchpoints[0]!.expectations).toEqual([
      expect.objectContaining({
        segmentId: f.segment,
        needs: "No queue",
        expectedLevel: 6,
        recordedByName: cast.a.manager.name,
      }),
      expect.objectContaining({
        segmentId: firstTime,
        needs: "A short room tour",
        expectedLevel: 6.5,
        recordedByName: cast.a.admin.name,
      }),
    ]);
    expect((await listSegments(cast.a.manager)).find((s) => s.id === firstTime)).toMatchObject({
      expectationCount: 1,
      observationCount: 0,
    });
  });

  it("a level outside the scale or empty needs is a VALIDATION error and changes nothing", async () => {
    const f = await buildJourney(cast.a.manager);
    await expectRefusedUnchanged(
      () =>
        saveExpectation(cast.a.manager, {
          touchpointId: f.mot,
          segmentId: f.segment,
          needs: "x",
          expectedLevel: 8,
        }),
      appError("VALIDATION"),
    );
    await expectRefusedUnchanged(
      () =>
        saveExpectation(cast.a.manager, {
          touchpointId: f.mot,
          segmentId: f.segment,
          needs: "  ",
          expectedLevel: 3,
        }),
      appError("VALIDATION"),
    );
  });

  it("deleteExpectation removes the one row; deleting it again is NOT_FOUND", async () => {
    const f = await buildJourney(cast.a.manager);
    await deleteExpectation(cast.a.manager, { touchpointId: f.mot, segmentId: f.segment });
    expect(await db.expectation.count()).toBe(0);
    await expectRefusedUnchanged(
      () => deleteExpectation(cast.a.manager, { touchpointId: f.mot, segmentId: f.segment }),
      appError("NOT_FOUND"),
    );
  });
});

describe("segments", () => {
  it("saveSegment creates and edits a segment of the organization; listSegments lists them in creation order", async () => {
    const { id } = await saveSegment(cast.a.manager, {
      nameKo: "얼리어답터",
      nameEn: "Early adopters",
      description: "Try new phones first",
    });
    await saveSegment(cast.a.admin, { nameKo: "단골", nameEn: "" });
    await saveSegment(cast.a.manager, {
      segmentId: id,
      nameKo: "얼리 어답터",
      nameEn: "Early adopters",
      description: "",
    });
    expect(
      (await listSegments(cast.a.frontline)).map(({ nameKo, nameEn, description }) => [
        nameKo,
        nameEn,
        description,
      ]),
    ).toEqual([
      ["얼리 어답터", "Early adopters", ""],
      ["단골", "", ""],
    ]);
    expect(await listSegments(cast.b.manager)).toEqual([]);
    await expect(saveSegment(cast.a.manager, { nameKo: "", nameEn: " " })).rejects.toMatchObject(
      appError("VALIDATION"),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Layout: the whole order in one save
// ---------------------------------------------------------------------------------------------

describe("saveJourneyLayout", () => {
  it("saves touchpoints moved across stages and reordered stages exactly", async () => {
    const f = await buildJourney(cast.a.manager);
    let version = await versionOf(f.journeyId);
    const third = await saveStage(cast.a.manager, {
      journeyId: f.journeyId,
      version,
      nameEn: "Empty",
    });
    version = third.version;

    // returning first with [plain (moved from booking), other, mot (moved)], then empty stage gets nothing, booking becomes empty
    const result = await saveJourneyLayout(cast.a.manager, {
      journeyId: f.journeyId,
      version,
      stages: [
        { stageId: f.returning, touchpointIds: [f.plain, f.other] },
        { stageId: third.id, touchpointIds: [f.mot] },
        { stageId: f.booking, touchpointIds: [] },
      ],
    });
    expect(result).toEqual({ version: version + 1 });

    const map = await getJourneyMap(cast.a.manager, f.journeyId);
    expect(map.version).toBe(version + 1);
    expect(map.stages.map((s) => [s.id, s.touchpoints.map((t) => [t.id, t.stageId])])).toEqual([
      [
        f.returning,
        [
          [f.plain, f.returning],
          [f.other, f.returning],
        ],
      ],
      [third.id, [[f.mot, third.id]]],
      [f.booking, []],
    ]);
    // A moved MOT keeps its drivers and expectations.
    expect(map.stages[1]!.touchpoints[0]).toMatchObject({
      isMoT: true,
      drivers: [expect.anything(), expect.anything()],
      expectations: [expect.anything()],
    });
    expect(
      (await storedPositions(f.journeyId)).map((s) => [
        s.position,
        s.touchpoints.map((t) => t.position),
      ]),
    ).toEqual([
      [0, [0, 1]],
      [1, [0]],
      [2, []],
    ]);
  });

  it("a layout that misses, duplicates or adds a touchpoint or stage is CONFLICT and changes nothing", async () => {
    const f = await buildJourney(cast.a.manager);
    const sameOrgOtherJourney = await buildJourney(cast.a.manager, "Second");
    const otherOrg = await buildJourney(cast.b.manager, "Foreign");
    const version = await versionOf(f.journeyId);
    const layouts: Record<string, { stageId: string; touchpointIds: string[] }[]> = {
      "misses a touchpoint": [
        { stageId: f.booking, touchpointIds: [f.mot] },
        { stageId: f.returning, touchpointIds: [f.other] },
      ],
      "duplicates a touchpoint in its stage": [
        { stageId: f.booking, touchpointIds: [f.mot, f.plain, f.plain] },
        { stageId: f.returning, touchpointIds: [f.other] },
      ],
      "puts a touchpoint in two stages": [
        { stageId: f.booking, touchpointIds: [f.mot, f.plain] },
        { stageId: f.returning, touchpointIds: [f.other, f.mot] },
      ],
      "includes another journey's touchpoint": [
        { stageId: f.booking, touchpointIds: [f.mot, f.plain, sameOrgOtherJourney.plain] },
        { stageId: f.returning, touchpointIds: [f.other] },
      ],
      "includes another organization's touchpoint": [
        { stageId: f.booking, touchpointIds: [f.mot, f.plain, otherOrg.plain] },
        { stageId: f.returning, touchpointIds: [f.other] },
      ],
      "swaps a touchpoint for another journey's": [
        { stageId: f.booking, touchpointIds: [f.mot, sameOrgOtherJourney.plain] },
        { stageId: f.returning, touchpointIds: [f.other] },
      ],
      "misses a stage": [{ stageId: f.booking, touchpointIds: [f.mot, f.plain, f.other] }],
      "duplicates a stage": [
        { stageId: f.booking, touchpointIds: [f.mot, f.plain] },
        { stageId: f.returning, touchpointIds: [f.other] },
        { stageId: f.booking, touchpointIds: [] },
      ],
      "includes another journey's stage": [
        { stageId: f.booking, touchpointIds: [f.mot, f.plain] },
        { stageId: f.returning, touchpointIds: [f.other] },
        { stageId: sameOrgOtherJourney.returning, touchpointIds: [] },
      ],
      "moves a touchpoint into another organization's stage": [
        { stageId: f.booking, touchpointIds: [f.mot, f.plain] },
        { stageId: otherOrg.returning, touchpointIds: [f.other] },
      ],
    };
    for (const [name, stages] of Object.entries(layouts)) {
      await expectRefusedUnchanged(
        () => saveJourneyLayout(cast.a.manager, { journeyId: f.journeyId, version, stages }),
        appError("CONFLICT", "errors.staleJourney"),
      ).catch((error: unknown) => {
        throw new Error(`layout that ${name}: ${String(error)}`);
      });
    }
    expect(await versionOf(f.journeyId)).toBe(version);
  });
});
