import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import { dashboardRead } from "@/lib/db/read-replica";
import { aggregateObservations } from "@/lib/analytics/aggregate";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { localDayOf } from "@/lib/dates/local-days";
import { alertOf, buildSeries, chartStartOf, type TSubgroupSums } from "./series";
import {
  SIGNAL_RULES,
  type TControlAlert,
  type TControlChartView,
  type TControlView,
} from "./schemas";

// Control (DMAIC step 5): authorized, organization-scoped reads. Each chart's days or weeks come
// from the one aggregation (sums in PostgreSQL, Korea-time days); series.ts sets the limits from
// the baseline, reads the run rules and decides whether a recent point raises an alert.

export const chartSelect = {
  id: true,
  metric: true,
  subgroup: true,
  baselineFrom: true,
  baselineTo: true,
  touchpoint: {
    select: {
      id: true,
      nameKo: true,
      nameEn: true,
      journeyId: true,
      journey: { select: { nameKo: true, nameEn: true } },
    },
  },
  project: { select: { id: true, title: true, phase: true, status: true } },
} as const satisfies Prisma.ControlChartSelect;

export type TChartRow = Prisma.ControlChartGetPayload<{ select: typeof chartSelect }>;

/**
 * A chart with its points and alert, as of `today` (a local day). Unchecked: no permission check,
 * and it trusts that `chart` was read within `organizationId` — the caller has authorized.
 */
export async function chartViewOfUnchecked(
  organizationId: string,
  chart: TChartRow,
  today: string,
): Promise<TControlChartView> {
  const config = {
    metric: chart.metric,
    subgroup: chart.subgroup,
    baselineFrom: localDayOf(chart.baselineFrom),
    baselineTo: localDayOf(chart.baselineTo),
  };
  const groups = await aggregateObservations(
    organizationId,
    {
      journeyId: chart.touchpoint.journeyId,
      touchpointId: chart.touchpoint.id,
      from: chartStartOf(config),
      to: today,
    },
    [chart.subgroup === "WEEK" ? "week" : "day"],
  );
  const subgroups = groups.flatMap((g): TSubgroupSums[] =>
    g.keys[0] ? [{ date: g.keys[0], experience: g.experience, csat: g.csat }] : [],
  );
  const series = buildSeries(config, subgroups);
  const found = alertOf(series, chart.subgroup, today);
  const { id, nameKo, nameEn } = chart.touchpoint;
  return {
    id: chart.id,
    touchpoint: chart.touchpoint,
    project: chart.project,
    ...config,
    ...series,
    alert: found && {
      chartId: chart.id,
      projectId: chart.project?.id ?? null,
      touchpoint: { id, nameKo, nameEn },
      metric: chart.metric,
      rule: found.rule,
      pointDate: found.point.date,
      direction: "DOWN",
      value: found.point.value,
      center: found.point.center,
      rules: found.rules,
    },
  };
}

async function chartViews(
  actor: TActor,
  where: Prisma.ControlChartWhereInput,
  now: Date,
): Promise<TControlChartView[]> {
  const charts = await db.controlChart.findMany({
    where: { ...where, organizationId: actor.organizationId },
    select: chartSelect,
    orderBy: [
      { touchpoint: { journey: { createdAt: "asc" } } },
      { touchpoint: { stage: { position: "asc" } } },
      { touchpoint: { position: "asc" } },
      { metric: "asc" },
    ],
  });
  const today = localDayOf(now);
  return Promise.all(
    charts.map((chart) => chartViewOfUnchecked(actor.organizationId, chart, today)),
  );
}

/**
 * The alerts of the organization's charts (or of one project's), most severe rule first, then the
 * most recent. One per chart: see TControlAlert and alertOf (series.ts) for what raises one.
 */
export async function listControlAlerts(
  actor: TActor,
  scope: { projectId?: string } = {},
  now = new Date(),
): Promise<TControlAlert[]> {
  assertCan(actor, "control:read");
  const views = await chartViews(actor, scope.projectId ? { projectId: scope.projectId } : {}, now);
  return sortAlerts(views.flatMap((v) => (v.alert ? [v.alert] : [])));
}

function sortAlerts(alerts: TControlAlert[]): TControlAlert[] {
  return alerts.sort(
    (a, b) =>
      SIGNAL_RULES.indexOf(a.rule) - SIGNAL_RULES.indexOf(b.rule) ||
      (a.pointDate < b.pointDate ? 1 : a.pointDate > b.pointDate ? -1 : 0),
  );
}

/** The Control page: every chart with its points, the alerts first, and what the form offers. */
export const getControlView = dashboardRead(readControlView);
async function readControlView(actor: TActor, now = new Date()): Promise<TControlView> {
  assertCan(actor, "control:read");
  const organizationId = actor.organizationId;
  const [charts, touchpoints, projects] = await Promise.all([
    chartViews(actor, {}, now),
    db.touchpoint.findMany({
      where: { organizationId, journey: { archivedAt: null } },
      select: {
        id: true,
        nameKo: true,
        nameEn: true,
        isMoT: true,
        journey: { select: { nameKo: true, nameEn: true } },
      },
      orderBy: [
        { journey: { createdAt: "asc" } },
        { stage: { position: "asc" } },
        { position: "asc" },
      ],
    }),
    db.improvementProject.findMany({
      where: { organizationId, status: { not: "CANCELLED" } },
      select: { id: true, title: true, touchpoints: { select: { touchpointId: true } } },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  return {
    today: localDayOf(now),
    alerts: sortAlerts(charts.flatMap((c) => (c.alert ? [c.alert] : []))),
    charts,
    touchpoints,
    projects: projects.map((p) => ({
      id: p.id,
      title: p.title,
      touchpointIds: p.touchpoints.map((tp) => tp.touchpointId),
    })),
  };
}
