"use client";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { LOCALES, type TLocale } from "@/lib/i18n/config";

export function LanguageSwitcher({ setLocale }: { setLocale: (locale: TLocale) => Promise<void> }) {
  const t = useTranslations("language");
  const current = useLocale();
  const [isPending, startTransition] = useTransition();
  return (
    <div
      role="group"
      aria-label={t("label")}
      className="inline-flex rounded-md border border-neutral-300 bg-white p-0.5"
    >
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={current === locale}
          disabled={isPending}
          onClick={() => startTransition(() => setLocale(locale))}
          aria-label={t(locale)}
          className={`min-h-8 rounded px-2 text-xs ${current === locale ? "bg-neutral-900 text-white" : "text-neutral-700 hover:bg-neutral-100"}`}
        >
          {/* On a phone the language code (KO, EN) is enough and keeps the header within 360 px. */}
          <span className="sm:hidden">{locale.toUpperCase()}</span>
          <span className="hidden sm:inline">{t(locale)}</span>
        </button>
      ))}
    </div>
  );
}
