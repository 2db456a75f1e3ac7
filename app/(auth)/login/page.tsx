import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OfflinePagesKeeper } from "@/components/app-shell/offline-pages-keeper";
import { Notice } from "@/components/ui/notice";
import { getCurrentUser } from "@/lib/auth/session";
import { AuthCard } from "../_components/auth-card";
import { signInAction } from "./actions";
import { SignInForm } from "./_components/sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("submit") };
}

/** What the page that sent someone here just did (setup, an accepted invitation, a reset). */
const WELCOMES = {
  setup: "accounts.setup.created",
  invite: "accounts.invite.accepted",
  reset: "accounts.reset.done",
} as const;

type TProps = { searchParams: Promise<{ welcome?: string | string[] }> };

export default async function LoginPage({ searchParams }: TProps) {
  if (await getCurrentUser()) redirect("/");
  const [t, { welcome }] = await Promise.all([getTranslations(), searchParams]);
  const welcomeKey =
    typeof welcome === "string" && welcome in WELCOMES
      ? WELCOMES[welcome as keyof typeof WELCOMES]
      : null;
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
      {/* Signed out (or expired): no frontline page of the last user stays on this device. */}
      <OfflinePagesKeeper userId={null} />
    </AuthCard>
  );
}
