"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/action";
import { closeFollowUp, saveFollowUpSettings } from "@/lib/follow-ups/mutations";
import { ZFollowUpCloseInput, ZFollowUpSettingsInput } from "@/lib/follow-ups/schemas";

export const closeFollowUpAction = authedAction(ZFollowUpCloseInput, async (input, { user }) => {
  await closeFollowUp(user, input);
  revalidatePath("/follow-ups");
});

export const saveFollowUpSettingsAction = authedAction(
  ZFollowUpSettingsInput,
  async (input, { user }) => {
    await saveFollowUpSettings(user, input);
    revalidatePath("/follow-ups");
  },
);
