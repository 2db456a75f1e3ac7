import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/app-shell/language-switcher";
import { OfflinePagesKeeper } from "@/components/app-shell/offline-pages-keeper";
import { getCurrentUser } from "@/lib/auth/session";
import { setLocaleAction } from "@/app/actions";
import { signInAction } from "./actions";
import { SignInForm } from "./_components/sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("submit") };
}

export default async function LoginPage() {
  if (await getCurrentUser()) redirect("/");
  const t = await getTranslations();
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
        </div>
        {/* Signed out (or expired): no frontline page of the last user stays on this device. */}
        <OfflinePagesKeeper userId={null} />
      </div>
    </main>
  );
}
