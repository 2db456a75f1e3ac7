import type { ReactNode } from "react";
import { Check, CloudOff, CloudUpload, Search, Star } from "lucide-react";
import { getTranslations } from "next-intl/server";

export type TFrontlineIcons = Record<
  "offline" | "waiting" | "allSent" | "search" | "mot",
  ReactNode
>;

/**
 * The observation form's icons, drawn on the server and handed to its client components as
 * elements: the phone gets the SVG in the page, not the icon library (docs/SCALING.md).
 */
export async function frontlineIcons(): Promise<TFrontlineIcons> {
  const t = await getTranslations("frontline");
  return {
    offline: <CloudOff aria-hidden className="size-4 shrink-0" />,
    waiting: <CloudUpload aria-hidden className="size-4 shrink-0" />,
    allSent: <Check aria-hidden className="size-4 shrink-0" />,
    search: (
      <Search
        aria-hidden
        className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-neutral-500"
      />
    ),
    mot: <Star aria-label={t("mot")} className="size-4 shrink-0 fill-mot text-mot" />,
  };
}
