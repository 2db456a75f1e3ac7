import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { addDays, localDayOf } from "@/lib/dates/local-days";
import { pilotStage } from "./outcome";
import { isRetrospective } from "./planning";
import { computePilotFigures, readPilotBaseline } from "./results";
import {
  ZPilotBaselineInput,
  type TPilotBaseline,
  type TPilotBaselineInput,
  type TPilotDecision,
  type TPilotDetail,
  type TPilotSite,
  type TPilotSummary,
} from "./schemas";

// Pilots as the pages and the executive overview read them: each with its result computed from
// the one aggregation (results.ts), never stored, so late observations count.

const PILOT_SELECT = {
  id: true,
  projectId: true,
  name: true,
  metric: true,
  targetEffect: true,
  startsAt: true,
  endsAt: true,
  baselineStartsAt: true,
  baselineEndsAt: true,
  plannedPerGroup: true,
  isExploratory: true,
  rolloutAt: true,
  createdAt: true,
  decision: true,
  decisionNote: true,
  decidedAt: true,
  decidedBy: { select: { id: true, name: true } },
  touchpoint: { select: { id: true, nameKo: true, nameEn: true, journeyId: true } },
  sites: { select: { group: true, site: { select: { id: true, name: true, code: true } } } },
  project: { select: { id: true, title: true, phase: true, status: true } },
} satisfies Prisma.PilotSelect;

type TPilotRow = Prisma.PilotGetPayload<{ select: typeof PILOT_SELECT }>;

const dayOrNull = (date: Date | null) => (date ? localDayOf(date) : null);
const byGroupThenName = (a: TPilotSite, b: TPilotSite) =>
  a.group.localeCompare(b.group) || a.name.localeCompare(b.name);

async function summarize(
  organizationId: string,
  row: TPilotRow,
  today: string,
): Promise<TPilotSummary & { bySite: TPilotDetail["bySite"]; journeyId: string }> {
  const sites: TPilotSite[] = row.sites
    .map((s) => ({ ...s.site, group: s.group }))
    .sort(byGroupThenName);
  const siteIdsOf = (group: "PILOT" | "CONTROL") =>
    sites.filter((s) => s.group === group).map((s) => s.id);
  const startDay = localDayOf(row.startsAt);
  const endDay = localDayOf(row.endsAt);
  const baselineStartDay = dayOrNull(row.baselineStartsAt);
  const baselineEndDay = dayOrNull(row.baselineEndsAt);
  const plannedOn = localDayOf(row.createdAt);
  const { outcome, bySite } = await computePilotFigures({
    organizationId,
    journeyId: row.touchpoint.journeyId,
    touchpointId: row.touchpoint.id,
    metric: row.metric,
    startDay,
    endDay,
    baselineStartDay,
    baselineEndDay,
    pilotSiteIds: siteIdsOf("PILOT"),
    controlSiteIds: siteIdsOf("CONTROL"),
    plannedPerGroup: row.plannedPerGroup,
    targetEffect: row.targetEffect,
    plannedOn,
    isExploratory: row.isExploratory,
    today,
  });
  const siteById = new Map(sites.map((s) => [s.id, s]));
  return {
    id: row.id,
    projectId: row.projectId,
    name: row.name,
    touchpoint: {
      id: row.touchpoint.id,
      nameKo: row.touchpoint.nameKo,
      nameEn: row.touchpoint.nameEn,
    },
    journeyId: row.touchpoint.journeyId,
    metric: row.metric,
    design: baselineStartDay ? "BEFORE_AFTER" : "CONTROL_SITES",
    targetEffect: row.targetEffect,
    startDay,
    endDay,
    baselineStartDay,
    baselineEndDay,
    plannedOn,
    isRetrospective: isRetrospective(startDay, plannedOn),
    stage: pilotStage({ startDay, endDay, today, decision: row.decision }),
    sites,
    decision:
      row.decision && row.decidedAt
        ? {
            decision: row.decision as TPilotDecision,
            note: row.decisionNote,
            decidedBy: row.decidedBy,
            decidedAt: row.decidedAt.toISOString(),
            rolloutDay: dayOrNull(row.rolloutAt),
          }
        : null,
    outcome,
    bySite: bySite.flatMap(({ siteId, figure }) => {
      const site = siteById.get(siteId);
      return site ? [{ site, figure }] : [];
    }),
  };
}

/** The summary without the detail page's extras (per-site figures, journey). */
function withoutDetail(full: Awaited<ReturnType<typeof summarize>>): TPilotSummary {
  const summary: Partial<typeof full> = { ...full };
  delete summary.bySite;
  delete summary.journeyId;
  return summary as TPilotSummary;
}

/** A project's pilots with their results, newest first. */
export async function listProjectPilots(
  actor: TActor,
  projectId: string,
): Promise<TPilotSummary[]> {
  assertCan(actor, "project:read");
  const rows = await db.pilot.findMany({
    where: { organizationId: actor.organizationId, projectId },
    orderBy: { createdAt: "desc" },
    select: PILOT_SELECT,
  });
  const today = localDayOf(new Date());
  return Promise.all(
    rows.map(async (row) => withoutDetail(await summarize(actor.organizationId, row, today))),
  );
}

/** One pilot: its design, groups, result, per-site figures and decision. */
export async function getPilot(actor: TActor, pilotId: string): Promise<TPilotDetail> {
  assertCan(actor, "project:read");
  const row = await db.pilot.findFirst({
    where: { id: pilotId, organizationId: actor.organizationId },
    select: PILOT_SELECT,
  });
  if (!row) throw notFound("pilotId");
  const summary = await summarize(actor.organizationId, row, localDayOf(new Date()));
  return { ...summary, project: row.project, defaultRolloutDay: addDays(summary.endDay, 1) };
}

/**
 * Every pilot of the organization with its result, newest first (the executive overview).
 * Each pilot costs one or two aggregations; `limit` bounds them.
 */
export async function listPilotsWithResults(
  actor: TActor,
  options: { limit?: number } = {},
): Promise<(TPilotSummary & { project: { id: string; title: string } })[]> {
  assertCan(actor, "project:read");
  const rows = await db.pilot.findMany({
    where: { organizationId: actor.organizationId },
    orderBy: { createdAt: "desc" },
    take: options.limit ?? 50,
    select: PILOT_SELECT,
  });
  const today = localDayOf(new Date());
  return Promise.all(
    rows.map(async (row) => ({
      ...withoutDetail(await summarize(actor.organizationId, row, today)),
      project: { id: row.project.id, title: row.project.title },
    })),
  );
}

/** What the pilot form needs: the project's touchpoints with their baseline for a pilot starting tomorrow, and the organization's sites. */
export async function getPilotPlanning(
  actor: TActor,
  projectId: string,
  now: Date = new Date(),
): Promise<{
  project: { id: string; title: string; phase: string; status: string };
  touchpoints: { id: string; nameKo: string; nameEn: string; baseline: TPilotBaseline }[];
  sites: { id: string; name: string; code: string }[];
}> {
  assertCan(actor, "project:read");
  const organizationId = actor.organizationId;
  const project = await db.improvementProject.findFirst({
    where: { id: projectId, organizationId },
    select: {
      id: true,
      title: true,
      phase: true,
      status: true,
      touchpoints: {
        select: {
          touchpoint: { select: { id: true, nameKo: true, nameEn: true, journeyId: true } },
        },
      },
    },
  });
  if (!project) throw notFound("projectId");
  const tomorrow = addDays(localDayOf(now), 1);
  const [sites, touchpoints] = await Promise.all([
    db.site.findMany({
      where: { organizationId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, code: true },
    }),
    Promise.all(
      project.touchpoints.map(async ({ touchpoint: { journeyId, ...t } }) => ({
        ...t,
        baseline: await readPilotBaseline(
          organizationId,
          journeyId,
          t.id,
          tomorrow,
          localDayOf(now),
        ),
      })),
    ),
  ]);
  return {
    project: { id: project.id, title: project.title, phase: project.phase, status: project.status },
    touchpoints,
    sites,
  };
}

/** The baseline a pilot on one of the project's touchpoints would plan from, for the start day the form shows (createPilot reads the same). */
export async function getPilotBaseline(
  actor: TActor,
  input: TPilotBaselineInput,
  now: Date = new Date(),
): Promise<TPilotBaseline> {
  assertCan(actor, "project:read");
  const { projectId, touchpointId, startDay } = parseInput(ZPilotBaselineInput, input);
  const link = await db.projectTouchpoint.findFirst({
    where: { organizationId: actor.organizationId, projectId, touchpointId },
    select: { touchpoint: { select: { journeyId: true } } },
  });
  if (!link) throw notFound("touchpointId");
  return readPilotBaseline(
    actor.organizationId,
    link.touchpoint.journeyId,
    touchpointId,
    startDay,
    localDayOf(now),
  );
}
