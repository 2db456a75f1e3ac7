import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import type { TJourneyListItem, TJourneyMap } from "./schemas";

export async function listJourneys(actor: TActor): Promise<TJourneyListItem[]> {
  assertCan(actor, "journey:read");
  const journeys = await db.journey.findMany({
    where: { organizationId: actor.organizationId },
    select: {
      id: true,
      nameKo: true,
      nameEn: true,
      description: true,
      templateKey: true,
      archivedAt: true,
      updatedAt: true,
      _count: { select: { stages: true, touchpoints: true } },
    },
    orderBy: { updatedAt: "desc" },
  });
  const motCounts = await db.touchpoint.groupBy({
    by: ["journeyId"],
    where: { organizationId: actor.organizationId, isMoT: true },
    _count: { _all: true },
  });
  const motByJourney = new Map(motCounts.map((m) => [m.journeyId, m._count._all]));
  return journeys.map(({ _count, archivedAt, ...j }) => ({
    ...j,
    isArchived: archivedAt !== null,
    stageCount: _count.stages,
    touchpointCount: _count.touchpoints,
    motCount: motByJourney.get(j.id) ?? 0,
  }));
}

/** A journey with its stages, touchpoints, drivers and expectations, in journey order. */
export async function getJourneyMap(actor: TActor, journeyId: string): Promise<TJourneyMap> {
  assertCan(actor, "journey:read");
  const journey = await db.journey.findFirst({
    where: { id: journeyId, organizationId: actor.organizationId },
    select: {
      id: true,
      nameKo: true,
      nameEn: true,
      description: true,
      templateKey: true,
      version: true,
      archivedAt: true,
      stages: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          nameKo: true,
          nameEn: true,
          description: true,
          touchpoints: {
            orderBy: { position: "asc" },
            select: {
              id: true,
              stageId: true,
              nameKo: true,
              nameEn: true,
              description: true,
              channel: true,
              dimension: true,
              isMoT: true,
              loyaltyDrivers: {
                orderBy: [{ position: "asc" }, { createdAt: "asc" }],
                select: {
                  id: true,
                  nameKo: true,
                  nameEn: true,
                  kind: true,
                  dimension: true,
                  statedImportance: true,
                },
              },
              expectations: {
                orderBy: [{ segment: { createdAt: "asc" } }, { segmentId: "asc" }],
                select: {
                  segmentId: true,
                  needs: true,
                  expectedLevel: true,
                  updatedAt: true,
                  recordedBy: { select: { name: true } },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!journey) throw notFound("journeyId");
  const { archivedAt, stages, ...rest } = journey;
  return {
    ...rest,
    isArchived: archivedAt !== null,
    stages: stages.map((stage) => ({
      ...stage,
      touchpoints: stage.touchpoints.map(({ loyaltyDrivers, expectations, ...touchpoint }) => ({
        ...touchpoint,
        drivers: loyaltyDrivers,
        expectations: expectations.map(({ recordedBy, ...e }) => ({
          ...e,
          recordedByName: recordedBy?.name ?? null,
        })),
      })),
    })),
  };
}
