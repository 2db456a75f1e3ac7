import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccountForm } from "@/components/accounts/account-form";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { signOutEverywhereAction } from "@/app/actions";
import { changeOwnPasswordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts.account"))("title") };
}

export default async function AccountPage() {
  const user = await requireUser();
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("accounts.account.title")} lead={t("accounts.account.lead")} />
      <div className="grid max-w-3xl gap-6 md:grid-cols-2">
        <section className="rounded-lg border border-neutral-200 bg-white p-4">
          <h2 className="mb-3 font-medium">{t("accounts.account.passwordHeading")}</h2>
          {/* For password managers: whose password this is. */}
          <input
            type="hidden"
            name="username"
            autoComplete="username"
            value={user.email}
            readOnly
          />
          <AccountForm
            testId="password-change-form"
            action={changeOwnPasswordAction}
            submit={t("accounts.account.submit")}
            submitting={t("accounts.account.submitting")}
            onSuccess={{ say: t("accounts.account.changed") }}
            fields={[
              {
                name: "currentPassword",
                label: t("accounts.account.currentPassword"),
                type: "password",
                autoComplete: "current-password",
              },
              {
                name: "newPassword",
                label: t("accounts.account.newPassword"),
                type: "password",
                autoComplete: "new-password",
                hint: t("accounts.passwordHint"),
              },
            ]}
          />
        </section>
        <section className="h-fit rounded-lg border border-neutral-200 bg-white p-4">
          <h2 className="mb-1 font-medium">{t("accounts.account.sessionsHeading")}</h2>
          <p className="mb-3 text-sm text-neutral-600">{t("accounts.account.sessionsLead")}</p>
          <form action={signOutEverywhereAction}>
            <Button type="submit" variant="secondary">
              {t("auth.signOutEverywhere")}
            </Button>
          </form>
        </section>
      </div>
    </>
  );
}
