import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import { writeAuditLog } from "@/lib/audit/log";
import { assertCan, can, type TActor } from "@/lib/auth/permissions";
import { AppError, invalid, notFound } from "@/lib/errors";
import { loadPhaseFacts } from "./facts";
import { localDayOf, startOfLocalDay } from "@/lib/dates/local-days";
import { parseInput } from "@/lib/validation";
import { isClosed, phaseMoveProblem, statusChangeProblem } from "./rules";
import {
  PROJECT_ENTITY,
  ZProjectCreateInput,
  ZProjectPhaseInput,
  ZProjectStatusInput,
  ZProjectUpdateInput,
  type TPhase,
  type TProjectCreateInput,
  type TProjectPhaseInput,
  type TProjectStatus,
  type TProjectStatusInput,
  type TProjectUpdateInput,
} from "./schemas";
import { claimProjectVersion } from "./version";

// Improvement projects (DMAIC): a problem on one or more touchpoints of a journey, walked through
// Define, Measure, Analyze, Improve and Control. Every change is written to the audit log as an
// entry of the project (entityType "ImprovementProject", entityId = its id): that is its history.

type TTx = Prisma.TransactionClient;

/** Appends to the project's history, in the change's transaction. */
export function writeProjectHistory(
  tx: TTx,
  actor: TActor,
  projectId: string,
  action: string,
  details: Prisma.InputJsonObject = {},
) {
  return writeAuditLog(
    {
      organizationId: actor.organizationId,
      actorId: actor.id,
      action,
      entityType: PROJECT_ENTITY,
      entityId: projectId,
      details,
    },
    tx,
  );
}

/**
 * A user of the organization who may be named owner: active, and for a project one who can change
 * it (an owner who cannot edit the project could not answer for it). Another organization's user
 * is not found.
 */
export async function assertAssignable(
  tx: TTx,
  actor: TActor,
  userId: string,
  field: string,
  needsWrite: boolean,
): Promise<void> {
  const user = await tx.user.findFirst({
    where: { id: userId, organizationId: actor.organizationId },
    select: { isActive: true, role: true },
  });
  if (!user) throw notFound(field);
  if (!user.isActive) throw invalid({ [field]: ["improve.errors.ownerInactive"] });
  if (needsWrite && !can(user.role, "project:write"))
    throw invalid({ [field]: ["improve.errors.ownerCannotWrite"] });
}

const dueAtOf = (day: string | null) => (day ? startOfLocalDay(day) : null);

/** A new project on touchpoints of one journey, in Define; its owner is the creator unless named. */
export async function createProject(
  actor: TActor,
  input: TProjectCreateInput,
): Promise<{ id: string }> {
  assertCan(actor, "project:write");
  const { touchpointIds, dueDay, ownerId, ...fields } = parseInput(ZProjectCreateInput, input);
  return db.$transaction(async (tx) => {
    const touchpoints = await tx.touchpoint.findMany({
      where: { id: { in: touchpointIds }, organizationId: actor.organizationId },
      select: { id: true, journeyId: true },
    });
    if (touchpoints.length !== touchpointIds.length) throw notFound("touchpointIds");
    if (new Set(touchpoints.map((t) => t.journeyId)).size > 1)
      throw invalid({ touchpointIds: ["improve.errors.oneJourney"] });
    const owner = ownerId ?? actor.id;
    await assertAssignable(tx, actor, owner, "ownerId", true);
    const project = await tx.improvementProject.create({
      data: {
        ...fields,
        organizationId: actor.organizationId,
        ownerId: owner,
        dueAt: dueAtOf(dueDay),
        phase: "DEFINE",
        touchpoints: {
          create: touchpointIds.map((touchpointId) => ({
            organizationId: actor.organizationId,
            touchpointId,
          })),
        },
      },
      select: { id: true },
    });
    await writeProjectHistory(tx, actor, project.id, "project.create", {
      title: fields.title,
      touchpointIds,
      ownerId: owner,
    });
    return project;
  });
}

const EDITABLE = [
  "title",
  "problem",
  "ownerId",
  "targetGapClosed",
  "targetCsatChange",
  "dueDay",
] as const;

/** Title, problem, owner, targets and due date; the history records each field that changed, from and to. */
export async function updateProject(
  actor: TActor,
  input: TProjectUpdateInput,
): Promise<{ version: number }> {
  assertCan(actor, "project:write");
  const { projectId, version, dueDay, ...fields } = parseInput(ZProjectUpdateInput, input);
  return db.$transaction(async (tx) => {
    const next = await claimProjectVersion(tx, actor, projectId, version);
    const before = await tx.improvementProject.findUniqueOrThrow({
      where: { id: projectId },
      select: {
        title: true,
        problem: true,
        ownerId: true,
        targetGapClosed: true,
        targetCsatChange: true,
        dueAt: true,
      },
    });
    if (fields.ownerId && fields.ownerId !== before.ownerId)
      await assertAssignable(tx, actor, fields.ownerId, "ownerId", true);
    const after = { ...fields, dueDay };
    const was = { ...before, dueDay: before.dueAt ? localDayOf(before.dueAt) : null };
    const changes = Object.fromEntries(
      EDITABLE.filter((key) => was[key] !== after[key]).map((key) => [
        key,
        { from: was[key], to: after[key] },
      ]),
    );
    await tx.improvementProject.update({
      where: { id: projectId },
      data: { ...fields, dueAt: dueAtOf(dueDay) },
    });
    await writeProjectHistory(tx, actor, projectId, "project.update", { changes });
    return { version: next };
  });
}

/** One phase forward through its gate (rules.ts), or one back. */
export async function moveProjectPhase(
  actor: TActor,
  input: TProjectPhaseInput,
): Promise<{ version: number }> {
  assertCan(actor, "project:write");
  const { projectId, version, phase } = parseInput(ZProjectPhaseInput, input);
  return db.$transaction(async (tx) => {
    const next = await claimProjectVersion(tx, actor, projectId, version);
    const project = await tx.improvementProject.findUniqueOrThrow({
      where: { id: projectId },
      select: { phase: true, status: true },
    });
    const facts = (await loadPhaseFacts(tx, actor.organizationId, projectId))!;
    const problem = phaseMoveProblem({
      from: project.phase,
      to: phase,
      status: project.status,
      facts,
    });
    if (problem) throw invalid({ phase: [problem] });
    await tx.improvementProject.update({ where: { id: projectId }, data: { phase } });
    await writeProjectHistory(tx, actor, projectId, "project.phase", {
      from: project.phase,
      to: phase,
    });
    return { version: next };
  });
}

/** Active, on hold, done (only from Control) or cancelled; closing stamps the day, reopening clears it. */
export async function setProjectStatus(
  actor: TActor,
  input: TProjectStatusInput,
): Promise<{ version: number }> {
  assertCan(actor, "project:write");
  const { projectId, version, status } = parseInput(ZProjectStatusInput, input);
  return db.$transaction(async (tx) => {
    const next = await claimProjectVersion(tx, actor, projectId, version);
    const project = await tx.improvementProject.findUniqueOrThrow({
      where: { id: projectId },
      select: { phase: true, status: true },
    });
    const problem = statusChangeProblem({ phase: project.phase, from: project.status, to: status });
    if (problem) throw invalid({ status: [problem] });
    await tx.improvementProject.update({
      where: { id: projectId },
      data: { status, closedAt: isClosed(status) ? new Date() : null },
    });
    await writeProjectHistory(tx, actor, projectId, "project.status", {
      from: project.status,
      to: status,
    });
    return { version: next };
  });
}

/** For changes that hang off a project (actions, pilots): it exists in the actor's organization and is not closed. */
export async function assertOpenProject(
  tx: TTx,
  actor: TActor,
  projectId: string,
): Promise<{ phase: TPhase; status: TProjectStatus }> {
  const project = await tx.improvementProject.findFirst({
    where: { id: projectId, organizationId: actor.organizationId },
    select: { phase: true, status: true },
  });
  if (!project) throw notFound("projectId");
  if (isClosed(project.status)) throw new AppError("CONFLICT", "improve.errors.projectClosed");
  return project;
}
