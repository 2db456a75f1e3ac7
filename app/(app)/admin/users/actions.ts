"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/action";
import { changeUserRole, createUser, setUserActive } from "@/lib/users/mutations";
import {
  ZUserActiveChangeInput,
  ZUserCreateInput,
  ZUserRoleChangeInput,
} from "@/lib/users/schemas";

export const createUserAction = authedAction(ZUserCreateInput, async (input, { user, meta }) => {
  const created = await createUser(user, input, meta);
  revalidatePath("/admin/users");
  return { id: created.id };
});

export const changeUserRoleAction = authedAction(
  ZUserRoleChangeInput,
  async (input, { user, meta }) => {
    await changeUserRole(user, input, meta);
    revalidatePath("/admin/users");
  },
);

export const setUserActiveAction = authedAction(
  ZUserActiveChangeInput,
  async (input, { user, meta }) => {
    await setUserActive(user, input, meta);
    revalidatePath("/admin/users");
  },
);
