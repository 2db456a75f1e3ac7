"use server";
import { publicAction } from "@/lib/action";
import { requestPasswordReset } from "@/lib/accounts/passwords";
import { ZForgotPasswordInput } from "@/lib/accounts/schemas";

export const forgotPasswordAction = publicAction(ZForgotPasswordInput, async (input, { meta }) => {
  await requestPasswordReset(input, meta);
});
