"use client";
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { localized } from "@/lib/i18n/localized";
import type { TFrontlineTouchpoint } from "@/lib/observations/schemas";
import type { TFrontlineIcons } from "./frontline-icons";
import { sectionTouchpoints } from "./touchpoint-order";

type TProps = {
  touchpoints: TFrontlineTouchpoint[];
  recentIds: string[];
  selected: TFrontlineTouchpoint | null;
  onSelect: (touchpoint: TFrontlineTouchpoint | null) => void;
  error?: string;
  icons: Pick<TFrontlineIcons, "search" | "mot">;
};

/**
 * Choose the touchpoint: recent ones and Moments of Truth first, a search box for the rest.
 * Once chosen it folds into one line, so a repeat entry starts at the scores.
 */
export function TouchpointPicker({
  touchpoints,
  recentIds,
  selected,
  onSelect,
  error,
  icons,
}: TProps) {
  const t = useTranslations("frontline");
  const locale = useLocale();
  const [query, setQuery] = useState("");
  const name = (tp: TFrontlineTouchpoint) => localized(tp, "name", locale);
  const stage = (tp: TFrontlineTouchpoint) => localized(tp, "stageName", locale);

  if (selected) {
    return (
      <section
        aria-label={t("touchpoint")}
        className="flex items-center gap-3 rounded-lg border border-accent/40 bg-white p-3"
        data-testid="selected-touchpoint"
      >
        <div className="min-w-0 flex-1">
          <p className="text-xs text-neutral-600">{stage(selected)}</p>
          <p className="flex items-start gap-1 font-semibold">
            {selected.isMoT && <span className="mt-1 flex shrink-0">{icons.mot}</span>}
            <span>{name(selected)}</span>
          </p>
        </div>
        <button
          type="button"
          onClick={() => onSelect(null)}
          className="min-h-12 rounded-md border border-neutral-300 px-4 text-sm font-medium hover:bg-neutral-100"
          aria-label={t("changeTouchpoint")}
        >
          {t("change")}
        </button>
      </section>
    );
  }

  const sections = sectionTouchpoints(touchpoints, recentIds, query);
  const groups = [
    { key: "recent", title: t("recent"), items: sections.recent },
    { key: "mots", title: t("mots"), items: sections.mots },
    { key: "others", title: t("allTouchpoints"), items: sections.others },
  ].filter((group) => group.items.length > 0);
  return (
    <section
      aria-labelledby="touchpoint-heading"
      className="flex flex-col gap-2"
      data-testid="touchpoint-picker"
    >
      <h2 id="touchpoint-heading" className="text-base font-semibold">
        {t("touchpoint")}
      </h2>
      <label className="relative block">
        <span className="sr-only">{t("searchTouchpoints")}</span>
        {icons.search}
        <input
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t("searchPlaceholder")}
          className="min-h-12 w-full rounded-lg border border-neutral-300 bg-white pl-9 pr-3 text-base"
          aria-describedby={error ? "touchpoint-error" : undefined}
        />
      </label>
      {error && (
        <p id="touchpoint-error" className="text-sm text-red-700" data-testid="field-error">
          {error}
        </p>
      )}
      {groups.length === 0 && <p className="py-3 text-sm text-neutral-600">{t("noMatch")}</p>}
      {groups.map((group) => (
        <div key={group.key}>
          <h3 className="mb-1 mt-2 text-xs font-semibold uppercase tracking-wide text-neutral-600">
            {group.title}
          </h3>
          <ul className="flex flex-col gap-1.5">
            {group.items.map((tp) => (
              <li key={tp.id}>
                <button
                  type="button"
                  onClick={() => {
                    setQuery("");
                    onSelect(tp);
                  }}
                  className="flex min-h-12 w-full items-center gap-2 rounded-lg border border-neutral-300 bg-white px-3 py-2 text-left active:bg-neutral-100"
                  data-testid="touchpoint-option"
                >
                  {tp.isMoT && icons.mot}
                  <span className="min-w-0 flex-1">
                    <span className="block font-medium">{name(tp)}</span>
                    <span className="block text-xs text-neutral-600">{stage(tp)}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
