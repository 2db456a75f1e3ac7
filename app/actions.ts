"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/auth";
import { getCurrentUser } from "@/lib/auth/session";
import { requestMetaFrom } from "@/lib/audit/request-meta";
import { isLocale, LOCALE_COOKIE, type TLocale } from "@/lib/i18n/config";
import { saveOwnLocale, signOutEverywhere } from "@/lib/users/mutations";

// Actions every page shares: the language switch and signing out.

export async function setLocaleAction(locale: TLocale): Promise<void> {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: 365 * 24 * 60 * 60,
    sameSite: "lax",
  });
  const user = await getCurrentUser();
  if (user) await saveOwnLocale(user, locale);
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}

export async function signOutEverywhereAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) await signOutEverywhere(user, requestMetaFrom(await headers()));
  await signOut({ redirect: false });
  redirect("/login");
}
