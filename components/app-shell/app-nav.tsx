"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { TNavItem } from "./nav-items";

type TProps = {
  items: TNavItem[];
  /** The menu button's two icons, drawn on the server: no icon library on every page. */
  icons: { open: ReactNode; close: ReactNode };
};

export function AppNav({ items, icons }: TProps) {
  const t = useTranslations();
  const pathname = usePathname();
  const [isOpen, setIsOpen] = useState(false);
  return (
    <nav aria-label={t("app.mainNavigation")} className="relative">
      <button
        type="button"
        className="inline-flex min-h-10 min-w-10 items-center justify-center rounded-md hover:bg-neutral-100 xl:hidden"
        aria-expanded={isOpen}
        aria-controls="main-nav-list"
        onClick={() => setIsOpen((open) => !open)}
      >
        {isOpen ? icons.close : icons.open}
        <span className="sr-only">{t(isOpen ? "app.closeMenu" : "app.openMenu")}</span>
      </button>
      <ul
        id="main-nav-list"
        className={`${isOpen ? "flex" : "hidden"} absolute left-0 top-12 z-20 w-56 flex-col rounded-md border border-neutral-200 bg-white p-1 shadow-lg xl:static xl:flex xl:w-auto xl:flex-row xl:border-0 xl:bg-transparent xl:p-0 xl:shadow-none`}
      >
        {items.map((item) => {
          const isCurrent = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={isCurrent ? "page" : undefined}
                onClick={() => setIsOpen(false)}
                className={`block rounded-md px-3 py-2 text-sm ${isCurrent ? "bg-neutral-900 text-white" : "text-neutral-700 hover:bg-neutral-100"}`}
              >
                {t(item.labelKey)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
