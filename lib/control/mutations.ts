import "server-only";
import { isUniqueViolation } from "@/lib/db/errors";
import { db, Prisma } from "@/lib/db/client";
import { writeAuditLog } from "@/lib/audit/log";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { conflict, invalid, notFound } from "@/lib/errors";
import { localDayOf, startOfLocalDay } from "@/lib/dates/local-days";
import { writeProjectHistory } from "@/lib/projects/projects";
import { PROJECT_ENTITY } from "@/lib/projects/schemas";
import { parseInput } from "@/lib/validation";
import { chartSelect, chartViewOfUnchecked } from "./queries";
import {
  ZControlChartCreateInput,
  ZControlChartDeleteInput,
  ZControlChartUpdateInput,
  ZReopenProjectInput,
  type TControlChartCreateInput,
  type TControlChartDeleteInput,
  type TControlChartUpdateInput,
  type TControlMetric,
  type TReopenProjectInput,
} from "./schemas";

type TTx = Prisma.TransactionClient;

/**
 * The project a chart is to guard, read within the organization: null when there is none there
 * (another organization's id is "not found"), else whether it works on the chart's touchpoint.
 */
async function findChartProject(
  tx: TTx,
  organizationId: string,
  projectId: string,
  touchpointId: string,
): Promise<{ hasTouchpoint: boolean } | null> {
  const project = await tx.improvementProject.findFirst({
    where: { id: projectId, organizationId },
    select: { touchpoints: { where: { touchpointId }, select: { touchpointId: true } } },
  });
  return project && { hasTouchpoint: project.touchpoints.length > 0 };
}

/** A chart guards a project of its own touchpoint: its alert is the reason to reopen that project. */
async function assertChartProject(
  tx: TTx,
  actor: TActor,
  projectId: string | null,
  touchpointId: string,
): Promise<void> {
  if (!projectId) return;
  const project = await findChartProject(tx, actor.organizationId, projectId, touchpointId);
  if (!project) throw notFound("projectId");
  if (!project.hasTouchpoint) throw invalid({ projectId: ["control.errors.projectTouchpoint"] });
}

/**
 * The control chart of a touchpoint and metric, created or re-pointed at a project and a new
 * baseline (one chart per touchpoint and metric; a chart made by hand keeps its subgroup).
 * Unchecked: no permission check — the caller has authorized the change and holds the
 * transaction (a pilot's rollout decision). The touchpoint and the project are still read within
 * the organization (another's is "not found"). A chart taken over from another project says so in
 * its own history and in that project's. Baseline instants are read as local days (Korea time),
 * both included.
 */
export async function ensureControlChartUnchecked(
  tx: TTx,
  input: {
    organizationId: string;
    projectId: string | null;
    touchpointId: string;
    metric: TControlMetric;
    baselineFrom: Date;
    baselineTo: Date;
    createdById: string | null;
  },
): Promise<{ id: string }> {
  const { organizationId, projectId, touchpointId, metric } = input;
  const touchpoint = await tx.touchpoint.findFirst({
    where: { id: touchpointId, organizationId },
    select: { id: true },
  });
  if (!touchpoint) throw notFound("touchpointId");
  if (projectId && !(await findChartProject(tx, organizationId, projectId, touchpointId)))
    throw notFound("projectId");
  const baseline = { baselineFrom: input.baselineFrom, baselineTo: input.baselineTo };

  const before = await tx.controlChart.findFirst({
    where: { touchpointId, metric, organizationId },
    select: { projectId: true },
  });
  const chart = await tx.controlChart.upsert({
    where: { touchpointId_metric: { touchpointId, metric } },
    create: {
      organizationId,
      touchpointId,
      projectId,
      metric,
      ...baseline,
      createdById: input.createdById,
    },
    update: { projectId, ...baseline },
    select: { id: true },
  });
  const fromProjectId = before?.projectId ?? null;
  if (fromProjectId && fromProjectId !== projectId) {
    const repoint = {
      organizationId,
      actorId: input.createdById,
      chartId: chart.id,
      touchpointId,
      metric,
      fromProjectId,
      toProjectId: projectId,
    };
    await writeAuditLog(
      {
        ...repointEntry(repoint, "control_chart.repoint"),
        entityType: "ControlChart",
        entityId: chart.id,
      },
      tx,
    );
    await writeRepointHistory(tx, repoint);
  }
  return chart;
}

type TRepoint = {
  organizationId: string;
  actorId: string | null;
  chartId: string;
  touchpointId: string;
  metric: TControlMetric;
  fromProjectId: string | null;
  toProjectId: string | null;
};

const repointEntry = ({ organizationId, actorId, ...details }: TRepoint, action: string) => ({
  organizationId,
  actorId,
  action,
  details,
});

/** A chart taken from a project goes in that project's history: it says why the project's alerts stopped. */
async function writeRepointHistory(tx: TTx, repoint: TRepoint): Promise<void> {
  if (!repoint.fromProjectId || repoint.fromProjectId === repoint.toProjectId) return;
  await writeAuditLog(
    {
      ...repointEntry(repoint, "control.repoint"),
      entityType: PROJECT_ENTITY,
      entityId: repoint.fromProjectId,
    },
    tx,
  );
}

/** A baseline is a period already measured: it cannot end after today. */
function assertBaselineMeasured(baselineTo: string, now: Date) {
  if (baselineTo > localDayOf(now))
    throw invalid({ baselineTo: ["control.errors.baselineInFuture"] });
}

export async function createControlChart(
  actor: TActor,
  input: TControlChartCreateInput,
  now = new Date(),
): Promise<{ id: string }> {
  assertCan(actor, "control:write");
  const data = parseInput(ZControlChartCreateInput, input);
  assertBaselineMeasured(data.baselineTo, now);
  try {
    return await db.$transaction(async (tx) => {
      const touchpoint = await tx.touchpoint.findFirst({
        where: { id: data.touchpointId, organizationId: actor.organizationId },
        select: { id: true },
      });
      if (!touchpoint) throw notFound("touchpointId");
      await assertChartProject(tx, actor, data.projectId, data.touchpointId);
      const existing = await tx.controlChart.findFirst({
        where: { touchpointId: data.touchpointId, metric: data.metric },
        select: { id: true },
      });
      if (existing) throw conflict("control.errors.duplicate");
      const chart = await tx.controlChart.create({
        data: {
          organizationId: actor.organizationId,
          touchpointId: data.touchpointId,
          projectId: data.projectId,
          metric: data.metric,
          subgroup: data.subgroup,
          baselineFrom: startOfLocalDay(data.baselineFrom),
          baselineTo: startOfLocalDay(data.baselineTo),
          createdById: actor.id,
        },
        select: { id: true },
      });
      await writeAuditLog(
        {
          organizationId: actor.organizationId,
          actorId: actor.id,
          action: "control_chart.create",
          entityType: "ControlChart",
          entityId: chart.id,
          details: { ...data },
        },
        tx,
      );
      return chart;
    });
  } catch (error) {
    // Two managers adding the same chart at once: the unique index decides, the second is told.
    if (isUniqueViolation(error)) throw conflict("control.errors.duplicate");
    throw error;
  }
}

export async function updateControlChart(
  actor: TActor,
  input: TControlChartUpdateInput,
  now = new Date(),
): Promise<void> {
  assertCan(actor, "control:write");
  const { chartId, ...data } = parseInput(ZControlChartUpdateInput, input);
  assertBaselineMeasured(data.baselineTo, now);
  await db.$transaction(async (tx) => {
    const chart = await tx.controlChart.findFirst({
      where: { id: chartId, organizationId: actor.organizationId },
      select: { touchpointId: true, metric: true, projectId: true },
    });
    if (!chart) throw notFound("chartId");
    await assertChartProject(tx, actor, data.projectId, chart.touchpointId);
    await tx.controlChart.update({
      where: { id: chartId },
      data: {
        subgroup: data.subgroup,
        projectId: data.projectId,
        baselineFrom: startOfLocalDay(data.baselineFrom),
        baselineTo: startOfLocalDay(data.baselineTo),
      },
    });
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "control_chart.update",
        entityType: "ControlChart",
        entityId: chartId,
        details: { ...data },
      },
      tx,
    );
    await writeRepointHistory(tx, {
      organizationId: actor.organizationId,
      actorId: actor.id,
      chartId,
      touchpointId: chart.touchpointId,
      metric: chart.metric,
      fromProjectId: chart.projectId,
      toProjectId: data.projectId,
    });
  });
}

export async function deleteControlChart(
  actor: TActor,
  input: TControlChartDeleteInput,
): Promise<void> {
  assertCan(actor, "control:write");
  const { chartId } = parseInput(ZControlChartDeleteInput, input);
  await db.$transaction(async (tx) => {
    const chart = await tx.controlChart.findFirst({
      where: { id: chartId, organizationId: actor.organizationId },
      select: { touchpointId: true, metric: true, projectId: true },
    });
    if (!chart) throw notFound("chartId");
    await tx.controlChart.delete({ where: { id: chartId } });
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "control_chart.delete",
        entityType: "ControlChart",
        entityId: chartId,
        details: chart,
      },
      tx,
    );
  });
}

/** A project that has rolled its fix out (phase Control) or finished (status Done) may be sent back to Improve. */
const isReopenable = (project: { phase: string; status: string }) =>
  project.phase === "CONTROL" || project.status === "DONE";

/**
 * The chart guarding a project's rollout shows the touchpoint drifting back: the project returns
 * to Improve, active again, and its history (the audit log) says which chart and rule sent it
 * back. Only a chart tied to the project, with a current alert, can do that, and only for a
 * project in Control (or finished); one in an earlier phase has no rollout to undo.
 */
export async function reopenProject(
  actor: TActor,
  input: TReopenProjectInput,
  now = new Date(),
): Promise<void> {
  assertCan(actor, "project:write");
  const { projectId, chartId } = parseInput(ZReopenProjectInput, input);
  const chart = await db.controlChart.findFirst({
    where: { id: chartId, organizationId: actor.organizationId },
    select: chartSelect,
  });
  if (!chart) throw notFound("chartId");
  if (chart.project?.id !== projectId) throw notFound("projectId");
  const { alert } = await chartViewOfUnchecked(actor.organizationId, chart, localDayOf(now));
  if (!alert) throw conflict("control.errors.noAlert");

  await db.$transaction(async (tx) => {
    const project = await tx.improvementProject.findFirst({
      where: { id: projectId, organizationId: actor.organizationId },
      select: { phase: true, status: true },
    });
    if (!project) throw notFound("projectId");
    if (project.phase === "IMPROVE" && project.status === "ACTIVE")
      throw conflict("control.errors.alreadyReopened");
    // A relapse undoes a rollout: only a project past it (in Control, or finished) goes back.
    if (!isReopenable(project)) throw conflict("control.errors.notInControl");
    // The state is part of the where: of two managers reopening at once, the second is told.
    const { count } = await tx.improvementProject.updateMany({
      where: {
        id: projectId,
        organizationId: actor.organizationId,
        phase: project.phase,
        status: project.status,
      },
      data: { phase: "IMPROVE", status: "ACTIVE", closedAt: null, version: { increment: 1 } },
    });
    if (count === 0) throw conflict("control.errors.alreadyReopened");
    await writeProjectHistory(tx, actor, projectId, "project.reopen", {
      chartId,
      touchpointId: alert.touchpoint.id,
      metric: alert.metric,
      rule: alert.rule,
      rules: alert.rules,
      pointDate: alert.pointDate,
      value: alert.value,
      center: alert.center,
      fromPhase: project.phase,
      fromStatus: project.status,
    });
  });
}
