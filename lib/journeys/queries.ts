import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import type { TJourneyListItem } from "./schemas";

export async function listJourneys(actor: TActor): Promise<TJourneyListItem[]> {
  assertCan(actor, "journey:read");
  const journeys = await db.journey.findMany({
    where: { organizationId: actor.organizationId, archivedAt: null },
    select: {
      id: true,
      nameKo: true,
      nameEn: true,
      description: true,
      updatedAt: true,
      _count: { select: { stages: true, touchpoints: true } },
    },
    orderBy: { updatedAt: "desc" },
  });
  const motCounts = await db.touchpoint.groupBy({
    by: ["journeyId"],
    where: { organizationId: actor.organizationId, isMoT: true, journeyId: { in: journeys.map((j) => j.id) } },
    _count: { _all: true },
  });
  const motByJourney = new Map(motCounts.map((m) => [m.journeyId, m._count._all]));
  return journeys.map(({ _count, ...j }) => ({
    ...j,
    stageCount: _count.stages,
    touchpointCount: _count.touchpoints,
    motCount: motByJourney.get(j.id) ?? 0,
  }));
}
