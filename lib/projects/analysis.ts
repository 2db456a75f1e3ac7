import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import { writeAuditLog } from "@/lib/audit/log";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import {
  ZCauseDeleteInput,
  ZCauseSaveInput,
  ZOpenAnalysisInput,
  ZOptionChooseInput,
  ZOptionDeleteInput,
  ZOptionSaveInput,
  type TCauseDeleteInput,
  type TCauseSaveInput,
  type TOpenAnalysisInput,
  type TOptionChooseInput,
  type TOptionDeleteInput,
  type TOptionSaveInput,
} from "./schemas";

// Analyze (DMAIC step 3): for a priority touchpoint, the causes of the negative experience in the
// three dimensions, the unmet needs, the options considered and the one chosen. They belong to
// the touchpoint's improvement project, opened here and carried on by Improve and Control.

type TTx = Prisma.TransactionClient;

/** The open improvement project of the touchpoint, or a new one in the Analyze phase. */
export async function openAnalysis(
  actor: TActor,
  input: TOpenAnalysisInput,
): Promise<{ projectId: string; isNew: boolean }> {
  assertCan(actor, "project:write");
  const { touchpointId } = parseInput(ZOpenAnalysisInput, input);
  return db.$transaction(async (tx) => {
    const touchpoint = await tx.touchpoint.findFirst({
      where: { id: touchpointId, organizationId: actor.organizationId },
      select: { nameKo: true, nameEn: true },
    });
    if (!touchpoint) throw notFound("touchpointId");
    const existing = await tx.improvementProject.findFirst({
      where: {
        organizationId: actor.organizationId,
        status: { in: ["ACTIVE", "ON_HOLD"] },
        touchpoints: { some: { touchpointId } },
      },
      select: { id: true },
      orderBy: { createdAt: "desc" },
    });
    if (existing) return { projectId: existing.id, isNew: false };
    const project = await tx.improvementProject.create({
      data: {
        organizationId: actor.organizationId,
        title: touchpoint.nameKo || touchpoint.nameEn,
        phase: "ANALYZE",
        ownerId: actor.id,
        touchpoints: { create: { organizationId: actor.organizationId, touchpointId } },
      },
      select: { id: true },
    });
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "project.open_analysis",
        entityType: "ImprovementProject",
        entityId: project.id,
        details: { touchpointId },
      },
      tx,
    );
    return { projectId: project.id, isNew: true };
  });
}

export async function saveCause(actor: TActor, input: TCauseSaveInput): Promise<{ id: string }> {
  assertCan(actor, "project:write");
  const { projectId, causeId, ...data } = parseInput(ZCauseSaveInput, input);
  return db.$transaction(async (tx) => {
    await assertProject(tx, actor, projectId);
    let id = causeId;
    if (id) {
      const { count } = await tx.projectCause.updateMany({
        where: { id, projectId, organizationId: actor.organizationId },
        data,
      });
      if (count === 0) throw notFound("causeId");
    } else {
      ({ id } = await tx.projectCause.create({
        data: { ...data, projectId, organizationId: actor.organizationId },
        select: { id: true },
      }));
    }
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: causeId ? "cause.update" : "cause.create",
        entityType: "ProjectCause",
        entityId: id,
        details: { projectId, dimension: data.dimension },
      },
      tx,
    );
    return { id };
  });
}

export async function deleteCause(actor: TActor, input: TCauseDeleteInput): Promise<void> {
  assertCan(actor, "project:write");
  const { projectId, causeId } = parseInput(ZCauseDeleteInput, input);
  await db.$transaction(async (tx) => {
    const { count } = await tx.projectCause.deleteMany({
      where: { id: causeId, projectId, organizationId: actor.organizationId },
    });
    if (count === 0) throw notFound("causeId");
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "cause.delete",
        entityType: "ProjectCause",
        entityId: causeId,
        details: { projectId },
      },
      tx,
    );
  });
}

export async function saveOption(actor: TActor, input: TOptionSaveInput): Promise<{ id: string }> {
  assertCan(actor, "project:write");
  const { projectId, optionId, ...data } = parseInput(ZOptionSaveInput, input);
  return db.$transaction(async (tx) => {
    await assertProject(tx, actor, projectId);
    let id = optionId;
    if (id) {
      const { count } = await tx.projectOption.updateMany({
        where: { id, projectId, organizationId: actor.organizationId },
        data,
      });
      if (count === 0) throw notFound("optionId");
    } else {
      ({ id } = await tx.projectOption.create({
        data: { ...data, projectId, organizationId: actor.organizationId },
        select: { id: true },
      }));
    }
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: optionId ? "option.update" : "option.create",
        entityType: "ProjectOption",
        entityId: id,
        details: { projectId },
      },
      tx,
    );
    return { id };
  });
}

/** Marks one option as the chosen one; the project's other options are no longer chosen. */
export async function chooseOption(actor: TActor, input: TOptionChooseInput): Promise<void> {
  assertCan(actor, "project:write");
  const { projectId, optionId } = parseInput(ZOptionChooseInput, input);
  await db.$transaction(async (tx) => {
    await assertProject(tx, actor, projectId);
    const option = await tx.projectOption.findFirst({
      where: { id: optionId, projectId, organizationId: actor.organizationId },
      select: { id: true },
    });
    if (!option) throw notFound("optionId");
    await tx.projectOption.updateMany({
      where: { projectId, organizationId: actor.organizationId, isChosen: true },
      data: { isChosen: false },
    });
    await tx.projectOption.update({ where: { id: optionId }, data: { isChosen: true } });
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "option.choose",
        entityType: "ProjectOption",
        entityId: optionId,
        details: { projectId },
      },
      tx,
    );
  });
}

export async function deleteOption(actor: TActor, input: TOptionDeleteInput): Promise<void> {
  assertCan(actor, "project:write");
  const { projectId, optionId } = parseInput(ZOptionDeleteInput, input);
  await db.$transaction(async (tx) => {
    const { count } = await tx.projectOption.deleteMany({
      where: { id: optionId, projectId, organizationId: actor.organizationId },
    });
    if (count === 0) throw notFound("optionId");
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "option.delete",
        entityType: "ProjectOption",
        entityId: optionId,
        details: { projectId },
      },
      tx,
    );
  });
}

async function assertProject(tx: TTx, actor: TActor, projectId: string): Promise<void> {
  const project = await tx.improvementProject.findFirst({
    where: { id: projectId, organizationId: actor.organizationId },
    select: { id: true },
  });
  if (!project) throw notFound("projectId");
}
