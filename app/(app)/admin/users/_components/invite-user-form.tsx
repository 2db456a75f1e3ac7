"use client";
import { useLocale, useTranslations } from "next-intl";
import { AccountForm } from "@/components/accounts/account-form";
import { IssuedLinkNotice } from "@/components/accounts/issued-link-notice";
import type { TActionResult } from "@/lib/action-result";
import type { TIssuedLink } from "@/lib/accounts/schemas";
import { ROLES } from "@/lib/auth/permissions";
import { LOCALES } from "@/lib/i18n/config";

type TProps = { invite: (input: unknown) => Promise<TActionResult<TIssuedLink>> };

export function InviteUserForm({ invite }: TProps) {
  const t = useTranslations();
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-neutral-600">{t("accounts.invitations.lead")}</p>
      <AccountForm
        testId="invite-user-form"
        action={invite}
        submit={t("accounts.invitations.submit")}
        submitting={t("accounts.invitations.submitting")}
        onSuccess={{
          show: (issued) => (
            <IssuedLinkNotice
              issued={issued}
              mailedText={t("accounts.invitations.mailed", { email: issued.email })}
            />
          ),
        }}
        fields={[
          { name: "email", label: t("accounts.invitations.email"), type: "email" },
          {
            name: "role",
            label: t("accounts.invitations.role"),
            defaultValue: "FRONTLINE",
            options: ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) })),
          },
          {
            name: "locale",
            label: t("accounts.invitations.locale"),
            defaultValue: locale,
            options: LOCALES.map((value) => ({ value, label: t(`language.${value}`) })),
          },
        ]}
      />
    </div>
  );
}
