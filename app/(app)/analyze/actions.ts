"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/action";
import {
  chooseOption,
  deleteCause,
  deleteOption,
  openAnalysis,
  saveCause,
  saveOption,
} from "@/lib/projects/analysis";
import {
  ZCauseDeleteInput,
  ZCauseSaveInput,
  ZOpenAnalysisInput,
  ZOptionChooseInput,
  ZOptionDeleteInput,
  ZOptionSaveInput,
} from "@/lib/projects/schemas";

export const openAnalysisAction = authedAction(ZOpenAnalysisInput, async (input, { user }) => {
  const result = await openAnalysis(user, input);
  revalidatePath("/analyze");
  return result;
});

export const saveCauseAction = authedAction(ZCauseSaveInput, async (input, { user }) => {
  const result = await saveCause(user, input);
  revalidatePath(`/analyze/${input.projectId}`);
  return result;
});

export const deleteCauseAction = authedAction(ZCauseDeleteInput, async (input, { user }) => {
  await deleteCause(user, input);
  revalidatePath(`/analyze/${input.projectId}`);
});

export const saveOptionAction = authedAction(ZOptionSaveInput, async (input, { user }) => {
  const result = await saveOption(user, input);
  revalidatePath(`/analyze/${input.projectId}`);
  return result;
});

export const chooseOptionAction = authedAction(ZOptionChooseInput, async (input, { user }) => {
  await chooseOption(user, input);
  revalidatePath(`/analyze/${input.projectId}`);
});

export const deleteOptionAction = authedAction(ZOptionDeleteInput, async (input, { user }) => {
  await deleteOption(user, input);
  revalidatePath(`/analyze/${input.projectId}`);
});
