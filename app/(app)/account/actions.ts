"use server";
import { authedAction } from "@/lib/action";
import { changeOwnPassword } from "@/lib/accounts/passwords";
import { ZPasswordChangeInput } from "@/lib/accounts/schemas";

export const changeOwnPasswordAction = authedAction(
  ZPasswordChangeInput,
  async (input, { user, meta }) => {
    await changeOwnPassword(user, input, meta);
  },
);
