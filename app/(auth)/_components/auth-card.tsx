import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/app-shell/language-switcher";
import { setLocaleAction } from "@/app/actions";

/** The signed-out pages' frame: the language switch and one card with a title and a lead. */
export async function AuthCard({
  title,
  lead,
  children,
  wide = false,
}: {
  title: string;
  lead?: string;
  children: ReactNode;
  wide?: boolean;
}) {
  const t = await getTranslations();
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className={`w-full ${wide ? "max-w-lg" : "max-w-sm"}`}>
        <div className="mb-4 flex justify-end">
          <LanguageSwitcher setLocale={setLocaleAction} />
        </div>
        <div className="rounded-lg border border-neutral-200 bg-white p-6 shadow-sm">
          <p className="text-sm font-semibold text-accent">{t("app.name")}</p>
          <h1 className="mt-1 text-xl font-semibold">{title}</h1>
          {lead && <p className="mb-6 mt-1 text-sm text-neutral-600">{lead}</p>}
          {children}
        </div>
      </div>
    </main>
  );
}
