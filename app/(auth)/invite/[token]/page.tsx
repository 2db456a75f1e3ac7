import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccountForm } from "@/components/accounts/account-form";
import { describeInvitation } from "@/lib/accounts/invitations";
import { AuthCard } from "../../_components/auth-card";
import { LinkRefused } from "../../_components/link-refused";
import { acceptInvitationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts.invite"))("submit") };
}

type TProps = { params: Promise<{ token: string }> };

export default async function InvitationPage({ params }: TProps) {
  const { token } = await params;
  const [t, invitation] = await Promise.all([getTranslations(), describeInvitation(token)]);
  if (!invitation || invitation.state !== "usable")
    return (
      <AuthCard title={t("accounts.invite.submit")}>
        <LinkRefused state={invitation?.state ?? "unknown"} />
      </AuthCard>
    );
  return (
    <AuthCard
      title={t("accounts.invite.title", { organization: invitation.organization })}
      lead={t("accounts.invite.lead", { role: t(`roles.${invitation.role}`) })}
    >
      <AccountForm
        testId="invitation-form"
        action={acceptInvitationAction}
        hidden={{ token }}
        submit={t("accounts.invite.submit")}
        submitting={t("accounts.invite.submitting")}
        onSuccess={{ goTo: "/login?welcome=invite" }}
        fields={[
          {
            name: "email",
            label: t("accounts.invite.email"),
            type: "email",
            autoComplete: "username",
            defaultValue: invitation.email,
            readOnly: true,
          },
          { name: "name", label: t("accounts.invite.name"), autoComplete: "name" },
          {
            name: "password",
            label: t("accounts.invite.password"),
            type: "password",
            autoComplete: "new-password",
            hint: t("accounts.passwordHint"),
          },
        ]}
      />
    </AuthCard>
  );
}
