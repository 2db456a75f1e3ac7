"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/action";
import { deleteSegment, saveSegment } from "@/lib/segments/mutations";
import { ZSegmentDeleteInput, ZSegmentSaveInput } from "@/lib/segments/schemas";

export const saveSegmentAction = authedAction(ZSegmentSaveInput, async (input, { user }) => {
  const segment = await saveSegment(user, input);
  revalidatePath("/journeys", "layout");
  return segment;
});

export const deleteSegmentAction = authedAction(ZSegmentDeleteInput, async (input, { user }) => {
  await deleteSegment(user, input);
  revalidatePath("/journeys", "layout");
});
