import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OfflinePagesKeeper } from "@/components/app-shell/offline-pages-keeper";
import { Notice } from "@/components/ui/notice";
import { getCurrentUser } from "@/lib/auth/session";
import { SSO_FAILURES } from "@/lib/sso/rules";
import { AuthCard } from "../_components/auth-card";
import { signInAction, startSsoAction } from "./actions";
import { SignInForm } from "./_components/sign-in-form";
import { SsoSignInForm } from "./_components/sso-sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("submit") };
}

/** What the page that sent someone here just did (setup, an accepted invitation, a reset). */
const WELCOMES = {
  setup: "accounts.setup.created",
  invite: "accounts.invite.accepted",
  reset: "accounts.reset.done",
} as const;

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: TProps) {
  if (await getCurrentUser()) redirect("/");
  const [t, { welcome, sso }] = await Promise.all([getTranslations(), searchParams]);
  const welcomeKey =
    typeof welcome === "string" && welcome in WELCOMES
      ? WELCOMES[welcome as keyof typeof WELCOMES]
      : null;
  // Why the SSO callback sent the visitor back, if it did: only a known reason is shown.
  const refusal = SSO_FAILURES.find((reason) => reason === sso);
  return (
    <AuthCard title={t("auth.signInTitle")} lead={t("auth.signInLead")}>
      {welcomeKey && (
        <div className="mb-4">
          <Notice tone="success">{t(welcomeKey)}</Notice>
        </div>
      )}
      <SignInForm signIn={signInAction} />
      <p className="mt-4 text-sm">
        <Link href="/forgot-password" className="text-accent underline">
          {t("accounts.forgot.link")}
        </Link>
      </p>
      <div className="my-6 flex items-center gap-3 text-xs text-neutral-500" aria-hidden="true">
        <span className="h-px flex-1 bg-neutral-200" />
        {t("sso.signIn.divider")}
        <span className="h-px flex-1 bg-neutral-200" />
      </div>
      <SsoSignInForm
        startSso={startSsoAction}
        refusal={refusal ? `sso.refusal.${refusal}` : null}
      />
      {/* Signed out (or expired): no frontline page of the last user stays on this device. */}
      <OfflinePagesKeeper userId={null} />
    </AuthCard>
  );
}
