import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AccountForm } from "@/components/accounts/account-form";
import { Notice } from "@/components/ui/notice";
import { setupLinkState } from "@/lib/accounts/setup";
import { LOCALES } from "@/lib/i18n/config";
import { AuthCard } from "../_components/auth-card";
import { setupAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts.setup"))("title") };
}

type TProps = { searchParams: Promise<{ token?: string | string[] }> };

export default async function SetupPage({ searchParams }: TProps) {
  const [t, locale, { token }] = await Promise.all([getTranslations(), getLocale(), searchParams]);
  const givenToken = typeof token === "string" ? token : "";
  if ((await setupLinkState(givenToken)) === "done")
    return (
      <AuthCard title={t("accounts.setup.doneTitle")}>
        <Notice tone="success">{t("accounts.setup.alreadyDone")}</Notice>
        <p className="mt-4 text-sm">
          <Link href="/login" className="text-accent underline">
            {t("accounts.setup.toSignIn")}
          </Link>
        </p>
      </AuthCard>
    );
  return (
    <AuthCard title={t("accounts.setup.title")} lead={t("accounts.setup.lead")} wide>
      <AccountForm
        testId="setup-form"
        action={setupAction}
        submit={t("accounts.setup.submit")}
        submitting={t("accounts.setup.submitting")}
        onSuccess={{ goTo: "/login?welcome=setup" }}
        fields={[
          { name: "token", label: t("accounts.setup.token"), defaultValue: givenToken },
          { name: "organizationName", label: t("accounts.setup.organizationName") },
          { name: "slug", label: t("accounts.setup.slug"), hint: t("accounts.setup.slugHint") },
          {
            name: "locale",
            label: t("accounts.setup.locale"),
            defaultValue: locale,
            options: LOCALES.map((value) => ({ value, label: t(`language.${value}`) })),
          },
          { name: "adminName", label: t("accounts.setup.adminName"), autoComplete: "name" },
          {
            name: "adminEmail",
            label: t("accounts.setup.adminEmail"),
            type: "email",
            autoComplete: "username",
          },
          {
            name: "password",
            label: t("accounts.setup.password"),
            type: "password",
            autoComplete: "new-password",
            hint: t("accounts.passwordHint"),
          },
        ]}
      />
    </AuthCard>
  );
}
