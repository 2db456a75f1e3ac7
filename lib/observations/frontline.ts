import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import type { TFrontlineSetup, TFrontlineTouchpoint } from "./schemas";

// What the frontline logging page and the call-centre form need, in one read: where the user
// works, which journey they log against, its touchpoints in journey order, what they used
// lately, and the segments and sites to choose from. Plain objects only (their types: schemas.ts).

const RECENT_TOUCHPOINTS = 5;

/**
 * The journey asked for when it is the organization's and not archived (another organization's
 * id is ignored like an unknown one); else the journey the user logged on most recently; else
 * the first non-archived journey.
 */
export async function getFrontlineSetup(
  actor: TActor,
  options: { journeyId?: string | null } = {},
): Promise<TFrontlineSetup> {
  assertCan(actor, "observation:create");
  const organizationId = actor.organizationId;
  const [user, journeys, segments, sites, lastObservation] = await Promise.all([
    db.user.findFirst({
      where: { id: actor.id, organizationId },
      select: { homeSite: { select: { id: true, name: true } } },
    }),
    db.journey.findMany({
      where: { organizationId, archivedAt: null },
      select: { id: true, nameKo: true, nameEn: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.segment.findMany({
      where: { organizationId },
      select: { id: true, nameKo: true, nameEn: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.site.findMany({
      where: { organizationId },
      select: { id: true, name: true },
      orderBy: [{ createdAt: "asc" }, { code: "asc" }],
    }),
    db.observation.findFirst({
      where: {
        organizationId,
        loggedById: actor.id,
        touchpoint: { journey: { archivedAt: null } },
      },
      orderBy: [{ observedAt: "desc" }, { id: "desc" }],
      select: { touchpoint: { select: { journeyId: true } } },
    }),
  ]);

  const isOpen = (id: string | null | undefined) => id != null && journeys.some((j) => j.id === id);
  const lastUsed = lastObservation?.touchpoint.journeyId;
  const journeyId = isOpen(options.journeyId)
    ? options.journeyId!
    : isOpen(lastUsed)
      ? lastUsed!
      : (journeys[0]?.id ?? null);

  const [touchpoints, recent] = journeyId
    ? await Promise.all([
        touchpointsOf(organizationId, journeyId),
        recentTouchpointIds(actor, journeyId),
      ])
    : [[], []];
  return {
    homeSite: user?.homeSite ?? null,
    journeys,
    journeyId,
    touchpoints,
    recentTouchpointIds: recent,
    segments,
    sites,
  };
}

async function touchpointsOf(
  organizationId: string,
  journeyId: string,
): Promise<TFrontlineTouchpoint[]> {
  const rows = await db.touchpoint.findMany({
    where: { organizationId, journeyId },
    orderBy: [{ stage: { position: "asc" } }, { position: "asc" }],
    select: {
      id: true,
      nameKo: true,
      nameEn: true,
      channel: true,
      dimension: true,
      isMoT: true,
      stage: { select: { nameKo: true, nameEn: true } },
      loyaltyDrivers: {
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: { id: true, nameKo: true, nameEn: true, kind: true },
      },
    },
  });
  return rows.map(({ stage, loyaltyDrivers, ...t }) => ({
    ...t,
    stageNameKo: stage.nameKo,
    stageNameEn: stage.nameEn,
    drivers: loyaltyDrivers,
  }));
}

async function recentTouchpointIds(actor: TActor, journeyId: string): Promise<string[]> {
  const groups = await db.observation.groupBy({
    by: ["touchpointId"],
    where: {
      organizationId: actor.organizationId,
      loggedById: actor.id,
      touchpoint: { journeyId },
    },
    _max: { observedAt: true },
    orderBy: { _max: { observedAt: "desc" } },
    take: RECENT_TOUCHPOINTS,
  });
  return groups.map((g) => g.touchpointId);
}
