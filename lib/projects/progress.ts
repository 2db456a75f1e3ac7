import "server-only";
import { db } from "@/lib/db/client";
import { aggregateObservations } from "@/lib/analytics/aggregate";
import type { TGroupMoments } from "@/lib/analytics/schemas";
import { sumMoments } from "@/lib/analytics/sums";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { localDayOf } from "@/lib/dates/local-days";
import { periodFigures, targetProgress, type TPeriodSums, type TTargetProgress } from "./targets";
import { beforeWindow, evaluationWindow, firstContactDay } from "./windows";

/** The project's touchpoints' groups (of a touchpoint grouping) as one period's sums. */
function sumsOf(groups: TGroupMoments[], touchpointIds: string[]): TPeriodSums {
  return sumMoments(
    groups.filter((g) => g.keys[0] !== null && touchpointIds.includes(g.keys[0] as string)),
    ["gap", "csat"],
  );
}

/**
 * The project's touchpoints before the work began (the 90 days before its first pilot, else before
 * the project started) against the fixed evaluation window from its rollout (windows.ts), with the
 * targets met or not once that window is over.
 */
export async function getTargetProgress(
  actor: TActor,
  projectId: string,
  now: Date = new Date(),
): Promise<TTargetProgress> {
  assertCan(actor, "project:read");
  const organizationId = actor.organizationId;
  const project = await db.improvementProject.findFirst({
    where: { id: projectId, organizationId },
    select: {
      startedAt: true,
      targetGapClosed: true,
      targetCsatChange: true,
      touchpoints: { select: { touchpoint: { select: { id: true, journeyId: true } } } },
      pilots: {
        select: { startsAt: true, rolloutAt: true, decision: true },
        orderBy: { startsAt: "asc" },
      },
    },
  });
  if (!project) throw notFound("projectId");
  const touchpointIds = project.touchpoints.map((t) => t.touchpoint.id);
  const journeyId = project.touchpoints[0]?.touchpoint.journeyId ?? "";
  const today = localDayOf(now);
  const firstContact = firstContactDay(
    project.pilots.map((p) => localDayOf(p.startsAt)),
    localDayOf(project.startedAt),
  );
  const rollouts = project.pilots
    .filter((p) => p.decision === "ROLLOUT" && p.rolloutAt)
    .map((p) => localDayOf(p.rolloutAt!));
  const rolloutDay = rollouts.sort()[0] ?? null;
  const before = beforeWindow(firstContact);
  const evaluated = rolloutDay ? evaluationWindow(rolloutDay, today) : null;
  const after = evaluated?.observed ?? null;
  // One touchpoint (the usual project) is an index-friendly filter; several are grouped and picked.
  const scope = {
    journeyId,
    ...(touchpointIds.length === 1 ? { touchpointId: touchpointIds[0] } : {}),
  };
  const [beforeGroups, afterGroups] = await Promise.all([
    aggregateObservations(organizationId, { ...scope, ...before }, ["touchpoint"]),
    after
      ? aggregateObservations(organizationId, { ...scope, ...after }, ["touchpoint"])
      : Promise.resolve(null),
  ]);
  return targetProgress({
    before: periodFigures(before.from, before.to, sumsOf(beforeGroups, touchpointIds)),
    after:
      after && afterGroups
        ? periodFigures(after.from, after.to, sumsOf(afterGroups, touchpointIds))
        : null,
    evaluation: evaluated?.evaluation ?? null,
    targetGapClosed: project.targetGapClosed,
    targetCsatChange: project.targetCsatChange,
  });
}
