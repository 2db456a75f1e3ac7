import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { saveJourneyLayout } from "@/lib/journeys/layout";
import { updateJourney } from "@/lib/journeys/mutations";
import { getJourneyMap, listJourneys } from "@/lib/journeys/queries";
import { deleteStage, saveStage } from "@/lib/journeys/stages";
import { deleteTouchpoint, saveTouchpoint, setMomentOfTruth } from "@/lib/journeys/touchpoints";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations } from "./helpers/factories";
import {
  appError,
  buildJourney,
  courtesy,
  expectRefusedUnchanged,
  storedPositions,
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
// Happy paths
// ---------------------------------------------------------------------------------------------

describe("journeys, stages and touchpoints", () => {
  it("updateJourney renames the journey and moves it to the next version", async () => {
    const f = await buildJourney(cast.a.manager);
    const version = await versionOf(f.journeyId);
    const result = await updateJourney(cast.a.manager, {
      journeyId: f.journeyId,
      version,
      nameKo: "새 이름",
      nameEn: "New name",
      description: "Why",
    });
    expect(result).toEqual({ version: version + 1 });
    expect(await getJourneyMap(cast.a.frontline, f.journeyId)).toMatchObject({
      nameKo: "새 이름",
      nameEn: "New name",
      description: "Why",
      version: version + 1,
    });
  });

  it("saveStage appends a new stage at the end, and edits one in place", async () => {
    const f = await buildJourney(cast.a.manager);
    let version = await versionOf(f.journeyId);
    const created = await saveStage(cast.a.manager, {
      journeyId: f.journeyId,
      version,
      nameKo: "이용",
      nameEn: "Driving",
      description: "On the road",
    });
    expect(created.version).toBe(version + 1);
    version = created.version;
    expect((await storedPositions(f.journeyId)).map((s) => [s.id, s.position])).toEqual([
      [f.booking, 0],
      [f.returning, 1],
      [created.id, 2],
    ]);

    const updated = await saveStage(cast.a.manager, {
      journeyId: f.journeyId,
      version,
      stageId: f.booking,
      nameKo: "예약하기",
      nameEn: "",
    });
    expect(updated).toEqual({ id: f.booking, version: version + 1 });
    const map = await getJourneyMap(cast.a.manager, f.journeyId);
    expect(map.stages.map((s) => [s.id, s.nameKo, s.nameEn, s.description])).toEqual([
      [f.booking, "예약하기", "", ""],
      [f.returning, "반납", "Return", ""],
      [created.id, "이용", "Driving", "On the road"],
    ]);
    // Editing a stage keeps its touchpoints.
    expect(map.stages[0]!.touchpoints.map((t) => t.id)).toEqual([f.mot, f.plain]);
  });

  it("saveTouchpoint appends a new touchpoint at the end of its stage", async () => {
    const f = await buildJourney(cast.a.manager);
    const version = await versionOf(f.journeyId);
    const created = await saveTouchpoint(cast.a.manager, {
      journeyId: f.journeyId,
      version,
      stageId: f.booking,
      nameKo: "문자 안내",
      nameEn: "Text message",
      description: "Reminder",
      channel: "SNS",
      dimension: "MARKETING_COMMUNICATION",
      drivers: [courtesy],
    });
    expect(created.version).toBe(version + 1);
    const stage = (await storedPositions(f.journeyId))[0]!;
    expect(stage.touchpoints).toEqual([
      { id: f.mot, position: 0 },
      { id: f.plain, position: 1 },
      { id: created.id, position: 2 },
    ]);
    const touchpoint = (await getJourneyMap(cast.a.manager, f.journeyId)).stages[0]!
      .touchpoints[2]!;
    expect(touchpoint).toMatchObject({
      stageId: f.booking,
      nameKo: "문자 안내",
      nameEn: "Text message",
      description: "Reminder",
      channel: "SNS",
      dimension: "MARKETING_COMMUNICATION",
      isMoT: false,
      drivers: [{ ...courtesy, id: expect.any(String) }],
      expectations: [],
    });
    expect(await db.touchpoint.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      organizationId: cast.a.organization.id,
      journeyId: f.journeyId,
    });
  });

  it("saveTouchpoint updates the touchpoint and its drivers as sent: kept by id, created, removed", async () => {
    const f = await buildJourney(cast.a.manager);
    const [waitingId, courtesyId] = f.drivers;
    const version = await versionOf(f.journeyId);
    const result = await saveTouchpoint(cast.a.manager, {
      journeyId: f.journeyId,
      version,
      stageId: f.booking,
      touchpointId: f.mot,
      nameKo: "카운터 수속",
      nameEn: "Counter check-in",
      channel: "KIOSK",
      dimension: "PRODUCT_SERVICE",
      isMoT: true,
      drivers: [
        {
          driverId: waitingId,
          nameKo: "대기 시간(분)",
          nameEn: "Minutes waited",
          kind: "RATIONAL",
          dimension: "FRONTLINE_STAFF",
        },
        { nameKo: "안심", nameEn: "Reassurance", kind: "EMOTIONAL", dimension: "FRONTLINE_STAFF" },
      ],
    });
    expect(result).toEqual({ id: f.mot, version: version + 1 });

    const drivers = await db.loyaltyDriver.findMany({
      where: { touchpointId: f.mot },
      orderBy: { nameEn: "asc" },
    });
    expect(drivers.map((d) => [d.nameEn, d.kind, d.dimension, d.organizationId])).toEqual([
      ["Minutes waited", "RATIONAL", "FRONTLINE_STAFF", cast.a.organization.id],
      ["Reassurance", "EMOTIONAL", "FRONTLINE_STAFF", cast.a.organization.id],
    ]);
    expect(drivers[0]!.id).toBe(waitingId); // kept: same row
    expect(drivers[1]!.id).not.toBe(courtesyId); // created
    expect(await db.loyaltyDriver.count({ where: { id: courtesyId } })).toBe(0); // removed

    const touchpoint = await db.touchpoint.findUniqueOrThrow({ where: { id: f.mot } });
    expect(touchpoint).toMatchObject({
      nameKo: "카운터 수속",
      nameEn: "Counter check-in",
      channel: "KIOSK",
      dimension: "PRODUCT_SERVICE",
      isMoT: true,
      stageId: f.booking,
      position: 0,
    });
    // The expectation of the MOT survives an edit of the touchpoint.
    expect(await db.expectation.count({ where: { touchpointId: f.mot } })).toBe(1);
  });

  it("saveTouchpoint saves each driver's stated importance: a value, null to derive it, left out to keep it; ids and order stay", async () => {
    const f = await buildJourney(cast.a.manager);
    const [waitingId, courtesyId] = f.drivers;
    const base = {
      journeyId: f.journeyId,
      stageId: f.booking,
      touchpointId: f.mot,
      ...touchpointInput("Counter"),
      isMoT: true,
    };
    const stated = async () =>
      (await getJourneyMap(cast.a.frontline, f.journeyId)).stages[0]!.touchpoints[0]!.drivers.map(
        (d) => [d.id, d.nameEn, d.statedImportance],
      );
    expect(await stated()).toEqual([
      [waitingId, "Waiting time", null],
      [courtesyId, "Courtesy", null],
    ]);

    let { version } = await saveTouchpoint(cast.a.manager, {
      ...base,
      version: await versionOf(f.journeyId),
      drivers: [
        { driverId: waitingId, ...waitingTime, statedImportance: 0.8 },
        { driverId: courtesyId, ...courtesy, statedImportance: 0 },
        {
          nameKo: "안심",
          nameEn: "Reassurance",
          kind: "EMOTIONAL",
          dimension: "FRONTLINE_STAFF",
          statedImportance: 1,
        },
      ],
    });
    const reassuranceId = (await stated())[2]![0] as string;
    // Read back by everyone who may read the journey, frontline staff included, in the order sent.
    expect(await stated()).toEqual([
      [waitingId, "Waiting time", 0.8],
      [courtesyId, "Courtesy", 0],
      [reassuranceId, "Reassurance", 1],
    ]);

    // Reordered; null clears a stated value; a driver sent without the field keeps its value.
    ({ version } = await saveTouchpoint(cast.a.manager, {
      ...base,
      version,
      drivers: [
        {
          driverId: reassuranceId,
          nameKo: "안심",
          nameEn: "Reassurance",
          kind: "EMOTIONAL",
          dimension: "FRONTLINE_STAFF",
        },
        { driverId: waitingId, ...waitingTime, statedImportance: null },
        { driverId: courtesyId, ...courtesy, statedImportance: 0.35 },
      ],
    }));
    expect(await stated()).toEqual([
      [reassuranceId, "Reassurance", 1],
      [waitingId, "Waiting time", null],
      [courtesyId, "Courtesy", 0.35],
    ]);
    expect(
      await db.loyaltyDriver.findMany({
        where: { touchpointId: f.mot },
        orderBy: { position: "asc" },
        select: { id: true, position: true, statedImportance: true },
      }),
    ).toEqual([
      { id: reassuranceId, position: 0, statedImportance: 1 },
      { id: waitingId, position: 1, statedImportance: null },
      { id: courtesyId, position: 2, statedImportance: 0.35 },
    ]);
    expect(await versionOf(f.journeyId)).toBe(version);
  });

  it("a stated importance outside 0–1 or not a number is refused with its message, and changes nothing", async () => {
    const f = await buildJourney(cast.a.manager);
    const version = await versionOf(f.journeyId);
    for (const statedImportance of [1.7, -0.2, "high", Number.NaN]) {
      await expectRefusedUnchanged(
        () =>
          saveTouchpoint(cast.a.manager, {
            journeyId: f.journeyId,
            version,
            stageId: f.booking,
            touchpointId: f.mot,
            ...touchpointInput("Counter"),
            isMoT: true,
            drivers: [
              { driverId: f.drivers[0], ...waitingTime, statedImportance: 0.5 },
              { driverId: f.drivers[1], ...courtesy, statedImportance: statedImportance as number },
            ],
          }),
        // Nested paths are reported on their top field, as the action boundary does.
        { ...appError("VALIDATION"), fieldErrors: { drivers: ["journeyMap.importanceRange"] } },
      );
    }
  });

  it("saveTouchpoint refuses a driver id of another touchpoint and changes nothing", async () => {
    const f = await buildJourney(cast.a.manager);
    const { id: otherDriver } = await db.loyaltyDriver.create({
      data: { ...courtesy, organizationId: cast.a.organization.id, touchpointId: f.plain },
    });
    const version = await versionOf(f.journeyId);
    await expectRefusedUnchanged(
      () =>
        saveTouchpoint(cast.a.manager, {
          journeyId: f.journeyId,
          version,
          stageId: f.booking,
          touchpointId: f.mot,
          ...touchpointInput("Counter"),
          isMoT: true,
          drivers: [{ driverId: otherDriver, ...courtesy }],
        }),
      appError("NOT_FOUND"),
    );
  });

  it("setMomentOfTruth marks and unmarks a touchpoint in one click", async () => {
    const f = await buildJourney(cast.a.manager);
    const version = await versionOf(f.journeyId);
    expect(
      await setMomentOfTruth(cast.a.manager, {
        journeyId: f.journeyId,
        version,
        touchpointId: f.plain,
        isMoT: true,
      }),
    ).toEqual({ version: version + 1 });
    expect((await db.touchpoint.findUniqueOrThrow({ where: { id: f.plain } })).isMoT).toBe(true);
    await setMomentOfTruth(cast.a.manager, {
      journeyId: f.journeyId,
      version: version + 1,
      touchpointId: f.plain,
      isMoT: false,
    });
    expect((await db.touchpoint.findUniqueOrThrow({ where: { id: f.plain } })).isMoT).toBe(false);
    expect((await listJourneys(cast.a.manager))[0]).toMatchObject({
      motCount: 1,
      stageCount: 2,
      touchpointCount: 3,
    });
  });

  it("deleteTouchpoint removes it with its drivers and expectations and renumbers the stage 0..n-1", async () => {
    const f = await buildJourney(cast.a.manager);
    let version = await versionOf(f.journeyId);
    const extra: string[] = [];
    for (const name of ["Third", "Fourth"]) {
      const saved = await saveTouchpoint(cast.a.manager, {
        journeyId: f.journeyId,
        version,
        stageId: f.booking,
        ...touchpointInput(name),
      });
      extra.push(saved.id);
      version = saved.version;
    }
    // booking: [mot, plain, Third, Fourth] -> delete the first and a middle one
    version = (
      await deleteTouchpoint(cast.a.manager, {
        journeyId: f.journeyId,
        version,
        touchpointId: f.mot,
      })
    ).version;
    version = (
      await deleteTouchpoint(cast.a.manager, {
        journeyId: f.journeyId,
        version,
        touchpointId: extra[0]!,
      })
    ).version;

    expect((await storedPositions(f.journeyId))[0]!.touchpoints).toEqual([
      { id: f.plain, position: 0 },
      { id: extra[1], position: 1 },
    ]);
    expect(await db.loyaltyDriver.count({ where: { id: { in: f.drivers } } })).toBe(0);
    expect(await db.expectation.count({ where: { touchpointId: f.mot } })).toBe(0);
    expect(await db.segment.count({ where: { id: f.segment } })).toBe(1); // the segment itself stays
    expect(await versionOf(f.journeyId)).toBe(version);
  });

  it("deleteStage removes it with its touchpoints and renumbers the stages 0..n-1; the last stage cannot go", async () => {
    const f = await buildJourney(cast.a.manager);
    let version = await versionOf(f.journeyId);
    const third = await saveStage(cast.a.manager, {
      journeyId: f.journeyId,
      version,
      nameEn: "Afterwards",
    });
    version = (
      await deleteStage(cast.a.manager, {
        journeyId: f.journeyId,
        version: third.version,
        stageId: f.booking,
      })
    ).version;

    expect((await storedPositions(f.journeyId)).map((s) => [s.id, s.position])).toEqual([
      [f.returning, 0],
      [third.id, 1],
    ]);
    expect(await db.touchpoint.count({ where: { id: { in: [f.mot, f.plain] } } })).toBe(0);
    expect(await db.loyaltyDriver.count({ where: { touchpointId: f.mot } })).toBe(0);

    version = (
      await deleteStage(cast.a.manager, { journeyId: f.journeyId, version, stageId: f.returning })
    ).version;
    expect((await storedPositions(f.journeyId)).map((s) => [s.id, s.position])).toEqual([
      [third.id, 0],
    ]);
    await expectRefusedUnchanged(
      () => deleteStage(cast.a.manager, { journeyId: f.journeyId, version, stageId: third.id }),
      appError("CONFLICT", "errors.lastStage"),
    );
  });

  it("a stage or touchpoint id of another journey of the same organization is NOT_FOUND", async () => {
    const f = await buildJourney(cast.a.manager);
    const g = await buildJourney(cast.a.manager, "Second");
    const version = await versionOf(f.journeyId);
    await expectRefusedUnchanged(
      () =>
        saveStage(cast.a.manager, {
          journeyId: f.journeyId,
          version,
          stageId: g.booking,
          nameEn: "x",
        }),
      appError("NOT_FOUND"),
    );
    await expectRefusedUnchanged(
      () =>
        deleteTouchpoint(cast.a.manager, {
          journeyId: f.journeyId,
          version,
          touchpointId: g.plain,
        }),
      appError("NOT_FOUND"),
    );
    await expectRefusedUnchanged(
      () =>
        saveTouchpoint(cast.a.manager, {
          journeyId: f.journeyId,
          version,
          stageId: g.booking,
          ...touchpointInput("x"),
        }),
      appError("NOT_FOUND"),
    );
  });

  it("bad input is a VALIDATION error and changes nothing", async () => {
    const f = await buildJourney(cast.a.manager);
    const version = await versionOf(f.journeyId);
    await expectRefusedUnchanged(
      () => saveStage(cast.a.manager, { journeyId: f.journeyId, version, nameKo: " ", nameEn: "" }),
      appError("VALIDATION"),
    );
    await expectRefusedUnchanged(
      () =>
        saveTouchpoint(cast.a.manager, {
          journeyId: f.journeyId,
          version,
          stageId: f.booking,
          ...touchpointInput("x"),
          dimension: "PRICE" as "PRODUCT_SERVICE",
        }),
      appError("VALIDATION"),
    );
    await expectRefusedUnchanged(
      () => updateJourney(cast.a.manager, { journeyId: f.journeyId, version: 0, nameEn: "x" }),
      appError("VALIDATION"),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Optimistic concurrency and archiving
// ---------------------------------------------------------------------------------------------

describe("optimistic concurrency", () => {
  const SAVES_FROM: {
    name: string;
    run: (f: TFixture, version: number, n: number) => Promise<{ version: number }>;
  }[] = [
    {
      name: "updateJourney",
      run: (f, version, n) =>
        updateJourney(cast.a.manager, { journeyId: f.journeyId, version, nameEn: `Name ${n}` }),
    },
    {
      name: "saveStage",
      run: (f, version, n) =>
        saveStage(cast.a.manager, { journeyId: f.journeyId, version, nameEn: `Stage ${n}` }),
    },
    {
      name: "saveTouchpoint",
      run: (f, version, n) =>
        saveTouchpoint(cast.a.manager, {
          journeyId: f.journeyId,
          version,
          stageId: f.returning,
          ...touchpointInput(`Touchpoint ${n}`),
        }),
    },
    {
      name: "setMomentOfTruth",
      run: (f, version, n) =>
        setMomentOfTruth(cast.a.manager, {
          journeyId: f.journeyId,
          version,
          touchpointId: n === 1 ? f.plain : f.other,
          isMoT: true,
        }),
    },
    {
      name: "saveJourneyLayout",
      run: (f, version, n) =>
        saveJourneyLayout(cast.a.manager, {
          journeyId: f.journeyId,
          version,
          stages:
            n === 1
              ? [
                  { stageId: f.returning, touchpointIds: [f.other] },
                  { stageId: f.booking, touchpointIds: [f.plain, f.mot] },
                ]
              : [
                  { stageId: f.booking, touchpointIds: [f.mot] },
                  { stageId: f.returning, touchpointIds: [f.other, f.plain] },
                ],
        }),
    },
  ];

  it.each(SAVES_FROM)(
    "$name: a second save from the same version is CONFLICT errors.staleJourney and changes nothing",
    async ({ run }) => {
      const f = await buildJourney(cast.a.manager);
      const version = await versionOf(f.journeyId);
      expect(await run(f, version, 1)).toEqual(expect.objectContaining({ version: version + 1 }));
      await expectRefusedUnchanged(
        () => run(f, version, 2),
        appError("CONFLICT", "errors.staleJourney"),
      );
      expect(await versionOf(f.journeyId)).toBe(version + 1);
    },
  );

  it.each(SAVES_FROM)(
    "$name: two concurrent saves from the same version, exactly one wins",
    async ({ run }) => {
      const f = await buildJourney(cast.a.manager);
      const version = await versionOf(f.journeyId);
      const auditBefore = await db.auditLog.count();
      const results = await Promise.allSettled([run(f, version, 1), run(f, version, 2)]);
      const fulfilled = results.filter((r) => r.status === "fulfilled");
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      expect(rejected[0]!.reason).toMatchObject(appError("CONFLICT", "errors.staleJourney"));
      expect(await versionOf(f.journeyId)).toBe(version + 1);
      expect(await db.auditLog.count()).toBe(auditBefore + 1);
    },
  );

  it("eight concurrent stage creations from the same version store exactly one stage", async () => {
    const f = await buildJourney(cast.a.manager);
    const version = await versionOf(f.journeyId);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, n) =>
        saveStage(cast.a.manager, { journeyId: f.journeyId, version, nameEn: `Racer ${n}` }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results)
      if (r.status === "rejected")
        expect(r.reason).toMatchObject(appError("CONFLICT", "errors.staleJourney"));
    expect(await db.stage.count({ where: { journeyId: f.journeyId } })).toBe(3);
    expect((await storedPositions(f.journeyId)).map((s) => s.position)).toEqual([0, 1, 2]);
    expect(await versionOf(f.journeyId)).toBe(version + 1);
  });
});
