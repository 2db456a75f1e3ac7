"use server";
import { publicAction } from "@/lib/action";
import { acceptInvitation } from "@/lib/accounts/invitations";
import { ZAcceptInvitationInput } from "@/lib/accounts/schemas";

export const acceptInvitationAction = publicAction(
  ZAcceptInvitationInput,
  async (input, { meta }) => {
    await acceptInvitation(input, meta);
  },
);
