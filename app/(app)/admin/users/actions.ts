"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/action";
import { inviteUser, revokeInvitation } from "@/lib/accounts/invitations";
import { issuePasswordReset } from "@/lib/accounts/passwords";
import {
  ZInvitationInput,
  ZInvitationRevokeInput,
  ZPasswordResetIssueInput,
} from "@/lib/accounts/schemas";
import { changeUserRole, setUserActive } from "@/lib/users/mutations";
import { ZUserActiveChangeInput, ZUserRoleChangeInput } from "@/lib/users/schemas";

export const inviteUserAction = authedAction(ZInvitationInput, async (input, { user, meta }) => {
  const issued = await inviteUser(user, input, meta);
  revalidatePath("/admin/users");
  return issued;
});

export const revokeInvitationAction = authedAction(
  ZInvitationRevokeInput,
  async (input, { user, meta }) => {
    await revokeInvitation(user, input, meta);
    revalidatePath("/admin/users");
  },
);

export const issuePasswordResetAction = authedAction(
  ZPasswordResetIssueInput,
  async (input, { user, meta }) => issuePasswordReset(user, input, meta),
);

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
