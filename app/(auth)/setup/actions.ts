"use server";
import { publicAction } from "@/lib/action";
import { completeSetup } from "@/lib/accounts/setup";
import { ZSetupInput } from "@/lib/accounts/schemas";

export const setupAction = publicAction(ZSetupInput, async (input, { meta }) => {
  await completeSetup(input, meta);
});
