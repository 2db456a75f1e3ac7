"use server";
import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { authedAction } from "@/lib/action";
import type { TLocale } from "@/lib/i18n/config";
import { importJourney } from "@/lib/journeys/import";
import { createJourney } from "@/lib/journeys/mutations";
import { ZJourneyCreateInput, ZJourneyImportInput } from "@/lib/journeys/schemas";
import { createJourneyFromTemplate } from "@/lib/templates/instantiate";

export const createJourneyAction = authedAction(ZJourneyCreateInput, async (input, { user }) => {
  const journey = await createJourney(user, input);
  revalidatePath("/journeys");
  return journey;
});

export const createJourneyFromTemplateAction = authedAction(
  z.object({ templateKey: z.string().min(1).max(100) }),
  async ({ templateKey }, { user }) => {
    const journey = await createJourneyFromTemplate(
      user,
      templateKey,
      (await getLocale()) as TLocale,
    );
    revalidatePath("/journeys");
    return journey;
  },
);

export const importJourneyAction = authedAction(ZJourneyImportInput, async (input, { user }) => {
  const result = await importJourney(user, input);
  if (result.ok) revalidatePath("/journeys");
  return result;
});
