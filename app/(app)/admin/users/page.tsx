import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/queries";
import { changeUserRoleAction, createUserAction, setUserActiveAction } from "./actions";
import { CreateUserForm } from "./_components/create-user-form";
import { UserTable } from "./_components/user-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage() {
  const user = await requireUser("user:manage");
  const [users, t] = await Promise.all([listUsers(user), getTranslations("users")]);
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <UserTable
          users={users}
          currentUserId={user.id}
          changeRole={changeUserRoleAction}
          setActive={setUserActiveAction}
        />
        <aside className="h-fit rounded-lg border border-neutral-200 bg-white p-4">
          <h2 className="mb-3 font-medium">{t("add")}</h2>
          <CreateUserForm createUser={createUserAction} />
        </aside>
      </div>
    </>
  );
}
