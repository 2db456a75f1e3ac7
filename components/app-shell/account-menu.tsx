import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import type { TRole } from "@/lib/auth/permissions";

type TProps = {
  name: string;
  role: TRole;
  signOut: () => Promise<void>;
  signOutEverywhere: () => Promise<void>;
};

export async function AccountMenu({ name, role, signOut, signOutEverywhere }: TProps) {
  const t = await getTranslations();
  return (
    <details className="relative">
      <summary className="flex min-h-10 cursor-pointer list-none items-center gap-2 rounded-md px-2 text-sm hover:bg-neutral-100">
        {/* On a phone the name is shortened and the role hidden, so the header fits 360 px. */}
        <span className="max-w-24 truncate font-medium sm:max-w-none" data-testid="current-user">
          {name}
        </span>
        <span
          className="hidden rounded bg-neutral-100 px-1.5 py-0.5 text-xs text-neutral-700 sm:inline"
          data-testid="current-role"
        >
          {t(`roles.${role}`)}
        </span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 flex w-60 flex-col gap-1 rounded-md border border-neutral-200 bg-white p-2 shadow-lg">
        <p className="px-2 py-1 text-xs text-neutral-600">
          {t("auth.signedInAs", { name })} · {t(`roles.${role}`)}
        </p>
        <Link
          href="/account"
          className="flex min-h-10 items-center rounded-md px-3 text-sm hover:bg-neutral-100"
        >
          {t("accounts.account.nav")}
        </Link>
        <form action={signOut}>
          <Button type="submit" variant="ghost" className="w-full justify-start">
            {t("auth.signOut")}
          </Button>
        </form>
        <form action={signOutEverywhere}>
          <Button type="submit" variant="ghost" className="w-full justify-start">
            {t("auth.signOutEverywhere")}
          </Button>
        </form>
      </div>
    </details>
  );
}
