"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/action";
import { saveSsoConnection } from "@/lib/sso/mutations";
import { ZSsoConnectionInput } from "@/lib/sso/schemas";

export const saveSsoConnectionAction = authedAction(
  ZSsoConnectionInput,
  async (input, { user, meta }) => {
    await saveSsoConnection(user, input, meta);
    revalidatePath("/admin/sso");
  },
);
