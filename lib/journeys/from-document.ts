import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Prisma } from "@/lib/db/client";
import { writeAuditLog } from "@/lib/audit/log";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { ZJourneyDocument, type TJourneyDocument } from "./document";

type TOrigin = { templateKey?: string; action: "journey.import" | "journey.createFromTemplate" };

/**
 * Creates a whole journey from a document (a template or an imported file) in one transaction:
 * all of it or nothing. Expectations name their segment; a segment of the organization with
 * that name is used, otherwise it is created.
 */
export async function createJourneyFromDocument(
  actor: TActor,
  input: TJourneyDocument,
  origin: TOrigin,
) {
  assertCan(actor, "journey:write");
  const document = parseInput(ZJourneyDocument, input);
  const organizationId = actor.organizationId;
  const journeyId = randomUUID();

  const stages: Prisma.StageCreateManyInput[] = [];
  const touchpoints: Prisma.TouchpointCreateManyInput[] = [];
  const drivers: Prisma.LoyaltyDriverCreateManyInput[] = [];
  const expectations: {
    touchpointId: string;
    expectation: TJourneyDocument["stages"][number]["touchpoints"][number]["expectations"][number];
  }[] = [];
  document.stages.forEach(({ touchpoints: stageTouchpoints, ...stage }, stagePosition) => {
    const stageId = randomUUID();
    stages.push({ ...stage, id: stageId, organizationId, journeyId, position: stagePosition });
    stageTouchpoints.forEach(
      (
        { drivers: touchpointDrivers, expectations: touchpointExpectations, ...touchpoint },
        position,
      ) => {
        const touchpointId = randomUUID();
        touchpoints.push({
          ...touchpoint,
          id: touchpointId,
          organizationId,
          journeyId,
          stageId,
          position,
        });
        touchpointDrivers.forEach((driver, driverPosition) =>
          drivers.push({ ...driver, organizationId, touchpointId, position: driverPosition }),
        );
        for (const expectation of touchpointExpectations)
          expectations.push({ touchpointId, expectation });
      },
    );
  });

  return db.$transaction(async (tx) => {
    await tx.journey.create({
      data: {
        id: journeyId,
        organizationId,
        nameKo: document.nameKo,
        nameEn: document.nameEn,
        description: document.description,
        templateKey: origin.templateKey,
        createdById: actor.id,
      },
    });
    await tx.stage.createMany({ data: stages });
    await tx.touchpoint.createMany({ data: touchpoints });
    await tx.loyaltyDriver.createMany({ data: drivers });
    if (expectations.length > 0) {
      const segmentIds = await findOrCreateSegments(
        tx,
        organizationId,
        expectations.map((e) => e.expectation),
      );
      await tx.expectation.createMany({
        data: expectations.map(
          ({ touchpointId, expectation: { segmentNameKo, segmentNameEn, ...rest } }) => ({
            ...rest,
            organizationId,
            touchpointId,
            segmentId: segmentIds.get(segmentKey(segmentNameKo, segmentNameEn)) as string,
            recordedById: actor.id,
          }),
        ),
        skipDuplicates: true,
      });
    }
    await writeAuditLog(
      {
        organizationId,
        actorId: actor.id,
        action: origin.action,
        entityType: "Journey",
        entityId: journeyId,
        details: {
          templateKey: origin.templateKey ?? null,
          stages: stages.length,
          touchpoints: touchpoints.length,
        },
      },
      tx,
    );
    return { id: journeyId, stageCount: stages.length, touchpointCount: touchpoints.length };
  });
}

const segmentKey = (nameKo: string, nameEn: string) =>
  `${nameKo.toLowerCase()}\u0000${nameEn.toLowerCase()}`;

async function findOrCreateSegments(
  tx: Prisma.TransactionClient,
  organizationId: string,
  wanted: { segmentNameKo: string; segmentNameEn: string }[],
) {
  const existing = await tx.segment.findMany({
    where: { organizationId },
    select: { id: true, nameKo: true, nameEn: true },
  });
  const ids = new Map<string, string>();
  for (const { segmentNameKo, segmentNameEn } of wanted) {
    const key = segmentKey(segmentNameKo, segmentNameEn);
    if (ids.has(key)) continue;
    const match = existing.find(
      (s) =>
        (segmentNameKo !== "" && s.nameKo.toLowerCase() === segmentNameKo.toLowerCase()) ||
        (segmentNameEn !== "" && s.nameEn.toLowerCase() === segmentNameEn.toLowerCase()),
    );
    const id =
      match?.id ??
      (
        await tx.segment.create({
          data: { organizationId, nameKo: segmentNameKo, nameEn: segmentNameEn },
          select: { id: true },
        })
      ).id;
    ids.set(key, id);
  }
  return ids;
}
