import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/app-shell/language-switcher";
import { getCurrentUser } from "@/lib/auth/session";
import { setLocaleAction } from "@/app/actions";
import { SSO_FAILURES } from "@/lib/sso/rules";
import { signInAction, startSsoAction } from "./actions";
import { SignInForm } from "./_components/sign-in-form";
import { SsoSignInForm } from "./_components/sso-sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("submit") };
}

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: TProps) {
  if (await getCurrentUser()) redirect("/");
  const t = await getTranslations();
  // Why the SSO callback sent the visitor back, if it did: only a known reason is shown.
  const { sso } = await searchParams;
  const refusal = SSO_FAILURES.find((reason) => reason === sso);
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-4 flex justify-end">
          <LanguageSwitcher setLocale={setLocaleAction} />
        </div>
        <div className="rounded-lg border border-neutral-200 bg-white p-6 shadow-sm">
          <p className="text-sm font-semibold text-accent">{t("app.name")}</p>
          <h1 className="mt-1 text-xl font-semibold">{t("auth.signInTitle")}</h1>
          <p className="mb-6 mt-1 text-sm text-neutral-600">{t("auth.signInLead")}</p>
          <SignInForm signIn={signInAction} />
          <div className="my-6 flex items-center gap-3 text-xs text-neutral-500" aria-hidden="true">
            <span className="h-px flex-1 bg-neutral-200" />
            {t("sso.signIn.divider")}
            <span className="h-px flex-1 bg-neutral-200" />
          </div>
          <SsoSignInForm
            startSso={startSsoAction}
            refusal={refusal ? `sso.refusal.${refusal}` : null}
          />
        </div>
      </div>
    </main>
  );
}
