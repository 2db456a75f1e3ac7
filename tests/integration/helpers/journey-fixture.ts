import { expect } from "vitest";
import { db } from "@/lib/db/client";
import type { TActor } from "@/lib/auth/permissions";
import { deleteExpectation, saveExpectation } from "@/lib/journeys/expectations";
import { saveJourneyLayout } from "@/lib/journeys/layout";
import {
  createJourney,
  deleteJourney,
  setJourneyArchived,
  updateJourney,
} from "@/lib/journeys/mutations";
import { deleteStage, saveStage } from "@/lib/journeys/stages";
import { deleteTouchpoint, saveTouchpoint, setMomentOfTruth } from "@/lib/journeys/touchpoints";
import { deleteSegment, saveSegment } from "@/lib/segments/mutations";
import { countLoggedChanges } from "./audit";

// ---------------------------------------------------------------------------------------------
// Fixture: a small journey built through the domain functions themselves.
//   stage "booking" [mot (MOT, 2 drivers, an expectation of `segment`), plain]
//   stage "return"  [other]
// ---------------------------------------------------------------------------------------------

export type TFixture = {
  journeyId: string;
  booking: string;
  returning: string;
  mot: string;
  plain: string;
  other: string;
  drivers: [string, string];
  segment: string;
};

export const versionOf = async (journeyId: string) =>
  (await db.journey.findUniqueOrThrow({ where: { id: journeyId }, select: { version: true } }))
    .version;

export const touchpointInput = (nameEn: string) => ({
  nameKo: `${nameEn} (ko)`,
  nameEn,
  channel: "IN_PERSON" as const,
  dimension: "FRONTLINE_STAFF" as const,
});
export const waitingTime = {
  nameKo: "대기 시간",
  nameEn: "Waiting time",
  kind: "RATIONAL" as const,
  dimension: "PRODUCT_SERVICE" as const,
};
export const courtesy = {
  nameKo: "친절함",
  nameEn: "Courtesy",
  kind: "EMOTIONAL" as const,
  dimension: "FRONTLINE_STAFF" as const,
};

export async function buildJourney(actor: TActor, label = "Car rental"): Promise<TFixture> {
  const { id: journeyId } = await createJourney(actor, { nameKo: `${label} 여정`, nameEn: label });
  let version = 1;
  const booking = await saveStage(actor, { journeyId, version, nameKo: "예약", nameEn: "Booking" });
  const returning = await saveStage(actor, {
    journeyId,
    version: booking.version,
    nameKo: "반납",
    nameEn: "Return",
  });
  const mot = await saveTouchpoint(actor, {
    journeyId,
    version: returning.version,
    stageId: booking.id,
    ...touchpointInput("Counter"),
    isMoT: true,
    drivers: [waitingTime, courtesy],
  });
  const plain = await saveTouchpoint(actor, {
    journeyId,
    version: mot.version,
    stageId: booking.id,
    ...touchpointInput("Website"),
  });
  const other = await saveTouchpoint(actor, {
    journeyId,
    version: plain.version,
    stageId: returning.id,
    ...touchpointInput("Key drop"),
  });
  version = other.version;
  const { id: segment } = await saveSegment(actor, {
    nameKo: `${label} 단골`,
    nameEn: `${label} regulars`,
  });
  await saveExpectation(actor, {
    touchpointId: mot.id,
    segmentId: segment,
    needs: "No queue",
    expectedLevel: 6,
  });
  const drivers = await db.loyaltyDriver.findMany({
    where: { touchpointId: mot.id },
    orderBy: { nameEn: "desc" },
    select: { id: true },
  });
  expect(await versionOf(journeyId)).toBe(version);
  return {
    journeyId,
    booking: booking.id,
    returning: returning.id,
    mot: mot.id,
    plain: plain.id,
    other: other.id,
    drivers: [drivers[0]!.id, drivers[1]!.id], // [Waiting time, Courtesy]
    segment,
  };
}

/** Every row an editor action could touch, plus the audit trail: equal snapshots mean nothing changed. */
export async function snapshot() {
  const byId = { orderBy: { id: "asc" as const } };
  const [journeys, stages, touchpoints, drivers, expectations, segments, observations, auditLogs] =
    await Promise.all([
      db.journey.findMany(byId),
      db.stage.findMany(byId),
      db.touchpoint.findMany(byId),
      db.loyaltyDriver.findMany(byId),
      db.expectation.findMany(byId),
      db.segment.findMany(byId),
      db.observation.findMany(byId),
      countLoggedChanges(),
    ]);
  return {
    journeys,
    stages,
    touchpoints,
    drivers,
    expectations,
    segments,
    observations,
    auditLogs,
  };
}

/** Asserts that `action` fails with `expected` and that the database is exactly as before. */
export async function expectRefusedUnchanged(
  action: () => Promise<unknown>,
  expected: Record<string, unknown>,
) {
  const before = await snapshot();
  await expect(action()).rejects.toMatchObject(expected);
  expect(await snapshot()).toEqual(before);
}

/** Positions of a journey's stages and of each stage's touchpoints, as stored. */
export async function storedPositions(journeyId: string) {
  const stages = await db.stage.findMany({
    where: { journeyId },
    orderBy: { position: "asc" },
    select: {
      id: true,
      position: true,
      touchpoints: { orderBy: { position: "asc" }, select: { id: true, position: true } },
    },
  });
  return stages;
}

export async function addObservation(
  organizationId: string,
  touchpointId: string,
  segmentId?: string,
) {
  await db.observation.create({
    data: {
      organizationId,
      touchpointId,
      segmentId,
      source: "SURVEY",
      observedAt: new Date(),
      experiencedScore: 3,
    },
  });
}

export const appError = (code: string, message?: string) => ({
  name: "AppError",
  code,
  ...(message ? { message } : {}),
});

export type TEditCase = { name: string; run: (actor: TActor, f: TFixture) => Promise<unknown> };

/** Every edit of an existing journey, as one table: access tests and archive tests both walk it. */
export const EDITS_OF_A_JOURNEY: TEditCase[] = [
  {
    name: "updateJourney",
    run: async (actor, f) =>
      updateJourney(actor, {
        journeyId: f.journeyId,
        version: await versionOf(f.journeyId),
        nameKo: "바뀐 이름",
      }),
  },
  {
    name: "setJourneyArchived",
    run: async (actor, f) =>
      setJourneyArchived(actor, {
        journeyId: f.journeyId,
        version: await versionOf(f.journeyId),
        isArchived: true,
      }),
  },
  {
    name: "deleteJourney",
    run: async (actor, f) =>
      deleteJourney(actor, { journeyId: f.journeyId, version: await versionOf(f.journeyId) }),
  },
  {
    name: "saveStage (create)",
    run: async (actor, f) =>
      saveStage(actor, {
        journeyId: f.journeyId,
        version: await versionOf(f.journeyId),
        nameEn: "New stage",
      }),
  },
  {
    name: "saveStage (update)",
    run: async (actor, f) =>
      saveStage(actor, {
        journeyId: f.journeyId,
        version: await versionOf(f.journeyId),
        stageId: f.booking,
        nameEn: "Renamed",
      }),
  },
  {
    name: "deleteStage",
    run: async (actor, f) =>
      deleteStage(actor, {
        journeyId: f.journeyId,
        version: await versionOf(f.journeyId),
        stageId: f.returning,
      }),
  },
  {
    name: "saveTouchpoint (create)",
    run: async (actor, f) =>
      saveTouchpoint(actor, {
        journeyId: f.journeyId,
        version: await versionOf(f.journeyId),
        stageId: f.booking,
        ...touchpointInput("New"),
      }),
  },
  {
    name: "saveTouchpoint (update)",
    run: async (actor, f) =>
      saveTouchpoint(actor, {
        journeyId: f.journeyId,
        version: await versionOf(f.journeyId),
        stageId: f.booking,
        touchpointId: f.mot,
        ...touchpointInput("Renamed"),
        isMoT: true,
        drivers: [{ driverId: f.drivers[0], ...waitingTime, nameEn: "Renamed driver" }],
      }),
  },
  {
    name: "saveTouchpoint (stated importance)",
    run: async (actor, f) =>
      saveTouchpoint(actor, {
        journeyId: f.journeyId,
        version: await versionOf(f.journeyId),
        stageId: f.booking,
        touchpointId: f.mot,
        ...touchpointInput("Counter"),
        isMoT: true,
        drivers: [
          { driverId: f.drivers[0], ...waitingTime, statedImportance: 0.9 },
          { driverId: f.drivers[1], ...courtesy, statedImportance: null },
        ],
      }),
  },
  {
    name: "setMomentOfTruth",
    run: async (actor, f) =>
      setMomentOfTruth(actor, {
        journeyId: f.journeyId,
        version: await versionOf(f.journeyId),
        touchpointId: f.plain,
        isMoT: true,
      }),
  },
  {
    name: "deleteTouchpoint",
    run: async (actor, f) =>
      deleteTouchpoint(actor, {
        journeyId: f.journeyId,
        version: await versionOf(f.journeyId),
        touchpointId: f.plain,
      }),
  },
  {
    name: "saveJourneyLayout",
    run: async (actor, f) =>
      saveJourneyLayout(actor, {
        journeyId: f.journeyId,
        version: await versionOf(f.journeyId),
        stages: [
          { stageId: f.returning, touchpointIds: [f.plain, f.other] },
          { stageId: f.booking, touchpointIds: [f.mot] },
        ],
      }),
  },
  {
    name: "saveExpectation",
    run: (actor, f) =>
      saveExpectation(actor, {
        touchpointId: f.mot,
        segmentId: f.segment,
        needs: "Changed",
        expectedLevel: 2,
      }),
  },
  {
    name: "deleteExpectation",
    run: (actor, f) => deleteExpectation(actor, { touchpointId: f.mot, segmentId: f.segment }),
  },
  {
    name: "saveSegment (update)",
    run: (actor, f) => saveSegment(actor, { segmentId: f.segment, nameEn: "Renamed segment" }),
  },
  { name: "deleteSegment", run: (actor, f) => deleteSegment(actor, { segmentId: f.segment }) },
];
