"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/action";
import { closeFollowUp } from "@/lib/follow-ups/mutations";
import { ZFollowUpCloseInput } from "@/lib/follow-ups/schemas";

export const closeFollowUpAction = authedAction(ZFollowUpCloseInput, async (input, { user }) => {
  await closeFollowUp(user, input);
  revalidatePath("/follow-ups");
});
