"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/action";
import { createJourney } from "@/lib/journeys/mutations";
import { ZJourneyCreateInput } from "@/lib/journeys/schemas";

export const createJourneyAction = authedAction(ZJourneyCreateInput, async (input, { user }) => {
  const journey = await createJourney(user, input);
  revalidatePath("/journeys");
  return journey;
});
