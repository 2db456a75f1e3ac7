import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { FOLLOW_UP_REASONS, type TFollowUpReason } from "./rules";
import { ZFollowUpFilter, type TFollowUpFilter, type TFollowUpList } from "./schemas";

/** The page lists at most this many follow-ups; the summary still counts them all. */
const LIST_LIMIT = 200;

/**
 * Which follow-ups an actor may see and close: frontline staff those of their home site (all of
 * the organization's if they have none), everyone else the whole organization's.
 */
export async function followUpScope(
  actor: TActor,
  tx: Pick<typeof db, "user"> = db,
): Promise<{ organizationId: string; siteId?: string }> {
  if (actor.role !== "FRONTLINE") return { organizationId: actor.organizationId };
  const user = await tx.user.findFirst({
    where: { id: actor.id, organizationId: actor.organizationId },
    select: { homeSiteId: true },
  });
  return user?.homeSiteId
    ? { organizationId: actor.organizationId, siteId: user.homeSiteId }
    : { organizationId: actor.organizationId };
}

export async function listFollowUps(
  actor: TActor,
  filter: TFollowUpFilter,
): Promise<TFollowUpList> {
  assertCan(actor, "followup:read");
  const { status, siteId } = parseInput(ZFollowUpFilter, filter);
  const scope = await followUpScope(actor);
  const where: Prisma.FollowUpWhereInput = { AND: [scope, { status }, siteId ? { siteId } : {}] };

  const [rows, total, openBySite, sites, organization] = await Promise.all([
    db.followUp.findMany({
      where,
      // Open: the oldest first (age is what matters); closed: the most recently closed first.
      orderBy:
        status === "OPEN"
          ? [{ openedAt: "asc" }, { id: "asc" }]
          : [{ closedAt: "desc" }, { id: "asc" }],
      take: LIST_LIMIT,
      select: {
        id: true,
        status: true,
        reason: true,
        openedAt: true,
        closedAt: true,
        resolution: true,
        closedBy: { select: { name: true } },
        site: { select: { id: true, name: true } },
        observation: {
          select: {
            source: true,
            observedAt: true,
            expectationScore: true,
            experiencedScore: true,
            nps: true,
            comment: true,
            touchpoint: {
              select: {
                nameKo: true,
                nameEn: true,
                isMoT: true,
                journey: { select: { nameKo: true, nameEn: true } },
              },
            },
            segment: { select: { nameKo: true, nameEn: true } },
            loggedBy: { select: { name: true } },
          },
        },
      },
    }),
    db.followUp.count({ where }),
    db.followUp.groupBy({
      by: ["siteId"],
      where: { AND: [scope, { status: "OPEN" }] },
      _count: { _all: true },
      _min: { openedAt: true },
    }),
    db.site.findMany({
      where: {
        organizationId: actor.organizationId,
        ...(scope.siteId ? { id: scope.siteId } : {}),
      },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db.organization.findUniqueOrThrow({
      where: { id: actor.organizationId },
      select: { followUpMaxAgeDays: true },
    }),
  ]);

  const siteById = new Map(sites.map((s) => [s.id, s]));
  return {
    maxAgeDays: organization.followUpMaxAgeDays,
    items: rows.map(
      ({ reason, closedBy, observation: { touchpoint, loggedBy, ...observation }, ...row }) => ({
        ...row,
        reasons: parseReasons(reason),
        closedByName: closedBy?.name ?? null,
        observation: {
          ...observation,
          touchpoint: {
            nameKo: touchpoint.nameKo,
            nameEn: touchpoint.nameEn,
            isMoT: touchpoint.isMoT,
          },
          journey: touchpoint.journey,
          loggedByName: loggedBy?.name ?? null,
        },
      }),
    ),
    sites,
    openBySite: openBySite
      .map((group) => ({
        site: group.siteId ? (siteById.get(group.siteId) ?? null) : null,
        open: group._count._all,
        oldestOpenedAt: group._min.openedAt!,
      }))
      .sort((a, b) => a.oldestOpenedAt.getTime() - b.oldestOpenedAt.getTime()),
    hiddenCount: Math.max(0, total - rows.length),
  };
}

/** FollowUp.reason holds the rule's reasons comma-separated ("BELOW_EXPECTATION,NPS_DETRACTOR"). */
function parseReasons(reason: string): TFollowUpReason[] {
  return reason
    .split(",")
    .filter((r): r is TFollowUpReason => (FOLLOW_UP_REASONS as readonly string[]).includes(r));
}
