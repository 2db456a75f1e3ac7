import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AccountForm } from "@/components/accounts/account-form";
import { isMailConfigured } from "@/lib/mail/transport";
import { AuthCard } from "../_components/auth-card";
import { forgotPasswordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts.forgot"))("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations();
  return (
    <AuthCard title={t("accounts.forgot.title")} lead={t("accounts.forgot.lead")}>
      {isMailConfigured() ? (
        <AccountForm
          testId="forgot-form"
          action={forgotPasswordAction}
          submit={t("accounts.forgot.submit")}
          submitting={t("accounts.forgot.submitting")}
          onSuccess={{ say: t("accounts.forgot.sent") }}
          fields={[
            {
              name: "email",
              label: t("accounts.forgot.email"),
              type: "email",
              autoComplete: "username",
            },
          ]}
        />
      ) : (
        <p className="text-sm text-neutral-800">{t("accounts.forgot.noMail")}</p>
      )}
      <p className="mt-4 text-sm">
        <Link href="/login" className="text-accent underline">
          {t("accounts.forgot.backToSignIn")}
        </Link>
      </p>
    </AuthCard>
  );
}
