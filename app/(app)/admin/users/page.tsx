import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listInvitations } from "@/lib/accounts/invitations";
import { listUsers } from "@/lib/users/queries";
import {
  changeUserRoleAction,
  inviteUserAction,
  issuePasswordResetAction,
  revokeInvitationAction,
  setUserActiveAction,
} from "./actions";
import { InvitationList } from "./_components/invitation-list";
import { InviteUserForm } from "./_components/invite-user-form";
import { UserTable } from "./_components/user-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage() {
  const user = await requireUser("user:manage");
  const [users, invitations, t] = await Promise.all([
    listUsers(user),
    listInvitations(user),
    getTranslations(),
  ]);
  return (
    <>
      <PageHeader title={t("users.title")} lead={t("users.lead")} />
      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <UserTable
          users={users}
          currentUserId={user.id}
          changeRole={changeUserRoleAction}
          setActive={setUserActiveAction}
          issueReset={issuePasswordResetAction}
        />
        <div className="flex flex-col gap-6">
          <aside className="h-fit rounded-lg border border-neutral-200 bg-white p-4">
            <h2 className="mb-3 font-medium">{t("accounts.invitations.heading")}</h2>
            <InviteUserForm invite={inviteUserAction} />
          </aside>
          <section className="h-fit rounded-lg border border-neutral-200 bg-white p-4">
            <h2 className="mb-3 font-medium">{t("accounts.invitations.pendingHeading")}</h2>
            <InvitationList invitations={invitations} revoke={revokeInvitationAction} />
          </section>
        </div>
      </div>
    </>
  );
}
