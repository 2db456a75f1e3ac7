"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/action";
import {
  createControlChart,
  deleteControlChart,
  reopenProject,
  updateControlChart,
} from "@/lib/control/mutations";
import {
  ZControlChartCreateInput,
  ZControlChartDeleteInput,
  ZControlChartUpdateInput,
  ZReopenProjectInput,
} from "@/lib/control/schemas";

// Control: every action checks its permission in the domain function it calls — control:write for
// the charts, project:write to reopen a project. Alerts show on the overview and the project too.

const revalidateControl = () => {
  revalidatePath("/control");
  revalidatePath("/overview");
};

export const createControlChartAction = authedAction(
  ZControlChartCreateInput,
  async (input, { user }) => {
    const result = await createControlChart(user, input);
    revalidateControl();
    return result;
  },
);

export const updateControlChartAction = authedAction(
  ZControlChartUpdateInput,
  async (input, { user }) => {
    await updateControlChart(user, input);
    revalidateControl();
  },
);

export const deleteControlChartAction = authedAction(
  ZControlChartDeleteInput,
  async (input, { user }) => {
    await deleteControlChart(user, input);
    revalidateControl();
  },
);

export const reopenProjectAction = authedAction(ZReopenProjectInput, async (input, { user }) => {
  await reopenProject(user, input);
  revalidateControl();
  revalidatePath("/improve");
  revalidatePath(`/improve/${input.projectId}`, "layout");
});
