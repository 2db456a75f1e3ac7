import "server-only";
import { db } from "@/lib/db/client";
import { dashboardRead } from "@/lib/db/read-replica";
import { aggregateObservations } from "@/lib/analytics/aggregate";
import { rankTouchpoints, type TImportanceInput } from "@/lib/analytics/measures";
import { touchpointsOf } from "@/lib/analytics/queries";
import type { TGroupMoments } from "@/lib/analytics/schemas";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { listControlAlerts } from "@/lib/control/queries";
import { listPilotsWithResults } from "@/lib/pilots/queries";
import { localDayOf } from "@/lib/dates/local-days";
import { listProjects } from "@/lib/projects/queries";
import { firstContactDay } from "@/lib/projects/windows";
import { getComplianceSummary } from "@/lib/promises/queries";
import { headlineOf, monthsBetween } from "./headline";
import { fixFirstRows } from "./fix-first";
import { caseOutcomeOf, rolledOutPilots } from "./outcomes";
import { outcomePeriods, overviewPeriods } from "./periods";
import type { TCaseOutcome, TOverview, TOverviewTouchpoint } from "./schemas";

// The executive overview: one read that gathers what each DMAIC area already computes — the
// headline from the one aggregation over every journey, the fix-first formula of Measure, the
// projects, pilots, control alerts and promise compliance from their own domains (each checks
// its own permission; an executive holds all of them) — so every figure here is the figure its
// own view shows.

/** How many touchpoints the overview lists. */
export const TOP_TOUCHPOINTS = 10;

export const getOverview = dashboardRead(readOverview);
async function readOverview(actor: TActor, now = new Date()): Promise<TOverview> {
  assertCan(actor, "overview:read");
  const organizationId = actor.organizationId;
  const periods = overviewPeriods(localDayOf(now));

  const [headline, top, projects, pilots, alerts, promises] = await Promise.all([
    Promise.all([
      aggregateObservations(organizationId, periods.current, []),
      aggregateObservations(organizationId, periods.previous, []),
      aggregateObservations(organizationId, periods.trend, ["month"]),
    ]),
    topTouchpoints(organizationId, periods.ranking),
    listProjects(actor),
    listPilotsWithResults(actor),
    listControlAlerts(actor, {}, now),
    getComplianceSummary(actor, now),
  ]);
  const [[current], [previous], months] = headline;
  return {
    periods,
    observations: { current: current?.observations ?? 0, previous: previous?.observations ?? 0 },
    headline: headlineOf(
      current,
      previous,
      months,
      monthsBetween(periods.trend.from, periods.trend.to),
    ),
    top,
    projects,
    pilots,
    alerts,
    outcomes: await caseOutcomes(organizationId, pilots, periods.today),
    promises,
  };
}

/**
 * The fix-first list across the organization's journeys. The journeys are not ranked apart and
 * merged: their touchpoints go into ONE ranking (rankTouchpoints, Measure's own formula), so that
 * reach is weighed against the busiest touchpoint of the whole organization and the pooled
 * variance and the importance fallback come from all of them — one scale, scores comparable
 * across journeys. Only touchpoints shown below expectation are listed (fixFirstRows). Archived
 * journeys are left out. The caller has authorized.
 */
async function topTouchpoints(
  organizationId: string,
  period: { from: string; to: string },
): Promise<TOverviewTouchpoint[]> {
  const journeys = await db.journey.findMany({
    where: { organizationId, archivedAt: null },
    select: { id: true, nameKo: true, nameEn: true },
    orderBy: { createdAt: "asc" },
  });
  const [groups, ...touchpointsByJourney] = await Promise.all([
    aggregateObservations(organizationId, period, ["touchpoint"]),
    ...journeys.map((journey) => touchpointsOf(organizationId, journey.id)),
  ]);
  const byId = new Map(
    journeys.flatMap((journey, i) =>
      touchpointsByJourney[i]!.map((t) => [t.ref.id, { ...t, journey }] as const),
    ),
  );
  const inputs = groups.flatMap((group): TImportanceInput[] => {
    const t = group.keys[0] ? byId.get(group.keys[0]) : undefined;
    return t ? [{ touchpoint: t.ref, statedImportance: t.statedImportance, group }] : [];
  });
  return fixFirstRows(rankTouchpoints(inputs).ranking, TOP_TOUCHPOINTS).map((item) => ({
    ...item,
    journey: byId.get(item.touchpoint.id)!.journey,
  }));
}

/**
 * Before and after each rolled-out change, at its touchpoint: two aggregations per rollout. "Before"
 * counts back from the day the project's work first touched customers, as its progress does.
 */
async function caseOutcomes(
  organizationId: string,
  pilots: TOverview["pilots"],
  today: string,
): Promise<TCaseOutcome[]> {
  const rolled = rolledOutPilots(pilots);
  if (rolled.length === 0) return [];
  const projects = await db.improvementProject.findMany({
    where: { organizationId, id: { in: [...new Set(rolled.map((p) => p.project.id))] } },
    select: { id: true, startedAt: true, pilots: { select: { startsAt: true } } },
  });
  const firstContactOf = new Map(
    projects.map((p) => [
      p.id,
      firstContactDay(
        p.pilots.map((pilot) => localDayOf(pilot.startsAt)),
        localDayOf(p.startedAt),
      ),
    ]),
  );
  const judged = rolled.flatMap((pilot) => {
    const firstContact = firstContactOf.get(pilot.project.id) ?? pilot.startDay;
    const periods = outcomePeriods(firstContact, pilot.decision.rolloutDay, today);
    return periods ? [{ pilot, periods }] : [];
  });
  // Per week: the test treats the weeks as clusters (lib/pilots/outcome.ts, weekClusteredComparison).
  const weeksOf = (
    touchpointId: string,
    period: { from: string; to: string },
  ): Promise<TGroupMoments[]> =>
    aggregateObservations(organizationId, { touchpointId, ...period }, ["week"]);
  return Promise.all(
    judged.map(async ({ pilot, periods }) => {
      const [before, after] = await Promise.all([
        weeksOf(pilot.touchpoint.id, periods.before),
        weeksOf(pilot.touchpoint.id, periods.after),
      ]);
      return caseOutcomeOf(pilot, periods, { before, after });
    }),
  );
}
