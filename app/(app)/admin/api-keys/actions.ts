"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/action";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/mutations";
import { ZApiKeyCreateInput, ZApiKeyRevokeInput } from "@/lib/api-keys/schemas";

export const createApiKeyAction = authedAction(
  ZApiKeyCreateInput,
  async (input, { user, meta }) => {
    const created = await createApiKey(user, input, meta);
    revalidatePath("/admin/api-keys");
    return created;
  },
);

export const revokeApiKeyAction = authedAction(
  ZApiKeyRevokeInput,
  async (input, { user, meta }) => {
    await revokeApiKey(user, input, meta);
    revalidatePath("/admin/api-keys");
  },
);
