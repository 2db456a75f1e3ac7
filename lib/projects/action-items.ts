import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { startOfLocalDay } from "@/lib/dates/local-days";
import { parseInput } from "@/lib/validation";
import { assertAssignable, assertOpenProject, writeProjectHistory } from "./projects";
import {
  ZActionItemDeleteInput,
  ZActionItemSaveInput,
  ZActionItemStatusInput,
  type TActionItemDeleteInput,
  type TActionItemSaveInput,
  type TActionItemStatusInput,
} from "./schemas";

// Improve (DMAIC step 4): the action plan, one list per dimension in which customers experience
// the brand (product & service, frontline staff, marketing communication), each action with an
// owner, a due date and a status. Changes are entries of the project's history.

/** Adds an action, or edits one of the project's. Its owner is any active user of the organization. */
export async function saveActionItem(
  actor: TActor,
  input: TActionItemSaveInput,
): Promise<{ id: string }> {
  assertCan(actor, "project:write");
  const { projectId, actionItemId, dueDay, ...fields } = parseInput(ZActionItemSaveInput, input);
  return db.$transaction(async (tx) => {
    await assertOpenProject(tx, actor, projectId);
    if (fields.ownerId) await assertAssignable(tx, actor, fields.ownerId, "ownerId", false);
    const data = { ...fields, dueAt: dueDay ? startOfLocalDay(dueDay) : null };
    let id = actionItemId;
    if (id) {
      const { count } = await tx.actionItem.updateMany({
        where: { id, projectId, organizationId: actor.organizationId },
        data,
      });
      if (count === 0) throw notFound("actionItemId");
    } else {
      ({ id } = await tx.actionItem.create({
        data: { ...data, projectId, organizationId: actor.organizationId },
        select: { id: true },
      }));
    }
    await writeProjectHistory(
      tx,
      actor,
      projectId,
      actionItemId ? "action.update" : "action.create",
      {
        actionItemId: id,
        dimension: fields.dimension,
        description: fields.description,
        ownerId: fields.ownerId,
        dueDay,
        status: fields.status,
      },
    );
    return { id };
  });
}

/** Moves an action along: to do, in progress, done. */
export async function setActionItemStatus(
  actor: TActor,
  input: TActionItemStatusInput,
): Promise<void> {
  assertCan(actor, "project:write");
  const { projectId, actionItemId, status } = parseInput(ZActionItemStatusInput, input);
  await db.$transaction(async (tx) => {
    await assertOpenProject(tx, actor, projectId);
    const item = await tx.actionItem.findFirst({
      where: { id: actionItemId, projectId, organizationId: actor.organizationId },
      select: { status: true, description: true },
    });
    if (!item) throw notFound("actionItemId");
    await tx.actionItem.update({ where: { id: actionItemId }, data: { status } });
    await writeProjectHistory(tx, actor, projectId, "action.status", {
      actionItemId,
      description: item.description,
      from: item.status,
      to: status,
    });
  });
}

export async function deleteActionItem(
  actor: TActor,
  input: TActionItemDeleteInput,
): Promise<void> {
  assertCan(actor, "project:write");
  const { projectId, actionItemId } = parseInput(ZActionItemDeleteInput, input);
  await db.$transaction(async (tx) => {
    await assertOpenProject(tx, actor, projectId);
    const item = await tx.actionItem.findFirst({
      where: { id: actionItemId, projectId, organizationId: actor.organizationId },
      select: { description: true },
    });
    if (!item) throw notFound("actionItemId");
    await tx.actionItem.delete({ where: { id: actionItemId } });
    await writeProjectHistory(tx, actor, projectId, "action.delete", {
      actionItemId,
      description: item.description,
    });
  });
}
