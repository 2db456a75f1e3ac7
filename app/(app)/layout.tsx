import Link from "next/link";
import { redirect } from "next/navigation";
import { Menu, X } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { AccountMenu } from "@/components/app-shell/account-menu";
import { AppNav } from "@/components/app-shell/app-nav";
import { LanguageSwitcher } from "@/components/app-shell/language-switcher";
import { navItemsFor } from "@/components/app-shell/nav-items";
import { OfflinePagesKeeper } from "@/components/app-shell/offline-pages-keeper";
import { getCurrentUser } from "@/lib/auth/session";
import { setLocaleAction, signOutAction, signOutEverywhereAction } from "@/app/actions";

// Chrome and navigation only. Each page checks its own permission with requireUser().
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const t = await getTranslations("app");
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("skipToContent")}
      </a>
      <header className="sticky top-0 z-10 border-b border-neutral-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex max-w-7xl items-center gap-2 px-3 py-2 sm:gap-3 sm:px-4">
          <Link href="/" className="font-semibold text-accent sm:mr-2">
            {t("name")}
          </Link>
          <AppNav
            items={navItemsFor(user.role)}
            icons={{ open: <Menu aria-hidden size={20} />, close: <X aria-hidden size={20} /> }}
          />
          <div className="ml-auto flex min-w-0 items-center gap-1 sm:gap-2">
            <LanguageSwitcher setLocale={setLocaleAction} />
            <AccountMenu
              name={user.name}
              role={user.role}
              signOut={signOutAction}
              signOutEverywhere={signOutEverywhereAction}
            />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
      <OfflinePagesKeeper userId={user.id} />
    </>
  );
}
