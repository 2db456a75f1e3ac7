"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/action";
import { createPilot, decidePilot, deletePilot } from "@/lib/pilots/mutations";
import { getPilotBaseline } from "@/lib/pilots/queries";
import {
  ZPilotBaselineInput,
  ZPilotCreateInput,
  ZPilotDecisionInput,
  ZPilotDeleteInput,
} from "@/lib/pilots/schemas";
import { deleteActionItem, saveActionItem, setActionItemStatus } from "@/lib/projects/action-items";
import {
  createProject,
  moveProjectPhase,
  setProjectStatus,
  updateProject,
} from "@/lib/projects/projects";
import {
  ZActionItemDeleteInput,
  ZActionItemSaveInput,
  ZActionItemStatusInput,
  ZProjectCreateInput,
  ZProjectPhaseInput,
  ZProjectStatusInput,
  ZProjectUpdateInput,
} from "@/lib/projects/schemas";

// Improve: every action checks its permission in the domain function it calls (project:write).

const revalidateProject = (projectId: string) => {
  revalidatePath("/improve");
  revalidatePath(`/improve/${projectId}`, "layout");
};

export const createProjectAction = authedAction(ZProjectCreateInput, async (input, { user }) => {
  const result = await createProject(user, input);
  revalidatePath("/improve");
  return result;
});

export const updateProjectAction = authedAction(ZProjectUpdateInput, async (input, { user }) => {
  const result = await updateProject(user, input);
  revalidateProject(input.projectId);
  return result;
});

export const moveProjectPhaseAction = authedAction(ZProjectPhaseInput, async (input, { user }) => {
  const result = await moveProjectPhase(user, input);
  revalidateProject(input.projectId);
  revalidatePath("/analyze");
  return result;
});

export const setProjectStatusAction = authedAction(ZProjectStatusInput, async (input, { user }) => {
  const result = await setProjectStatus(user, input);
  revalidateProject(input.projectId);
  return result;
});

export const saveActionItemAction = authedAction(ZActionItemSaveInput, async (input, { user }) => {
  const result = await saveActionItem(user, input);
  revalidateProject(input.projectId);
  return result;
});

export const setActionItemStatusAction = authedAction(
  ZActionItemStatusInput,
  async (input, { user }) => {
    await setActionItemStatus(user, input);
    revalidateProject(input.projectId);
  },
);

export const deleteActionItemAction = authedAction(
  ZActionItemDeleteInput,
  async (input, { user }) => {
    await deleteActionItem(user, input);
    revalidateProject(input.projectId);
  },
);

/** The pilot form's power analysis for the start day typed: a read, checked like every action (project:read). */
export const readPilotBaselineAction = authedAction(ZPilotBaselineInput, async (input, { user }) =>
  getPilotBaseline(user, input),
);

export const createPilotAction = authedAction(ZPilotCreateInput, async (input, { user }) => {
  const result = await createPilot(user, input);
  revalidateProject(input.projectId);
  return result;
});

export const decidePilotAction = authedAction(ZPilotDecisionInput, async (input, { user }) => {
  const result = await decidePilot(user, input);
  revalidatePath("/improve", "layout");
  revalidatePath("/control");
  return result;
});

export const deletePilotAction = authedAction(ZPilotDeleteInput, async (input, { user }) => {
  const result = await deletePilot(user, input);
  revalidateProject(result.projectId);
  return result;
});
