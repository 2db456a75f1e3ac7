"use server";
import { publicAction } from "@/lib/action";
import { resetPassword } from "@/lib/accounts/passwords";
import { ZPasswordResetInput } from "@/lib/accounts/schemas";

export const resetPasswordAction = publicAction(ZPasswordResetInput, async (input, { meta }) => {
  await resetPassword(input, meta);
});
