import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccountForm } from "@/components/accounts/account-form";
import { describePasswordReset } from "@/lib/accounts/passwords";
import { AuthCard } from "../../_components/auth-card";
import { LinkRefused } from "../../_components/link-refused";
import { resetPasswordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts.reset"))("title") };
}

type TProps = { params: Promise<{ token: string }> };

export default async function ResetPasswordPage({ params }: TProps) {
  const { token } = await params;
  const [t, reset] = await Promise.all([getTranslations(), describePasswordReset(token)]);
  if (!reset || reset.state !== "usable")
    return (
      <AuthCard title={t("accounts.reset.title")}>
        <LinkRefused state={reset?.state ?? "unknown"} />
      </AuthCard>
    );
  return (
    <AuthCard title={t("accounts.reset.title")} lead={t("accounts.reset.lead")}>
      <AccountForm
        testId="reset-form"
        action={resetPasswordAction}
        hidden={{ token }}
        submit={t("accounts.reset.submit")}
        submitting={t("accounts.reset.submitting")}
        onSuccess={{ goTo: "/login?welcome=reset" }}
        fields={[
          {
            name: "password",
            label: t("accounts.reset.password"),
            type: "password",
            autoComplete: "new-password",
            hint: t("accounts.passwordHint"),
          },
        ]}
      />
    </AuthCard>
  );
}
