import "server-only";
import { db, Prisma } from "@/lib/db/client";
import { writeAuditLog } from "@/lib/audit/log";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { conflict, invalid, notFound } from "@/lib/errors";
import { localDayOf, startOfLocalDay } from "@/lib/projects/local-days";
import { writeProjectHistory } from "@/lib/projects/projects";
import { chartSelect, chartViewOf } from "./queries";
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
 * The control chart of a touchpoint and metric, created or re-pointed at a project and a new
 * baseline (one chart per touchpoint and metric; a chart made by hand keeps its subgroup). For
 * callers that have already authorized the change and hold a transaction, such as a pilot's
 * rollout decision. Baseline instants are read as local days (Korea time), both included.
 */
export async function ensureControlChart(
  tx: TTx,
  input: { organizationId: string; projectId: string | null; touchpointId: string; metric: TControlMetric; baselineFrom: Date; baselineTo: Date; createdById: string | null },
): Promise<{ id: string }> {
  const touchpoint = await tx.touchpoint.findFirst({ where: { id: input.touchpointId, organizationId: input.organizationId }, select: { id: true } });
  if (!touchpoint) throw notFound("touchpointId");
  return tx.controlChart.upsert({
    where: { touchpointId_metric: { touchpointId: input.touchpointId, metric: input.metric } },
    create: {
      organizationId: input.organizationId,
      touchpointId: input.touchpointId,
      projectId: input.projectId,
      metric: input.metric,
      baselineFrom: input.baselineFrom,
      baselineTo: input.baselineTo,
      createdById: input.createdById,
    },
    update: { projectId: input.projectId, baselineFrom: input.baselineFrom, baselineTo: input.baselineTo },
    select: { id: true },
  });
}

/** A baseline is a period already measured: it cannot end after today. */
function assertBaselineMeasured(baselineTo: string, now: Date) {
  if (baselineTo > localDayOf(now)) throw invalid({ baselineTo: ["control.errors.baselineInFuture"] });
}

async function assertProject(tx: TTx, actor: TActor, projectId: string | null) {
  if (!projectId) return;
  const project = await tx.improvementProject.findFirst({ where: { id: projectId, organizationId: actor.organizationId }, select: { id: true } });
  if (!project) throw notFound("projectId");
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

export async function createControlChart(actor: TActor, input: TControlChartCreateInput, now = new Date()): Promise<{ id: string }> {
  assertCan(actor, "control:write");
  const data = ZControlChartCreateInput.parse(input);
  assertBaselineMeasured(data.baselineTo, now);
  try {
    return await db.$transaction(async (tx) => {
      const touchpoint = await tx.touchpoint.findFirst({ where: { id: data.touchpointId, organizationId: actor.organizationId }, select: { id: true } });
      if (!touchpoint) throw notFound("touchpointId");
      await assertProject(tx, actor, data.projectId);
      const existing = await tx.controlChart.findFirst({ where: { touchpointId: data.touchpointId, metric: data.metric }, select: { id: true } });
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
      await writeAuditLog({ organizationId: actor.organizationId, actorId: actor.id, action: "control_chart.create", entityType: "ControlChart", entityId: chart.id, details: { ...data } }, tx);
      return chart;
    });
  } catch (error) {
    // Two managers adding the same chart at once: the unique index decides, the second is told.
    if (isUniqueViolation(error)) throw conflict("control.errors.duplicate");
    throw error;
  }
}

export async function updateControlChart(actor: TActor, input: TControlChartUpdateInput, now = new Date()): Promise<void> {
  assertCan(actor, "control:write");
  const { chartId, ...data } = ZControlChartUpdateInput.parse(input);
  assertBaselineMeasured(data.baselineTo, now);
  await db.$transaction(async (tx) => {
    await assertProject(tx, actor, data.projectId);
    const { count } = await tx.controlChart.updateMany({
      where: { id: chartId, organizationId: actor.organizationId },
      data: { subgroup: data.subgroup, projectId: data.projectId, baselineFrom: startOfLocalDay(data.baselineFrom), baselineTo: startOfLocalDay(data.baselineTo) },
    });
    if (count === 0) throw notFound("chartId");
    await writeAuditLog({ organizationId: actor.organizationId, actorId: actor.id, action: "control_chart.update", entityType: "ControlChart", entityId: chartId, details: { ...data } }, tx);
  });
}

export async function deleteControlChart(actor: TActor, input: TControlChartDeleteInput): Promise<void> {
  assertCan(actor, "control:write");
  const { chartId } = ZControlChartDeleteInput.parse(input);
  await db.$transaction(async (tx) => {
    const chart = await tx.controlChart.findFirst({ where: { id: chartId, organizationId: actor.organizationId }, select: { touchpointId: true, metric: true, projectId: true } });
    if (!chart) throw notFound("chartId");
    await tx.controlChart.delete({ where: { id: chartId } });
    await writeAuditLog({ organizationId: actor.organizationId, actorId: actor.id, action: "control_chart.delete", entityType: "ControlChart", entityId: chartId, details: chart }, tx);
  });
}

/**
 * The chart guarding a project's rollout shows the touchpoint drifting back: the project returns
 * to Improve, active again, and its history (the audit log) says which chart and rule sent it
 * back. Only a chart tied to the project, with a current alert, can do that.
 */
export async function reopenProject(actor: TActor, input: TReopenProjectInput, now = new Date()): Promise<void> {
  assertCan(actor, "project:write");
  const { projectId, chartId } = ZReopenProjectInput.parse(input);
  const chart = await db.controlChart.findFirst({ where: { id: chartId, organizationId: actor.organizationId }, select: chartSelect });
  if (!chart) throw notFound("chartId");
  if (chart.project?.id !== projectId) throw notFound("projectId");
  const { alert } = await chartViewOf(actor.organizationId, chart, localDayOf(now));
  if (!alert) throw conflict("control.errors.noAlert");

  await db.$transaction(async (tx) => {
    const project = await tx.improvementProject.findFirst({ where: { id: projectId, organizationId: actor.organizationId }, select: { phase: true, status: true } });
    if (!project) throw notFound("projectId");
    // The state is part of the where: of two managers reopening at once, the second is told.
    const { count } = await tx.improvementProject.updateMany({
      where: { id: projectId, organizationId: actor.organizationId, phase: project.phase, status: project.status, NOT: { phase: "IMPROVE", status: "ACTIVE" } },
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
